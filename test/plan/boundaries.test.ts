// The planner at its boundaries (src/plan/planUpgrade.ts, proposals.ts, limited.ts, minimising.ts): targets
// reached exactly or one cent short, ids and holders that must not collide, limited rows' entries after `by`
// or before the window, revenue past a negative sum. Every expectation is computed from the rules or checked
// by `evaluate` of the extended ledger, and every plan is checked minimal.
import { describe, expect, it } from 'vitest';
import { defineProgram, evaluate, exponentialProgram, planUpgrade, tiers, type Program, type UpgradePlan } from '../../src/index';
import { type RawLedger } from '../properties/arbitraries';

const ledger = (entries: Record<string, unknown>[], joinedOn = '2020-01-01'): RawLedger => ({ partner: { id: 'p', joinedOn }, entries });
const tierIds: readonly string[] = tiers.map((t) => t.id);

/** SPEC §3.1: appended, the plan reaches the target on `by`; without any one planned entry it does not; ids are new. */
function expectMinimalReach(raw: RawLedger, plan: UpgradePlan, program?: Program): void {
  const ids = (program ?? exponentialProgram).versions.at(-1)!.tiers.map((t) => t.id);
  const target = ids.indexOf(plan.target);
  const met = (entries: readonly unknown[]) => evaluate({ ...raw, entries: [...raw.entries, ...entries] }, { asOf: plan.by, ...(program === undefined ? {} : { program }) }).requirements[target]!.met;
  expect(plan.reachable).toBe(true);
  expect(met(plan.entries)).toBe(true);
  plan.entries.forEach((_, i) => expect(met(plan.entries.filter((__, j) => j !== i)), `without planned entry ${i}`).toBe(false));
  const taken = new Set(raw.entries.map((e) => e['id']));
  for (const entry of plan.entries) {
    expect(taken.has(entry.id), entry.id).toBe(false);
    taken.add(entry.id);
  }
}

/** The built-in program with one more activity row (a copy through defineProgram). */
function withRow(row: Record<string, unknown>): Program {
  const base = JSON.parse(JSON.stringify(exponentialProgram)) as { versions: { activities: unknown[] }[] };
  const version = base.versions[0]!;
  return defineProgram({ ...base, id: 'with-row', versions: [{ ...version, activities: [...version.activities, row] }] } as never);
}

