/**
 * One review of a ledger's entries (R1–R8) on the sliding window: every
 * entry of the window enters it once (src/evaluate/slidingWindow.ts, the
 * code `reviewTimeline` advances month by month), and each entry gets its
 * outcome. Which entries of a row with a limit or a cap count, and for how
 * much, is settled by row (limits.ts); which certification credits its pair
 * is the slot's: its earliest entries.
 */
import type { Ledger, LedgerEntry } from '../ledger/types';
import type { Money } from '../money/money';
import type { CompiledVersion } from '../program/compile';
import type { RuleId } from '../program/types';
import { CERTIFICATION, contributionsOf, EVIDENCE_NOT_MET, FEE, FEE_MISMATCH, LIMITED, NOT_IN_VERSION, REVENUE } from './contributions';
import { limitReason } from './limits';
import { heldCertifications, type CertificationState } from './certifications';
import { record, type OutcomeSink } from './outcomes';
import type { Prepared } from './prepare';
import { enter, openPass, passFigures, type CategoryPoints, type LimitedRow, type Slot, type SlidingWindow, type WindowFigures } from './slidingWindow';
import type { Standing } from './tiers';
import type { DerivedCredit } from './types';
import type { DateRange } from './window';

export { pendingRise, type CategoryPoints } from './slidingWindow';

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
  /** The figures of `alsoFor`, when asked. */
  readonly also?: WindowFigures | undefined;
};

/** What a review needs besides the ledger. */
export type TallyInput = {
  readonly ledger: Ledger;
  readonly internals: Prepared;
  readonly version: CompiledVersion;
  /** The window; `window.to` is the review date. */
  readonly window: DateRange;
  /** Where to write one outcome per entry, or `null` when only the figures matter. */
  readonly outcomes: OutcomeSink | null;
  /**
   * A second window, ending on or before this one's end, reviewed in the same
   * pass under the same version: the completed partnership year of the
   * renewal waiver (R11), which an `evaluate` would otherwise review in a pass of its own.
   */
  readonly alsoFor?: DateRange | undefined;
};

/** By date; the sort is stable, so entries of one day stay in input order (R3, R8, R11). */
export function byDate(days: Int32Array): (a: number, b: number) => number {
  return (a, b) => (days[a] as number) - (days[b] as number);
}

/**
 * Reviews the entries of a ledger for one window (R1–R8): the entries of the
 * window enter the sliding window in one pass, which also records the
 * outcomes that do not depend on date order; then the order-dependent ones.
 */
export function tallyEntries({ ledger, internals, version, window, outcomes, alsoFor }: TallyInput): Tally {
  const entries = ledger.entries;
  const days = internals.days;
  const money = internals.money;
  const pass = openPass(days, window, version);
  const year = alsoFor === undefined ? null : openPass(days, alsoFor, version);
  // Dates compare as integers YYYYMMDD, parsed once by parseLedger.
  const { fromDay, toDay: asOfDay, state } = pass;
  // Every certification on or before the review, for its outcome.
  const certificationEntries: number[] = [];

  const contributions = contributionsOf(ledger, internals, version);
  const { kind, points, rule } = contributions;
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
    enter(pass, entry, index, day, contributions, money, version);
    if (year !== null && day <= year.toDay) enter(year, entry, index, day, contributions, money, version);
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
      case REVENUE:
        if (status === 'approved') record(outcomes, index, 'counted', 0, 'R2');
        else record(outcomes, index, 'pending', 0, 'R7', 'pending-approval');
        continue;
      case LIMITED:
        // Recorded once its row is settled.
        continue;
      case NOT_IN_VERSION:
        record(outcomes, index, 'excluded', 0, rule[index] as RuleId, 'not-in-program-version');
        continue;
      case EVIDENCE_NOT_MET:
        record(outcomes, index, 'excluded', 0, 'R3', 'evidence-not-met');
        continue;
    }
    const earned = points[index] as number;
    if (status === 'approved') record(outcomes, index, 'counted', earned, rule[index] as RuleId);
    else record(outcomes, index, 'pending', earned, 'R7', 'pending-approval');
  }

  const joinedOn = ledger.partner.joinedOn;
  const figures = passFigures(pass, entries, contributions, money, version, joinedOn, outcomes !== null);
  const counts = figures.standing.counts;
  let certifications: CertificationState = { counts, valid: [], expired: [] };
  if (outcomes !== null) {
    for (const limited of state.limited.values()) recordLimited(outcomes, limited, points);
    for (const index of certificationEntries) {
      const entry = entries[index] as LedgerEntry;
      if (state.slotOf[index] === undefined) record(outcomes, index, 'excluded', 0, 'R8', 'not-in-program-version');
      else if ((days[index] as number) < fromDay) {
        if (entry.status === 'approved') record(outcomes, index, 'counted', 0, 'R8', 'earned-before-window');
        else record(outcomes, index, 'pending', 0, 'R7', 'pending-approval');
      } else recordPair(outcomes, state, index, entry, version.certificationPoints);
    }
    certifications = { counts, ...heldCertifications(state, entries, pass.certified, window.to) };
  }
  const { byCategory, revenue, revenuePoints, total, pending, derived, standing } = figures;
  const also = year === null ? undefined : passFigures(year, entries, contributions, money, version, joinedOn, false);
  return { byCategory, revenue, revenuePoints, total, pending, certifications, derived, standing, also };
}

/**
 * The outcomes of a limited row's entries in the window, as settled (R3,
 * R7): counted for what they earn (`points-cap` when the cap left them less
 * than they are worth), pending for what they would add, or over the limit.
 */
function recordLimited(outcomes: OutcomeSink, limited: LimitedRow, points: readonly number[]): void {
  const reason = limited.row.limit === undefined ? undefined : limitReason[limited.row.limit.per];
  limited.order.forEach((index, position) => {
    const { earned, limited: over } = limited.decisions[position] as { earned: number; limited: boolean };
    const entry = outcomes.ledger.entries[index] as LedgerEntry;
    if (over) record(outcomes, index, 'excluded', 0, 'R3', reason);
    else if (entry.status !== 'approved') record(outcomes, index, 'pending', earned, 'R7', 'pending-approval');
    else if (earned < (points[index] as number)) record(outcomes, index, 'counted', earned, 'R3', 'points-cap');
    else record(outcomes, index, 'counted', earned, 'R3');
  });
}

/**
 * The outcome of a certification of a pair in the window (R8): the slot's
 * holder, the earliest approved entry, credits the pair; a pending entry's
 * credit is pending only while no approved entry holds the pair, and only
 * the earliest pending one's. The other entries count once (already
 * credited), or add nothing pending.
 */
function recordPair(outcomes: OutcomeSink, state: SlidingWindow, index: number, entry: LedgerEntry, worth: number): void {
  const slot = state.slotOf[index] as Slot;
  if (entry.status === 'approved') {
    if (slot.holder === index) record(outcomes, index, 'counted', worth, 'R8');
    else record(outcomes, index, 'counted', 0, 'R8', 'already-credited');
    return;
  }
  const earns = slot.state !== 1 && slot.pendingHolder === index;
  record(outcomes, index, 'pending', earns ? worth : 0, 'R7', 'pending-approval');
}
