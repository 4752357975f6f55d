/**
 * The one pass of value checks after zod: what zod has no check for, read
 * once from the raw input (so they are reported even when zod found other
 * issues) and normalised for the ledger — dates and amounts, `meta`, activity
 * rows and certification ids of the program, duplicate ids and references.
 * Issue paths stay segments; parseLedger formats them once.
 */
import { dayKey, toIsoDate, type IsoDate } from '../dates/isoDate';
import { describeValue, duplicateIdIssue, isRecord, pathIssue, zodIssueAt, type PathIssue } from '../issues';
import { decimalText, MAX_AMOUNT_DECIMALS, MAX_AMOUNT_DIGITS, parseMoney, type Money } from '../money/money';
import type { CompiledProgram } from '../program/compile';
import { copyMeta } from './meta';
import { entryTypes } from './schema';
import type { Meta } from './types';

/** What the pass found, and, on zod's copy, what the ledger and its side data are built from. */
export type Checked = {
  joinedOn: IsoDate | undefined;
  /** Safe copies of the ledger's and the partner's `meta`. */
  ledgerMeta: Meta | undefined;
  partnerMeta: Meta | undefined;
  /** Each entry's `type` as written (it orders the entry's issues), by the index of the entry among those checked. */
  readonly types: unknown[];
  /** Each entry's date as the integer YYYYMMDD (`dayKey`), by index. */
  readonly days: Int32Array;
  /** The exact amount of each revenue and fee-payment entry, by index. */
  readonly money: (Money | undefined)[];
};

/** The entries already in the ledger, when only new ones are checked (`appendEntries`). */
export type Before = {
  /** The ledger's entries: the new ones are numbered after them. */
  readonly entries: readonly { readonly id: string }[];
  /** Their ids. */
  readonly ids: ReadonlySet<string>;
};

/** Where the issues of the pass go: the schema's (the values of dates and amounts), and the cross-entry checks'. */
export type Found = { readonly values: PathIssue[]; readonly cross: PathIssue[] };

const noEntries: Before = { entries: [], ids: new Set() };

function emptyChecked(length: number): Checked {
  // Dense (no holes): V8 keeps a large array with holes, or one given its length up front, as a slow dictionary.
  const money: (Money | undefined)[] = [];
  for (let index = 0; index < length; index++) money.push(undefined);
  return { joinedOn: undefined, ledgerMeta: undefined, partnerMeta: undefined, types: [], days: new Int32Array(length), money };
}

/**
 * The pass over a whole ledger: its `meta`, the partner, then every entry
 * ({@link checkNewEntries}).
 * @param build - Whether `input` is zod's copy (valid in zod's eyes): then each entry is normalised and frozen in the same pass.
 */
export function checkLedgerValues(input: unknown, program: CompiledProgram, found: Found, build: boolean): Checked {
  if (!isRecord(input)) return emptyChecked(0);
  // Read in the order of the schema's fields, as before: meta, partner, entries.
  const ledgerMeta = copyMeta(input['meta'], ['meta'], found.cross);
  const partner = input['partner'];
  let partnerMeta: Meta | undefined;
  let joinedOn: IsoDate | null | undefined;
  if (isRecord(partner)) {
    partnerMeta = copyMeta(partner['meta'], ['partner', 'meta'], found.cross);
    joinedOn = readDate(partner['joinedOn']);
    if (joinedOn === null) found.values.push(dateIssue(partner['joinedOn'], ['partner', 'joinedOn']));
  }
  const entries = input['entries'];
  const list = Array.isArray(entries) ? (entries as unknown[]) : [];
  const checked = emptyChecked(list.length);
  checked.ledgerMeta = ledgerMeta;
  checked.partnerMeta = partnerMeta;
  checked.joinedOn = joinedOn ?? undefined;
  checkEntries(list, noEntries, program, checked, found, build);
  return checked;
}

/**
 * The pass over entries, numbered after `before.entries` (their paths
 * `entries[n + i]`): each entry's values, its id against every earlier id,
 * and, once all are read, each `relatesTo` against every id.
 * @param build - Whether `entries` is zod's copy: then each entry is normalised and frozen as it is checked.
 * @returns What was read, by `i`.
 */
export function checkNewEntries(entries: readonly unknown[], before: Before, program: CompiledProgram, found: Found, build: boolean): Checked {
  const checked = emptyChecked(entries.length);
  checkEntries(entries, before, program, checked, found, build);
  return checked;
}

