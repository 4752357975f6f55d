import { dayKey, toIsoDate, type IsoDate } from '../dates/isoDate';
import { appendToPath, capIssues, fromZodIssue, issue, withArticle, type LedgerIssue, type ZodIssueLike } from '../issues';
import { describeError, describeValue, readObject } from '../readOptions';
import { decimalText, MAX_AMOUNT_DECIMALS, MAX_AMOUNT_DIGITS, parseMoney, type Money } from '../money/money';
import { compileProgram, isKnownProgram, type CompiledProgram } from '../program/compile';
import { exponentialProgram } from '../program/exponentialProgram';
import type { Program } from '../program/types';
import { entryTypes, getLedgerParts, getLedgerSchema } from './schema';
import type { Ledger, LedgerEntry, Meta } from './types';

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

/** How deep `meta` may nest. */
export const MAX_META_DEPTH = 32;

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
  const schemaIssues: LedgerIssue[] = [];
  const crossIssues: LedgerIssue[] = [];
  if (data === undefined) {
    // Issue messages show the values: parse again with them (only invalid input pays for this).
    const reported = reportedIssues(input);
    if (reported === undefined) {
      return { ok: false, issues: [issue('', 'invalid-type', 'the input changed while it was read (a getter or a proxy gave different values)')] };
    }
    for (const zodIssue of reported) for (const one of fromZodIssue(zodIssue)) schemaIssues.push(one);
  }
  // Valid input is checked on zod's copy: what the pass checks is what the ledger keeps.
  const checked = checkValues(data ?? input, program, schemaIssues, crossIssues);
  if (data === undefined || schemaIssues.length > 0 || crossIssues.length > 0) {
    return { ok: false, issues: capIssues(sortIssues(schemaIssues, crossIssues, checked.types)) as [LedgerIssue, ...LedgerIssue[]] };
  }
  return { ok: true, ledger: buildLedger(data, checked, program) };
}

/**
 * zod's issues for both parts ({@link getLedgerParts}), parsed with
 * `reportInput`, entries' paths under `entries`; `undefined` when the input
 * is valid on this read.
 */
function reportedIssues(input: Record<string, unknown>): ZodIssueLike[] | undefined {
  const parts = getLedgerParts();
  const top = parts.top.safeParse(input, { reportInput: true });
  const list = parts.entries.safeParse(top.success ? top.data.entries : input['entries'], { reportInput: true });
  if (top.success && list.success) return undefined;
  const issues: ZodIssueLike[] = top.success ? [] : [...(top.error.issues as unknown as ZodIssueLike[])];
  if (!list.success) {
    for (const zodIssue of list.error.issues as unknown as ZodIssueLike[]) issues.push({ ...zodIssue, path: ['entries', ...zodIssue.path] });
  }
  return issues;
}

/**
 * The ledger from zod's copy and the normalised values, frozen as it is
 * built: each object once, when it is complete, with no second walk.
 */
function buildLedger(valid: object, checked: Checked, program: CompiledProgram): Ledger {
  const data = valid as unknown as {
    partner: { -readonly [K in keyof Ledger['partner']]: Ledger['partner'][K] };
    entries: (LedgerEntry & { status?: LedgerEntry['status']; meta?: Meta })[];
  };
  const entries = data.entries;
  const days = new Int32Array(entries.length);
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index] as { -readonly [K in keyof LedgerEntry]: LedgerEntry[K] } & { amount?: string; expiresOn?: string };
    entry.status ??= 'approved';
    entry.date = checked.dates[index] as IsoDate;
    days[index] = dayKey(entry.date);
    const expiresOn = checked.expires.get(index);
    if (expiresOn !== undefined) entry.expiresOn = expiresOn;
    const money = checked.money[index];
    if (money !== undefined) entry.amount = money.text;
    // -0 is 0: results never carry a negative zero.
    const numbers = entry as { points?: number; words?: number };
    if (Object.is(numbers.points, -0)) numbers.points = 0;
    if (Object.is(numbers.words, -0)) numbers.words = 0;
    const copiedMeta = checked.metas.get(index);
    if (copiedMeta !== undefined) entry.meta = copiedMeta;
    Object.freeze(entry);
  }
  Object.freeze(entries);
  data.partner.joinedOn = checked.joinedOn as IsoDate;
  const partnerMeta = checked.metas.get(PARTNER_META);
  const ledgerMeta = checked.metas.get(LEDGER_META);
  const partner = Object.freeze(partnerMeta === undefined ? data.partner : { ...data.partner, meta: partnerMeta });
  const ledger: Ledger = Object.freeze(ledgerMeta === undefined ? { partner, entries } : { partner, entries, meta: ledgerMeta });
  // The side data holds no reference to the entries: a WeakMap value keeps what it reaches alive through
  // V8's minor collections, and entries kept so cost parse + evaluate about 8 % in GC. (An Int32Array cannot be frozen; nothing hands it out.)
  parsed.set(ledger, Object.freeze({ program, days, money: Object.freeze(checked.money) }));
  return ledger;
}

