import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activities, defineProgram, evaluate, exponentialProgram, planUpgrade, tiers, ValidationError, windowKinds, type Evaluation, type UpgradePlan } from '../../src/index';
import { asOfArbitrary, ledgerArbitrary, runs, type RawLedger } from '../properties/arbitraries';

const ledger = (entries: Record<string, unknown>[], joinedOn = '2020-01-01'): RawLedger => ({ partner: { id: 'p', joinedOn }, entries });
const tierIds = tiers.map((t) => t.id);

/** The invariants of SPEC §3.1: the plan reaches the target on `by`, and leaving out any one planned entry does not. */
function expectMinimalReach(raw: RawLedger, plan: UpgradePlan): void {
  const reach = (entries: readonly unknown[]) => evaluate({ ...raw, entries: [...raw.entries, ...entries] }, { asOf: plan.by });
  const target = tierIds.indexOf(plan.target as (typeof tierIds)[number]);
  const met = (e: ReturnType<typeof evaluate>) => e.requirements[target]!.met;
  expect(met(reach(plan.entries))).toBe(true);
  plan.entries.forEach((_, i) => expect(met(reach(plan.entries.filter((__, j) => j !== i))), `without planned entry ${i}`).toBe(false));
  for (const entry of plan.entries) expect(entry.date).toBe(plan.by);
  const ids = new Set(raw.entries.map((e) => e['id']));
  for (const entry of plan.entries) expect(ids.has(entry.id)).toBe(false);
}

