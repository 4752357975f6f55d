// Issue #16: the planner plans the program's own certification kinds and the certifications a tier requires
// by name, and respects the limits and caps of activity rows (src/evaluate/limits.ts), under a program
// defined through defineProgram: a `security` kind, a tier requiring a certification by name, a row limited
// per quarter and a row capped per year.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineProgram, evaluate, parseLedger, planUpgrade, type Evaluation, type LedgerEntry, type Program, type UpgradePlan } from '../../src/index';
import { parseMoney } from '../../src/money/money';
import { compileProgram, versionAt } from '../../src/program/compile';
import { reachWith, searchFrom, standingOf } from '../../src/plan/search';
import { runs } from '../properties/arbitraries';

const R3 = { rule: 'R3' } as const;
const program: Program = defineProgram({
  id: 'shield',
  name: 'Shield Partner Network',
  versions: [
    {
      version: '2026.1',
      effectiveFrom: '2024-01-01',
      currency: 'EUR',
      membershipTier: 'listed',
      renewalTier: 'certified',
      certificationKinds: [
        { id: 'security', name: 'Security', rule: 'R8', source: 'Security certifications' },
        { id: 'cloud', name: 'Cloud', rule: 'R8', source: 'Cloud certifications' },
      ],
      categories: [{ id: 'community', name: 'Community', rule: 'R3', source: 'Community' }],
      tiers: [
        { id: 'listed', name: 'Listed', requirements: [{ type: 'points', min: 1000 }], rule: 'R9', source: 'Listed: 1,000 points' },
        {
          id: 'certified',
          name: 'Certified',
          requirements: [{ type: 'points', min: 4000 }, { type: 'certifications', kind: 'security', min: 2 }],
          rule: 'R9',
          source: 'Certified: 4,000 points and 2 security engineers',
        },
        {
          id: 'elite',
          name: 'Elite',
          requirements: [
            { type: 'points', min: 9000 },
            { type: 'revenue', min: '2000.00' },
            { type: 'certifications', kind: 'security', min: 3 },
            { type: 'certifications', kind: 'cloud', min: 1 },
            { type: 'certification', certification: 'zero-trust', min: 2 },
          ],
          rule: 'R9',
          source: 'Elite: 9,000 points, €2,000, 3 security engineers, 1 cloud, 2 Zero Trust architects',
        },
      ],
      activities: [
        { id: 'webinar', name: 'Webinar (at most 2 a quarter)', points: 750, kind: 'fixed', category: 'community', limit: { count: 2, per: 'quarter' }, ...R3, source: 'Webinar 750, at most 2 per quarter' },
        { id: 'forum-post', name: 'Forum answer (at most 1,000 a year)', points: 300, kind: 'fixed', category: 'community', cap: { points: 1000, per: 'year' }, ...R3, source: 'Forum answer 300, up to 1,000 a year' },
        { id: 'meetup', name: 'Meetup (per attendee, at most 1,200 a quarter)', points: 100, kind: 'per-attendee', category: 'community', cap: { points: 1200, per: 'quarter' }, ...R3, source: 'Meetup 100 per attendee, up to 1,200 a quarter' },
        { id: 'talk', name: 'Talk (at most 2 a month and 2,000 a year)', points: 400, kind: 'fixed', category: 'community', limit: { count: 2, per: 'month' }, cap: { points: 2000, per: 'year' }, ...R3, source: 'Talk 400, at most 2 per month, up to 2,000 a year' },
        { id: 'case-study', name: 'Case study', points: 2000, kind: 'minimum', category: 'community', ...R3, source: 'Case study 2,000+' },
        { id: 'certification', name: 'Certification', points: 500, kind: 'derived', category: 'community', derivedFrom: 'certification-entries', rule: 'R8', source: 'Certification 500' },
      ],
      certifications: [
        { id: 'secops', name: 'SecOps Engineer', kind: 'security', rule: 'R8', source: 'SecOps Engineer' },
        { id: 'zero-trust', name: 'Zero Trust Architect', kind: 'security', rule: 'R8', source: 'Zero Trust Architect' },
        { id: 'cloud-base', name: 'Cloud Foundations', kind: 'cloud', rule: 'R8', source: 'Cloud Foundations' },
      ],
      fee: { amount: '300.00', period: 'year', currency: 'EUR', rule: 'R11', source: 'A yearly fee of €300' },
    },
  ],
} as never);

