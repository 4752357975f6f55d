import type { IsoDate } from '../dates/isoDate';
import { capIssues, issue, isRecord, zodIssueAt, type LedgerIssue, type PathIssue, type ZodIssueLike } from '../issues';
import { describeError, describeValue, readObject } from '../readOptions';
import type { Money } from '../money/money';
import { compileProgram, isKnownProgram, type CompiledProgram } from '../program/compile';
import { exponentialProgram } from '../program/exponentialProgram';
import type { Program } from '../program/types';
import { sortIssues } from './issueOrder';
import { getLedgerParts } from './schema';
import type { Ledger, LedgerEntry, Partner } from './types';
import { checkLedgerValues, type Checked, type Found } from './values';

/** Options of {@link parseLedger}. */
export type ParseLedgerOptions = {
  /** The program whose activity and certification ids the ledger may use (any of its versions). Default: `exponentialProgram`. */
  readonly program?: Program;
};

/** What {@link parseLedger} returns: the normalised ledger, or every issue found. */
export type ParseLedgerResult =
  | { readonly ok: true; readonly ledger: Ledger }
  | { readonly ok: false; readonly issues: readonly [LedgerIssue, ...LedgerIssue[]] };

/**
 * What parsing derives for speed, kept beside the ledger (never in it): its
 * enumerable fields stay exactly the normalised JSON. Frozen, and it knows
 * nothing of evaluation: what only evaluation prepares lives in
 * src/evaluate/prepare.ts.
 */
export type LedgerData = {
  /** The program the ledger was checked against. */
  readonly program: CompiledProgram;
  /** Each entry's date as the integer YYYYMMDD ({@link dayKey}), by entry index. */
  readonly days: Int32Array;
  /** The exact amount of each revenue and fee-payment entry, by entry index. */
  readonly money: readonly (Money | undefined)[];
};

const parsed = new WeakMap<Ledger, LedgerData>();

/** The side data of a ledger `parseLedger` returned, or `undefined` for anything else. */
export function ledgerData(value: unknown): LedgerData | undefined {
  return typeof value === 'object' && value !== null ? parsed.get(value as Ledger) : undefined;
}

/**
 * Validates and normalises a ledger. Never throws, whatever its input or
 * options: returns the ledger, or every issue at once (the first 1,000,
 * `MAX_ISSUES`, then one `too-many-issues` issue counting the rest),
 * each with its path, code and a sentence.
 *
 * The ledger is deeply frozen plain data (the ledger, `partner`, `entries`,
 * each entry and every `meta`), so it cannot drift from what was validated;
 * `{ ...ledger, entries: [...ledger.entries, more] }` is new input, parsed again.
 * @param input - Any value, typically parsed JSON.
 * @param opts - `program`: the program the ids refer to (default `exponentialProgram`); `null` or absent options take the default.
 * @returns `{ ok: true, ledger }` or `{ ok: false, issues }`.
 * @example
 * parseLedger({ partner: { id: 'acme', joinedOn: '2023-03-15' }, entries: [
 *   { id: 'r1', type: 'revenue', date: '2026-01-10T22:00:00-05:00', amount: 1200.5, source: 'direct-sale' },
 * ] })
 * //=> { ok: true, ledger: { partner: { id: 'acme', joinedOn: '2023-03-15' }, entries: [
 * //     { id: 'r1', type: 'revenue', date: '2026-01-11', amount: '1200.50', source: 'direct-sale', status: 'approved' } ] } }
 * parseLedger({ partner: { id: 'acme', joinedOn: '2023-02-30' }, entries: [] })
 * //=> { ok: false, issues: [{ path: 'partner.joinedOn', code: 'invalid-date', message: '"2023-02-30" is not a calendar date …' }] }
 */
export function parseLedger(input: unknown, opts?: ParseLedgerOptions): ParseLedgerResult {
  const program = readProgramOption(opts);
  if (!('versions' in program)) return { ok: false, issues: program };
  try {
    return parseLedgerUnsafe(input, program);
  } catch (error) {
    // Only a hostile input (a throwing getter or proxy) gets here: still an issue, never a throw.
    return { ok: false, issues: [issue('', 'invalid-type', `the input could not be read: ${describeError(error)}`)] };
  }
}

/**
 * The options, read once (`readObject`): `program` and nothing else. Options
 * that are not an object, an unknown or unreadable option, or a program that
 * is not one are issues, never a throw; `null` or absent options take the default.
 */
function readProgramOption(opts: unknown): CompiledProgram | readonly [LedgerIssue, ...LedgerIssue[]] {
  if (opts === undefined || opts === null) return compileProgram(exponentialProgram);
  const issues: LedgerIssue[] = [];
  const snapshot = readObject(opts, ['program'], '', `options must be an object { program? }, received ${describeValue(opts)}`, issues);
  const program = snapshot?.['program'];
  if (snapshot !== undefined && 'program' in snapshot && program !== undefined && !isKnownProgram(program)) {
    issues.push(issue('program', 'invalid-program', '"program" must be exponentialProgram or a program returned by defineProgram'));
  }
  if (issues.length > 0) return issues as [LedgerIssue, ...LedgerIssue[]];
  return compileProgram(program === undefined ? exponentialProgram : (program as Program));
}

