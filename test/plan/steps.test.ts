// The plan in words (src/plan/steps.ts): each sentence as SPEC §3.1's `steps` gives it, with its figures taken
// from the plan itself (its `expiring` and `entries`) or from `evaluate`, never typed in by hand.
import { describe, expect, it } from 'vitest';
import { activities, certifications, evaluate, planUpgrade, type Evaluation, type UpgradePlan } from '../../src/index';
import { formatCount, formatMoney, plural } from '../../src/format';
import { type RawLedger } from '../properties/arbitraries';

const ledger = (entries: Record<string, unknown>[], joinedOn = '2020-01-01'): RawLedger => ({ partner: { id: 'p', joinedOn }, entries });
const pointsSum = (e: Evaluation) => Object.values(e.points.byCategory).reduce((a, b) => a + b, 0);
const nameOf = (id: string) => activities.find((row) => row.id === id)!.name;
const certName = (id: string) => certifications.find((row) => row.id === id)!.name;
const leavingPoints = (plan: UpgradePlan) => plan.expiring.filter((i) => i.reason === 'leaves-window').reduce((sum, i) => sum + i.points, 0);

describe('planUpgrade steps: what leaves the window (R1)', () => {
  it('counts entries and partner-year credits apart, with the revenue leaving, in the plural', () => {
    const raw = ledger(
      [
        { id: 'r1', type: 'revenue', date: '2025-07-05', amount: '1200.75', source: 'direct-sale' },
        { id: 'e1', type: 'activity', date: '2025-07-10', activity: 'event-attendance' },
      ],
      '2023-07-12',
    );
    const plan = planUpgrade(raw, { asOf: '2026-06-30', by: '2026-07-31', target: 'basic' });
    // Nothing new comes in and the total is not clamped: what leaves is the fall of the total.
    const fall = evaluate(raw, { asOf: '2026-06-30' }).points.total - evaluate(raw, { asOf: '2026-07-31' }).points.total;
    expect(leavingPoints(plan)).toBe(fall);
    expect(plan.expiring.map((i) => i.rule)).toEqual(['R2', 'R3', 'R5']);
    expect(plan.steps[0]).toBe(`By 2026-07-31, 2 entries and 1 partner-year credit leave the window (${formatCount(fall)} points, with ${formatMoney('1200.75', 'USD')} of revenue) (R1).`);
    // Points leaving are not certifications expiring: no renewal step.
    expect(plan.steps.filter((step) => step.includes('(R8)'))).toEqual([]);
  });

  it('says "leaves" for one entry, without revenue', () => {
    const raw = ledger([
      { id: 'old', type: 'activity', date: '2025-07-15', activity: 'event-attendance' },
      { id: 'new', type: 'activity', date: '2026-06-01', activity: 'forum-post' },
    ]);
    const plan = planUpgrade(raw, { asOf: '2026-06-30', target: 'basic', by: '2026-07-31' });
    const points = activities.find((row) => row.id === 'event-attendance')!.points;
    expect(plan.steps[0]).toBe(`By 2026-07-31, 1 entry leaves the window (${plural(points, 'point')}) (R1).`);
  });

  it('names partner-year credits alone when no entry leaves', () => {
    const raw = ledger([], '2023-06-15');
    const plan = planUpgrade(raw, { asOf: '2025-06-30', by: '2027-07-31', target: 'now' });
    const credits = plan.expiring.filter((i) => i.rule === 'R5');
    expect(credits.length).toBe(plan.expiring.length);
    expect(credits.length).toBeGreaterThan(0);
    expect(plan.steps[0]).toBe(`By 2027-07-31, ${plural(credits.length, 'partner-year credit')} ${credits.length === 1 ? 'leaves' : 'leave'} the window (${plural(leavingPoints(plan), 'point')}) (R1).`);
  });

  it('says nothing of the window when nothing leaves', () => {
    const plan = planUpgrade(ledger([]), { asOf: '2026-06-10', target: 'now' });
    expect(plan.expiring).toEqual([]);
    expect(plan.steps.some((s) => s.includes('the window'))).toBe(false);
  });
});