const PARTNER_META = -1;
const LEDGER_META = -2;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What the one pass over the raw input found valid, normalised, by entry index. */
type Checked = {
  /** Safe copies of every `meta` (keys: entry index, {@link PARTNER_META}, {@link LEDGER_META}). */
  readonly metas: Map<number, Meta>;
  /** Each entry's date as `YYYY-MM-DD` (a timestamp reduced to its UTC date). */
  readonly dates: (IsoDate | undefined)[];
  /** Certifications' `expiresOn`, normalised the same way. */
  readonly expires: Map<number, IsoDate>;
  /** The exact amount of each revenue and fee-payment entry. */
  readonly money: (Money | undefined)[];
  joinedOn: IsoDate | undefined;
  /** Each entry's `type` as written (it orders the entry's issues). */
  readonly types: unknown[];
};

/**
 * The checks zod has no check for, in one pass over the raw input (so they
 * are reported even when zod found other issues): dates and amounts (read
 * once, normalised), duplicate ids, references, activity rows and
 * certification ids of the program, date order, and `meta`.
 */
function checkValues(input: unknown, program: CompiledProgram, valueIssues: LedgerIssue[], issues: LedgerIssue[]): Checked {
  const checked: Checked = { metas: new Map(), dates: [], expires: new Map(), money: [], joinedOn: undefined, types: [] };
  if (!isRecord(input)) return checked;
  copyMetaInto(checked.metas, LEDGER_META, input['meta'], 'meta', issues);
  const partner = input['partner'];
  if (isRecord(partner)) {
    copyMetaInto(checked.metas, PARTNER_META, partner['meta'], 'partner.meta', issues);
    checked.joinedOn = readDate(partner['joinedOn'], 'partner.joinedOn', valueIssues);
  }
  const entries = input['entries'];
  if (!Array.isArray(entries)) return checked;

  checked.dates.length = entries.length;
  checked.money.length = entries.length;
  const firstIndexById = new Map<string, number>();
  const references: number[] = [];
  for (let index = 0; index < entries.length; index++) {
    const entry: unknown = entries[index];
    if (!isRecord(entry)) continue;
    const id = entry['id'];
    if (typeof id === 'string') {
      const first = firstIndexById.get(id);
      if (first === undefined) firstIndexById.set(id, index);
      else issues.push(issue(`entries[${index}].id`, 'duplicate-id', `duplicate id "${id}": entries[${first}].id has it too`));
    }
    if (entry['meta'] !== undefined) copyMetaInto(checked.metas, index, entry['meta'], `entries[${index}].meta`, issues);
    const type = entry['type'];
    checked.types[index] = type;
    // As zod does, an entry's fields are checked only once its type is known.
    if (!(entryTypes as readonly unknown[]).includes(type)) continue;
    checked.dates[index] = readDate(entry['date'], `entries[${index}].date`, valueIssues);
    switch (type) {
      case 'revenue':
      case 'fee-payment':
        checked.money[index] = readAmount(entry['amount'], `entries[${index}].amount`, valueIssues);
        break;
      case 'activity':
        checkActivity(entry, index, program, issues);
        break;
      case 'certification':
        checkCertification(entry, index, program, checked, valueIssues, issues);
        break;
      case 'bonus':
        if (typeof entry['relatesTo'] === 'string') references.push(index);
        break;
    }
  }
  for (const index of references) {
    const target = (entries[index] as Record<string, unknown>)['relatesTo'] as string;
    if (!firstIndexById.has(target)) {
      issues.push(issue(`entries[${index}].relatesTo`, 'unknown-reference', `no entry of this ledger has the id "${target}"`));
    }
  }
  return checked;
}

/** A date field's calendar date; a string that is not one is an issue (other types are zod's). */
function readDate(value: unknown, path: string, issues: LedgerIssue[]): IsoDate | undefined {
  if (typeof value !== 'string') return undefined;
  const date = toIsoDate(value);
  if (date !== null) return date;
  issues.push(issue(path, 'invalid-date', `${describeValue(value)} is not a calendar date YYYY-MM-DD or an RFC 3339 timestamp`));
  return undefined;
}