type Raw = { partner: { id: string; joinedOn: string }; entries: Record<string, unknown>[] };
const ledger = (entries: Record<string, unknown>[]): Raw => ({ partner: { id: 'p', joinedOn: '2025-06-01' }, entries });
const tierIds = program.versions[0].tiers.map((tier) => tier.id);
const rows = new Map(program.versions[0].activities.map((row) => [row.id, row] as const));
const extended = (raw: Raw, plan: UpgradePlan, entries: readonly unknown[] = plan.entries) => evaluate({ ...raw, entries: [...raw.entries, ...entries] }, { asOf: plan.by, program });

/** SPEC §3.1 under the program: the plan reaches the target on `by`, and leaving out any one planned entry misses it. */
function expectMinimalReach(raw: Raw, plan: UpgradePlan): void {
  const target = tierIds.indexOf(plan.target);
  const met = (evaluation: Evaluation) => evaluation.requirements[target]!.met;
  expect(met(extended(raw, plan))).toBe(true);
  plan.entries.forEach((_, i) => expect(met(extended(raw, plan, plan.entries.filter((__, j) => j !== i))), `without planned entry ${i}`).toBe(false));
  for (const entry of plan.entries) expect(entry.date).toBe(plan.by);
}

/** No planned activity entry is past a limit or a cap: each is counted, for more than 0 points (R3). */
function expectWithinLimits(raw: Raw, plan: UpgradePlan): void {
  const outcomes = extended(raw, plan).entries.slice(raw.entries.length);
  plan.entries.forEach((entry, i) => {
    if (entry.type !== 'activity') return;
    const outcome = outcomes[i]!;
    expect(outcome.outcome, `planned entry ${i} (${entry.activity})`).toBe('counted');
    expect(outcome.points, `planned entry ${i} (${entry.activity})`).toBeGreaterThan(0);
  });
}

const webinar = (id: string, date: string, status = 'approved') => ({ id, type: 'activity', date, activity: 'webinar', status });
const forum = (id: string, date: string, status = 'approved') => ({ id, type: 'activity', date, activity: 'forum-post', status });
const certification = (id: string, holder: string, certification: string, date = '2026-03-01') => ({ id, type: 'certification', date, holder, certification });

describe('planUpgrade plans the certification kinds and the certifications a tier requires by name (R8, R9)', () => {
  it('plans the required certification for new holders, each also a pair of its kind, before the kind', () => {
    // One SecOps engineer: Elite lacks 2 security pairs, 1 cloud pair and 2 Zero Trust holders.
    const raw = ledger([certification('c1', 'ann', 'secops'), { id: 'r', type: 'revenue', date: '2026-03-01', amount: '2000.00', source: 'direct-sale' }]);
    const plan = planUpgrade(raw, { program, asOf: '2026-06-30', target: 'elite' });
    expect(plan.shortfall).toEqual({ points: expect.any(Number), revenue: '0.00', securityCertifications: 2, cloudCertifications: 1, certifications: { 'zero-trust': 2 } });
    const certs = plan.entries.filter((e) => e.type === 'certification').map((e) => [e.holder, e.certification]);
    // Two Zero Trust architects carry the two security pairs too: no other security certification is planned.
    expect(certs).toEqual([
      ['new-security-1', 'zero-trust'],
      ['new-security-2', 'zero-trust'],
      ['new-cloud-1', 'cloud-base'],
    ]);
    expectMinimalReach(raw, plan);
    // The certification required by name is its own step, not also one of its kind's.
    expect(plan.steps.filter((step) => step.includes('(R8)'))).toEqual([
      `Certify 2 more people in Zero Trust Architect by ${plan.by} (R8).`,
      `Certify 1 more person in a cloud certification (e.g. Cloud Foundations) by ${plan.by} (R8).`,
    ]);
  });

  it('plans the kind alone when the required certification is held, and counts a holder once however many pairs', () => {
    // Ann and bob hold Zero Trust (2 holders); ann also holds SecOps: 3 security pairs, 2 Zero Trust holders.
    const raw = ledger([certification('c1', 'ann', 'zero-trust'), certification('c2', 'bob', 'zero-trust'), certification('c3', 'ann', 'secops')]);
    const plan = planUpgrade(raw, { program, asOf: '2026-06-30', target: 'elite' });
    expect(plan.shortfall).toMatchObject({ securityCertifications: 0, cloudCertifications: 1, certifications: { 'zero-trust': 0 } });
    expect(plan.entries.filter((e) => e.type === 'certification').map((e) => e.certification)).toEqual(['cloud-base']);
    expect(plan.steps.filter((step) => step.includes('(R8)'))).toEqual([`Certify 1 more person in a cloud certification (e.g. Cloud Foundations) by ${plan.by} (R8).`]);
    expectMinimalReach(raw, plan);
  });

  it('plans new holders when the pairs are there but the holders are not (one holder, two pairs)', () => {
    // Ann holds Zero Trust and SecOps; bob SecOps: 3 security pairs, 1 Zero Trust holder.
    const raw = ledger([certification('c1', 'ann', 'zero-trust'), certification('c2', 'ann', 'secops'), certification('c3', 'bob', 'secops'), certification('c4', 'cy', 'cloud-base')]);
    const plan = planUpgrade(raw, { program, asOf: '2026-06-30', target: 'elite' });
    expect(plan.shortfall).toMatchObject({ securityCertifications: 0, cloudCertifications: 0, certifications: { 'zero-trust': 1 } });
    expect(plan.entries.filter((e) => e.type === 'certification').map((e) => [e.holder, e.certification])).toEqual([['new-security-1', 'zero-trust']]);
    expectMinimalReach(raw, plan);
  });
});

