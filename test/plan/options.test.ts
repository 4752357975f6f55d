// planUpgrade's options at their bounds (src/plan/options.ts) and the answers that need no plan
// (src/plan/planUpgrade.ts): the default target and `by`, the unreachable reasons with their sentences.
import { describe, expect, it } from 'vitest';
import { activities, defineProgram, evaluate, exponentialProgram, planUpgrade, tiers } from '../../src/index';
import { type RawLedger } from '../properties/arbitraries';
import { thrownIssues } from '../helpers/ledger';

const ledger = (entries: Record<string, unknown>[], joinedOn = '2020-01-01'): RawLedger => ({ partner: { id: 'p', joinedOn }, entries });
const tierIds = tiers.map((t) => t.id);

function issuesOf(call: () => unknown): { path: string; code: string; message: string }[] {
  return thrownIssues(call).map((i) => ({ path: i.path, code: i.code, message: i.message }));
}

/** A ledger holding the top tier on 2026-06-30: every requirement of Platinum met (R9). */
function platinumLedger(): RawLedger {
  const top = tiers.at(-1)!;
  const need = (kind: string) => (top.requirements.find((r) => r.type === 'certifications' && r.kind === kind) as { min: number }).min;
  const points = (top.requirements.find((r) => r.type === 'points') as { min: number }).min;
  const certs = [
    ...Array.from({ length: need('profile') }, (_, i) => ({ id: `p${i}`, type: 'certification', date: '2026-03-01', holder: `dev${i}`, certification: 'developer' })),
    ...Array.from({ length: need('sales') }, (_, i) => ({ id: `s${i}`, type: 'certification', date: '2026-03-01', holder: `sales${i}`, certification: 'sales-premium' })),
  ];
  // Revenue earns a point per dollar (R2): the points alone carry the revenue requirement too.
  return ledger([{ id: 'r', type: 'revenue', date: '2026-03-01', amount: `${points}.00`, source: 'direct-sale' }, ...certs]);
}

describe('planUpgrade: the default target', () => {
  it('is the first tier when none is held', () => {
    const raw = ledger([]);
    expect(evaluate(raw, { asOf: '2026-06-10' }).tier).toBeNull();
    const plan = planUpgrade(raw, { asOf: '2026-06-10' });
    expect(plan).toMatchObject({ current: null, target: tierIds[0], reachable: true });
    expect(plan.entries.length).toBeGreaterThan(0);
  });

  it('is the tier above the one held', () => {
    for (const [i, id] of tierIds.slice(0, -1).entries()) {
      // Points alone hold the tiers without revenue or certification requirements.
      const tier = tiers[i]!;
      if (tier.requirements.some((r) => r.type !== 'points')) continue;
      const points = (tier.requirements[0] as { min: number }).min;
      const raw = ledger([{ id: 'a', type: 'adjustment', date: '2026-06-01', points, reason: 'goodwill' }]);
      expect(evaluate(raw, { asOf: '2026-06-10' }).tier).toBe(id);
      expect(planUpgrade(raw, { asOf: '2026-06-10' }).target).toBe(tierIds[i + 1]);
    }
  });

  it('is the tier held at the top, which the ledger keeps with nothing to do', () => {
    const raw = platinumLedger();
    expect(evaluate(raw, { asOf: '2026-06-30' }).tier).toBe(tierIds.at(-1));
    const plan = planUpgrade(raw, { asOf: '2026-06-30' });
    expect(plan).toMatchObject({ current: tierIds.at(-1), target: tierIds.at(-1), by: '2026-06-30', reachable: true, entries: [] });
    expect(plan.steps).toEqual([`Nothing more to do: the ledger as it is reaches ${tiers.at(-1)!.name} on 2026-06-30 (R9).`]);
  });
});

describe('planUpgrade: by', () => {
  it('defaults to asOf when asOf is a month end, and to the month end after it otherwise', () => {
    expect(planUpgrade(ledger([]), { asOf: '2026-06-30' }).by).toBe('2026-06-30');
    expect(planUpgrade(ledger([]), { asOf: '2026-06-01' }).by).toBe('2026-06-30');
    expect(planUpgrade(ledger([]), { asOf: '2028-02-01' }).by).toBe('2028-02-29');
  });

  it('may equal asOf: the plan is made on asOf itself', () => {
    const raw = ledger([{ id: 'e', type: 'activity', date: '2026-06-01', activity: 'forum-post' }]);
    const plan = planUpgrade(raw, { asOf: '2026-06-10', by: '2026-06-10', target: 'now' });
    expect(plan).toMatchObject({ by: '2026-06-10', reachable: true });
    for (const entry of plan.entries) expect(entry.date).toBe('2026-06-10');
    const reached = evaluate({ ...raw, entries: [...raw.entries, ...plan.entries] }, { asOf: '2026-06-10' });
    expect(reached.requirements[tierIds.indexOf('now')]!.met).toBe(true);
    expect(evaluate(raw, { asOf: '2026-06-10' }).requirements[tierIds.indexOf('now')]!.met).toBe(false);
  });

  it('one day before asOf is unreachable, with the sentence that says why', () => {
    const plan = planUpgrade(ledger([]), { asOf: '2026-06-10', by: '2026-06-09' });
    const message = '"by" (2026-06-09) is before "asOf" (2026-06-10): a plan can only look forward.';
    expect(plan).toMatchObject({ reachable: false, reason: 'by-before-as-of', message, entries: [], steps: [message] });
  });

  it('reads the program version in effect on by, not on asOf', () => {
    // A second version from 2027-01-01 renames the top tier: the target is read against the version on `by`.
    const base = JSON.parse(JSON.stringify(exponentialProgram)) as { versions: { tiers: { id: string; name: string }[]; [key: string]: unknown }[] };
    const first = base.versions[0]!;
    const later = { ...first, version: '2027.1', effectiveFrom: '2027-01-01', tiers: first.tiers.map((t, i) => (i === first.tiers.length - 1 ? { ...t, id: 'diamond', name: 'Diamond' } : t)) };
    const program = defineProgram({ ...base, id: 'renamed', versions: [first, later] } as never);
    const plan = planUpgrade(ledger([]), { program, asOf: '2026-12-10', by: '2027-01-31', target: 'diamond' });
    expect(plan).toMatchObject({ target: 'diamond', reachable: true });
    expect(plan.steps.at(-1)).toBe('Then Diamond is reached on 2027-01-31 (R9).');
    // With the default `by` (2026-12-31, the first version) the same id is not a tier.
    expect(issuesOf(() => planUpgrade(ledger([]), { program, asOf: '2026-12-10', target: 'diamond' })).map((i) => i.path)).toEqual(['target']);
    // And the first version's id of that tier is refused when `by` is in the second version.
    expect(issuesOf(() => planUpgrade(ledger([]), { program, asOf: '2026-12-10', by: '2027-01-31', target: first.tiers.at(-1)!.id })).map((i) => i.path)).toEqual(['target']);
  });
});

