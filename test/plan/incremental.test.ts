// Issue #13 item 3: the planner checks candidates on the standing on `by`, adding what planned entries are
// worth, with no parse and no evaluation per candidate; one evaluation of the extended ledger confirms the plan.
// Counted structurally (calls through the module exports), never by timing.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { activities, certifications, evaluate, exponentialProgram, parseLedger, planUpgrade, type Ledger, type LedgerEntry } from '../../src/index';
import { parseMoney } from '../../src/money/money';
import { asOfArbitrary, ledgerArbitrary, runs } from '../properties/arbitraries';
import { evaluateResolved } from '../../src/evaluate/evaluate';
import { parseLedgerUnsafe } from '../../src/ledger/parseLedger';
import { compileProgram, versionAt } from '../../src/program/compile';
import { confirmPlan, meetsWith, pointsSum, reachWith, searchFrom } from '../../src/plan/search';

vi.mock('../../src/evaluate/evaluate', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/evaluate/evaluate')>();
  return { ...original, evaluateResolved: vi.fn(original.evaluateResolved) };
});
vi.mock('../../src/ledger/parseLedger', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/ledger/parseLedger')>();
  return { ...original, parseLedgerUnsafe: vi.fn(original.parseLedgerUnsafe) };
});

const evaluations = vi.mocked(evaluateResolved);
const parses = vi.mocked(parseLedgerUnsafe);

/** 300 entries short of Platinum in points, revenue and certifications. */
function sample(): Ledger {
  const entries = Array.from({ length: 300 }, (_, i) => {
    const date = `2026-0${1 + (i % 5)}-${String(1 + (i % 28)).padStart(2, '0')}`;
    return i % 3 === 0
      ? { id: `r${i}`, type: 'revenue', date, amount: '10.50', source: 'direct-sale' }
      : i % 3 === 1
        ? { id: `a${i}`, type: 'activity', date, activity: 'forum-post' }
        : { id: `c${i}`, type: 'certification', date, holder: `h${i % 2}`, certification: 'developer' };
  });
  const result = parseLedger({ partner: { id: 'p', joinedOn: '2020-01-01' }, entries });
  if (!result.ok) throw new Error('the sample ledger must parse');
  return result.ledger;
}

describe('planUpgrade checks candidates incrementally', () => {
  const ledger = sample();
  beforeEach(() => {
    evaluations.mockClear();
    parses.mockClear();
  });

  it.each([
    ['without prefer', {}],
    ['with a preferred fixed row (hundreds of entries)', { prefer: ['article'] }],
  ])('evaluates on asOf, on by and once more for the plan, and never parses the ledger again, %s', (_, extra) => {
    const plan = planUpgrade(ledger, { asOf: '2026-06-10', target: 'platinum', ...extra });
    expect(plan.reachable).toBe(true);
    // Revenue, a dozen certifications and activities: many candidates, each checked without an evaluation.
    expect(plan.entries.length).toBeGreaterThan(12);
    expect(evaluations).toHaveBeenCalledTimes(3);
    expect(evaluations.mock.calls.map(([, , options]) => options.asOf)).toEqual(['2026-06-10', '2026-06-30', '2026-06-30']);
    // The final check appends the planned entries to the parsed ledger (appendEntries validates only them).
    expect(parses).not.toHaveBeenCalled();
    // And the plan is right: appended, it reaches Platinum on by.
    expect(evaluate({ ...ledger, entries: [...ledger.entries, ...plan.entries] }, { asOf: plan.by }).tier).toBe('platinum');
  });

  it('parses raw input once, as every function does, and not again for the final check', () => {
    const raw = JSON.parse(JSON.stringify(ledger));
    const plan = planUpgrade(raw, { asOf: '2026-06-10', target: 'platinum' });
    expect(plan.entries.length).toBeGreaterThan(12);
    expect(parses).toHaveBeenCalledTimes(1);
    expect(parses.mock.calls[0]![0]).toBe(raw);
    expect(evaluations).toHaveBeenCalledTimes(3);
  });

  it('evaluates once for asOf and by when they are one day, and once more for the plan', () => {
    const plan = planUpgrade(ledger, { asOf: '2026-06-30', target: 'platinum' });
    expect(plan.by).toBe('2026-06-30');
    expect(plan.entries.length).toBeGreaterThan(12);
    expect(evaluations.mock.calls.map(([, , options]) => options.asOf)).toEqual(['2026-06-30', '2026-06-30']);
  });

  it('evaluates twice and parses nothing when there is nothing to plan', () => {
    // The tier held on by: reachable with nothing to add (a target below it would stop before planning at all).
    const held = evaluate(ledger, { asOf: '2026-06-30' }).tier!;
    evaluations.mockClear();
    const plan = planUpgrade(ledger, { asOf: '2026-06-10', target: held });
    expect(plan).toMatchObject({ reachable: true, entries: [] });
    expect(evaluations).toHaveBeenCalledTimes(2);
    expect(parses).not.toHaveBeenCalled();
  });

  it('no module of src/plan parses a ledger or prepares one itself', () => {
    const dir = new URL('../../src/plan/', import.meta.url);
    for (const file of readdirSync(dir)) {
      const source = readFileSync(new URL(file, dir), 'utf8');
      expect(source, file).not.toMatch(/\b(parseLedgerUnsafe|parseLedger|prepare)\b.*from/);
      expect(source, file).not.toMatch(/from '\.\.\/evaluate\/prepare'/);
    }
  });

  it('throws when the incremental check and the final evaluation disagree (an internal assertion)', () => {
    const program = compileProgram(exponentialProgram);
    const by = '2026-06-30';
    const version = versionAt(program, by);
    const target = version.tierIndex.get('now')!;
    // A standing read on the wrong date: the final check must not let it pass.
    const wrong = searchFrom(ledger, evaluate(ledger, { asOf: '2025-01-31' }), version, target, by);
    expect(meetsWith(wrong, [])).toBe(false);
    const entry = { id: 'plan-1', type: 'activity', date: by, activity: 'event-attendance', status: 'approved' } as const;
    expect(() => confirmPlan(wrong, { ledger, program, window: 'rolling-12-months' }, [entry])).toThrow(/disagrees/);
    const right = searchFrom(ledger, evaluate(ledger, { asOf: by }), version, target, by);
    expect(confirmPlan(right, { ledger, program, window: 'rolling-12-months' }, [entry]).requirements[target]!.met).toBe(true);
  });
});