describe('planUpgrade', () => {
  it('targets the tier above the one held and plans the shortfall at the first month end', () => {
    const raw = ledger([{ id: 'e1', type: 'activity', date: '2026-04-01', activity: 'event-attendance' }]);
    const plan = planUpgrade(raw, { asOf: '2026-06-10' });
    expect(plan).toMatchObject({ asOf: '2026-06-10', current: 'basic', target: 'professional', by: '2026-06-30', reachable: true });
    expect(plan.shortfall).toEqual({ points: 3000, revenue: '7200.00', profileCertifications: 0, salesCertifications: 0 });
    // $7,200.00 of revenue also earns the 3,000 missing points: one entry is enough.
    expect(plan.entries).toEqual([{ id: 'plan-1', type: 'revenue', date: '2026-06-30', amount: '7200.00', source: 'direct-sale', status: 'approved' }]);
    expectMinimalReach(raw, plan);
    expect(plan.steps.join(' ')).toContain('$7,200.00');
  });

  it('counts the points that planned certifications earn toward the points shortfall', () => {
    const raw = ledger([
      { id: 'r', type: 'revenue', date: '2026-03-01', amount: '12000.00', source: 'direct-sale' },
      { id: 'e', type: 'activity', date: '2026-03-01', activity: 'premium-project', points: 5000 },
    ]);
    // 17,000 points; Silver needs 20,000 + 1 profile + 2 sales: three certifications add the 3,000 missing points.
    const plan = planUpgrade(raw, { asOf: '2026-06-30', target: 'silver' });
    expect(plan.shortfall).toEqual({ points: 3000, revenue: '0.00', profileCertifications: 1, salesCertifications: 2 });
    expect(plan.entries.map((e) => e.type)).toEqual(['certification', 'certification', 'certification']);
    expect(plan.entries.map((e) => (e as { holder: string }).holder)).toEqual(['new-profile-1', 'new-sales-1', 'new-sales-2']);
    expectMinimalReach(raw, plan);
  });

  it('uses placeholder holders that collide with no existing holder', () => {
    const raw = ledger([{ id: 'c', type: 'certification', date: '2026-01-01', holder: 'new-profile-1', certification: 'sales-premium' }]);
    const plan = planUpgrade(raw, { asOf: '2026-06-30', target: 'silver' });
    expect(plan.entries.filter((e) => e.type === 'certification').map((e) => (e as { holder: string }).holder)).toContain('new-profile-2');
    expectMinimalReach(raw, plan);
  });

  it('follows prefer, respecting the monthly limit and per-attendee rows', () => {
    const raw = ledger([{ id: 'p', type: 'activity', date: '2026-06-02', activity: 'pipeline-share' }]);
    const plan = planUpgrade(raw, { asOf: '2026-06-10', target: 'now', prefer: ['pipeline-share', 'article'] });
    // June already holds its pipeline share, so articles (500 each) fill the 2,000 missing points.
    expect(plan.entries.map((e) => (e as { activity: string }).activity)).toEqual(['article', 'article', 'article', 'article']);
    expectMinimalReach(raw, plan);
    const training = planUpgrade(ledger([]), { asOf: '2026-06-10', target: 'basic', prefer: ['training-course'] });
    expect(training.entries).toEqual([expect.objectContaining({ activity: 'training-course', quantity: 3 })]);
    expectMinimalReach(ledger([]), training);
  });

  it('answers "what keeps our tier" when the target is the tier held, and lists what leaves the window', () => {
    const raw = ledger([
      { id: 'old', type: 'activity', date: '2025-07-15', activity: 'event-attendance' },
      { id: 'new', type: 'activity', date: '2026-06-01', activity: 'forum-post' },
    ]);
    const plan = planUpgrade(raw, { asOf: '2026-06-30', target: 'basic', by: '2026-07-31' });
    expect(plan.current).toBe('basic');
    expect(plan.expiring).toEqual([{ id: 'old', rule: 'R3', date: '2025-07-15', leavesOn: '2026-07-15', points: 5000, reason: 'leaves-window' }]);
    expect(plan.shortfall.points).toBe(4990);
    expectMinimalReach(raw, plan);
  });

  it('needs nothing when the target is already met on by', () => {
    const raw = ledger([{ id: 'e', type: 'activity', date: '2026-06-01', activity: 'event-attendance' }]);
    const plan = planUpgrade(raw, { asOf: '2026-06-30', target: 'basic' });
    expect(plan).toMatchObject({ reachable: true, entries: [] });
    expect(plan.steps.at(-1)).toContain('Nothing more to do');
  });

  it.each([
    [{ asOf: '2026-06-30', by: '2026-05-31' }, 'by-before-as-of'],
    [{ asOf: '2026-06-30', target: 'now' }, 'target-below-current'],
  ])('is unreachable for %j with reason %s', (opts, reason) => {
    const raw = ledger([{ id: 'e', type: 'activity', date: '2026-06-01', activity: 'event-attendance' }]);
    const plan = planUpgrade(raw, opts);
    expect(plan).toMatchObject({ reachable: false, reason, entries: [] });
    expect(plan.message).toMatch(/\w/);
  });

  it.each([
    [{ asOf: '2026-06-30', target: 'diamond' }, 'target'],
    [{ asOf: '2026-06-31' }, 'asOf'],
    [{ asOf: '2026-06-30', prefer: ['certification'] }, 'prefer[0]'],
    [{ asOf: '2026-06-30', prefer: 'article' }, 'prefer'],
    [{ asOf: '2026-06-30', by: 'soon' }, 'by'],
  ])('throws one ValidationError for %j at %s', (opts, path) => {
    try {
      planUpgrade(ledger([]), opts as never);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((i) => i.path)).toContain(path);
    }
  });

  it('reaches every reachable target minimally for generated ledgers (property)', () => {
    fc.assert(
      fc.property(ledgerArbitrary(25), asOfArbitrary, fc.constantFrom(undefined, ...tierIds), fc.integer({ min: 0, max: 70 }), (raw, asOf, target, days) => {
        const by = new Date(Date.parse(`${asOf}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
        const plan = planUpgrade(raw, { asOf, by, ...(target === undefined ? {} : { target }) });
        if (!plan.reachable) {
          expect(['target-below-current']).toContain(plan.reason);
          return;
        }
        expectMinimalReach(raw, plan);
      }),
      runs(60),
    );
  });
});

/** The unclamped points sum of an evaluation (R7: the total is max(0, this)). */
const pointsSum = (e: Evaluation) => Object.values(e.points.byCategory).reduce((a, b) => a + b, 0);
const pointsRequired = (e: Evaluation, tier: string) => {
  const check = e.requirements.find((r) => r.tier === tier)?.checks.find((c) => c.kind === 'points');
  return check === undefined ? 0 : (check.required as number);
};

describe('planUpgrade with a points sum below 0 (the total clamped at 0)', () => {
  it('plans against the unclamped sum: 9,001 points reach Now, a "+" row at its minimum only (issue example)', () => {
    const raw = ledger([{ id: 'x1', type: 'adjustment', date: '2025-03-31', points: -7001, reason: 'claw-back', status: 'approved' }], '2024-02-29');
    const plan = planUpgrade(raw, { asOf: '2025-04-30' });
    const atBy = evaluate(raw, { asOf: plan.by });
    expect(atBy.points.total).toBe(0);
    // −7,001 plus the partner-year credit of 2025-02-28: the plan must lift the sum itself to 3,000.
    const needed = pointsRequired(atBy, 'now') - pointsSum(atBy);
    expect(needed).toBe(9001);
    expect(plan).toMatchObject({ reachable: true, target: 'now' });
    // No row at its minimum is worth 9,001 points on its own (a "+" row is planned at its minimum: the premium
    // project's 5,000, never one worth 9,001); the training course is, with enough attendees (R3), at the least excess.
    const training = activities.find((row) => row.id === 'training-course')!;
    expect(activities.filter((row) => row.kind !== 'derived' && row.kind !== 'per-attendee').every((row) => row.points < needed)).toBe(true);
    expect(plan.entries).toEqual([{ id: 'plan-1', type: 'activity', date: '2025-04-30', activity: 'training-course', quantity: Math.ceil(needed / training.points), status: 'approved' }]);
    expectMinimalReach(raw, plan);
    expect(plan.steps.join(' ')).toContain('9,001');
  });

  it('splits what no single entry can carry over several entries', () => {
    // Three claw-backs of 1,000,000,000 (the most an entry may carry): no one entry lifts the sum.
    const raw = ledger([1, 2, 3].map((n) => ({ id: `x${n}`, type: 'adjustment', date: '2026-05-01', points: -1_000_000_000, reason: 'claw-back' })));
    const plan = planUpgrade(raw, { asOf: '2026-06-30', target: 'basic' });
    expect(plan.reachable).toBe(true);
    expect(plan.entries.length).toBeGreaterThan(1);
    expectMinimalReach(raw, plan);
  });

  it('reaches every target whatever the claw-backs, never answering not-plannable (property)', () => {
    fc.assert(
      fc.property(ledgerArbitrary(12), asOfArbitrary, fc.constantFrom(...tierIds), fc.integer({ min: -1_000_000_000, max: -1 }), (raw, asOf, target, points) => {
        const clawedBack = { ...raw, entries: [...raw.entries, { id: 'claw', type: 'adjustment', date: asOf, points, reason: 'claw-back' }] };
        const plan = planUpgrade(clawedBack, { asOf, target });
        if (!plan.reachable) {
          expect(plan.reason).toBe('target-below-current');
          return;
        }
        expectMinimalReach(clawedBack, plan);
      }),
      runs(25),
    );
  });
});

describe('planUpgrade expiring: every point that stops counting between asOf and by', () => {
  it('lists the certification credit (R8) beside the activity, adding up to the fall of the total (issue example)', () => {
    const raw = ledger([
      { id: 'e1', type: 'activity', date: '2025-07-10', activity: 'event-attendance' },
      { id: 'c1', type: 'certification', date: '2025-07-10', holder: 'jane', certification: 'developer' },
      { id: 's1', type: 'activity', date: '2026-01-10', activity: 'customer-site' },
    ]);
    const plan = planUpgrade(raw, { asOf: '2026-06-30', by: '2026-07-31' });
    const fall = evaluate(raw, { asOf: '2026-06-30' }).points.total - evaluate(raw, { asOf: '2026-07-31' }).points.total;
    expect(fall).toBe(6000);
    expect(plan.expiring).toEqual([
      { id: 'e1', rule: 'R3', date: '2025-07-10', leavesOn: '2026-07-10', points: 5000, reason: 'leaves-window' },
      { id: 'c1', rule: 'R8', date: '2025-07-10', leavesOn: '2026-07-10', points: 1000, reason: 'leaves-window' },
    ]);
    expect(plan.expiring.reduce((sum, item) => sum + item.points, 0)).toBe(fall);
  });

  it('names an expiring certification by the approved entry, never a rejected twin', () => {
    const twin = { type: 'certification', date: '2025-01-10', holder: 'jane', certification: 'developer', expiresOn: '2026-07-15' };
    const raw = ledger([
      { id: 'c-rejected', ...twin, status: 'rejected' },
      { id: 'c-approved', ...twin },
    ]);
    const plan = planUpgrade(raw, { asOf: '2026-06-30', by: '2026-07-31' });
    expect(plan.expiring).toEqual([{ id: 'c-approved', rule: 'R8', date: '2025-01-10', leavesOn: '2026-07-16', points: 0, reason: 'certification-expires' }]);
    expect(plan.steps.join(' ')).toContain('Certification c-approved expires on 2026-07-15');
  });

  it('lists partner-year credits (R5) by rule and date, and revenue by its entry with its amount and the revenue points it takes', () => {
    const raw = ledger(
      [
        { id: 'r1', type: 'revenue', date: '2025-07-05', amount: '1200.75', source: 'direct-sale' },
        { id: 'r2', type: 'revenue', date: '2025-07-20', amount: '-300.50', source: 'direct-sale' },
        { id: 'r3', type: 'revenue', date: '2026-02-01', amount: '500.00', source: 'subscription' },
      ],
      '2023-07-12',
    );
    const now = evaluate(raw, { asOf: '2026-06-30' });
    const later = evaluate(raw, { asOf: '2026-07-31' });
    const plan = planUpgrade(raw, { asOf: '2026-06-30', by: '2026-07-31', target: 'now' });
    // Revenue points are floored on the sum (R2): 1,400.25 → 1,400, then 199.50 → 199, then 500.00 → 500.
    // The third partner-year credit (2025-07-12) leaves too; no later credit comes in.
    expect(plan.expiring).toEqual([
      { id: 'r1', rule: 'R2', date: '2025-07-05', leavesOn: '2026-07-05', points: 1201, amount: '1200.75', reason: 'leaves-window' },
      { id: 'R5', rule: 'R5', date: '2025-07-12', leavesOn: '2026-07-12', points: 1000, reason: 'leaves-window' },
      { id: 'r2', rule: 'R2', date: '2025-07-20', leavesOn: '2026-07-20', points: -301, amount: '-300.50', reason: 'leaves-window' },
    ]);
    expect(plan.expiring.reduce((sum, item) => sum + item.points, 0)).toBe(now.points.total - later.points.total);
  });

  it('does not list a credit a twin still in the window takes over (R8 once per pair, R3 once per month)', () => {
    const raw = ledger([
      { id: 'c1', type: 'certification', date: '2025-07-10', holder: 'jane', certification: 'developer' },
      { id: 'c2', type: 'certification', date: '2026-02-01', holder: 'jane', certification: 'developer' },
      { id: 'p1', type: 'activity', date: '2025-07-05', activity: 'pipeline-share' },
      { id: 'p2', type: 'activity', date: '2025-07-25', activity: 'pipeline-share' },
      { id: 'f1', type: 'activity', date: '2025-07-10', activity: 'forum-post' },
    ]);
    // Mid-month reviews: on 2026-07-15 p1 has left the window but p2, of the same month, has not.
    const plan = planUpgrade(raw, { asOf: '2026-06-30', by: '2026-07-15', target: 'now' });
    expect(plan.expiring.map((item) => item.id)).toEqual(['f1']);
    expect(evaluate(raw, { asOf: '2026-06-30' }).points.total - evaluate(raw, { asOf: '2026-07-15' }).points.total).toBe(10);
  });

  it('adds up to the fall of the total when nothing new comes into the window and the total is not clamped (property)', () => {
    fc.assert(
      fc.property(ledgerArbitrary(30), asOfArbitrary, fc.noBias(fc.integer({ min: 0, max: 400 })), fc.constantFrom(...windowKinds), fc.array(fc.noBias(fc.integer({ min: 0, max: 400 })), { minLength: 30, maxLength: 30 }), (generated, asOf, days, window, ages) => {
        const day = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
        const by = day(asOf, days);
        // Most entries dated in the year before asOf, so that many leave by `by`; none after asOf (nothing new).
        const raw = {
          ...generated,
          entries: generated.entries.map((entry, i) => {
            const moved: Record<string, unknown> = { ...entry, date: day(asOf, -ages[i]!) };
            if (typeof moved['expiresOn'] === 'string' && moved['expiresOn'] < (moved['date'] as string)) delete moved['expiresOn'];
            return moved;
          }),
        };
        const first = evaluate(raw, { asOf, window });
        const old = { ...raw, entries: raw.entries.filter((_, i) => first.entries[i]!.reason !== 'after-as-of') };
        const now = evaluate(old, { asOf, window });
        const later = evaluate(old, { asOf: by, window });
        fc.pre(later.derived.every((credit) => credit.date <= asOf));
        fc.pre(pointsSum(now) >= 0 && pointsSum(later) >= 0);
        const plan = planUpgrade(old, { asOf, by, window, target: 'platinum' });
        expect(plan.expiring.reduce((sum, item) => sum + item.points, 0)).toBe(now.points.total - later.points.total);
        for (const item of plan.expiring) {
          expect(item.leavesOn > asOf && item.leavesOn <= by).toBe(true);
          if (item.rule !== 'R5') expect(old.entries.some((e) => e['id'] === item.id)).toBe(true);
        }
      }),
      runs(120),
    );
  });
});

const reportable = activities.filter((row) => row.kind !== 'derived');
/** Any order of any reportable activities, as `prefer`. */
const preferArbitrary = fc.option(fc.shuffledSubarray(reportable.map((row) => row.id)), { nil: undefined });

describe('planUpgrade: realistic plans (a "+" row at its minimum)', () => {
  it('repeats a preferred "+" row at its minimum instead of one entry worth the whole shortfall', () => {
    const raw = ledger([{ id: 'x1', type: 'adjustment', date: '2026-06-01', points: -20_000, reason: 'claw-back' }]);
    const plan = planUpgrade(raw, { asOf: '2026-06-10', target: 'now', prefer: ['premium-project'] });
    const atBy = evaluate(raw, { asOf: plan.by });
    const needed = pointsRequired(atBy, 'now') - pointsSum(atBy);
    const premium = activities.find((row) => row.id === 'premium-project')!;
    // 23,000 points at 5,000 each (the minimum, R3): 5 premium projects, none carrying `points`.
    expect(needed).toBe(23_000);
    expect(plan.entries).toHaveLength(Math.ceil(needed / premium.points));
    for (const entry of plan.entries) expect(entry).toEqual({ id: entry.id, type: 'activity', date: plan.by, activity: 'premium-project', status: 'approved' });
    expectMinimalReach(raw, plan);
    expect(plan.steps).toContain(`Report 5 × ${premium.name} (5,000 points each: the minimum of a "+" row, more is awarded case by case) by ${plan.by} (R3).`);
  });

  it('gives a per-attendee row the attendees the points need, and says how many in the steps', () => {
    const raw = ledger([{ id: 'x1', type: 'adjustment', date: '2026-06-01', points: -120_270, reason: 'claw-back' }]);
    const plan = planUpgrade(raw, { asOf: '2026-06-10', target: 'now' });
    const atBy = evaluate(raw, { asOf: plan.by });
    const needed = pointsRequired(atBy, 'now') - pointsSum(atBy);
    const training = activities.find((row) => row.id === 'training-course')!;
    const quantity = Math.ceil(needed / training.points);
    expect(plan.entries).toEqual([{ id: 'plan-1', type: 'activity', date: plan.by, activity: 'training-course', quantity, status: 'approved' }]);
    expect(plan.steps).toContain(`Report 1 × ${training.name} with ${quantity} attendees by ${plan.by} (R3).`);
    expectMinimalReach(raw, plan);
  });

  it('never plans an activity entry with points above its row\'s minimum (property)', () => {
    fc.assert(
      fc.property(
        ledgerArbitrary(20),
        asOfArbitrary,
        fc.constantFrom(undefined, ...tierIds),
        fc.option(fc.integer({ min: -3_000_000_000, max: -1 }), { nil: undefined }),
        preferArbitrary,
        (generated, asOf, target, clawBack, prefer) => {
          const raw = clawBack === undefined ? generated : { ...generated, entries: [...generated.entries, { id: 'claw', type: 'adjustment', date: asOf, points: Math.max(clawBack, -1_000_000_000), reason: 'claw-back' }] };
          const plan = planUpgrade(raw, { asOf, ...(target === undefined ? {} : { target }), ...(prefer === undefined ? {} : { prefer }) });
          for (const entry of plan.entries) {
            if (entry.type !== 'activity') continue;
            const row = activities.find((r) => r.id === entry.activity)!;
            expect(row.kind).not.toBe('derived');
            if (entry.points !== undefined) expect(entry.points).toBeLessThanOrEqual(row.points);
            if (entry.quantity !== undefined) expect(row.kind).toBe('per-attendee');
          }
        },
      ),
      runs(60),
    );
  });

  it('reaches the target on by with the planned entries appended, and misses it without any one, whatever prefer says (property)', () => {
    fc.assert(
      fc.property(ledgerArbitrary(20), asOfArbitrary, fc.constantFrom(...tierIds), preferArbitrary, fc.integer({ min: 0, max: 70 }), (raw, asOf, target, prefer, days) => {
        const by = new Date(Date.parse(`${asOf}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
        const plan = planUpgrade(raw, { asOf, by, target, ...(prefer === undefined ? {} : { prefer }) });
        if (!plan.reachable) {
          expect(plan.reason).toBe('target-below-current');
          return;
        }
        expectMinimalReach(raw, plan);
      }),
      runs(30),
    );
  });

  it('plans revenue for the points when activities cannot carry them in 1,000 entries (a program of small rows)', () => {
    const cite = { rule: 'R3', source: 'test program' };
    const base = JSON.parse(JSON.stringify(exponentialProgram)) as { versions: Record<string, unknown>[] };
    const version = base.versions[0]!;
    const program = defineProgram({
      ...base,
      id: 'small-rows',
      versions: [{ ...version, activities: [{ id: 'forum-post', name: 'Forum post', points: 10, kind: 'fixed', category: 'knowledge', ...cite }] }],
    });
    const raw = ledger([{ id: 'x1', type: 'adjustment', date: '2026-06-01', points: -1_000_000, reason: 'claw-back' }]);
    const plan = planUpgrade(raw, { asOf: '2026-06-10', target: 'now', program });
    const atBy = evaluate(raw, { asOf: plan.by, program });
    const needed = pointsRequired(atBy, 'now') - pointsSum(atBy);
    // 100,300 forum posts would do it; more than a plan proposes, so a point per dollar (R2) carries the points.
    expect(Math.ceil(needed / 10)).toBeGreaterThan(1000);
    expect(plan.entries).toEqual([{ id: 'plan-1', type: 'revenue', date: plan.by, amount: `${needed}.00`, source: 'direct-sale', status: 'approved' }]);
    const reach = (entries: readonly unknown[]) => evaluate({ ...raw, entries: [...raw.entries, ...entries] }, { asOf: plan.by, program }).requirements[0]!.met;
    expect(reach(plan.entries)).toBe(true);
    expect(reach([])).toBe(false);
  });
});

describe('planUpgrade with revenue sums beyond the nine digits of one amount', () => {
  const big = (id: string, date: string, amount: string) => ({ id, type: 'revenue', date, amount, source: 'direct-sale' });

  it('plans a revenue shortfall past refunds of billions, split over entries an amount may carry (R2)', () => {
    const raw = ledger([1, 2, 3, 4, 5, 6].map((n) => big(`r${n}`, '2026-03-01', '-999999999.00')));
    const plan = planUpgrade(raw, { asOf: '2026-06-30', target: 'professional' });
    // $7,200 needed, $5,999,999,994 refunded: the shortfall is their distance, exactly.
    expect(plan.shortfall.revenue).toBe('6000007194.00');
    const revenue = plan.entries.filter((e) => e.type === 'revenue') as { amount: string }[];
    expect(revenue.every((e) => Number(e.amount) <= 999_999_999.99)).toBe(true);
    expect(revenue.reduce((sum, e) => sum + Math.round(Number(e.amount) * 100), 0)).toBe(600_000_719_400);
    expectMinimalReach(raw, plan);
  });

  it('lists revenue leaving the window when the sum has ten digits', () => {
    const raw = ledger([big('r1', '2025-07-05', '999999999.00'), big('r2', '2026-02-01', '999999999.00')]);
    const plan = planUpgrade(raw, { asOf: '2026-06-30', by: '2026-07-31', target: 'now' });
    expect(plan.expiring).toEqual([{ id: 'r1', rule: 'R2', date: '2025-07-05', leavesOn: '2026-07-05', points: 999_999_999, amount: '999999999.00', reason: 'leaves-window' }]);
    const fall = evaluate(raw, { asOf: '2026-06-30' }).points.total - evaluate(raw, { asOf: '2026-07-31' }).points.total;
    expect(plan.expiring[0]!.points).toBe(fall);
  });
});