/** An amount field's exact value; a string or number that is not a plain decimal is an issue (other types are zod's). */
function readAmount(value: unknown, path: string, issues: LedgerIssue[]): Money | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const money = parseMoney(value);
  if (money !== null) return money;
  // A number is judged as the decimal it is (parseMoney): the message shows that decimal, as for a string.
  const decimal = typeof value === 'number' && Number.isFinite(value) ? decimalText(value) : undefined;
  const shown = typeof value === 'string' ? describeValue(value) : decimal === undefined || decimal === String(value) ? String(value) : `${String(value)} (the decimal ${decimal.length > 64 ? `${decimal.slice(0, 64)}…` : decimal})`;
  issues.push(issue(path, 'invalid-amount', `${shown} is not a plain decimal amount (at most ${MAX_AMOUNT_DIGITS} integer digits and ${MAX_AMOUNT_DECIMALS} decimals, no exponent or separators)`));
  return undefined;
}

const derivedMessages = {
  'certification-entries': 'points come from certification entries (R8): report the certification itself',
  'partner-years': 'points are credited from partner.joinedOn (R5): do not report them',
} as const;

function checkActivity(entry: Record<string, unknown>, index: number, program: CompiledProgram, issues: LedgerIssue[]): void {
  const activity = entry['activity'];
  if (typeof activity !== 'string') return;
  const at = `entries[${index}]`;
  const row = program.activities.get(activity);
  if (row === undefined) {
    issues.push(issue(`${at}.activity`, 'unknown-activity', `${describeValue(activity)} is not an activity of ${program.program.name}`));
    return;
  }
  if (row.kind === 'derived') {
    issues.push(issue(`${at}.activity`, 'derived-activity', `"${activity}" ${derivedMessages[row.derivedFrom ?? 'partner-years']}`));
    return;
  }
  const points = entry['points'];
  if (points !== undefined) {
    if (row.kind !== 'minimum') {
      issues.push(issue(`${at}.points`, 'field-not-applicable', `"${activity}" earns the table's ${row.points} points; "points" is only for "+" rows`));
    } else if (typeof points === 'number' && Number.isInteger(points) && points >= 1 && points < row.points) {
      issues.push(issue(`${at}.points`, 'below-minimum', `"${activity}" earns at least ${row.points} points, received ${points}`));
    }
  }
  if (row.kind === 'per-attendee') {
    if (entry['quantity'] === undefined) issues.push(issue(`${at}.quantity`, 'missing-field', `"${activity}" counts per attendee: "quantity" (≥ 1) is required`));
  } else if (entry['quantity'] !== undefined) {
    issues.push(issue(`${at}.quantity`, 'field-not-applicable', `"${activity}" is not counted per attendee; "quantity" does not apply`));
  }
  const evidence = row.evidence;
  if (entry['words'] !== undefined && evidence?.words === undefined) {
    issues.push(issue(`${at}.words`, 'field-not-applicable', `"${activity}" has no word-count evidence`));
  }
  if (entry['floss'] !== undefined && evidence?.floss === undefined) {
    issues.push(issue(`${at}.floss`, 'field-not-applicable', `"${activity}" has no licence evidence`));
  }
}

function checkCertification(entry: Record<string, unknown>, index: number, program: CompiledProgram, checked: Checked, valueIssues: LedgerIssue[], issues: LedgerIssue[]): void {
  const at = `entries[${index}]`;
  const certification = entry['certification'];
  if (typeof certification === 'string' && !program.certifications.has(certification)) {
    const known = [...program.certifications.keys()].join(', ');
    issues.push(issue(`${at}.certification`, 'unknown-certification', `${describeValue(certification)} is not a certification of the program (${known})`));
  }
  const expires = readDate(entry['expiresOn'], `${at}.expiresOn`, valueIssues);
  if (expires === undefined) return;
  checked.expires.set(index, expires);
  const earned = checked.dates[index];
  if (earned !== undefined && expires < earned) {
    issues.push(issue(`${at}.expiresOn`, 'invalid-range', `expires on ${expires}, before it was earned on ${earned}`));
  }
}

function copyMetaInto(metas: Map<number, Meta>, key: number, value: unknown, path: string, issues: LedgerIssue[]): void {
  if (!isRecord(value)) return; // absent, or a non-object zod already reported
  const before = issues.length;
  const copy = copyJson(value, path, 0, issues);
  if (issues.length === before) metas.set(key, copy as Meta);
}

/**
 * A deep copy of JSON data, at most {@link MAX_META_DEPTH} levels. Keys are
 * defined as own data properties, so `__proto__` stays a plain key.
 */
