/**
 * What each entry of a ledger earns under one program version, worked out
 * once and kept with the parsed ledger: reviews (evaluate, every month of a
 * timeline, the renewal review) then only read arrays. This is the one place
 * that knows what an entry is worth (R2–R7, R11).
 */
import type { LedgerInternals } from '../ledger/parseLedger';
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

/** Per entry index: what it is and what it earns. */
export type Contributions = {
  readonly kind: Uint8Array;
  /** Points of SIMPLE and MONTHLY entries. */
  readonly points: Float64Array;
  /** Category of SIMPLE and MONTHLY entries. */
  readonly category: readonly PointCategory[];
  /** The rule a counted SIMPLE entry cites (R3, R4, R6, R7); other kinds' outcomes name their rule where they are recorded. */
  readonly rule: readonly RuleId[];
};

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

function compute(ledger: Ledger, internals: LedgerInternals, version: CompiledVersion): Contributions {
  const entries = ledger.entries;
  const n = entries.length;
  const kind = new Uint8Array(n);
  const points = new Float64Array(n);
  const category: PointCategory[] = new Array(n);
  const rule: RuleId[] = new Array(n);
  for (let index = 0; index < n; index++) {
    const entry = entries[index] as LedgerEntry;
    switch (entry.type) {
      case 'revenue':
        kind[index] = REVENUE;
        break;
      case 'certification':
        kind[index] = CERTIFICATION;
        break;
      case 'fee-payment': {
        const fee = versionAt(internals.program, entry.date).monthlyFee;
        kind[index] = paysExactly(internals.money[index] as Money, fee, entry.months) ? FEE : FEE_MISMATCH;
        break;
      }
      case 'activity': {
        rule[index] = 'R3';
        const row = version.activities.get(entry.activity);
        if (row === undefined || row.kind === 'derived') {
          kind[index] = NOT_IN_VERSION;
          break;
        }
        const earned = activityPoints(entry, row);
        if (earned === null) {
          kind[index] = EVIDENCE_NOT_MET;
          break;
        }
        kind[index] = row.kind === 'monthly' ? MONTHLY : SIMPLE;
        points[index] = earned;
        category[index] = row.category;
        break;
      }
      case 'time':
        points[index] = entry.minutes;
        category[index] = entry.category;
        rule[index] = 'R4';
        break;
      case 'bonus':
      case 'special':
        points[index] = entry.points;
        category[index] = entry.type;
        rule[index] = 'R6';
        break;
      default:
        // adjustment (R7)
        points[index] = entry.points;
        category[index] = 'adjustment';
        rule[index] = 'R7';
        break;
    }
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
