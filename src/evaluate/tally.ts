/**
 * One pass over a ledger's entries for one review: every entry's outcome,
 * the points by category, the exact revenue, the pending points, and the
 * entries whose outcome depends on date order (monthly rows, certifications,
 * fee payments), which are settled afterwards on their own, small, sorted lists.
 */
import { dayKey } from '../dates/isoDate';
import type { Prepared as LedgerInternals } from './prepare';
import type { ActivityEntry, Ledger, LedgerEntry } from '../ledger/types';
import { floorUnits, sumMoney, type Money } from '../money/money';
import type { CompiledVersion } from '../program/compile';
import type { RuleId } from '../program/types';
import { CERTIFICATION, contributionsOf, EVIDENCE_NOT_MET, FEE, FEE_MISMATCH, MONTHLY, NOT_IN_VERSION, REVENUE } from './contributions';
import { settleCertifications, type CertificationState } from './certifications';
import { partnerYearCredits } from './partnerYear';
import { record, type OutcomeSink } from './outcomes';
import type { DerivedCredit, PointCategory } from './types';
import type { Standing } from './tiers';
import type { DateRange } from './window';

/** Mutable points by category, in the order the result lists them. */
export type CategoryPoints = { -readonly [K in PointCategory]: number };

/** Everything one review of the entries yields. */
export type Tally = {
  readonly byCategory: CategoryPoints;
  readonly revenue: Money;
  readonly revenuePoints: number;
  /** The points total, max(0, Σ byCategory). */
  readonly total: number;
  /** How much the total would rise if every pending entry in the window were approved (R7). */
  readonly pending: number;
  readonly certifications: CertificationState;
  /** The partner-year credits in the window (R5). */
  readonly derived: readonly DerivedCredit[];
  /** What the tiers are checked against (R9). */
  readonly standing: Standing;
};

/** What a review needs besides the ledger. */
export type TallyInput = {
  readonly ledger: Ledger;
  readonly internals: LedgerInternals;
  readonly version: CompiledVersion;
  /** The window; `window.to` is the review date. */
  readonly window: DateRange;
  /** Where to write one outcome per entry, or `null` when only the figures matter. */
  readonly outcomes: OutcomeSink | null;
};

/** By date; the sort is stable, so entries of one day stay in input order (R3, R8, R11). */
export function byDate(days: Int32Array): (a: number, b: number) => number {
  return (a, b) => (days[a] as number) - (days[b] as number);
}

/**
 * Reviews the entries of a ledger for one window (R1–R8): one pass, then the
 * order-dependent rows on their own sorted lists.
 */