describe('planUpgrade steps: a points sum below 0 (R7)', () => {
  it('gives the sum, the points required and the distance, with several entries of one row of other sizes', () => {
    // Three claw-backs of a billion: the training course carries the points in entries of at most 1,000,000 attendees.
    const raw = ledger([1, 2, 3].map((n) => ({ id: `x${n}`, type: 'adjustment', date: '2026-05-01', points: -1_000_000_000, reason: 'claw-back' })));
    const plan = planUpgrade(raw, { asOf: '2026-06-30', target: 'basic' });
    const atBy = evaluate(raw, { asOf: plan.by });
    const sum = pointsSum(atBy);
    const required = tiersPoints('basic');
    expect(plan.steps[0]).toBe(`On ${plan.by} the points add up to ${formatCount(sum)}, a total of 0 (R7): reaching ${formatCount(required)} takes ${plural(required - sum, 'point')} more.`);
    const quantities = plan.entries.map((e) => (e.type === 'activity' ? e.quantity : undefined));
    expect(new Set(quantities).size).toBe(plan.entries.length);
    // One step per row and size: each entry of another size is its own step, without "each".
    const training = nameOf('training-course');
    expect(plan.steps.slice(1, -1)).toEqual(quantities.map((q) => `Report 1 × ${training} with ${plural(q!, 'attendee')} by ${plan.by} (R3).`));
    expect(plan.steps.at(-1)).toBe(`Then Basic is reached on ${plan.by} (R9).`);
  });

  it('says nothing of the sum when it is exactly 0', () => {
    const raw = ledger([{ id: 'x1', type: 'adjustment', date: '2026-05-01', points: -5000, reason: 'claw-back' }, { id: 'e', type: 'activity', date: '2026-05-01', activity: 'event-attendance' }]);
    const plan = planUpgrade(raw, { asOf: '2026-06-30', target: 'now' });
    expect(pointsSum(evaluate(raw, { asOf: plan.by }))).toBe(0);
    expect(plan.reachable).toBe(true);
    expect(plan.steps.some((s) => s.includes('(R7)'))).toBe(false);
  });
});

/** The points a tier of the built-in program requires. */
function tiersPoints(tier: string): number {
  const check = evaluate(ledger([]), { asOf: '2026-06-30' }).requirements.find((r) => r.tier === tier)!.checks.find((c) => c.kind === 'points');
  return check!.required as number;
}

