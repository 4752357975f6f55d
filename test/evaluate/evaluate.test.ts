/**
 * `evaluate`: the contract of SPEC §3 (options, errors, plain JSON, purity,
 * outcomes) and the §3 sample ledger, hand-computed.
 */
import { specLedger } from '../fixtures/specLedger';
import { unreadableLedger } from '../helpers/ledger';
import { describe, expect, it } from 'vitest';
import { evaluate, exponentialProgram, parseLedger, ValidationError, type Evaluation } from '../../src/index';
import { resolveLedger } from '../../src/evaluate/options';
import { compileProgram } from '../../src/program/compile';

type Raw = Record<string, unknown>;

const sample = (): Raw => specLedger() as unknown as Raw;

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
function validationIssues(fn: () => unknown) {
  const error = caught(fn);
  expect(error).toBeInstanceOf(ValidationError);
  expect(error).toBeInstanceOf(Error);
  const issues = (error as ValidationError).issues;
  expect(issues.length).toBeGreaterThan(0);
  return issues;
}
// Calls evaluate with values its types forbid, as a JavaScript caller could.
const evaluateUntyped = evaluate as unknown as (ledger: unknown, opts?: unknown) => Evaluation;

const small = (): Raw => ({
  partner: { id: 'p', joinedOn: '2010-01-01' },
  entries: [{ id: 's1', type: 'special', date: '2026-01-01', points: 10, description: 'x' }],
});