export function tallyEntries({ ledger, internals, version, window, outcomes }: TallyInput): Tally {
  const entries = ledger.entries;
  const days = internals.days;
  // Dates compare as integers YYYYMMDD, parsed once by parseLedger.
  const asOfDay = dayKey(window.to);
  const fromDay = dayKey(window.from);
  const byCategory: CategoryPoints = { revenue: 0, knowledge: 0, program: 0, certification: 0, 'partner-year': 0, bonus: 0, special: 0, adjustment: 0 };
  const approvedRevenue: Money[] = [];
  const pendingRevenue: Money[] = [];
  let pendingPoints = 0;
  const monthly: number[] = [];
  const certificationEntries: number[] = [];

  const { kind, points, category, rule } = contributionsOf(ledger, internals, version);
  for (let index = 0; index < entries.length; index++) {
    const day = days[index] as number;
    if (day > asOfDay) {
      record(outcomes, index, 'excluded', 0, 'R1', 'after-as-of');
      continue;
    }
    const entry = entries[index] as LedgerEntry;
    const status = entry.status;
    if (status === 'rejected') {
      record(outcomes, index, 'excluded', 0, 'R7', 'rejected');
      continue;
    }
    switch (kind[index]) {
      // Certifications and fee payments look beyond the window (R8, R11).
      case CERTIFICATION:
        certificationEntries.push(index);
        continue;
      case FEE:
        if (status === 'approved') record(outcomes, index, 'counted', 0, 'R11');
        else record(outcomes, index, 'pending', 0, 'R7', 'pending-approval');
        continue;
      case FEE_MISMATCH:
        record(outcomes, index, 'excluded', 0, 'R11', 'fee-amount-mismatch');
        continue;
    }
    if (day < fromDay) {
      record(outcomes, index, 'excluded', 0, 'R1', 'outside-window');
      continue;
    }
    switch (kind[index]) {
      case REVENUE: {
        const money = internals.money[index] as Money;
        if (status === 'approved') {
          approvedRevenue.push(money);
          record(outcomes, index, 'counted', 0, 'R2');
        } else {
          pendingRevenue.push(money);
          record(outcomes, index, 'pending', 0, 'R7', 'pending-approval');
        }
        continue;
      }
      case MONTHLY:
        monthly.push(index);
        continue;
      case NOT_IN_VERSION:
        record(outcomes, index, 'excluded', 0, 'R3', 'not-in-program-version');
        continue;
      case EVIDENCE_NOT_MET:
        record(outcomes, index, 'excluded', 0, 'R3', 'evidence-not-met');
        continue;
    }
    const earned = points[index] as number;
    if (status === 'approved') {
      byCategory[category[index] as PointCategory] += earned;
      record(outcomes, index, 'counted', earned, rule[index] as RuleId);
    } else {
      pendingPoints += earned;
      record(outcomes, index, 'pending', earned, 'R7', 'pending-approval');
    }
  }

  const order = byDate(days);
  if (monthly.length > 0) pendingPoints += settleMonthly(entries, monthly.sort(order), byCategory, outcomes, points, category);
  const certifications = settleCertifications(entries, certificationEntries.sort(order), version, window, outcomes);
  byCategory.certification += certifications.points;
  pendingPoints += certifications.pendingPoints;

  const revenue = sumMoney(approvedRevenue);
  const revenuePoints = floorUnits(revenue);
  byCategory.revenue = revenuePoints;
  const derived = partnerYearCredits(ledger.partner.joinedOn, version, window);
  for (const credit of derived) byCategory['partner-year'] += credit.points;
  let sum = 0;
  for (const key in byCategory) sum += byCategory[key as PointCategory];
  const total = Math.max(0, sum);
  const revenueIfApproved = pendingRevenue.length === 0 ? revenuePoints : floorUnits(sumMoney([...approvedRevenue, ...pendingRevenue]));
  const pending = pendingRise(sum, pendingPoints, revenuePoints, revenueIfApproved);
  const standing = { points: total, revenue, profile: certifications.profile, sales: certifications.sales };
  return { byCategory, revenue, revenuePoints, total, pending, certifications, derived, standing };
}

/**
 * How much the total would rise if every pending entry in the window were
 * approved (R7): max(0, S + P) − max(0, S), where P is the pending entries'
 * points plus what their revenue adds to the floored revenue points.
 * @param sum - S, the sum of the categories (before clamping at 0).
 * @example
 * pendingRise(-100, 50, 0, 0) //=> 0 (the total stays 0)
 */
export function pendingRise(sum: number, pendingPoints: number, revenuePoints: number, revenueIfApproved: number): number {
  return Math.max(0, sum + pendingPoints + revenueIfApproved - revenuePoints) - Math.max(0, sum);
}

/** The calendar month an entry of a monthly row holds: one per row and month (R3). */
export function monthlyKey(entry: ActivityEntry): string {
  return `${entry.activity}|${entry.date.slice(0, 7)}`;
}

/**
 * At most one entry of a monthly row per calendar month (R3): the earliest
 * approved entry holds the month; a pending one earns its points as pending
 * only in a month no approved entry holds, and only the first such.
 * @returns The pending points.
 */
function settleMonthly(
  entries: readonly LedgerEntry[],
  sorted: readonly number[],
  byCategory: CategoryPoints,
  outcomes: OutcomeSink | null,
  points: Float64Array,
  category: readonly PointCategory[],
): number {
  const held = new Set<string>();
  let pending = 0;
  // Approved entries claim their months first, then pending ones claim what is left.
  for (const pass of ['approved', 'pending'] as const) {
    for (const index of sorted) {
      const entry = entries[index] as ActivityEntry;
      if (entry.status !== pass) continue;
      const key = monthlyKey(entry);
      if (held.has(key)) {
        record(outcomes, index, 'excluded', 0, 'R3', 'monthly-limit');
        continue;
      }
      held.add(key);
      const earned = points[index] as number;
      if (pass === 'approved') {
        byCategory[category[index] as PointCategory] += earned;
        record(outcomes, index, 'counted', earned, 'R3');
      } else {
        pending += earned;
        record(outcomes, index, 'pending', earned, 'R7', 'pending-approval');
      }
    }
  }
  return pending;
}
