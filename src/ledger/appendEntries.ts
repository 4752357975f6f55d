/**
 * A parsed ledger extended by new entries, checking only the new ones: what
 * the planner needs for its one final check of a plan, without a second parse
 * of the whole ledger.
 */
import { describeValue, issue } from '../issues';
import { describeError } from '../readOptions';
import type { Money } from '../money/money';
import type { CompiledProgram } from '../program/compile';
import { changedWhileRead, failed, keepData, ledgerData, parseLedgerUnsafe, reportedIssues, type ParseLedgerResult } from './parseLedger';
import { getLedgerParts } from './schema';
import type { Ledger, LedgerEntry } from './types';
import { checkNewEntries, type Found } from './values';

/**
 * The ledger extended by `entries`, exactly as
 * `parseLedger({ ...ledger, entries: [...ledger.entries, ...entries] }, { program })`
 * returns it — the same frozen ledger (deep-equal), the same side data, the
 * same issues in the same order with the same paths (`entries[n + i]…`) — but
 * only the new entries are validated: their ids against the ledger's and
 * each other's, their `relatesTo` against every id. The ledger's entries and
 * side data (day keys, exact amounts) are reused, not parsed again. A
 * `ledger` that `parseLedger` did not return, or that was parsed against
 * another program, is parsed whole. Never throws.
 * @param ledger - A ledger `parseLedger` returned.
 * @param entries - The new entries, raw (any values).
 * @param program - The compiled program to check them against.
 * @returns `{ ok: true, ledger }` or `{ ok: false, issues }`.
 * @example
 * appendEntries(ledger, [{ id: 'p1', type: 'special', date: '2026-06-30', points: 500, description: 'planned' }], compileProgram(exponentialProgram))
 * //=> { ok: true, ledger: { partner, entries: [...ledger.entries, { id: 'p1', …, status: 'approved' }] } }
 */
export function appendEntries(ledger: Ledger, entries: readonly unknown[], program: CompiledProgram): ParseLedgerResult {
  try {
    const data = ledgerData(ledger);
    if (data === undefined || data.program !== program) return parseLedgerUnsafe({ ...ledger, entries: [...ledger.entries, ...entries] }, program);
    return appendUnsafe(ledger, entries, program, data.days, data.money);
  } catch (error) {
    // Only hostile entries (a throwing getter or proxy) get here: still an issue, never a throw.
    return { ok: false, issues: [issue('', 'invalid-type', `the input could not be read: ${describeError(error)}`)] };
  }
}

function appendUnsafe(ledger: Ledger, added: readonly unknown[], program: CompiledProgram, days: Int32Array, money: readonly (Money | undefined)[]): ParseLedgerResult {
  const before = ledger.entries;
  if (!Array.isArray(added)) return { ok: false, issues: [issue('entries', 'invalid-type', `expected an array of entries, received ${describeValue(added)}`)] };
  const schema = getLedgerParts().entries;
  const list = schema.safeParse(added);
  const found: Found = { values: [], cross: [] };
  if (!list.success) {
    const reported = reportedIssues(undefined, schema, added, before.length);
    if (reported === undefined) return changedWhileRead();
    for (const one of reported) found.values.push(one);
  }
  const ids = new Set<string>();
  for (const entry of before) ids.add(entry.id);
  // zod's copy of valid entries is normalised and frozen in the same pass.
  const checked = checkNewEntries(list.success ? list.data : added, { entries: before, ids }, program, found, list.success);
  if (!list.success || found.values.length > 0 || found.cross.length > 0) return failed(found, checked, before.length);
  const entries: readonly LedgerEntry[] = Object.freeze([...before, ...(list.data as unknown as LedgerEntry[])]);
  const extended: Ledger = Object.freeze(ledger.meta === undefined ? { partner: ledger.partner, entries } : { partner: ledger.partner, entries, meta: ledger.meta });
  const allDays = new Int32Array(entries.length);
  allDays.set(days);
  allDays.set(checked.days, before.length);
  // A dense copy, as one parse makes it (concat would keep any hole, and V8 reads a holey array more slowly).
  const allMoney: (Money | undefined)[] = [];
  for (const amount of money) allMoney.push(amount);
  for (const amount of checked.money) allMoney.push(amount);
  keepData(extended, program, allDays, allMoney);
  return { ok: true, ledger: extended };
}