describe('planUpgrade: a target reached exactly, and one cent or one point short', () => {
  const points = (id: string) => (tiers.find((t) => t.id === id)!.requirements.find((r) => r.type === 'points') as { min: number }).min;
  const revenueMin = (id: string) => (tiers.find((t) => t.id === id)!.requirements.find((r) => r.type === 'revenue') as { min: string }).min;

  it('needs nothing when the points are exactly the requirement, and one entry when one point short', () => {
    const exact = ledger([{ id: 'a', type: 'adjustment', date: '2026-06-01', points: points('basic'), reason: 'goodwill' }]);
    expect(planUpgrade(exact, { asOf: '2026-06-30', target: 'basic' })).toMatchObject({ reachable: true, entries: [], shortfall: { points: 0 } });
    const short = ledger([{ id: 'a', type: 'adjustment', date: '2026-06-01', points: points('basic') - 1, reason: 'goodwill' }]);
    const plan = planUpgrade(short, { asOf: '2026-06-30', target: 'basic' });
    expect(plan.shortfall.points).toBe(1);
    expect(plan.entries).toHaveLength(1);
    expectMinimalReach(short, plan);
  });

  it('plans the one cent of revenue missing, which also earns the one revenue point missing (R2)', () => {
    const min = revenueMin('professional');
    const cents = Math.round(Number(min) * 100) - 1;
    const amount = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
    // The revenue's floored points plus an event: the points requirement is met with or without the cent.
    const raw = ledger([
      { id: 'r', type: 'revenue', date: '2026-05-01', amount, source: 'direct-sale' },
      { id: 'e', type: 'activity', date: '2026-05-01', activity: 'event-attendance' },
    ]);
    expect(evaluate(raw, { asOf: '2026-06-30' }).points.total).toBeGreaterThanOrEqual(points('professional'));
    const plan = planUpgrade(raw, { asOf: '2026-06-30', target: 'professional' });
    expect(plan.shortfall).toMatchObject({ points: 0, revenue: '0.01' });
    expect(plan.entries).toEqual([{ id: 'plan-1', type: 'revenue', date: '2026-06-30', amount: '0.01', source: 'direct-sale', status: 'approved' }]);
    expectMinimalReach(raw, plan);
  });

  it('plans the certifications a tier lacks exactly, none when they are there (R9)', () => {
    const silver = tiers.find((t) => t.id === 'silver')!;
    const need = (kind: string) => (silver.requirements.find((r) => r.type === 'certifications' && r.kind === kind) as { min: number }).min;
    const certs = (kind: string, certification: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${kind}${i}`, type: 'certification', date: '2026-03-01', holder: `${kind}-holder-${i}`, certification }));
    const revenue = { id: 'r', type: 'revenue', date: '2026-03-01', amount: `${points('silver')}.00`, source: 'direct-sale' };
    const full = ledger([revenue, ...certs('profile', 'developer', need('profile')), ...certs('sales', 'sales-premium', need('sales'))]);
    expect(planUpgrade(full, { asOf: '2026-06-30', target: 'silver' }).entries).toEqual([]);
    const short = ledger([revenue, ...certs('profile', 'developer', need('profile')), ...certs('sales', 'sales-premium', need('sales') - 1)]);
    const plan = planUpgrade(short, { asOf: '2026-06-30', target: 'silver' });
    expect(plan.entries.map((e) => (e.type === 'certification' ? [e.certification, e.holder] : e.type))).toEqual([['sales-premium', 'new-sales-1']]);
    expectMinimalReach(short, plan);
  });
});

describe('planUpgrade: ids and holders that are new', () => {
  it('skips the plan-n ids the ledger has, whatever their order', () => {
    const raw = ledger([
      { id: 'plan-3', type: 'activity', date: '2026-01-01', activity: 'forum-post' },
      { id: 'plan-1', type: 'activity', date: '2026-01-01', activity: 'forum-post' },
    ]);
    const plan = planUpgrade(raw, { asOf: '2026-06-30', target: 'gold' });
    expect(plan.entries.length).toBeGreaterThan(3);
    expect(plan.entries.slice(0, 3).map((e) => e.id)).toEqual(['plan-2', 'plan-4', 'plan-5']);
    expectMinimalReach(raw, plan);
  });

  it('skips the placeholder holders of each kind the ledger has, counting each kind apart', () => {
    const raw = ledger([
      { id: 'c1', type: 'certification', date: '2026-01-01', holder: 'new-sales-1', certification: 'design', status: 'rejected' },
      { id: 'c2', type: 'certification', date: '2026-01-01', holder: 'new-profile-2', certification: 'sales-premium', status: 'rejected' },
    ]);
    const plan = planUpgrade(raw, { asOf: '2026-06-30', target: 'gold' });
    const holders = plan.entries.flatMap((e) => (e.type === 'certification' ? [e.holder] : []));
    expect(holders.filter((h) => h.startsWith('new-profile-'))).toEqual(['new-profile-1', 'new-profile-3']);
    expect(holders.filter((h) => h.startsWith('new-sales-'))).toEqual(['new-sales-2', 'new-sales-3', 'new-sales-4', 'new-sales-5', 'new-sales-6', 'new-sales-7']);
    expectMinimalReach(raw, plan);
  });
});

describe('planUpgrade: limited rows around by (R3)', () => {
  it('a pipeline share dated after by, in the month of by, does not take the month\'s place on by', () => {
    const raw = ledger([{ id: 'later', type: 'activity', date: '2026-06-20', activity: 'pipeline-share' }]);
    // On 2026-06-15 the later entry does not count yet: June's one place is free for a planned share.
    expect(evaluate(raw, { asOf: '2026-06-15' }).entries[0]!.reason).toBe('after-as-of');
    const plan = planUpgrade(raw, { asOf: '2026-06-10', by: '2026-06-15', target: 'now', prefer: ['pipeline-share', 'article'] });
    expect(plan.entries.filter((e) => e.type === 'activity' && e.activity === 'pipeline-share')).toHaveLength(1);
    expectMinimalReach(raw, plan);
  });

  it('entries before the window do not take a cap per window', () => {
    const program = withRow({ id: 'webinar', name: 'Webinar', points: 300, kind: 'fixed', category: 'knowledge', cap: { points: 1000, per: 'window' }, rule: 'R3', source: 'Webinar 300, up to 1,000 a window' });
    const webinar = (id: string, date: string) => ({ id, type: 'activity', date, activity: 'webinar' });
    // Two webinars before the window on 2026-06-30, one on its first day and one in it: 600 of the window's 1,000 taken.
    const from = evaluate(ledger([]), { asOf: '2026-06-30' }).window.from;
    const raw = ledger([webinar('w1', '2025-05-01'), webinar('w2', '2025-06-01'), webinar('w3', from), webinar('w4', '2026-01-10')]);
    const atBy = evaluate(raw, { asOf: '2026-06-30', program });
    const taken = atBy.entries.filter((e) => e.outcome === 'counted').reduce((sum, e) => sum + e.points, 0);
    expect(taken).toBe(600);
    const plan = planUpgrade(raw, { asOf: '2026-06-30', target: 'now', prefer: ['webinar'], program });
    const webinars = plan.entries.filter((e) => e.type === 'activity' && e.activity === 'webinar');
    // What the cap leaves, 400, takes two webinars (300 and 100); the rest comes from other rows.
    expect(webinars).toHaveLength(Math.ceil((1000 - taken) / 300));
    expectMinimalReach(raw, plan, program);
  });
});

describe('planUpgrade: a preferred row repeated up to 1,000 entries, not one more', () => {
  const forum = exponentialProgram.versions[0].activities.find((row) => row.id === 'forum-post')!;
  const now = (tiers[0]!.requirements[0] as { min: number }).min;
  // Joined long ago: no partner-year credit (R5) in the window, so the claw-back alone sets the sum.
  const clawedBack = (missing: number) => ledger([{ id: 'x', type: 'adjustment', date: '2026-06-01', points: now - missing, reason: 'claw-back' }], '2000-01-01');

  it('plans 1,000 forum posts for exactly 1,000 posts\' worth of points', () => {
    const raw = clawedBack(1000 * forum.points);
    const plan = planUpgrade(raw, { asOf: '2026-06-30', target: tierIds[0]!, prefer: ['forum-post'] });
    expect(plan.entries).toHaveLength(1000);
    expect(plan.entries.every((e) => e.type === 'activity' && e.activity === 'forum-post')).toBe(true);
    const met = (entries: readonly unknown[]) => evaluate({ ...raw, entries: [...raw.entries, ...entries] }, { asOf: plan.by }).requirements[0]!.met;
    expect(met(plan.entries)).toBe(true);
    // The entries are alike: leaving out any one is leaving out the last.
    expect(met(plan.entries.slice(1))).toBe(false);
    expect(plan.steps).toContain(`Report 1,000 × ${forum.name} by ${plan.by} (R3).`);
  });

  it('passes over the preference when one more post would be needed', () => {
    const raw = clawedBack(1000 * forum.points + 1);
    const plan = planUpgrade(raw, { asOf: '2026-06-30', target: tierIds[0]!, prefer: ['forum-post'] });
    expect(plan.entries.some((e) => e.type === 'activity' && e.activity === 'forum-post')).toBe(false);
    expectMinimalReach(raw, plan);
  });
});

describe('planUpgrade: a minimal plan drops the first planned entry too', () => {
  it('leaves out a capped entry that a later preferred row makes redundant', () => {
    const program = withRow({ id: 'webinar', name: 'Webinar', points: 300, kind: 'fixed', category: 'knowledge', cap: { points: 1000, per: 'year' }, rule: 'R3', source: 'Webinar 300, up to 1,000 a year' });
    const webinar = (id: string, date: string) => ({ id, type: 'activity', date, activity: 'webinar' });
    // 900 of the year's 1,000 taken: a planned webinar earns 100, then an event (5,000) alone covers what is missing.
    const raw = ledger([webinar('w1', '2026-01-10'), webinar('w2', '2026-02-10'), webinar('w3', '2026-03-10')], '2026-01-01');
    const sum = Object.values(evaluate(raw, { asOf: '2026-06-30', program }).points.byCategory).reduce((a, b) => a + b, 0);
    const event = exponentialProgram.versions[0].activities.find((row) => row.id === 'event-attendance')!;
    const missing = (tiers[0]!.requirements[0] as { min: number }).min - sum;
    expect(missing).toBeGreaterThan(100);
    expect(event.points).toBeGreaterThanOrEqual(missing);
    const plan = planUpgrade(raw, { asOf: '2026-06-30', target: tierIds[0]!, prefer: ['webinar', 'event-attendance'], program });
    expect(plan.entries.map((e) => (e.type === 'activity' ? e.activity : e.type))).toEqual(['event-attendance']);
    expectMinimalReach(raw, plan, program);
  });
});

describe('planUpgrade: revenue for the points past a negative revenue sum (R2)', () => {
  const cite = { rule: 'R3', source: 'test program' };
  const base = JSON.parse(JSON.stringify(exponentialProgram)) as { versions: Record<string, unknown>[] };
  // Activities too small to carry a million points in 1,000 entries: revenue carries them.
  const program = defineProgram({
    ...base,
    id: 'small-rows',
    versions: [{ ...base.versions[0]!, activities: [{ id: 'forum-post', name: 'Forum post', points: 10, kind: 'fixed', category: 'knowledge', ...cite }] }],
  } as never);

  it('adds the points in dollars to a positive revenue sum', () => {
    const raw = ledger([
      { id: 'r', type: 'revenue', date: '2026-05-01', amount: '500.50', source: 'direct-sale' },
      { id: 'x', type: 'adjustment', date: '2026-06-01', points: -1_000_000, reason: 'claw-back' },
    ]);
    const atBy = evaluate(raw, { asOf: '2026-06-30', program });
    const needed = (tiers[0]!.requirements[0] as { min: number }).min - Object.values(atBy.points.byCategory).reduce((a, b) => a + b, 0);
    const plan = planUpgrade(raw, { asOf: '2026-06-30', target: tierIds[0]!, program });
    expect(plan.entries).toEqual([{ id: 'plan-1', type: 'revenue', date: '2026-06-30', amount: `${needed}.00`, source: 'direct-sale', status: 'approved' }]);
    expectMinimalReach(raw, plan, program);
  });

  it('first makes up the negative sum, since revenue points are floored at 0', () => {
    const raw = ledger([
      { id: 'r', type: 'revenue', date: '2026-05-01', amount: '-500.50', source: 'direct-sale' },
      { id: 'x', type: 'adjustment', date: '2026-06-01', points: -1_000_000, reason: 'claw-back' },
    ]);
    const atBy = evaluate(raw, { asOf: '2026-06-30', program });
    expect(atBy.revenue).toEqual({ total: '-500.50', points: 0 });
    const sum = Object.values(atBy.points.byCategory).reduce((a, b) => a + b, 0);
    const needed = (tiers[0]!.requirements[0] as { min: number }).min - sum;
    const plan = planUpgrade(raw, { asOf: '2026-06-30', target: tierIds[0]!, program });
    // One entry: the points needed in dollars, and the $500.50 below 0 before them.
    expect(plan.entries).toEqual([{ id: 'plan-1', type: 'revenue', date: '2026-06-30', amount: `${needed + 500}.50`, source: 'direct-sale', status: 'approved' }]);
    expectMinimalReach(raw, plan, program);
  });
});

describe('planUpgrade: the single activity entry with the least excess', () => {
  const reportable = exponentialProgram.versions[0].activities.filter((row) => row.kind !== 'derived');
  /** What one entry of each reportable row earns toward `missing` (a per-attendee row with the attendees it needs). */
  const earns = (missing: number) => reportable.map((row) => (row.kind === 'per-attendee' ? Math.ceil(missing / row.points) * row.points : row.points));
  const missingBy = (missing: number) => ledger([{ id: 'a', type: 'adjustment', date: '2026-06-01', points: (tiers[0]!.requirements[0] as { min: number }).min - missing, reason: 'goodwill' }], '2000-01-01');

  it.each([1000, 1500, 4500])('covers %i missing points with the least excess, the first such row of the table', (missing) => {
    const raw = missingBy(missing);
    const plan = planUpgrade(raw, { asOf: '2026-06-30', target: tierIds[0]! });
    expect(plan.entries).toHaveLength(1);
    const all = earns(missing);
    const least = Math.min(...all.filter((e) => e >= missing));
    const first = reportable[all.findIndex((e) => e === least)]!;
    expect(plan.entries[0]).toMatchObject({ type: 'activity', activity: first.id });
    const sum = (entries: readonly unknown[]) => Object.values(evaluate({ ...raw, entries: [...raw.entries, ...entries] }, { asOf: plan.by }).points.byCategory).reduce((a, b) => a + b, 0);
    expect(sum(plan.entries) - sum([])).toBe(least);
    expectMinimalReach(raw, plan);
  });
});

describe('the incremental standing: a certification of a pair the window already credits (R8)', () => {
  it('adds no certification points, and no pair', async () => {
    const { parseLedger } = await import('../../src/index');
    const { compileProgram, versionAt } = await import('../../src/program/compile');
    const { reachWith, searchFrom } = await import('../../src/plan/search');
    const raw = ledger([{ id: 'c', type: 'certification', date: '2026-03-01', holder: 'jane', certification: 'developer' }]);
    const parsed = parseLedger(raw);
    if (!parsed.ok) throw new Error('valid');
    const by = '2026-06-30';
    const search = searchFrom(parsed.ledger, evaluate(parsed.ledger, { asOf: by }), versionAt(compileProgram(exponentialProgram), by), 0, by);
    const again = { id: 'x', type: 'certification', date: by, holder: 'jane', certification: 'developer', status: 'approved' } as const;
    const reach = reachWith(search, [again]);
    const extended = evaluate({ ...raw, entries: [...raw.entries, again] }, { asOf: by });
    expect(reach.sum).toBe(search.base.sum);
    expect(reach.sum).toBe(Object.values(extended.points.byCategory).reduce((a, b) => a + b, 0));
    expect(reach.counts).toEqual([extended.certifications['profile'], extended.certifications['sales']]);
  });
});

describe('planUpgrade: a tier that requires two certifications by name (R8, R9)', () => {
  it('plans holders of each, counted apart from the kinds, and the plan is confirmed', () => {
    const base = JSON.parse(JSON.stringify(exponentialProgram)) as { versions: { tiers: { id: string; requirements: unknown[] }[] }[] };
    const version = base.versions[0]!;
    const tiersWith = version.tiers.map((t, i) =>
      i === version.tiers.length - 1 ? { ...t, requirements: [...t.requirements, { type: 'certification', certification: 'design', min: 2 }, { type: 'certification', certification: 'sales-newsletter', min: 3 }] } : t,
    );
    const program = defineProgram({ ...base, id: 'two-by-name', versions: [{ ...version, tiers: tiersWith }] } as never);
    const raw = ledger([{ id: 'c', type: 'certification', date: '2026-03-01', holder: 'jane', certification: 'sales-newsletter' }]);
    const plan = planUpgrade(raw, { asOf: '2026-06-30', target: tierIds.at(-1)!, program });
    const planned = (certification: string) => plan.entries.filter((e) => e.type === 'certification' && e.certification === certification).length;
    // The holders required by name first (2 design, 2 more newsletter); the kinds' pairs then cycle through their catalogue.
    expect(planned('design')).toBeGreaterThanOrEqual(2);
    expect(planned('sales-newsletter')).toBeGreaterThanOrEqual(2);
    expectMinimalReach(raw, plan, program);
  });
});
