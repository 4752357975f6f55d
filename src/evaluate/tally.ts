/**
 * One review of a ledger's entries (R1–R8) on the sliding window: every
 * entry of the window enters it once (src/evaluate/slidingWindow.ts, the
 * code `reviewTimeline` advances month by month), and each entry gets its
 * outcome. The outcomes that depend on date order (which entry of a monthly
 * row holds its month, which certification credits its pair) are settled
 * afterwards on their own, small, sorted lists.
 */
import { dayKey } from '../dates/isoDate';
import type { ActivityEntry, Ledger, LedgerEntry } from '../ledger/types';
import type { Money } from '../money/money';
import type { CompiledVersion } from '../program/compile';
import type { RuleId } from '../program/types';
import { CERTIFICATION, contributionsOf, EVIDENCE_NOT_MET, FEE, FEE_MISMATCH, MONTHLY, NOT_IN_VERSION, REVENUE } from './contributions';
import { settleCertifications, type CertificationState } from './certifications';
import { record, type OutcomeSink } from './outcomes';
import type { Prepared } from './prepare';
import { monthlyKey, openWindow, slide, slotFor, validPairs, windowFigures, type CategoryPoints, type ExactRevenue, type SlidingWindow, type WindowFigures } from './slidingWindow';
import type { Standing } from './tiers';
import type { DerivedCredit } from './types';
import type { DateRange } from './window';

export { monthlyKey, pendingRise, type CategoryPoints } from './slidingWindow';

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
  readonly also: WindowFigures | undefined;
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
   * A second window, ending before this one, reviewed in the same pass under
   * the same version: the completed partnership year of the renewal waiver (R11).
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
  // Dates compare as integers YYYYMMDD, parsed once by parseLedger.
  const asOfDay = dayKey(window.to);
  const fromDay = dayKey(window.from);
  const state = openWindow(entries.length);
  const monthly: number[] = [];
  // Every certification on or before the review (outcomes), and the approved ones of the version (R8 validity).
  const certificationEntries: number[] = [];
  const certified: number[] = [];
  // The second window (alsoFor): entries up to its end enter it too.
  const alsoState = alsoFor === undefined ? null : openWindow(entries.length);
  const alsoFrom = alsoFor === undefined ? 0 : dayKey(alsoFor.from);
  const alsoTo = alsoFor === undefined ? -1 : dayKey(alsoFor.to);
  const alsoCertified: number[] = [];

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
    if (day <= alsoTo) {
      const also = alsoState as SlidingWindow;
      if (day >= alsoFrom) slide(also, entry, index, contributions, money, version, 1);
      if (kind[index] === CERTIFICATION) {
        if (day < alsoFrom) slotFor(also, entry, index, contributions, version);
        if (status === 'approved' && also.slotOf[index] !== undefined) alsoCertified.push(index);
      }
    }
    switch (kind[index]) {
      // Certifications and fee payments look beyond the window (R8, R11).
      case CERTIFICATION: {
        certificationEntries.push(index);
        if (day >= fromDay) slide(state, entry, index, contributions, money, version, 1);
        else slotFor(state, entry, index, contributions, version);
        if (status === 'approved' && state.slotOf[index] !== undefined) certified.push(index);
        continue;
      }
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
    slide(state, entry, index, contributions, money, version, 1);
    switch (kind[index]) {
      case REVENUE:
        if (status === 'approved') record(outcomes, index, 'counted', 0, 'R2');
        else record(outcomes, index, 'pending', 0, 'R7', 'pending-approval');
        continue;
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
    if (status === 'approved') record(outcomes, index, 'counted', earned, rule[index] as RuleId);
    else record(outcomes, index, 'pending', earned, 'R7', 'pending-approval');
  }

  const exactRevenue = (fromKey: number, toKey: number): ExactRevenue => () => {
    const approved: Money[] = [];
    const all: Money[] = [];
    for (let index = 0; index < entries.length; index++) {
      const day = days[index] as number;
      const entry = entries[index] as LedgerEntry;
      if (kind[index] !== REVENUE || day > toKey || day < fromKey || entry.status === 'rejected') continue;
      all.push(money[index] as Money);
      if (entry.status === 'approved') approved.push(money[index] as Money);
    }
    return { approved, all };
  };
  const joinedOn = ledger.partner.joinedOn;
  const also = alsoFor === undefined ? undefined : windowFigures(alsoState as SlidingWindow, version, joinedOn, alsoFor, validPairs(alsoState as SlidingWindow, entries, alsoCertified, alsoFor.to), exactRevenue(alsoFrom, alsoTo));
  const valid = validPairs(state, entries, certified, window.to);
  const figures = windowFigures(state, version, joinedOn, window, valid, exactRevenue(fromDay, asOfDay));
  const order = byDate(days);
  if (outcomes !== null && monthly.length > 0) settleMonthly(entries, monthly.sort(order), outcomes, points);
  const lists = outcomes === null ? { valid: [], expired: [] } : settleCertifications(entries, certificationEntries.sort(order), version, window, outcomes);
  const certifications: CertificationState = { profile: valid.profile, sales: valid.sales, valid: lists.valid, expired: lists.expired };
  const { byCategory, revenue, revenuePoints, total, pending, derived, standing } = figures;
  return { byCategory, revenue, revenuePoints, total, pending, certifications, derived, standing, also };
}

/**
 * The outcomes of a monthly row's entries (R3), given in date order: the
 * earliest approved entry holds the month; a pending one earns its points as
 * pending only in a month no approved entry holds, and only the first such.
 * (What the months add up to is the sliding window's: one slot per row and month.)
 */
function settleMonthly(entries: readonly LedgerEntry[], sorted: readonly number[], outcomes: OutcomeSink, points: Float64Array): void {
  const held = new Set<string>();
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
      if (pass === 'approved') record(outcomes, index, 'counted', earned, 'R3');
      else record(outcomes, index, 'pending', earned, 'R7', 'pending-approval');
    }
  }
}
