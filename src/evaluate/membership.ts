/**
 * Membership (R10) and the fee position (R11) on a review date, from the
 * standing of that review: the same for `evaluate` and every timeline review.
 */
import { anniversary, anniversaryIndex, plusDays, type IsoDate } from '../dates/isoDate';
import type { Prepared as LedgerInternals } from './prepare';
import type { Ledger } from '../ledger/types';
import { versionAt, type CompiledProgram, type CompiledVersion } from '../program/compile';
import { contributionsOf } from './contributions';
import { coverageOf, feeStatus, paidThrough } from './fee';
import { tallyEntries } from './tally';
import { highestTierIndex, meetsTier, type Standing } from './tiers';
import type { FeeStatus, Membership, MembershipBasis } from './types';
import type { DateRange } from './window';

/**
 * The renewal waiver of a review (R11): at the latest anniversary A on or
 * before it (A = `addYears(joinedOn, k)`, k ≥ 1), the completed partnership
 * year [A − 1 year, A − 1 day] is reviewed under the version in effect on
 * A − 1 day; reaching its renewal tier waives the fee until the day before
 * the next anniversary.
 * @param k - The index of the latest anniversary on or before the review date.
 * @returns The last waived day, or `null`.
 */
export function renewalWaiver(ledger: Ledger, internals: LedgerInternals, k: number): IsoDate | null {
  if (k < 1) return null;
  // The completed year's review depends on the ledger and k only: once per ledger.
  const known = internals.renewals.get(k);
  if (known !== undefined) return known;
  const waiver = reviewCompletedYear(ledger, internals, k);
  internals.renewals.set(k, waiver);
  return waiver;
}

/** The completed partnership year the renewal waiver of anniversary k reviews (R11), and the version it is reviewed under. */
export function completedYear(joinedOn: IsoDate, program: CompiledProgram, k: number): { window: DateRange; version: CompiledVersion } {
  const reviewedOn = plusDays(anniversary(joinedOn, k), -1);
  return { window: { from: anniversary(joinedOn, k - 1), to: reviewedOn }, version: versionAt(program, reviewedOn) };
}

/** The waiver the completed year's standing gives (R11): through the day before the next anniversary, or `null`. */
export function waiverOf(version: CompiledVersion, standing: Standing, joinedOn: IsoDate, k: number): IsoDate | null {
  if (highestTierIndex(version, standing) < version.renewalIndex) return null;
  return plusDays(anniversary(joinedOn, k + 1), -1);
}

function reviewCompletedYear(ledger: Ledger, internals: LedgerInternals, k: number): IsoDate | null {
  const joinedOn = ledger.partner.joinedOn;
  const { window, version } = completedYear(joinedOn, internals.program, k);
  const { standing } = tallyEntries({ ledger, internals, version, window, outcomes: null });
  return waiverOf(version, standing, joinedOn, k);
}

/**
 * Membership and fee on `asOf` (R10, R11): the points path (the version's
 * membership tier met), the renewal waiver, a payment covering the date — in
 * that order; none before `joinedOn`.
 */
export function membershipOn(
  ledger: Ledger,
  internals: LedgerInternals,
  version: CompiledVersion,
  asOf: IsoDate,
  standing: Standing,
  // The index of the latest anniversary on or before asOf, when the caller has it.
  k: number = anniversaryIndex(ledger.partner.joinedOn, asOf),
): { membership: Membership; fee: FeeStatus } {
  const joinedOn = ledger.partner.joinedOn;
  const member = asOf >= joinedOn;
  // Coverage is worked out with the version each payment was made under, not the review's.
  const paid = paidThrough(coverageOf(ledger, internals, contributionsOf(ledger, internals, version)), asOf);
  // The latest anniversary on or before asOf (k): the renewal waiver and the next anniversary both follow from it.
  const waivedThrough = member ? renewalWaiver(ledger, internals, k) : null;
  const bases: MembershipBasis[] = [];
  if (member) {
    if (meetsTier(version, version.membershipIndex, standing)) bases.push('basic-points');
    if (waivedThrough !== null) bases.push('professional-renewal');
    if (paid !== null) bases.push('fee');
  }
  return {
    membership: { active: bases.length > 0, basis: bases[0] ?? null, bases },
    fee: feeStatus({ version, joinedOn, anniversary: k, bases, paidThrough: paid, waivedThrough }),
  };
}