/** The one issue of an input that is not an object at all. */
function notALedger(input: unknown): LedgerIssue {
  if (input === undefined) return issue('', 'missing-field', 'a ledger is required: an object { partner, entries }');
  const hint = typeof input === 'string' && /^\s*[{[]/.test(input) ? ' (JSON text: parse it first)' : '';
  return issue('', 'invalid-type', `expected a ledger, an object { partner, entries }, received ${describeValue(input)}${hint}`);
}

/** Parses with a compiled program; may throw only on hostile objects. */
export function parseLedgerUnsafe(input: unknown, program: CompiledProgram): ParseLedgerResult {
  if (!isRecord(input)) return { ok: false, issues: [notALedger(input)] };
  const parts = getLedgerParts();
  const top = parts.top.safeParse(input);
  // Valid, the top level hands on the entries it read; else they are read again (invalid input only).
  const list = parts.entries.safeParse(top.success ? top.data.entries : input['entries']);
  const data = top.success && list.success ? { ...top.data, entries: list.data } : undefined;
  // Issues in the schema's order (zod's, and the values of dates and amounts), then the cross-entry checks'.
  const found: Found = { values: [], cross: [] };
  if (data === undefined) {
    // Issue messages show the values: parse again with them (only invalid input pays for this).
    const again = parts.top.safeParse(input, { reportInput: true });
    const reported = reportedIssues(again, parts.entries, again.success ? again.data.entries : input['entries'], 0);
    if (reported === undefined) return changedWhileRead();
    for (const one of reported) found.values.push(one);
  }
  // Valid input is checked on zod's copy, and normalised and frozen in the same pass: what the pass checks is what the ledger keeps.
  const checked = checkLedgerValues(data ?? input, program, found, data !== undefined);
  if (data === undefined || found.values.length > 0 || found.cross.length > 0) return failed(found, checked, 0);
  const joinedOn = checked.joinedOn as IsoDate;
  const partnerMeta = checked.partnerMeta;
  const partner = Object.freeze(partnerMeta === undefined ? { ...data.partner, joinedOn } : { ...data.partner, joinedOn, meta: partnerMeta }) as Partner;
  const ledgerMeta = checked.ledgerMeta;
  const entries = Object.freeze(data.entries) as readonly LedgerEntry[];
  const ledger: Ledger = Object.freeze(ledgerMeta === undefined ? { partner, entries } : { partner, entries, meta: ledgerMeta });
  keepData(ledger, program, checked.days, checked.money);
  return { ok: true, ledger };
}

/** The result of an input whose getters or proxy gave other values on the second read. */
export function changedWhileRead(): ParseLedgerResult {
  return { ok: false, issues: [issue('', 'invalid-type', 'the input changed while it was read (a getter or a proxy gave different values)')] };
}

/** The issues found, sorted and capped (`offset`: the index of the first checked entry). */
export function failed(found: Found, checked: Checked, offset: number): ParseLedgerResult {
  return { ok: false, issues: capIssues(sortIssues(found.values, found.cross, checked.types, offset)) as [LedgerIssue, ...LedgerIssue[]] };
}

type Parsed = { readonly success: boolean; readonly error?: { readonly issues: readonly unknown[] } };

/**
 * zod's issues, from parses with `reportInput` (messages show the values):
 * the top level's (`top`, when there is one) and those of the entries array
 * `list`, its paths under `entries` and numbered from `offset`; `undefined`
 * when both are valid on this read.
 */
export function reportedIssues(top: Parsed | undefined, entries: { safeParse(value: unknown, params: { reportInput: true }): Parsed }, list: unknown, offset: number): PathIssue[] | undefined {
  const listResult = entries.safeParse(list, { reportInput: true });
  if ((top === undefined || top.success) && listResult.success) return undefined;
  const issues: PathIssue[] = [];
  for (const zodIssue of (top?.error?.issues ?? []) as ZodIssueLike[]) for (const one of zodIssueAt(zodIssue)) issues.push(one);
  for (const zodIssue of (listResult.error?.issues ?? []) as ZodIssueLike[]) {
    const [index, ...rest] = zodIssue.path;
    const path = typeof index === 'number' ? ['entries', offset + index, ...rest] : ['entries', ...zodIssue.path];
    for (const one of zodIssueAt({ ...zodIssue, path })) issues.push(one);
  }
  return issues;
}

/** Records a parsed ledger's side data (frozen). */
export function keepData(ledger: Ledger, program: CompiledProgram, days: Int32Array, money: (Money | undefined)[]): void {
  // The side data holds no reference to the entries: a WeakMap value keeps what it reaches alive through
  // V8's minor collections, and entries kept so cost parse + evaluate about 8 % in GC. (An Int32Array cannot be frozen; nothing hands it out.)
  parsed.set(ledger, Object.freeze({ program, days, money: Object.freeze(money) }));
}
