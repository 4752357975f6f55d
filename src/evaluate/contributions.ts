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
import type { PointCategory } from './types';

/** Points in the window by `points` and `category`. */
export const SIMPLE = 0;
/** Revenue: summed exactly, floored on the sum (R2). */
export const REVENUE = 1;
/** A row limited to one entry per calendar month (R3). */
export const MONTHLY = 2;
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

/** R11: a payment must be exactly `months` × the monthly fee of the version in effect when it was made. */
function paysExactly(amount: Money, monthly: Money, months: number): boolean {
  return compareMoney(amount, multiplyMoney(monthly, months)) === 0;
}

/** What one entry is and earns under a version: its kind, and the points, category and rule of the kinds that earn points. */
export type EntryWorth = { readonly kind: number; readonly points: number; readonly category: PointCategory | undefined; readonly rule: RuleId | undefined };

/**
 * What an entry is worth under a version (R2–R7, R11): the one place that
 * says so, for every review and for the planner's proposed entries.
 * @param fee - The monthly fee of the version in effect on the entry's date (fee payments only, R11).
 * @param amount - The entry's exact amount (revenue and fee payments).
 */
export function entryWorth(entry: LedgerEntry, version: CompiledVersion, amount: Money | undefined, fee: () => Money): EntryWorth {
  switch (entry.type) {
    case 'revenue':
      return worth(REVENUE);
    case 'certification':
      return worth(CERTIFICATION);
    case 'fee-payment':
      return worth(paysExactly(amount as Money, fee(), entry.months) ? FEE : FEE_MISMATCH);
    case 'activity': {
      const row = version.activities.get(entry.activity);
      if (row === undefined || row.kind === 'derived') return worth(NOT_IN_VERSION, 0, undefined, 'R3');
      const earned = activityPoints(entry, row);
      if (earned === null) return worth(EVIDENCE_NOT_MET, 0, undefined, 'R3');
      return worth(row.kind === 'monthly' ? MONTHLY : SIMPLE, earned, row.category, 'R3');
    }
    case 'time':
      return worth(SIMPLE, entry.minutes, entry.category, 'R4');
    case 'bonus':
    case 'special':
      return worth(SIMPLE, entry.points, entry.type, 'R6');
    default:
      // adjustment (R7)
      return worth(SIMPLE, entry.points, 'adjustment', 'R7');
  }
}

function worth(kind: number, points = 0, category?: PointCategory, rule?: RuleId): EntryWorth {
  return { kind, points, category, rule };
}

function compute(ledger: Ledger, internals: LedgerInternals, version: CompiledVersion): Contributions {
  const entries = ledger.entries;
  const n = entries.length;
  const kind = new Uint8Array(n);
  const points = new Float64Array(n);
  const category: PointCategory[] = new Array(n);
  const rule: RuleId[] = new Array(n);
  for (let index = 0; index < n; index++) {
    const entry = entries[index] as LedgerEntry;
    const one = entryWorth(entry, version, internals.money[index], () => versionAt(internals.program, entry.date).monthlyFee);
    kind[index] = one.kind;
    points[index] = one.points;
    if (one.category !== undefined) category[index] = one.category;
    if (one.rule !== undefined) rule[index] = one.rule;
  }
  return { kind, points, category, rule };
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