/** A ledger entry as parsing finishes it: zod's copy, written once, then frozen. */
type Building = Record<string, unknown> & { status?: unknown; date: IsoDate; expiresOn?: IsoDate; amount?: string; points?: number; words?: number; meta?: Meta };

function checkEntries(entries: readonly unknown[], before: Before, program: CompiledProgram, checked: Checked, found: Found, build: boolean): void {
  const offset = before.entries.length;
  const { values, cross } = found;
  const { days, money: amounts, types } = checked;
  // Ids as a Set: the first entry of a duplicate id is looked up only when there is one.
  const ids = new Set<string>();
  const checkBefore = before.ids.size > 0;
  const references: number[] = [];
  for (let index = 0; index < entries.length; index++) {
    const entry: unknown = entries[index];
    if (!isRecord(entry)) continue;
    const at = offset + index;
    const id = entry['id'];
    if (typeof id === 'string') {
      // One hash lookup per id: the Set grows unless the id is in it already.
      const size = ids.size;
      if (ids.add(id).size === size || (checkBefore && before.ids.has(id))) cross.push(duplicateIssue(id, at, firstIndexOf(id, entries, index, before)));
    }
    const meta = entry['meta'] === undefined ? undefined : copyMeta(entry['meta'], ['entries', at, 'meta'], cross);
    const type = entry['type'];
    types[index] = type;
    // As zod does, an entry's fields are checked only once its type is known.
    if (!(entryTypes as readonly unknown[]).includes(type)) continue;
    const date = readDate(entry['date']);
    if (date === null) values.push(dateIssue(entry['date'], ['entries', at, 'date']));
    let expiresOn: IsoDate | undefined;
    switch (type) {
      case 'revenue':
      case 'fee-payment': {
        const amount = entry['amount'];
        if (typeof amount !== 'string' && typeof amount !== 'number') break;
        const money = parseMoney(amount);
        if (money === null) values.push(amountIssue(amount, ['entries', at, 'amount']));
        else amounts[index] = money;
        break;
      }
      case 'activity':
        checkActivity(entry, at, program, cross);
        break;
      case 'time': {
        // One of the program's categories (R4), reported as zod reports a value not in an enum.
        const category = entry['category'];
        if (typeof category !== 'string' || !program.categories.includes(category)) {
          for (const one of zodIssueAt({ code: 'invalid_value', path: ['entries', at, 'category'], values: program.categories, input: category })) values.push(one);
        }
        break;
      }
      case 'certification':
        expiresOn = checkCertification(entry, at, date ?? undefined, program, found);
        break;
      case 'bonus':
        if (typeof entry['relatesTo'] === 'string') references.push(index);
        break;
    }
    if (build && date !== null && date !== undefined) {
      // zod's copy, written once and frozen: the ledger's entry (if no issue turns up anywhere).
      const built = entry as Building;
      built.status ??= 'approved';
      built.date = date;
      days[index] = dayKey(date);
      if (expiresOn !== undefined) built.expiresOn = expiresOn;
      const money = amounts[index];
      if (money !== undefined) built.amount = money.text;
      // -0 is 0: results never carry a negative zero.
      if (Object.is(built.points, -0)) built.points = 0;
      if (Object.is(built.words, -0)) built.words = 0;
      if (meta !== undefined) built.meta = meta;
      Object.freeze(built);
    }
  }
  for (const index of references) {
    const target = (entries[index] as Record<string, unknown>)['relatesTo'] as string;
    if (!ids.has(target) && !(checkBefore && before.ids.has(target))) {
      cross.push(pathIssue(['entries', offset + index, 'relatesTo'], 'unknown-reference', `no entry of this ledger has the id "${target}"`));
    }
  }
}

/** The first entry with `id`: among the earlier entries, else among the new ones before `index`. */
function firstIndexOf(id: string, entries: readonly unknown[], index: number, before: Before): number {
  for (let at = 0; at < before.entries.length; at++) if ((before.entries[at] as { id: string }).id === id) return at;
  for (let at = 0; at < index; at++) {
    const entry = entries[at];
    if (isRecord(entry) && entry['id'] === id) return before.entries.length + at;
  }
  return before.entries.length + index;
}

function duplicateIssue(id: string, at: number, first: number): PathIssue {
  return duplicateIdIssue(['entries', at, 'id'], 'id', id, ['entries', first, 'id']);
}

/** A date field's calendar date; `null` for a string that is not one, `undefined` for another type (zod reports it). */
function readDate(value: unknown): IsoDate | null | undefined {
  return typeof value === 'string' ? toIsoDate(value) : undefined;
}