describe('planUpgrade respects the limits and caps of activity rows (R3)', () => {
  it('proposes no entry of a row whose limit is used up in the quarter of by', () => {
    const raw = ledger([webinar('w1', '2026-04-02'), webinar('w2', '2026-06-01'), webinar('w0', '2026-03-31')]);
    const plan = planUpgrade(raw, { program, asOf: '2026-06-10', target: 'certified', prefer: ['webinar'] });
    expect(plan.entries.some((e) => e.type === 'activity' && e.activity === 'webinar')).toBe(false);
    expectWithinLimits(raw, plan);
    expectMinimalReach(raw, plan);
  });

  it('proposes a limited row up to the places left in the quarter of by, the next quarter afresh', () => {
    const raw = ledger([webinar('w1', '2026-05-02')]);
    const plan = planUpgrade(raw, { program, asOf: '2026-06-10', target: 'listed', prefer: ['webinar'] });
    // 750 (w1) + 750 planned reach 1,000: one webinar, the last place of Q2.
    expect(plan.entries).toEqual([{ id: 'plan-1', type: 'activity', date: '2026-06-30', activity: 'webinar', status: 'approved' }]);
    const more = planUpgrade(raw, { program, asOf: '2026-06-10', target: 'certified', prefer: ['webinar'] });
    expect(more.entries.filter((e) => e.type === 'activity' && e.activity === 'webinar')).toHaveLength(1);
    expectWithinLimits(raw, more);
    expectMinimalReach(raw, more);
    // On 1 July (Q3) the two places are free again, though w1 is still in the window.
    const q3 = planUpgrade(ledger([webinar('w1', '2026-05-02'), webinar('w2', '2026-06-02')]), { program, asOf: '2026-06-10', by: '2026-07-01', target: 'certified', prefer: ['webinar'] });
    expect(q3.entries.filter((e) => e.type === 'activity' && e.activity === 'webinar')).toHaveLength(2);
    expectWithinLimits(ledger([webinar('w1', '2026-05-02'), webinar('w2', '2026-06-02')]), q3);
  });

  it('a pending entry does not hold a place an approved planned entry takes (approved entries first)', () => {
    const raw = ledger([webinar('w1', '2026-05-02', 'pending'), webinar('w2', '2026-06-01', 'pending'), webinar('w3', '2026-04-01')]);
    const plan = planUpgrade(raw, { program, asOf: '2026-06-10', target: 'listed', prefer: ['webinar'] });
    expect(plan.entries.map((e) => (e as { activity?: string }).activity)).toEqual(['webinar']);
    expectWithinLimits(raw, plan);
    expectMinimalReach(raw, plan);
  });

  it('proposes a capped row only for the points left under the cap in the year of by', () => {
    // 3 forum answers this year earn 900 of the 1,000: one more earns 100 (the rest of the cap), then nothing.
    const raw = ledger([forum('f1', '2026-01-10'), forum('f2', '2026-02-10'), forum('f3', '2026-03-10')]);
    const plan = planUpgrade(raw, { program, asOf: '2026-06-10', target: 'listed', prefer: ['forum-post'] });
    expect(plan.entries.filter((e) => e.type === 'activity' && e.activity === 'forum-post')).toHaveLength(1);
    const outcome = extended(raw, plan).entries.at(-1)!;
    expect(outcome).toMatchObject({ outcome: 'counted', points: 100, reason: 'points-cap' });
    expectWithinLimits(raw, plan);
    expectMinimalReach(raw, plan);
  });

  it('proposes nothing of a capped row whose cap is reached, and again in the next year', () => {
    const raw = ledger([1, 2, 3, 4].map((n) => forum(`f${n}`, `2026-0${n}-10`)));
    const full = planUpgrade(raw, { program, asOf: '2026-06-10', target: 'certified', prefer: ['forum-post'] });
    expect(full.entries.some((e) => e.type === 'activity' && e.activity === 'forum-post')).toBe(false);
    expectMinimalReach(raw, full);
    // In 2027 the cap is fresh, though the 2026 answers are still in the window: up to 1,000 points again.
    const next = planUpgrade(raw, { program, asOf: '2026-12-20', by: '2027-01-31', target: 'certified', prefer: ['forum-post'] });
    const planned = next.entries.filter((e) => e.type === 'activity' && e.activity === 'forum-post');
    expect(planned).toHaveLength(4);
    expectWithinLimits(raw, next);
    expectMinimalReach(raw, next);
  });

  it('counts the other months of the year toward the cap of a row limited per month', () => {
    // Talks: at most 2 a month, 2,000 a year. January and February's four take 1,600: one talk of June earns the 400 left.
    const talk = (id: string, date: string) => ({ id, type: 'activity', date, activity: 'talk' });
    const raw = ledger([talk('t1', '2026-01-05'), talk('t2', '2026-01-20'), talk('t3', '2026-02-05'), talk('t4', '2026-02-06'), talk('t5', '2026-02-07')]);
    expect(evaluate(raw, { asOf: '2026-06-30', program }).entries.map((e) => e.points)).toEqual([400, 400, 400, 400, 0]);
    const plan = planUpgrade(raw, { program, asOf: '2026-06-10', target: 'certified', prefer: ['talk'] });
    expect(plan.entries.filter((e) => e.type === 'activity' && e.activity === 'talk')).toHaveLength(1);
    expectWithinLimits(raw, plan);
    expectMinimalReach(raw, plan);
    // In a month with its two places taken, no talk is proposed, though the cap leaves points.
    const busy = ledger([talk('t1', '2026-06-01'), talk('t2', '2026-06-02')]);
    const none = planUpgrade(busy, { program, asOf: '2026-06-10', target: 'certified', prefer: ['talk'] });
    expect(none.entries.some((e) => e.type === 'activity' && e.activity === 'talk')).toBe(false);
    expectMinimalReach(busy, none);
  });

  it('gives a capped per-attendee row no more attendees than the cap leaves', () => {
    const raw = ledger([{ id: 'm1', type: 'activity', date: '2026-04-05', activity: 'meetup', quantity: 9 }]);
    const plan = planUpgrade(raw, { program, asOf: '2026-06-10', target: 'certified', prefer: ['meetup'] });
    // 900 of the quarter's 1,200 taken: 3 attendees earn the 300 left.
    expect(plan.entries.filter((e) => e.type === 'activity' && e.activity === 'meetup')).toEqual([expect.objectContaining({ quantity: 3 })]);
    expectWithinLimits(raw, plan);
    expectMinimalReach(raw, plan);
  });
});