describe('planUpgrade: a target below the tier held', () => {
  it('is unreachable, naming both tiers; the tier held itself is planned', () => {
    const raw = ledger([{ id: 'e', type: 'activity', date: '2026-06-01', activity: 'event-attendance' }]);
    const held = evaluate(raw, { asOf: '2026-06-30' }).tier!;
    const index = tierIds.indexOf(held as (typeof tierIds)[number]);
    const below = tiers[index - 1]!;
    const heldName = tiers[index]!.name;
    const plan = planUpgrade(raw, { asOf: '2026-06-30', target: below.id });
    const message = `${below.name} is below ${heldName}, the tier held on 2026-06-30; ask for ${heldName} to see what keeps it.`;
    expect(plan).toMatchObject({ current: held, target: below.id, reachable: false, reason: 'target-below-current', message, entries: [], steps: [message] });
    expect(planUpgrade(raw, { asOf: '2026-06-30', target: held }).reachable).toBe(true);
  });
});

describe('planUpgrade: invalid options', () => {
  it('names the tiers of the program when the target is not one, whatever its type', () => {
    for (const target of ['diamond', 7, null]) {
      const issues = issuesOf(() => planUpgrade(ledger([]), { asOf: '2026-06-30', target } as never));
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ path: 'target', code: 'invalid-value' });
      expect(issues[0]!.message).toMatch(new RegExp(`^"target" must be a tier of the program: ${tierIds.join(', ')}; received `));
    }
  });

  it('refuses a derived row and an unknown id in prefer, each at its index, and keeps the valid ones', () => {
    const derived = activities.filter((row) => row.kind === 'derived').map((row) => row.id);
    expect(derived.length).toBeGreaterThan(0);
    const issues = issuesOf(() => planUpgrade(ledger([]), { asOf: '2026-06-30', prefer: ['article', ...derived, 'nope', 3] } as never));
    expect(issues.map((i) => [i.path, i.code])).toEqual([...derived.map((_, i) => [`prefer[${i + 1}]`, 'unknown-activity']), [`prefer[${derived.length + 1}]`, 'unknown-activity'], [`prefer[${derived.length + 2}]`, 'unknown-activity']]);
    expect(issues.at(-1)!.message).toBe('expected an activity id a partner can report, received 3');
  });

  it('takes up to 1,000 preferences, not one more', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? 'article' : 'forum-post'));
    expect(planUpgrade(ledger([]), { asOf: '2026-06-30', target: 'now', prefer: ids }).reachable).toBe(true);
    const issues = issuesOf(() => planUpgrade(ledger([]), { asOf: '2026-06-30', prefer: [...ids, 'article'] }));
    expect(issues).toEqual([{ path: 'prefer', code: 'invalid-value', message: '"prefer" may hold at most 1000 items, received a length of 1001' }]);
  });

  it('reports an invalid target and an invalid preference together, after the dates are valid', () => {
    const issues = issuesOf(() => planUpgrade(ledger([]), { asOf: '2026-06-30', target: 'diamond', prefer: ['nope'] } as never));
    expect(issues.map((i) => i.path)).toEqual(['target', 'prefer[0]']);
    // A bad date stops the reading before the target and prefer are read against a version.
    expect(issuesOf(() => planUpgrade(ledger([]), { asOf: 'soon', target: 'diamond' } as never)).map((i) => i.path)).toEqual(['asOf']);
  });

  it('refuses options that are not an object, naming asOf', () => {
    expect(issuesOf(() => planUpgrade(ledger([]), null as never))).toEqual([{ path: '', code: 'invalid-type', message: 'options must be an object with at least "asOf"' }]);
  });

  it('refuses prefer that is not an array with its own sentence', () => {
    const issues = issuesOf(() => planUpgrade(ledger([]), { asOf: '2026-06-30', prefer: 'article' } as never));
    expect(issues).toEqual([{ path: 'prefer', code: 'invalid-type', message: '"prefer" must be an array of activity ids, received "article"' }]);
  });
});