/** Entries as a plan proposes them (dated `by`, approved, valid), of any kind it proposes, new pairs and existing ones alike. */
const plannedBody = fc.oneof(
  fc.integer({ min: 1, max: 900_000 }).map((cents) => ({ type: 'revenue', amount: (cents / 100).toFixed(2), source: 'direct-sale' })),
  fc.constantFrom(...activities.filter((row) => row.kind !== 'derived')).chain((row) =>
    fc.integer({ min: 1, max: 4 }).map((quantity) => ({
      type: 'activity',
      activity: row.id,
      ...(row.kind === 'per-attendee' ? { quantity } : {}),
      ...('evidence' in row && row.evidence.words !== undefined ? { words: row.evidence.words.min ?? 0 } : {}),
      ...('evidence' in row && 'floss' in row.evidence ? { floss: row.evidence.floss } : {}),
    })),
  ),
  // The generated ledgers' holders (ann, bob, cy) and a new one: pairs already valid, credited, expired, or new.
  fc.record({ type: fc.constant('certification'), holder: fc.constantFrom('ann', 'bob', 'cy', 'new-profile-1'), certification: fc.constantFrom(...certifications.map((row) => row.id)) }),
);

const day = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const statusArb = fc.constantFrom('approved', 'approved', 'pending', 'rejected');
/** An entry dated near `by`: a pipeline share of its month, or a certification of a generated holder earned within the last 400 days. */
const nearBy = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 30 }), statusArb).map(([back, status]) => (by: string) => {
    const date = day(by, -back);
    return { type: 'activity', activity: 'pipeline-share', date: date.slice(0, 7) === by.slice(0, 7) ? date : by, status };
  }),
  fc.tuple(fc.constantFrom('ann', 'bob'), fc.constantFrom(...certifications.map((row) => row.id)), fc.integer({ min: 0, max: 400 }), fc.option(fc.integer({ min: -10, max: 400 })), statusArb).map(
    ([holder, certification, back, expires, status]) => (by: string) => ({
      type: 'certification',
      holder,
      certification,
      date: day(by, -back),
      ...(expires === null ? {} : { expiresOn: day(by, Math.max(-back, -expires)) }),
      status,
    }),
  ),
);

describe('the incremental standing', () => {
  it('is the standing evaluate gives on by for the ledger with the entries appended (property)', () => {
    const program = compileProgram(exponentialProgram);
    fc.assert(
      fc.property(ledgerArbitrary(25), asOfArbitrary, fc.array(plannedBody, { maxLength: 8 }), fc.array(nearBy, { maxLength: 4 }), (generated, by, bodies, near) => {
        // Entries close to `by` make the monthly limit and the pairs' credit and validity matter.
        const raw = { ...generated, entries: [...generated.entries, ...near.map((make, i) => ({ id: `near-${i}`, ...make(by) }))] };
        const parsed = parseLedger(raw);
        if (!parsed.ok) throw new Error('generated ledgers are valid');
        const version = versionAt(program, by);
        const search = searchFrom(parsed.ledger, evaluate(parsed.ledger, { asOf: by }), version, 0, by);
        const entries = bodies.map((body, i) => ({ id: `planned-${i}`, date: by, status: 'approved', ...body }) as LedgerEntry);
        const extended = evaluate({ ...raw, entries: [...raw.entries, ...entries] }, { asOf: by });
        expect(reachWith(search, entries)).toEqual({
          sum: pointsSum(extended),
          revenue: parseMoney(extended.revenue.total),
          counts: [extended.certifications['profile'], extended.certifications['sales']],
        });
      }),
      runs(150),
    );
  });
});
