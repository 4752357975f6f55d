/**
 * One pass over a ledger's entries for one review: every entry's outcome,
 * the points by category, the exact revenue, the pending points, and the
 * entries whose outcome depends on date order (monthly rows, certifications,
 * fee payments), which are settled afterwards on their own, small, sorted lists.
 */
import type { LedgerInternals } from '../ledger/parseLedger';
import type { ActivityEntry, Ledger, LedgerEntry } from '../ledger/types';
import { compareMoney, floorUnits, multiplyMoney, sumMoney, zeroMoney, type Money } from '../money/money';
import { versionAt, type CompiledVersion } from '../program/compile';
import type { ActivityRow, RuleId } from '../program/types';
import { settleCertifications, type CertificationState } from './certifications';
import { dayKey } from '../dates/isoDate';
import { partnerYearCredits } from './partnerYear';
import type { DerivedCredit, EntryOutcome, ExclusionReason, PointCategory } from './types';
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
  /** Approved fee payments with a matching amount, dated on or before the review, in date order. */
  readonly feePayments: readonly number[];
};

/** What a review needs besides the ledger. */
export type TallyInput = {
  readonly ledger: Ledger;
  readonly internals: LedgerInternals;
  readonly version: CompiledVersion;
  /** The window; `window.to` is the review date. */
  readonly window: DateRange;
  /** Where to write one outcome per entry, or `null` when only the figures matter. */
  readonly outcomes: EntryOutcome[] | null;
};

// Revenue and fee-payment outcomes carry their exact amount, whatever the outcome.
function excluded(id: string, rule: RuleId, reason: ExclusionReason, money?: Money): EntryOutcome {
  return money === undefined ? { id, outcome: 'excluded', points: 0, rule, reason } : { id, outcome: 'excluded', points: 0, rule, reason, amount: money.text };
}

function pendingOutcome(id: string, points: number, money?: Money): EntryOutcome {
  return money === undefined
    ? { id, outcome: 'pending', points, rule: 'R7', reason: 'pending-approval' }
    : { id, outcome: 'pending', points, rule: 'R7', reason: 'pending-approval', amount: money.text };
}

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