function dateIssue(value: unknown, path: readonly (string | number)[]): PathIssue {
  return pathIssue(path, 'invalid-date', `${describeValue(value)} is not a calendar date YYYY-MM-DD or an RFC 3339 timestamp`);
}

/** The issue of a string or number that is not a plain decimal amount: a number is shown as the decimal it is (parseMoney judges that). */
function amountIssue(value: string | number, path: readonly (string | number)[]): PathIssue {
  const decimal = typeof value === 'number' && Number.isFinite(value) ? decimalText(value) : undefined;
  const shown = typeof value === 'string' ? describeValue(value) : decimal === undefined || decimal === String(value) ? String(value) : `${String(value)} (the decimal ${decimal.length > 64 ? `${decimal.slice(0, 64)}…` : decimal})`;
  return pathIssue(path, 'invalid-amount', `${shown} is not a plain decimal amount (at most ${MAX_AMOUNT_DIGITS} integer digits and ${MAX_AMOUNT_DECIMALS} decimals, no exponent or separators)`);
}

const derivedMessages = {
  'certification-entries': 'points come from certification entries (R8): report the certification itself',
  'partner-years': 'points are credited from partner.joinedOn (R5): do not report them',
} as const;

function checkActivity(entry: Record<string, unknown>, at: number, program: CompiledProgram, issues: PathIssue[]): void {
  const activity = entry['activity'];
  if (typeof activity !== 'string') return;
  const row = program.activities.get(activity);
  if (row === undefined) {
    issues.push(pathIssue(['entries', at, 'activity'], 'unknown-activity', `${describeValue(activity)} is not an activity of ${program.program.name}`));
    return;
  }
  if (row.kind === 'derived') {
    issues.push(pathIssue(['entries', at, 'activity'], 'derived-activity', `"${activity}" ${derivedMessages[row.derivedFrom ?? 'partner-years']}`));
    return;
  }
  const points = entry['points'];
  if (points !== undefined) {
    if (row.kind !== 'minimum') {
      issues.push(pathIssue(['entries', at, 'points'], 'field-not-applicable', `"${activity}" earns the table's ${row.points} points; "points" is only for "+" rows`));
    } else if (typeof points === 'number' && Number.isInteger(points) && points >= 1 && points < row.points) {
      issues.push(pathIssue(['entries', at, 'points'], 'below-minimum', `"${activity}" earns at least ${row.points} points, received ${points}`));
    }
  }
  if (row.kind === 'per-attendee') {
    if (entry['quantity'] === undefined) issues.push(pathIssue(['entries', at, 'quantity'], 'missing-field', `"${activity}" counts per attendee: "quantity" (≥ 1) is required`));
  } else if (entry['quantity'] !== undefined) {
    issues.push(pathIssue(['entries', at, 'quantity'], 'field-not-applicable', `"${activity}" is not counted per attendee; "quantity" does not apply`));
  }
  const evidence = row.evidence;
  if (entry['words'] !== undefined && evidence?.words === undefined) {
    issues.push(pathIssue(['entries', at, 'words'], 'field-not-applicable', `"${activity}" has no word-count evidence`));
  }
  if (entry['floss'] !== undefined && evidence?.floss === undefined) {
    issues.push(pathIssue(['entries', at, 'floss'], 'field-not-applicable', `"${activity}" has no licence evidence`));
  }
}

/** The certification's id and `expiresOn`; returns `expiresOn` normalised, when it is a date. */
function checkCertification(entry: Record<string, unknown>, at: number, earned: IsoDate | undefined, program: CompiledProgram, found: Found): IsoDate | undefined {
  const certification = entry['certification'];
  if (typeof certification === 'string' && !program.certifications.has(certification)) {
    const known = [...program.certifications.keys()].join(', ');
    found.cross.push(pathIssue(['entries', at, 'certification'], 'unknown-certification', `${describeValue(certification)} is not a certification of the program (${known})`));
  }
  const expires = readDate(entry['expiresOn']);
  if (expires === undefined) return undefined;
  if (expires === null) {
    found.values.push(dateIssue(entry['expiresOn'], ['entries', at, 'expiresOn']));
    return undefined;
  }
  if (earned !== undefined && expires < earned) {
    found.cross.push(pathIssue(['entries', at, 'expiresOn'], 'invalid-range', `expires on ${expires}, before it was earned on ${earned}`));
  }
  return expires;
}