describe('planUpgrade steps: revenue, certifications and activities', () => {
  it('lists revenue entries by amount, and each kind of certification with its certifications named once', () => {
    const plan = planUpgrade(ledger([]), { asOf: '2026-06-10', target: 'gold' });
    const revenue = plan.entries.filter((e) => e.type === 'revenue');
    expect(plan.steps[0]).toBe(`Earn ${revenue.map((e) => formatMoney(e.amount, 'USD')).join(' + ')} more revenue through direct sales, project licensing or subscriptions by ${plan.by} (R2).`);
    const certs = plan.entries.filter((e) => e.type === 'certification');
    for (const kind of ['profile', 'sales']) {
      const ofKind = certs.filter((e) => certifications.find((row) => row.id === e.certification)!.kind === kind);
      const names = [...new Set(ofKind.map((e) => certName(e.certification)))];
      // Gold lacks more sales people than there are sales certifications: each name once.
      if (kind === 'sales') expect(names.length).toBeLessThan(ofKind.length);
      expect(plan.steps).toContain(`Certify ${plural(ofKind.length, 'more person', 'more people')} in a ${kind} certification (e.g. ${names.join(', ')}) by ${plan.by} (R8).`);
    }
  });

  it('lists revenue split over entries with " + "', () => {
    const raw = ledger([1, 2].map((n) => ({ id: `r${n}`, type: 'revenue', date: '2026-03-01', amount: '-999999999.00', source: 'direct-sale' })));
    const plan = planUpgrade(raw, { asOf: '2026-06-30', target: 'professional' });
    const revenue = plan.entries.filter((e) => e.type === 'revenue');
    expect(revenue.length).toBeGreaterThan(1);
    expect(plan.steps).toContain(`Earn ${revenue.map((e) => formatMoney(e.amount, 'USD')).join(' + ')} more revenue through direct sales, project licensing or subscriptions by ${plan.by} (R2).`);
  });

  it('reports a fixed row repeated with "×" and no detail, one person in the singular', () => {
    const raw = ledger([{ id: 'p', type: 'activity', date: '2026-06-02', activity: 'pipeline-share' }]);
    const plan = planUpgrade(raw, { asOf: '2026-06-10', target: 'now', prefer: ['pipeline-share', 'article'] });
    const articles = plan.entries.filter((e) => e.type === 'activity' && e.activity === 'article');
    expect(articles.length).toBe(plan.entries.length);
    expect(plan.steps).toEqual([`Report ${articles.length} × ${nameOf('article')} by ${plan.by} (R3).`, `Then Now is reached on ${plan.by} (R9).`]);
    const silver = planUpgrade(
      ledger([
        { id: 'r', type: 'revenue', date: '2026-03-01', amount: '12000.00', source: 'direct-sale' },
        { id: 'e', type: 'activity', date: '2026-03-01', activity: 'premium-project', points: 5000 },
      ]),
      { asOf: '2026-06-30', target: 'silver' },
    );
    expect(silver.steps).toContain(`Certify 1 more person in a profile certification (e.g. ${certName('developer')}) by ${silver.by} (R8).`);
  });

  it('says a "+" row is planned at its minimum, for one entry without "each"', () => {
    // The partner-year credit (R5) in the window leaves points to find that one "+" row's minimum covers.
    const raw = ledger([], '2024-06-15');
    const plan = planUpgrade(raw, { asOf: '2026-06-30', target: 'now' });
    expect(plan.entries).toHaveLength(1);
    const entry = plan.entries[0]!;
    if (entry.type !== 'activity') throw new Error('an activity is planned');
    const row = activities.find((r) => r.id === entry.activity)!;
    expect(row.kind).toBe('minimum');
    expect(row.points).toBeGreaterThanOrEqual(tiersPoints('now') - pointsSum(evaluate(raw, { asOf: plan.by })));
    expect(plan.steps).toEqual([`Report 1 × ${row.name} (${plural(row.points, 'point')}: the minimum of a "+" row, more is awarded case by case) by ${plan.by} (R3).`, `Then Now is reached on ${plan.by} (R9).`]);
  });

  it('says nothing is left to do when the ledger reaches the target, after what expires', () => {
    const raw = ledger([
      { id: 'e', type: 'activity', date: '2026-06-01', activity: 'event-attendance' },
      { id: 'c', type: 'certification', date: '2025-01-10', holder: 'jane', certification: 'developer', expiresOn: '2026-07-15' },
    ]);
    const plan = planUpgrade(raw, { asOf: '2026-06-30', by: '2026-07-31', target: 'basic' });
    expect(plan.entries).toEqual([]);
    expect(plan.steps).toEqual(['Certification c expires on 2026-07-15: renew it (R8).', 'Nothing more to do: the ledger as it is reaches Basic on 2026-07-31 (R9).']);
  });

  it('gives revenue, then each activity row its own step, then the tier (R2, R3, R9)', () => {
    const raw = ledger([{ id: 'r0', type: 'revenue', date: '2025-03-31', amount: '7000.00', source: 'direct-sale' }]);
    const plan = planUpgrade(raw, { asOf: '2025-04-30', target: 'professional' });
    const revenue = plan.entries.filter((e) => e.type === 'revenue');
    const activities = plan.entries.filter((e) => e.type === 'activity');
    expect(revenue.length).toBeGreaterThan(0);
    expect(activities.length).toBeGreaterThan(0);
    expect(plan.steps).toEqual([
      `Earn ${revenue.map((e) => formatMoney(e.amount, 'USD')).join(' + ')} more revenue through direct sales, project licensing or subscriptions by ${plan.by} (R2).`,
      ...[...new Set(activities.map((e) => e.activity))].map((id) => `Report ${activities.filter((e) => e.activity === id).length} × ${nameOf(id)} by ${plan.by} (R3).`),
      `Then Professional is reached on ${plan.by} (R9).`,
    ]);
  });

  it('gives two activity rows two steps', () => {
    // June's one pipeline share earns 1,000 of the 1,500 missing; an article the rest.
    const raw = ledger([{ id: 'a', type: 'adjustment', date: '2026-06-01', points: tiersPoints('now') - 1500, reason: 'goodwill' }], '2000-01-01');
    const plan = planUpgrade(raw, { asOf: '2026-06-10', target: 'now', prefer: ['pipeline-share', 'article'] });
    expect(plan.entries.map((e) => (e.type === 'activity' ? e.activity : e.type))).toEqual(['pipeline-share', 'article']);
    expect(plan.steps).toEqual([`Report 1 × ${nameOf('pipeline-share')} by ${plan.by} (R3).`, `Report 1 × ${nameOf('article')} by ${plan.by} (R3).`, `Then Now is reached on ${plan.by} (R9).`]);
  });
});
