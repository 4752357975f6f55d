import { anniversary, calendarDate, dayKey, plusDays, plusMonths, type IsoDate } from '../dates/isoDate';
import type { Coverage, Prepared as LedgerInternals } from './prepare';

export type { Coverage } from './prepare';
import type { FeePaymentEntry, Ledger } from '../ledger/types';
import { FEE } from './contributions';
import type { Contributions } from './prepare';
import { multiplyMoney } from '../money/money';
import type { CompiledVersion } from '../program/compile';
import { byDate } from './tally';
import type { FeeStatus, MembershipBasis } from './types';

/**
 * The coverage of every approved, correctly paid fee payment, in date order
 * (then input order), worked out once per parsed ledger (R11): a payment
 * covers its date … `addMonths(date, months)` − 1 day; one dated while an
 * earlier one still covers starts the day after that coverage ends
 * (prepayment stacks). A payment's coverage depends on earlier ones only,
 * so every review date reads a prefix of this list.
 */
export function coverageOf(ledger: Ledger, internals: LedgerInternals, contributions: Contributions): readonly Coverage[] {
  if (internals.memo.coverage !== undefined) return internals.memo.coverage;
  const days = internals.days;
  const payments: number[] = [];
  const kind = contributions.kind;
  // Only fee payments are read: the kind array, not the (frozen) entries, is walked.
  for (let index = 0; index < kind.length; index++) {
    if (kind[index] === FEE && (ledger.entries[index] as FeePaymentEntry).status === 'approved') payments.push(index);
  }
  payments.sort(byDate(days));
  const coverage: Coverage[] = [];
  let end: IsoDate | null = null;
  for (const index of payments) {
    const payment = ledger.entries[index] as FeePaymentEntry;
    const start = end !== null && payment.date <= end ? plusDays(end, 1) : payment.date;
    end = plusDays(plusMonths(start, payment.months), -1);
    coverage.push({ day: days[index] as number, end });
  }
  internals.memo.coverage = coverage;
  return coverage;
}

/**
 * The last day of the run of contiguous fee coverage that contains `asOf`,
 * or `null` when no payment made by then covers it (R11). Each payment ends
 * later than the one before, and the run holding the last payment made by
 * `asOf` began on or before `asOf`: so that payment's end is the answer
 * whenever it is not before `asOf`.
 * @example
 * // one payment 2026-06-01 × 12 months
 * paidThrough(coverage, '2026-06-01') //=> '2027-05-31'
 */
export function paidThrough(coverage: readonly Coverage[], asOf: IsoDate): IsoDate | null {
  const asOfDay = dayKey(asOf);
  let end: IsoDate | null = null;
  for (const payment of coverage) {
    if (payment.day > asOfDay) break;
    end = payment.end;
  }
  return end !== null && asOf <= end ? end : null;
}

/**
 * The anniversary after the review (k ≥ 1) on which the fee position next
 * changes, from `k`, the index of the latest anniversary on or before it.
 * @example
 * nextAnniversary('2023-03-15', anniversaryIndex('2023-03-15', '2026-03-15')) //=> '2027-03-15'
 */
export function nextAnniversary(joinedOn: IsoDate, k: number): IsoDate {
  return anniversary(joinedOn, Math.max(k + 1, 1));
}

/** What decides the fee position on the review date. */
export type FeeFacts = {
  readonly version: CompiledVersion;
  readonly joinedOn: IsoDate;
  /** The index of the latest anniversary on or before the review date (negative before joinedOn). */
  readonly anniversary: number;
  /** Membership bases that hold, in R10's order (empty before `joinedOn`). */
  readonly bases: readonly MembershipBasis[];
  readonly paidThrough: IsoDate | null;
  readonly waivedThrough: IsoDate | null;
};

/**
 * The fee position on the review date (R11), first that holds: `waived`
 * (points or the renewal waiver, in R10's order), `paid`, `due`.
 */
export function feeStatus({ version, joinedOn, anniversary: k, bases, paidThrough: paid, waivedThrough }: FeeFacts): FeeStatus {
  // Built field by field, in the documented key order (no spreads: a timeline builds one per review).
  const fee: { -readonly [K in keyof FeeStatus]?: FeeStatus[K] } = { status: 'due' };
  const [first] = bases;
  if (first === 'basic-points' || first === 'professional-renewal') {
    fee.status = 'waived';
    fee.basis = first;
  } else if (first === 'fee') fee.status = 'paid';
  else {
    fee.amountDue = version.fee.amount.text;
    fee.period = version.fee.period;
    fee.annualAmount = multiplyMoney(version.fee.amount, 12 / version.fee.months).text;
  }
  // Beyond 9999-12-31 a date is null, never a real but wrong one (calendarDate).
  if (paid !== null) fee.paidThrough = calendarDate(paid);
  if (waivedThrough !== null) fee.waivedThrough = calendarDate(waivedThrough);
  fee.nextAnniversary = calendarDate(nextAnniversary(joinedOn, k));
  return fee as FeeStatus;
}
