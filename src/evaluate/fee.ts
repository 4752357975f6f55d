import { anniversary, anniversaryIndex, clampDate, plusDays, plusMonths, type IsoDate } from '../dates/isoDate';
import type { FeePaymentEntry, LedgerEntry } from '../ledger/types';
import { multiplyMoney } from '../money/money';
import type { CompiledVersion } from '../program/compile';
import type { FeeStatus, MembershipBasis } from './types';

/**
 * The last day of the run of contiguous fee coverage that contains `asOf`,
 * or `null` when no payment covers it (R11). A payment covers its date …
 * `addMonths(date, months)` − 1 day; one dated while an earlier one still
 * covers starts the day after that coverage ends (prepayment stacks).
 * @param payments - Indices of approved, correctly paid fee payments dated on or before `asOf`, in date order.
 * @example
 * // 2026-06-01 × 12 months
 * paidThrough(entries, [0], '2026-06-01') //=> '2027-05-31'
 */
export function paidThrough(entries: readonly LedgerEntry[], payments: readonly number[], asOf: IsoDate): IsoDate | null {
  let runStart: IsoDate | null = null;
  let runEnd: IsoDate | null = null;
  for (const index of payments) {
    const payment = entries[index] as FeePaymentEntry;
    const start = runEnd !== null && payment.date <= runEnd ? plusDays(runEnd, 1) : payment.date;
    if (runEnd === null || start > plusDays(runEnd, 1)) {
      // A gap: the run so far is over; keep it if it covers the review date.
      if (runStart !== null && runEnd !== null && runStart <= asOf && asOf <= runEnd) return runEnd;
      runStart = start;
    }
    runEnd = plusDays(plusMonths(start, payment.months), -1);
  }
  return runStart !== null && runEnd !== null && runStart <= asOf && asOf <= runEnd ? runEnd : null;
}

/**
 * The anniversary after `asOf` (k ≥ 1) on which the fee position next changes.
 * @example
 * nextAnniversary('2023-03-15', '2026-03-15') //=> '2027-03-15'
 */
export function nextAnniversary(joinedOn: IsoDate, asOf: IsoDate): IsoDate {
  return anniversary(joinedOn, Math.max(anniversaryIndex(joinedOn, asOf) + 1, 1));
}

/** What decides the fee position on the review date. */
export type FeeFacts = {
  readonly version: CompiledVersion;
  readonly joinedOn: IsoDate;
  readonly asOf: IsoDate;
  /** Membership bases that hold, in R10's order (empty before `joinedOn`). */
  readonly bases: readonly MembershipBasis[];
  readonly paidThrough: IsoDate | null;
  readonly waivedThrough: IsoDate | null;
};

/**
 * The fee position on the review date (R11), first that holds: `waived`
 * (points or the renewal waiver, in R10's order), `paid`, `due`.
 */
export function feeStatus({ version, joinedOn, asOf, bases, paidThrough: paid, waivedThrough }: FeeFacts): FeeStatus {
  const next = clampDate(nextAnniversary(joinedOn, asOf));
  const extra = {
    ...(paid === null ? {} : { paidThrough: clampDate(paid) }),
    ...(waivedThrough === null ? {} : { waivedThrough: clampDate(waivedThrough) }),
  };
  const [first] = bases;
  if (first === 'basic-points' || first === 'professional-renewal') {
    return { status: 'waived', basis: first, ...extra, nextAnniversary: next };
  }
  if (first === 'fee') return { status: 'paid', ...extra, nextAnniversary: next };
  const monthly = version.monthlyFee;
  return {
    status: 'due',
    amountDue: monthly.text,
    period: 'month',
    annualAmount: multiplyMoney(monthly, 12).text,
    ...extra,
    nextAnniversary: next,
  };
}