describe('evaluate (SPEC §3)', () => {
  describe('options', () => {
    it('throws a ValidationError with path asOf when asOf is missing', () => {
      for (const opts of [{}, { window: 'calendar-year' }, { asOf: undefined }]) {
        const issues = validationIssues(() => evaluateUntyped(small(), opts));
        expect(issues).toEqual([expect.objectContaining({ path: 'asOf', code: 'missing-field' })]);
      }
    });

    it('throws a ValidationError (not a TypeError) when the options object itself is missing', () => {
      for (const opts of [undefined, null, 'asOf=2026-06-30', 20260630]) {
        validationIssues(() => evaluateUntyped(small(), opts));
      }
      // No options at all: the missing asOf is named.
      expect(validationIssues(() => evaluateUntyped(small(), undefined))).toEqual([expect.objectContaining({ path: 'asOf', code: 'missing-field' })]);
    });

    it('throws a ValidationError with path asOf when asOf is not a calendar date', () => {
      for (const asOf of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-6-30', '30/06/2026', 'today', '', '2026-06-30T25:00:00Z']) {
        const issues = validationIssues(() => evaluateUntyped(small(), { asOf }));
        expect(issues).toEqual([expect.objectContaining({ path: 'asOf', code: 'invalid-date' })]);
      }
      for (const asOf of [20260630, new Date(0), null, { y: 2026 }]) {
        const issues = validationIssues(() => evaluateUntyped(small(), { asOf }));
        expect(issues.map((i) => i.path)).toEqual(['asOf']);
      }
    });

    it('accepts a leap day and an RFC 3339 timestamp, reduced to its UTC date', () => {
      expect(evaluate(small(), { asOf: '2024-02-29' }).window).toEqual({ from: '2023-03-01', to: '2024-02-29' });
      const r = evaluate(small(), { asOf: '2026-03-31T23:30:00-05:00' });
      expect(r.asOf).toEqual('2026-04-01');
      expect(r.window).toEqual({ from: '2025-04-02', to: '2026-04-01' });
    });

    it('throws a ValidationError with path window for an unknown window kind', () => {
      for (const window of ['fiscal-year', 'Calendar-Year', 'rolling', '', 12, {}]) {
        const issues = validationIssues(() => evaluateUntyped(small(), { asOf: '2026-06-30', window }));
        expect(issues.map((i) => i.path)).toEqual(['window']);
      }
    });

    it('accepts the three window kinds', () => {
      expect(evaluate(small(), { asOf: '2026-06-15' }).window).toEqual({ from: '2025-06-16', to: '2026-06-15' });
      expect(evaluate(small(), { asOf: '2026-06-15', window: 'rolling-12-months' }).window).toEqual({ from: '2025-06-16', to: '2026-06-15' });
      expect(evaluate(small(), { asOf: '2026-06-15', window: 'calendar-year' }).window).toEqual({ from: '2026-01-01', to: '2026-06-15' });
      expect(evaluate(small(), { asOf: '2026-06-15', window: 'partnership-year' }).window).toEqual({ from: '2026-01-01', to: '2026-06-15' });
    });

    it('says in each issue what was wrong and what is expected', () => {
      expect(validationIssues(() => evaluateUntyped(small(), {}))).toEqual([
        { path: 'asOf', code: 'missing-field', message: '"asOf" is required: the review date, YYYY-MM-DD (the library never reads the clock)' },
      ]);
      expect(validationIssues(() => evaluateUntyped(small(), { asOf: '2026-13-01' }))).toEqual([
        { path: 'asOf', code: 'invalid-date', message: '"asOf" must be a calendar date YYYY-MM-DD or an RFC 3339 timestamp, received "2026-13-01"' },
      ]);
      // A value JSON cannot write is still shown.
      expect(validationIssues(() => evaluateUntyped(small(), { asOf: Symbol('d') }))[0]?.message).toBe(
        '"asOf" must be a calendar date YYYY-MM-DD or an RFC 3339 timestamp, received Symbol(d)',
      );
      expect(validationIssues(() => evaluateUntyped(small(), { asOf: '2026-06-30', asof: '2026-06-30' }))).toEqual([
        { path: 'asof', code: 'unknown-field', message: 'unknown option "asof"; expected asOf, window, program' },
      ]);
      expect(validationIssues(() => evaluateUntyped(small(), { asOf: '2026-06-30', window: 'fiscal-year' }))).toEqual([
        { path: 'window', code: 'invalid-value', message: '"window" must be one of rolling-12-months, calendar-year, partnership-year' },
      ]);
      expect(validationIssues(() => evaluateUntyped(small(), { asOf: '2026-06-30', program: {} }))).toEqual([
        { path: 'program', code: 'invalid-program', message: '"program" must be exponentialProgram or a program returned by defineProgram' },
      ]);
      // Options that are not an object, an array included: one issue at the root.
      for (const opts of [null, ['2026-06-30'], '2026-06-30']) {
        expect(validationIssues(() => evaluateUntyped(small(), opts))).toEqual([{ path: '', code: 'invalid-type', message: 'options must be an object with at least "asOf"' }]);
      }
    });

    it('turns a ledger that cannot even be read (a throwing getter) into a ValidationError', () => {
      expect(validationIssues(() => evaluateUntyped(unreadableLedger(), { asOf: '2026-06-30' }))).toEqual([
        { path: '', code: 'invalid-type', message: 'the ledger could not be read: Error: boom' },
      ]);
    });

    it('recognises a parsed ledger and does not parse it again; each result owns its outcome objects', () => {
      const parsed = parseLedger(small());
      if (!parsed.ok) throw new Error('invalid');
      const program = compileProgram(exponentialProgram);
      // A parsed ledger is used as it is (a parse would make a new ledger); raw input is parsed.
      expect(resolveLedger(parsed.ledger, program).ledger).toBe(parsed.ledger);
      const raw = small();
      expect(resolveLedger(raw, program).ledger).not.toBe(raw);
      expect(resolveLedger(raw, program).ledger).toEqual(parsed.ledger);
      // Results share nothing: changing one leaves the next as it was.
      const first = evaluate(parsed.ledger, { asOf: '2026-06-30' });
      const expected = JSON.stringify(first);
      (first.entries[0] as { points: number }).points = 123_456;
      expect(JSON.stringify(evaluate(parsed.ledger, { asOf: '2026-06-30' }))).toBe(expected);
    });

    it('accepts the built-in program and refuses something that is not a program', () => {
      expect(evaluate(small(), { asOf: '2026-06-30', program: exponentialProgram }).program).toEqual({
        id: 'exponential-partner-program',
        version: '2014.1',
        currency: 'USD',
      });
      const issues = validationIssues(() => evaluateUntyped(small(), { asOf: '2026-06-30', program: { id: 'x' } }));
      expect(issues).toEqual([expect.objectContaining({ path: 'program', code: 'invalid-program' })]);
    });
  });

  describe('invalid ledgers', () => {
    it('throws one ValidationError carrying every issue, never a TypeError', () => {
      const input = {
        partner: { id: 'p', joinedOn: '2010-01-01' },
        entries: [
          { id: 'r1', type: 'revenue', date: '2026-01-10', amount: '12,00', source: 'direct-sale' },
          { id: 'a1', type: 'activity', date: '2026-02-31', activity: 'forum-post' },
          { id: 's1', type: 'special', date: '2026-01-01', points: 10, description: 'x', colour: 'red' },
        ],
      };
      const issues = validationIssues(() => evaluate(input, { asOf: '2026-06-30' }));
      expect(issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'entries[0].amount', code: 'invalid-amount' }),
          expect.objectContaining({ path: 'entries[1].date', code: 'invalid-date' }),
          expect.objectContaining({ code: 'unknown-field', path: expect.stringMatching(/^entries\[2\]/) as unknown }),
        ]),
      );
      for (const issue of issues) expect(typeof issue.message).toEqual('string');
    });

    it('gives the same issues as parseLedger', () => {
      const input = { partner: { id: 'p', joinedOn: 'soon' }, entries: [{ id: 'x', type: 'gift', date: '2026-01-01' }] };
      const parsed = parseLedger(input);
      expect(parsed.ok).toEqual(false);
      const issues = validationIssues(() => evaluate(input, { asOf: '2026-06-30' }));
      if (!parsed.ok) expect(issues).toEqual(parsed.issues);
    });

    it('throws a ValidationError for inputs that are not ledgers at all', () => {
      for (const input of [undefined, null, 42, 'ledger', [], {}, { partner: null, entries: [] }, { partner: { id: 'p', joinedOn: '2010-01-01' } }, { partner: { id: 'p', joinedOn: '2010-01-01' }, entries: {} }]) {
        validationIssues(() => evaluateUntyped(input, { asOf: '2026-06-30' }));
      }
    });

    it('refuses a duplicate entry id', () => {
      const input = {
        partner: { id: 'p', joinedOn: '2010-01-01' },
        entries: [
          { id: 'd', type: 'special', date: '2026-01-01', points: 10, description: 'x' },
          { id: 'd', type: 'special', date: '2026-01-02', points: 10, description: 'y' },
        ],
      };
      const issues = validationIssues(() => evaluate(input, { asOf: '2026-06-30' }));
      expect(issues).toEqual([expect.objectContaining({ code: 'duplicate-id', path: expect.stringMatching(/^entries\[1\]/) as unknown })]);
    });
  });

  describe('results', () => {
    it('is plain JSON: a JSON round trip gives the same value', () => {
      const r = evaluate(sample(), { asOf: '2026-06-30' });
      expect(JSON.parse(JSON.stringify(r))).toStrictEqual(r);
    });

    it('does not mutate its input (raw, deeply frozen)', () => {
      const input = sample();
      const before = JSON.stringify(input);
      deepFreeze(input);
      const r = evaluate(input, { asOf: '2026-06-30' });
      expect(r.entries).toHaveLength(10);
      expect(JSON.stringify(input)).toEqual(before);
    });

    it('does not mutate a parsed ledger', () => {
      const parsed = parseLedger(sample());
      if (!parsed.ok) throw new Error('sample must parse');
      const before = JSON.stringify(parsed.ledger);
      evaluate(parsed.ledger, { asOf: '2026-06-30' });
      evaluate(parsed.ledger, { asOf: '2025-12-31', window: 'calendar-year' });
      expect(JSON.stringify(parsed.ledger)).toEqual(before);
    });

    it('gives the same result for a parsed ledger as for the raw input', () => {
      const parsed = parseLedger(sample());
      if (!parsed.ok) throw new Error('sample must parse');
      for (const asOf of ['2026-06-30', '2026-01-05', '2027-05-31']) {
        expect(evaluate(parsed.ledger, { asOf })).toEqual(evaluate(sample(), { asOf }));
      }
    });

    it('gives the same result twice (no hidden state)', () => {
      const parsed = parseLedger(sample());
      if (!parsed.ok) throw new Error('sample must parse');
      expect(evaluate(parsed.ledger, { asOf: '2026-06-30' })).toEqual(evaluate(parsed.ledger, { asOf: '2026-06-30' }));
    });

    it('gives one outcome per input entry, in input order, whatever the dates', () => {
      const entries = [
        { id: 'z', type: 'special', date: '2026-12-01', points: 5, description: 'after' },
        { id: 'y', type: 'activity', date: '2026-03-01', activity: 'forum-post', status: 'pending' },
        { id: 'x', type: 'revenue', date: '2020-01-01', amount: '10.00', source: 'subscription' },
        { id: 'w', type: 'certification', date: '2026-01-01', holder: 'h', certification: 'design', status: 'rejected' },
        { id: 'v', type: 'fee-payment', date: '2026-02-01', months: 1, amount: '45.00' },
        { id: 'u', type: 'activity', date: '2026-01-01', activity: 'pipeline-share' },
        { id: 't', type: 'activity', date: '2025-12-31', activity: 'pipeline-share' },
        { id: 's', type: 'activity', date: '2026-01-02', activity: 'pipeline-share' },
      ];
      const r = evaluate({ partner: { id: 'p', joinedOn: '2010-01-01' }, entries }, { asOf: '2026-06-30' });
      expect(r.entries.map((e) => e.id)).toEqual(['z', 'y', 'x', 'w', 'v', 'u', 't', 's']);
      expect(r.entries.map((e) => [e.outcome, e.rule, e.reason ?? null])).toEqual([
        ['excluded', 'R1', 'after-as-of'],
        ['pending', 'R7', 'pending-approval'],
        ['excluded', 'R1', 'outside-window'],
        ['excluded', 'R7', 'rejected'],
        ['counted', 'R11', null],
        ['counted', 'R3', null],
        ['counted', 'R3', null],
        ['excluded', 'R3', 'monthly-limit'],
      ]);
    });
  });

  describe('the SPEC §3 sample ledger as of 2026-06-30', () => {
    // Window 2025-07-01 … 2026-06-30. Partner-year credits 2023-03-15, 2024-03-15,
    // 2025-03-15: all before the window. c1 (2025-06-01) was earned before it: valid,
    // 0 points. Completed partnership year [2025-03-15, 2026-03-14] had 1,200.50 USD:
    // no renewal waiver. f1 covers 2026-01-01 … 2026-12-31.
    it('gives the hand-computed evaluation', () => {
      const r = evaluate(sample(), { asOf: '2026-06-30' });
      const expected: Evaluation = {
        asOf: '2026-06-30',
        window: { from: '2025-07-01', to: '2026-06-30' },
        points: {
          total: 14890,
          pending: 0,
          byCategory: {
            revenue: 1200,
            knowledge: 500,
            program: 12590,
            certification: 0,
            'partner-year': 0,
            bonus: 250,
            special: 400,
            adjustment: -50,
          },
        },
        revenue: { total: '1200.50', points: 1200 },
        certifications: {
          profile: 1,
          sales: 0,
          valid: [{ holder: 'jane', certification: 'developer', date: '2025-06-01', expiresOn: '2027-05-31' }],
          expired: [],
        },
        tier: 'basic',
        tierName: 'Basic',
        requirements: [
          { tier: 'now', met: true, checks: [{ kind: 'points', required: 3000, actual: 14890, met: true, shortfall: 0 }] },
          { tier: 'starter', met: true, checks: [{ kind: 'points', required: 4000, actual: 14890, met: true, shortfall: 0 }] },
          { tier: 'basic', met: true, checks: [{ kind: 'points', required: 5000, actual: 14890, met: true, shortfall: 0 }] },
          {
            tier: 'professional',
            met: false,
            checks: [
              { kind: 'points', required: 8000, actual: 14890, met: true, shortfall: 0 },
              { kind: 'revenue', required: '7200.00', actual: '1200.50', met: false, shortfall: '5999.50' },
            ],
          },
          {
            tier: 'silver',
            met: false,
            checks: [
              { kind: 'points', required: 20000, actual: 14890, met: false, shortfall: 5110 },
              { kind: 'revenue', required: '12000.00', actual: '1200.50', met: false, shortfall: '10799.50' },
              { kind: 'profile-certifications', required: 1, actual: 1, met: true, shortfall: 0 },
              { kind: 'sales-certifications', required: 2, actual: 0, met: false, shortfall: 2 },
            ],
          },
          {
            tier: 'gold',
            met: false,
            checks: [
              { kind: 'points', required: 50000, actual: 14890, met: false, shortfall: 35110 },
              { kind: 'revenue', required: '18000.00', actual: '1200.50', met: false, shortfall: '16799.50' },
              { kind: 'profile-certifications', required: 2, actual: 1, met: false, shortfall: 1 },
              { kind: 'sales-certifications', required: 6, actual: 0, met: false, shortfall: 6 },
            ],
          },
          {
            tier: 'platinum',
            met: false,
            checks: [
              { kind: 'points', required: 200000, actual: 14890, met: false, shortfall: 185110 },
              { kind: 'revenue', required: '30000.00', actual: '1200.50', met: false, shortfall: '28799.50' },
              { kind: 'profile-certifications', required: 3, actual: 1, met: false, shortfall: 2 },
              { kind: 'sales-certifications', required: 10, actual: 0, met: false, shortfall: 10 },
            ],
          },
        ],
        nextTier: {
          tier: 'professional',
          tierName: 'Professional',
          shortfall: { points: 0, revenue: '5999.50', profileCertifications: 0, salesCertifications: 0 },
        },
        membership: { active: true, basis: 'basic-points', bases: ['basic-points', 'fee'] },
        fee: { status: 'waived', basis: 'basic-points', paidThrough: '2026-12-31', nextAnniversary: '2027-03-15' },
        entries: [
          { id: 'r1', outcome: 'counted', points: 0, rule: 'R2', amount: '1200.50' },
          { id: 'a1', outcome: 'counted', points: 500, rule: 'R3' },
          { id: 'a2', outcome: 'counted', points: 6000, rule: 'R3' },
          { id: 'a3', outcome: 'counted', points: 6500, rule: 'R3' },
          { id: 't1', outcome: 'counted', points: 90, rule: 'R4' },
          { id: 'c1', outcome: 'counted', points: 0, rule: 'R8', reason: 'earned-before-window' },
          { id: 'b1', outcome: 'counted', points: 250, rule: 'R6' },
          { id: 's1', outcome: 'counted', points: 400, rule: 'R6' },
          { id: 'f1', outcome: 'counted', points: 0, rule: 'R11', amount: '540.00' },
          { id: 'x1', outcome: 'counted', points: -50, rule: 'R7' },
        ],
        derived: [],
        // The earliest counted item: r1, which no longer counts from 2027-01-10 (R1).
        leavingNext: { date: '2026-01-10', on: '2027-01-10', points: 0, revenue: '1200.50', entries: ['r1'] },
        program: { id: 'exponential-partner-program', version: '2014.1', currency: 'USD' },
      };
      expect(r).toEqual(expected);
    });

    it('as of 2026-05-31: the window 2025-06-01 … 2026-05-31 credits c1; x1 is after the review date', () => {
      const r = evaluate(sample(), { asOf: '2026-05-31' });
      expect(r.window).toEqual({ from: '2025-06-01', to: '2026-05-31' });
      expect(r.entries.find((e) => e.id === 'c1')).toEqual({ id: 'c1', outcome: 'counted', points: 1000, rule: 'R8' });
      expect(r.entries.find((e) => e.id === 'x1')).toEqual({ id: 'x1', outcome: 'excluded', points: 0, rule: 'R1', reason: 'after-as-of' });
      // 14,890 + 50 (x1 not yet) + 1,000 (c1 credited) = 15,940.
      expect(r.points.total).toEqual(15940);
      expect(r.points.byCategory.certification).toEqual(1000);
      expect(r.tier).toEqual('basic');
    });
  });
});

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  for (const child of Object.values(value)) deepFreeze(child);
  Object.freeze(value);
}
