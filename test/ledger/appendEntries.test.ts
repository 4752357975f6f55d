import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendEntries } from '../../src/ledger/appendEntries';
import { ledgerData, parseLedger, type ParseLedgerResult } from '../../src/ledger/parseLedger';
import type { Ledger } from '../../src/ledger/types';
import { compileProgram } from '../../src/program/compile';
import { defineProgram } from '../../src/program/defineProgram';
import { exponentialProgram } from '../../src/program/exponentialProgram';
import { entryBody, ledgerArbitrary, runs } from '../properties/arbitraries';

const program = compileProgram(exponentialProgram);

function parsed(input: unknown): Ledger {
  const result = parseLedger(input);
  if (!result.ok) throw new Error(`expected a valid ledger, got ${JSON.stringify(result.issues)}`);
  return result.ledger;
}

/** What one parse of the whole extended ledger returns: appendEntries must return the same. */
function fullParse(ledger: Ledger, entries: readonly unknown[]): ParseLedgerResult {
  return parseLedger({ ...ledger, entries: [...ledger.entries, ...entries] }, { program: exponentialProgram });
}

function expectSameResult(actual: ParseLedgerResult, expected: ParseLedgerResult): void {
  if (!expected.ok) {
    expect(actual).toStrictEqual(expected);
    return;
  }
  expect(actual.ok).toBe(true);
  if (!actual.ok) return;
  expect(actual.ledger).toEqual(expected.ledger);
  const got = ledgerData(actual.ledger);
  const want = ledgerData(expected.ledger);
  expect(got).toBeDefined();
  expect(got?.program).toBe(want?.program);
  expect(Array.from(got?.days ?? [])).toEqual(Array.from(want?.days ?? []));
  expect(got?.money).toEqual(want?.money);
  expect(got?.money.length).toBe(want?.money.length);
  // The same frozen plain data: the ledger, its entries and each entry.
  expect(Object.isFrozen(actual.ledger)).toBe(true);
  expect(Object.isFrozen(actual.ledger.entries)).toBe(true);
  for (const entry of actual.ledger.entries) expect(Object.isFrozen(entry)).toBe(true);
}

/** Ways a new entry changes: most go wrong (an issue of a kind parseLedger reports), the first two stay valid (meta kept, a timestamp normalised). */
const breakages: readonly ((entry: Record<string, unknown>) => Record<string, unknown>)[] = [
  (entry) => ({ ...entry, meta: { crm: { id: 7, tags: ['a', null] }, 'a b': true } }),
  (entry) => ({ ...entry, date: '2026-03-01T23:30:00-05:00' }),
  (entry) => ({ ...entry, date: '2026-02-30' }),
  (entry) => ({ ...entry, date: 20260101 }),
  (entry) => ({ ...entry, type: 'gift' }),
  (entry) => ({ ...entry, colour: 'red' }),
  (entry) => ({ ...entry, status: 'maybe' }),
  (entry) => ({ ...entry, meta: { nan: Number.NaN } }),
  (entry) => ({ ...entry, meta: 'notes' }),
  (entry) => ({ ...entry, id: '' }),
  (entry) => {
    const { id: _id, ...rest } = entry;
    return rest;
  },
  (entry) => (entry['type'] === 'revenue' || entry['type'] === 'fee-payment' ? { ...entry, amount: '1e3' } : { ...entry, points: 1.5 }),
  (entry) => (entry['type'] === 'activity' ? { ...entry, activity: 'no-such-row' } : entry),
  (entry) => (entry['type'] === 'certification' ? { ...entry, certification: 'no-such-cert', expiresOn: '2000-01-01' } : entry),
];

/** New entries: ids that may repeat the ledger's or each other's, references to known and unknown ids, sometimes broken. */
function newEntries(size: number) {
  return fc.array(
    fc.tuple(
      entryBody,
      // Mostly fresh ids (n…), sometimes one of the ledger's (e…).
      fc.oneof({ arbitrary: fc.constant('n'), weight: 8 }, { arbitrary: fc.constant('e'), weight: 1 }),
      fc.integer({ min: 0, max: Math.max(size, 3) }),
      fc.oneof({ arbitrary: fc.constant(null), weight: 12 }, { arbitrary: fc.integer({ min: 0, max: breakages.length - 1 }), weight: 1 }),
      fc.oneof({ arbitrary: fc.constant(null), weight: 6 }, { arbitrary: fc.constantFrom('e0', 'e1', 'n0', 'missing'), weight: 1 }),
    ),
    { maxLength: 8 },
  ).map((rows) =>
    rows.map(([body, prefix, number, broken, relatesTo]) => {
      let entry: Record<string, unknown> = { id: `${prefix}${number}`, ...body };
      if (relatesTo !== null) entry = { id: entry['id'], type: 'bonus', date: body['date'], points: 10, reason: 'follow-up', relatesTo };
      return broken === null ? entry : (breakages[broken] as (entry: Record<string, unknown>) => Record<string, unknown>)(entry);
    }),
  );
}