describe('planUpgrade expiring: what a leaving entry of a limited row takes with it (R3)', () => {
  it('lists what the row loses: nothing for an entry a later one stands in for under the limit', () => {
    // Q3 2025: w1 and w2 take the two places, w3 is over the limit. By 2026-07-31 w1 and w2 have left and w3 counts.
    const raw = ledger([webinar('w1', '2025-07-05'), webinar('w2', '2025-07-10'), webinar('w3', '2025-08-01')]);
    const plan = planUpgrade(raw, { program, asOf: '2026-06-30', by: '2026-07-31', target: 'elite' });
    const fall = evaluate(raw, { asOf: '2026-06-30', program }).points.total - evaluate(raw, { asOf: '2026-07-31', program }).points.total;
    expect(fall).toBe(750);
    expect(plan.expiring).toEqual([{ id: 'w1', rule: 'R3', date: '2025-07-05', leavesOn: '2026-07-05', points: 750, reason: 'leaves-window' }]);
  });

  it('lists what the row loses under a cap: the points a later entry cannot take over', () => {
    // 2025: 300 + 300 + 300 + 100 (the cap). When f1 leaves, f4 earns its 300 in full: the row loses 100.
    const raw = ledger([forum('f1', '2025-07-05'), forum('f2', '2025-09-10'), forum('f3', '2025-10-10'), forum('f4', '2025-11-10')]);
    const plan = planUpgrade(raw, { program, asOf: '2026-06-30', by: '2026-07-31', target: 'elite' });
    const fall = evaluate(raw, { asOf: '2026-06-30', program }).points.total - evaluate(raw, { asOf: '2026-07-31', program }).points.total;
    expect(fall).toBe(100);
    expect(plan.expiring).toEqual([{ id: 'f1', rule: 'R3', date: '2025-07-05', leavesOn: '2026-07-05', points: 100, reason: 'leaves-window' }]);
  });
});

