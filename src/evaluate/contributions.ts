/**
 * What each entry of a ledger earns under one program version, worked out
 * once and kept with the parsed ledger: reviews (evaluate, every month of a
 * timeline, the renewal review) then only read arrays. This is the one place
 * that knows what an entry is worth (R2–R7, R11).
 */
import type { Contributions, Prepared as LedgerInternals } from './prepare';

export type { Contributions } from './prepare';
import type { ActivityEntry, Ledger, LedgerEntry } from '../ledger/types';
import { compareMoney, multiplyMoney, type Money } from '../money/money';
import { versionAt, type CompiledVersion } from '../program/compile';
import type { ActivityRow, RuleId } from '../program/types';
import { isLimited } from './limits';
import { PRESIZED } from './arrays';
import type { PointCategory } from './types';

/** Points in the window by `points` and `category`. */
export const SIMPLE = 0;
/** Revenue: summed exactly, floored on the sum (R2). */
export const REVENUE = 1;
/** An entry of a row with a limit or a cap: its row's entries are settled together (R3, src/evaluate/limits.ts). */
export const LIMITED = 2;
/** A certification: validity looks beyond the window (R8). */
export const CERTIFICATION = 3;
/** A fee payment of the right amount: coverage looks beyond the window (R11). */
export const FEE = 4;
/** A fee payment whose amount is not months × the fee (R11). */
export const FEE_MISMATCH = 5;
/** An activity the version does not have. */
export const NOT_IN_VERSION = 6;
/** An activity whose evidence is not met (R3). */
export const EVIDENCE_NOT_MET = 7;

/** The points an activity entry earns on its row, or `null` when its evidence is not met (R3). */
export function activityPoints(entry: ActivityEntry, row: ActivityRow): number | null {
  const evidence = row.evidence;
  if (evidence !== undefined) {
    const words = entry.words;
    if (words !== undefined && evidence.words !== undefined) {
      if ((evidence.words.min !== undefined && words < evidence.words.min) || (evidence.words.max !== undefined && words > evidence.words.max)) return null;
    }
    if (entry.floss !== undefined && evidence.floss !== undefined && entry.floss !== evidence.floss) return null;
  }
  switch (row.kind) {
    case 'minimum':
      return Math.max(entry.points ?? row.points, row.points);
    case 'per-attendee':
      return row.points * (entry.quantity ?? 1);
    default:
      return row.points;
  }
}

/** The fee of a version: its amount per period, and the months of a period (R11). */
export type Fee = CompiledVersion['fee'];

/**
 * R11: a payment pays whole periods: `months` a multiple of the period's
 * months, and `amount` exactly that many periods × the fee of the version
 * in effect when it was made.
 */
function paysExactly(amount: Money, fee: Fee, months: number): boolean {
  return months % fee.months === 0 && compareMoney(amount, multiplyMoney(fee.amount, months / fee.months)) === 0;
}

/** Where {@link writeWorth} writes: the columns of {@link Contributions}, writable. */
type WorthColumns = {
  readonly kind: number[];
  readonly points: number[];
  readonly category: (PointCategory | undefined)[];
  readonly rule: (RuleId | undefined)[];
};

/**
 * Columns for `length` entries, written in index order: plain arrays made
 * at their full length up to `PRESIZED` entries (grown by writes past their
 * end, the four columns were a fifth of what a first evaluation allocates),
 * beyond it grown. A typed array costs more to allocate than a 100-entry
 * ledger's whole column.
 */
function columns(length = 0): WorthColumns {
  if (length > 0 && length <= PRESIZED) return { kind: new Array(length), points: new Array(length), category: new Array(length), rule: new Array(length) };
  return { kind: [], points: [], category: [], rule: [] };
}

/**
 * What an entry is worth under a version (R2–R7, R11), written at `index` of
 * the columns: the one place that says so, for every review and for the
 * planner's proposed entries ({@link entryWorth}). Columns start zeroed and empty.
 * @param amount - The entry's exact amount (revenue and fee payments).
 * @param fee - The fee of the version in effect on the entry's date (read for fee payments only, R11).
 */
function writeWorth(out: WorthColumns, index: number, entry: LedgerEntry, version: CompiledVersion, amount: Money | undefined, fee: (entry: LedgerEntry) => Fee): void {
  let kind = SIMPLE;
  let points = 0;
  let category: PointCategory | undefined;
  let rule: RuleId | undefined;
  switch (entry.type) {
    case 'revenue':
      kind = REVENUE;
      break;
    case 'certification':
      kind = CERTIFICATION;
      break;
    case 'fee-payment':
      kind = paysExactly(amount as Money, fee(entry), entry.months) ? FEE : FEE_MISMATCH;
      break;
    case 'activity': {
      rule = 'R3';
      const row = version.activities.get(entry.activity);
      const earned = row === undefined || row.kind === 'derived' ? undefined : activityPoints(entry, row);
      if (row === undefined || earned === undefined) kind = NOT_IN_VERSION;
      else if (earned === null) kind = EVIDENCE_NOT_MET;
      else {
        kind = isLimited(row) ? LIMITED : SIMPLE;
        points = earned;
        category = row.category;
      }
      break;
    }
    case 'time':
      // A category of another version of the program earns nothing under this one.
      if (!version.categories.includes(entry.category)) kind = NOT_IN_VERSION;
      points = entry.minutes;
      category = entry.category;
      rule = 'R4';
      break;
    case 'bonus':
    case 'special':
      points = entry.points;
      category = entry.type;
      rule = 'R6';
      break;
    default:
      // adjustment (R7)
      points = entry.points;
      category = 'adjustment';
      rule = 'R7';
      break;
  }
  out.kind[index] = kind;
  out.points[index] = points;
  if (category !== undefined) out.category[index] = category;
  if (rule !== undefined) out.rule[index] = rule;
}

/** What one entry is and earns under a version: its kind, and the points, category and rule of the kinds that earn points. */
export type EntryWorth = { readonly kind: number; readonly points: number; readonly category: PointCategory | undefined; readonly rule: RuleId | undefined };

/**
 * What one entry is worth under a version (R2–R7, R11), as the reviews count it ({@link writeWorth}).
 * @param amount - The entry's exact amount (revenue and fee payments).
 * @param fee - The fee of the version in effect on the entry's date (fee payments only, R11).
 */
export function entryWorth(entry: LedgerEntry, version: CompiledVersion, amount: Money | undefined, fee: () => Fee): EntryWorth {
  const out = columns();
  writeWorth(out, 0, entry, version, amount, fee);
  return { kind: out.kind[0] as number, points: out.points[0] as number, category: out.category[0], rule: out.rule[0] };
}

function compute(ledger: Ledger, internals: LedgerInternals, version: CompiledVersion): Contributions {
  const entries = ledger.entries;
  const n = entries.length;
  const out = columns(n);
  const fee = (entry: LedgerEntry) => versionAt(internals.program, entry.date).fee;
  for (let index = 0; index < n; index++) writeWorth(out, index, entries[index] as LedgerEntry, version, internals.money[index], fee);
  return out as Contributions;
}

/** The contributions of a parsed ledger's entries under a version (computed once per ledger and version). */
export function contributionsOf(ledger: Ledger, internals: LedgerInternals, version: CompiledVersion): Contributions {
  let known = internals.contributions.get(version);
  if (known === undefined) {
    known = compute(ledger, internals, version);
    internals.contributions.set(version, known);
  }
  return known;
}