function byDateThenIndex(days: Int32Array): (a: number, b: number) => number {
  return (a, b) => (days[a] as number) - (days[b] as number) || a - b;
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
  const feePayments: number[] = [];

  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index] as LedgerEntry;
    const id = entry.id;
    const day = days[index] as number;
    if (day > asOfDay) {
      if (outcomes !== null) outcomes[index] = excluded(id, 'R1', 'after-as-of', internals.money[index]);
      continue;
    }
    const status = entry.status;
    if (status === 'rejected') {
      if (outcomes !== null) outcomes[index] = excluded(id, 'R7', 'rejected', internals.money[index]);
      continue;
    }
    // Certifications and fee payments look beyond the window (R8, R11).
    if (entry.type === 'certification') {
      certificationEntries.push(index);
      continue;
    }
    if (entry.type === 'fee-payment') {
      if (outcomes === null && status !== 'approved') continue;
      const money = internals.money[index] as Money;
      // The fee of the version in effect when the payment was made.
      const fee = versionAt(internals.program, entry.date).monthlyFee;
      if (!paysExactly(money, fee, entry.months)) {
        if (outcomes !== null) outcomes[index] = excluded(id, 'R11', 'fee-amount-mismatch', money);
        continue;
      }
      if (status === 'approved') feePayments.push(index);
      if (outcomes !== null) {
        outcomes[index] = status === 'approved'
          ? { id, outcome: 'counted', points: 0, rule: 'R11', amount: money.text }
          : pendingOutcome(id, 0, money);
      }
      continue;
    }
    if (day < fromDay) {
      if (outcomes !== null) outcomes[index] = excluded(id, 'R1', 'outside-window', internals.money[index]);
      continue;
    }
    let points: number;
    let rule: RuleId;
    let category: PointCategory;
    switch (entry.type) {
      case 'revenue': {
        const money = internals.money[index] as Money;
        if (status === 'approved') approvedRevenue.push(money);
        else pendingRevenue.push(money);
        if (outcomes !== null) {
          outcomes[index] = status === 'approved'
            ? { id, outcome: 'counted', points: 0, rule: 'R2', amount: money.text }
            : pendingOutcome(id, 0, money);
        }
        continue;
      }
      case 'activity': {
        const row = version.activities.get(entry.activity);
        if (row === undefined || row.kind === 'derived') {
          if (outcomes !== null) outcomes[index] = excluded(id, 'R3', 'not-in-program-version');
          continue;
        }
        const earned = activityPoints(entry, row);
        if (earned === null) {
          if (outcomes !== null) outcomes[index] = excluded(id, 'R3', 'evidence-not-met');
          continue;
        }
        if (row.kind === 'monthly') {
          monthly.push(index);
          continue;
        }
        points = earned;
        rule = 'R3';
        category = row.category;
        break;
      }
      case 'time':
        points = entry.minutes;
        rule = 'R4';
        category = entry.category;
        break;
      case 'bonus':
        points = entry.points;
        rule = 'R6';
        category = 'bonus';
        break;
      case 'special':
        points = entry.points;
        rule = 'R6';
        category = 'special';
        break;
      default:
        // adjustment
        points = entry.points;
        rule = 'R7';
        category = 'adjustment';
        break;
    }
    if (status === 'approved') {
      byCategory[category] += points;
      if (outcomes !== null) outcomes[index] = { id, outcome: 'counted', points, rule };
    } else {
      pendingPoints += points;
      if (outcomes !== null) outcomes[index] = pendingOutcome(id, points);
    }
  }

  const order = byDateThenIndex(days);
  if (monthly.length > 0) pendingPoints += settleMonthly(entries, monthly.sort(order), version, byCategory, outcomes);
  const certifications = settleCertifications(entries, certificationEntries.sort(order), version, window, outcomes);
  byCategory.certification += certifications.points;
  pendingPoints += certifications.pendingPoints;

  const revenue = approvedRevenue.length === 0 ? zeroMoney() : sumMoney(approvedRevenue);
  const revenuePoints = floorUnits(revenue);
  byCategory.revenue = revenuePoints;
  const derived = partnerYearCredits(ledger.partner.joinedOn, version, window);
  for (const credit of derived) byCategory['partner-year'] += credit.points;
  let sum = 0;
  for (const key in byCategory) sum += byCategory[key as PointCategory];
  const total = Math.max(0, sum);
  let pending = 0;
  if (pendingPoints !== 0 || pendingRevenue.length > 0) {
    const revenueIfApproved = pendingRevenue.length === 0 ? revenuePoints : floorUnits(sumMoney([...approvedRevenue, ...pendingRevenue]));
    pending = Math.max(0, sum + pendingPoints + revenueIfApproved - revenuePoints) - total;
  }
  return { byCategory, revenue, revenuePoints, total, pending, certifications, derived, feePayments: feePayments.sort(order) };
}

/** R11: a payment must be exactly `months` × the monthly fee. */
function paysExactly(amount: Money, monthly: Money, months: number): boolean {
  return compareMoney(amount, multiplyMoney(monthly, months)) === 0;
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
  version: CompiledVersion,
  byCategory: CategoryPoints,
  outcomes: EntryOutcome[] | null,
): number {
  const held = new Set<string>();
  for (const index of sorted) {
    const entry = entries[index] as ActivityEntry;
    if (entry.status !== 'approved') continue;
    const row = version.activities.get(entry.activity) as ActivityRow;
    const key = `${row.id}|${entry.date.slice(0, 7)}`;
    if (held.has(key)) {
      if (outcomes !== null) outcomes[index] = excluded(entry.id, 'R3', 'monthly-limit');
      continue;
    }
    held.add(key);
    byCategory[row.category] += row.points;
    if (outcomes !== null) outcomes[index] = { id: entry.id, outcome: 'counted', points: row.points, rule: 'R3' };
  }
  let pending = 0;
  for (const index of sorted) {
    const entry = entries[index] as ActivityEntry;
    if (entry.status !== 'pending') continue;
    const row = version.activities.get(entry.activity) as ActivityRow;
    const key = `${row.id}|${entry.date.slice(0, 7)}`;
    if (held.has(key)) {
      if (outcomes !== null) outcomes[index] = excluded(entry.id, 'R3', 'monthly-limit');
      continue;
    }
    held.add(key);
    pending += row.points;
    if (outcomes !== null) outcomes[index] = pendingOutcome(entry.id, row.points);
  }
  return pending;
}