function copyJson(value: unknown, path: string, depth: number, issues: LedgerIssue[]): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    issues.push(issue(path, 'invalid-type', `meta values must be JSON; ${String(value)} is not`));
    return null;
  }
  if (typeof value !== 'object') {
    issues.push(issue(path, 'invalid-type', `meta values must be JSON; ${withArticle(typeof value)} is not`));
    return null;
  }
  if (depth >= MAX_META_DEPTH) {
    issues.push(issue(path, 'too-deep', `meta nests deeper than ${MAX_META_DEPTH} levels`));
    return null;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) out.push(copyJson(value[i], appendToPath(path, i), depth + 1, issues));
    return Object.freeze(out);
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    issues.push(issue(path, 'invalid-type', 'meta values must be JSON; a class instance is not'));
    return null;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const child = copyJson((value as Record<string, unknown>)[key], appendToPath(path, key), depth + 1, issues);
    Object.defineProperty(out, key, { value: child, enumerable: true, writable: true, configurable: true });
  }
  // Frozen as built: a parsed ledger's meta is as immutable as the rest of it.
  return Object.freeze(out);
}

function entryIndexOf(path: string): number {
  const m = /^entries\[(\d+)\]/.exec(path);
  return m === null ? -1 : Number(m[1]);
}

/** The order zod visits the fields of each object in (schema.ts), for {@link schemaRank}. */
type FieldOrders = { readonly top: readonly string[]; readonly partner: readonly string[]; readonly entry: ReadonlyMap<unknown, readonly string[]> };
let fieldOrders: FieldOrders | undefined;

function getFieldOrders(): FieldOrders {
  if (fieldOrders === undefined) {
    const schema = getLedgerSchema();
    const entry = new Map<unknown, readonly string[]>();
    for (const option of schema.shape.entries.def.element.def.options) entry.set(option.shape.type.def.values[0], Object.keys(option.shape));
    fieldOrders = { top: Object.keys(schema.shape), partner: Object.keys(schema.shape.partner.shape), entry };
  }
  return fieldOrders;
}

/** The position of `field` in `order`; the object itself first, unknown fields last (zod reports them after the known ones). */
function rankIn(order: readonly string[] | undefined, field: string | undefined): number {
  if (field === undefined) return -1;
  const at = order?.indexOf(field) ?? -1;
  return at === -1 ? 999 : at;
}

/** Where zod would report an issue at `path` among its other issues for the same entry (or for the top level and partner). */
function schemaRank(path: string, entry: number, types: readonly unknown[]): number {
  const orders = getFieldOrders();
  const rest = entry >= 0 ? path.slice(path.indexOf(']') + 1) : path;
  if (rest === '') return entry >= 0 ? -1 : -1000;
  // `.field` or `field` (a plain key), else a quoted key (`["a b"]`), which no schema has.
  const [, first, second] = /^\.?([A-Za-z_$][\w$]*)?(?:\.([A-Za-z_$][\w$]*))?/.exec(rest) as RegExpExecArray;
  if (entry >= 0) return rankIn(orders.entry.get(types[entry]), first ?? '');
  const top = rankIn(orders.top, first ?? '');
  return first === 'partner' ? top * 1000 + 1 + rankIn(orders.partner, second) : top * 1000;
}

/**
 * Issues in ledger order (top level and partner first, then by entry), one
 * per path and code. Within each, the schema's issues (zod's, and the values
 * of dates and amounts) come in the schema's field order, as one zod parse
 * reports them; the cross-entry checks' follow.
 */
function sortIssues(schemaIssues: readonly LedgerIssue[], crossIssues: readonly LedgerIssue[], types: readonly unknown[]): LedgerIssue[] {
  const seen = new Set<string>();
  // A value of the wrong type gets its type issue alone: zod also runs a string's length check on an
  // array (it has a length), which would add "must be at least 1, received an array".
  const wrongType = new Set<string>();
  for (const value of schemaIssues) if (value.code === 'invalid-type') wrongType.add(value.path);
  return [...schemaIssues, ...crossIssues]
    .map((value, position) => {
      const entry = entryIndexOf(value.path);
      const schema = position < schemaIssues.length;
      return { value, position, entry, phase: schema ? 0 : 1, rank: schema ? schemaRank(value.path, entry, types) : 0 };
    })
    .sort((a, b) => a.entry - b.entry || a.phase - b.phase || a.rank - b.rank || a.position - b.position)
    .filter(({ value, phase }) => {
      if (phase === 0 && value.code !== 'invalid-type' && wrongType.has(value.path)) return false;
      // zod may report one value twice (e.g. beyond the safe integers and beyond the maximum).
      const key = `${value.path}\u0000${value.code}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map(({ value }) => value);
}