const day = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const statusArb = fc.constantFrom('approved', 'approved', 'approved', 'pending', 'rejected');
/** An entry of the program dated within 400 days before `by` (or on it): limited rows, certifications, revenue. */
const nearBy = fc.oneof(
  fc.tuple(fc.constantFrom('webinar', 'forum-post', 'talk', 'talk', 'case-study'), fc.integer({ min: 0, max: 400 }), statusArb).map(([activity, back, status]) => (by: string) => ({ type: 'activity', activity, date: day(by, -back), status })),
  fc.tuple(fc.integer({ min: 1, max: 14 }), fc.integer({ min: 0, max: 200 }), statusArb).map(([quantity, back, status]) => (by: string) => ({ type: 'activity', activity: 'meetup', quantity, date: day(by, -back), status })),
  fc.tuple(fc.constantFrom('ann', 'bob', 'cy'), fc.constantFrom('secops', 'zero-trust', 'cloud-base'), fc.integer({ min: 0, max: 500 }), fc.option(fc.integer({ min: -10, max: 400 })), statusArb).map(
    ([holder, cert, back, expires, status]) => (by: string) => ({ type: 'certification', holder, certification: cert, date: day(by, -back), ...(expires === null ? {} : { expiresOn: day(by, Math.max(-back, -expires)) }), status }),
  ),
  fc.tuple(fc.integer({ min: -500, max: 3000 }), fc.integer({ min: 0, max: 400 })).map(([amount, back]) => (by: string) => ({ type: 'revenue', amount: `${amount}.00`, source: 'direct-sale', date: day(by, -back) })),
);
const byArbitrary = fc.constantFrom('2026-03-31', '2026-04-01', '2026-06-30', '2026-07-01', '2026-12-31', '2027-01-01', '2026-05-17');
/** Entries of the limited rows around a year before `by`: many leave the window soon after it, beside twins that stay. */
const limitedNear = fc.oneof(
  fc.tuple(fc.constantFrom('webinar', 'forum-post', 'talk'), fc.integer({ min: 250, max: 400 }), statusArb).map(([activity, back, status]) => (by: string) => ({ type: 'activity', activity, date: day(by, -back), status })),
  fc.tuple(fc.integer({ min: 1, max: 14 }), fc.integer({ min: 250, max: 400 }), statusArb).map(([quantity, back, status]) => (by: string) => ({ type: 'activity', activity: 'meetup', quantity, date: day(by, -back), status })),
);
/** Entries of the limited rows in the months before `by`: they fill the limits and caps of the periods of `by`. */
const periodNear = fc
  .tuple(fc.constantFrom('webinar', 'forum-post', 'talk', 'talk'), fc.integer({ min: 0, max: 200 }), statusArb)
  .map(([activity, back, status]) => (by: string) => ({ type: 'activity', activity, date: day(by, -back), status }));
const ledgerNear = (by: string, near = nearBy) => fc.array(near, { maxLength: 18 }).map((makers) => ledger(makers.map((make, i) => ({ id: `e${i}`, ...make(by) }))));