describe('appendEntries', () => {
  it('property: returns what one parse of the whole extended ledger returns (ledger, side data, issues and their order)', () => {
    const outcomes = { ok: 0, issues: 0 };
    fc.assert(
      fc.property(
        ledgerArbitrary(12).chain((raw) => fc.tuple(fc.constant(raw), newEntries(raw.entries.length))),
        ([raw, added]) => {
          const ledger = parsed(raw);
          const expected = fullParse(ledger, added);
          outcomes[expected.ok ? 'ok' : 'issues'] += 1;
          expectSameResult(appendEntries(ledger, added, program), expected);
        },
      ),
      runs(300),
    );
    // Both sides of the property were exercised: valid extensions and invalid ones.
    expect(outcomes.ok).toBeGreaterThan(0);
    expect(outcomes.issues).toBeGreaterThan(0);
  });

  it('numbers the new entries after the ledger’s: paths and duplicate messages name entries[n + i]', () => {
    const ledger = parsed({ partner: { id: 'p', joinedOn: '2023-01-01' }, entries: [
      { id: 'a', type: 'special', date: '2026-01-01', points: 5, description: 'x' },
      { id: 'b', type: 'special', date: '2026-01-02', points: 5, description: 'x' },
    ] });
    const added = [
      { id: 'b', type: 'special', date: '2026-01-03', points: 5, description: 'x' },
      { id: 'c', type: 'bonus', date: '2026-02-30', points: 5, reason: 'x', relatesTo: 'zz' },
      { id: 'c', type: 'bonus', date: '2026-01-03', points: 5, reason: 'x', relatesTo: 'a' },
    ];
    const result = appendEntries(ledger, added, program);
    expect(result).toStrictEqual(fullParse(ledger, added));
    expect(result.ok ? [] : result.issues.map((one) => [one.path, one.code, one.message])).toStrictEqual([
      ['entries[2].id', 'duplicate-id', 'duplicate id "b": entries[1].id has it too'],
      ['entries[3].date', 'invalid-date', '"2026-02-30" is not a calendar date YYYY-MM-DD or an RFC 3339 timestamp'],
      ['entries[3].relatesTo', 'unknown-reference', 'no entry of this ledger has the id "zz"'],
      ['entries[4].id', 'duplicate-id', 'duplicate id "c": entries[3].id has it too'],
    ]);
  });

  it('keeps the ledger’s own entry objects, and its partner and meta, in the extended ledger', () => {
    const ledger = parsed({ partner: { id: 'p', joinedOn: '2023-01-01', meta: { crm: 1 } }, meta: { source: 'x' }, entries: [
      { id: 'a', type: 'revenue', date: '2026-01-01T23:30:00-05:00', amount: 12.5, source: 'direct-sale' },
    ] });
    const result = appendEntries(ledger, [{ id: 'b', type: 'fee-payment', date: '2026-03-01', months: 1, amount: 45 }], program);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.ledger.entries[0]).toBe(ledger.entries[0]);
    expect(result.ledger.partner).toBe(ledger.partner);
    expect(result.ledger.meta).toBe(ledger.meta);
    expect(result.ledger.entries[1]).toStrictEqual({ id: 'b', type: 'fee-payment', date: '2026-03-01', months: 1, amount: '45.00', status: 'approved' });
    expect(Array.from(ledgerData(result.ledger)?.days ?? [])).toStrictEqual([20260102, 20260301]);
    expect(ledgerData(result.ledger)?.money.map((money) => money?.text)).toStrictEqual(['12.50', '45.00']);
    // The ledger itself is unchanged.
    expect(ledger.entries).toHaveLength(1);
  });

  it('parses the whole ledger when it was not returned by parseLedger, or was parsed against another program', () => {
    const ledger = parsed({ partner: { id: 'p', joinedOn: '2023-01-01' }, entries: [{ id: 'a', type: 'activity', date: '2026-01-01', activity: 'conference-talk' }] });
    // A copy is not a parsed ledger: its entries are validated again (here: an invalid one).
    const copy = { ...ledger, entries: [{ ...ledger.entries[0], date: '2026-13-01' }] } as unknown as Ledger;
    const added = [{ id: 'b', type: 'special', date: '2026-01-03', points: 5, description: 'x' }];
    expect(appendEntries(copy, added, program)).toStrictEqual(parseLedger({ ...copy, entries: [...copy.entries, ...added] }));
    expect(appendEntries(copy, added, program).ok).toBe(false);
    // Another program: the ledger's entries are checked against it too.
    const other = defineProgram({ ...exponentialProgram, id: 'other', versions: exponentialProgram.versions.map((version) => ({ ...version, activities: version.activities.filter((row) => row.id !== 'conference-talk') })) });
    const result = appendEntries(ledger, added, compileProgram(other));
    expect(result).toStrictEqual(parseLedger({ ...ledger, entries: [...ledger.entries, ...added] }, { program: other }));
    expect(result.ok ? [] : result.issues.map((one) => one.path)).toStrictEqual(['entries[0].activity']);
  });

  it('never throws: entries whose getters throw are one issue at the root', () => {
    const ledger = parsed({ partner: { id: 'p', joinedOn: '2023-01-01' }, entries: [] });
    const hostile = { get id(): string { throw new Error('no'); } };
    const result = appendEntries(ledger, [hostile], program);
    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : result.issues).toStrictEqual([{ path: '', code: 'invalid-type', message: 'the input could not be read: Error: no' }]);
  });

  it('with no new entries, returns an equal ledger', () => {
    const ledger = parsed({ partner: { id: 'p', joinedOn: '2023-01-01' }, entries: [{ id: 'a', type: 'special', date: '2026-01-01', points: 5, description: 'x' }] });
    expectSameResult(appendEntries(ledger, [], program), fullParse(ledger, []));
  });
});
