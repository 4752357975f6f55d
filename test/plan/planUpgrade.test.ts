import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, planUpgrade, tiers, ValidationError, type UpgradePlan } from '../../src/index';
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
    expect(plan.expiring).toEqual([{ id: 'old', date: '2025-07-15', leavesOn: '2026-07-15', points: 5000, reason: 'leaves-window' }]);
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