describe('planUpgrade under a program with limits, caps and required certifications (properties)', () => {
  it('the incremental standing is the one evaluate gives the extended ledger on by', () => {
    const compiled = compileProgram(program);
    const planned = fc.oneof(
      fc.constantFrom('webinar', 'forum-post', 'talk', 'talk', 'case-study').map((activity) => ({ type: 'activity', activity })),
      fc.integer({ min: 1, max: 14 }).map((quantity) => ({ type: 'activity', activity: 'meetup', quantity })),
      fc.record({ type: fc.constant('certification'), holder: fc.constantFrom('ann', 'bob', 'new-security-1'), certification: fc.constantFrom('secops', 'zero-trust', 'cloud-base') }),
    );
    fc.assert(
      fc.property(byArbitrary.chain((by) => fc.tuple(fc.constant(by), ledgerNear(by, fc.oneof(nearBy, periodNear, periodNear)), fc.array(planned, { maxLength: 8 }))), ([by, raw, bodies]) => {
        const parsed = parseLedger(raw, { program });
        if (!parsed.ok) throw new Error(`generated ledgers are valid: ${JSON.stringify(parsed.issues)}`);
        const version = versionAt(compiled, by);
        const search = searchFrom(parsed.ledger, evaluate(parsed.ledger, { asOf: by, program }), version, 0, by);
        const entries = bodies.map((b, i) => ({ id: `planned-${i}`, date: by, status: 'approved', ...b }) as LedgerEntry);
        const reach = reachWith(search, entries);
        const actual = standingOf(version, evaluate({ ...raw, entries: [...raw.entries, ...entries] }, { asOf: by, program }));
        expect({ ...reach, revenue: reach.revenue.text }).toEqual(actual);
        expect(reach.revenue).toEqual(parseMoney(actual.revenue));
      }),
      runs(200),
    );
  });

  it('reaches every tier at or above the one held minimally, never past a limit or cap, whatever prefer says', () => {
    const preferArb = fc.option(fc.shuffledSubarray(['webinar', 'forum-post', 'talk', 'meetup', 'case-study']), { nil: undefined });
    fc.assert(
      fc.property(
        byArbitrary.chain((by) => fc.tuple(fc.constant(by), ledgerNear(by, fc.oneof(nearBy, periodNear)), fc.integer({ min: 0, max: 60 }), fc.constantFrom(undefined, ...tierIds), preferArb)),
        ([by, raw, back, target, prefer]) => {
          const plan = planUpgrade(raw, { program, asOf: day(by, -back), by, ...(target === undefined ? {} : { target }), ...(prefer === undefined ? {} : { prefer }) });
          if (!plan.reachable) {
            expect(plan.reason).toBe('target-below-current');
            return;
          }
          expectMinimalReach(raw, plan);
          expectWithinLimits(raw, plan);
          for (const entry of plan.entries) if (entry.type === 'activity') expect(rows.get(entry.activity)?.kind).not.toBe('derived');
        },
      ),
      runs(120),
    );
  });

  it('what leaves the window adds up to the fall of the total when nothing new comes in (limits and caps)', () => {
    fc.assert(
      fc.property(byArbitrary.chain((by) => fc.tuple(fc.constant(by), ledgerNear(by, fc.oneof(nearBy, limitedNear, limitedNear)), fc.integer({ min: 1, max: 120 }))), ([by, generated, ahead]) => {
        // Reviews on `asOf` and `later`, with no entry after asOf.
        const asOf = by;
        const later = day(by, ahead);
        const now = evaluate(generated, { asOf, program });
        const after = evaluate(generated, { asOf: later, program });
        const sum = (e: Evaluation) => Object.values(e.points.byCategory).reduce((a, b) => a + b, 0);
        fc.pre(after.derived.every((credit) => credit.date <= asOf) && sum(now) >= 0 && sum(after) >= 0);
        const plan = planUpgrade(generated, { asOf, by: later, program, target: 'elite' });
        expect(plan.expiring.reduce((total, item) => total + item.points, 0)).toBe(now.points.total - after.points.total);
        // An activity a later entry stands in for takes nothing with it and is not listed.
        for (const item of plan.expiring) if (item.rule === 'R3') expect(item.points).not.toBe(0);
      }),
      runs(150),
    );
  });
});
