/**
 * The one sliding window of the library (R1–R8): what the entries inside a
 * review's window add up to. Entries enter (`slide` with +1) and leave (−1);
 * `evaluate` lets every entry of its window enter once, `reviewTimeline`
 * advances the same window month end by month end, and both read the
 * figures of a review with {@link windowFigures}. Each rule is written here
 * once: the certification pairs are slots, which change the figures only
 * when their state changes; the entries of a row with a limit or a cap are
 * kept by row and settled when a review reads the figures (limits.ts).
 */
import { dayKey, type IsoDate } from '../dates/isoDate';
import type { ActivityEntry, CertificationEntry, LedgerEntry } from '../ledger/types';
import type { ActivityRow } from '../program/types';
import { floorUnits, moneyFromCents, sumMoney, type Money } from '../money/money';
import type { CompiledVersion } from '../program/compile';
import { CERTIFICATION, LIMITED, REVENUE, SIMPLE } from './contributions';
import { settleRow, type LimitedEntry, type Settled } from './limits';
import { denseArray } from './arrays';
import { partnerYearCredits } from './partnerYear';
import type { Contributions } from './prepare';
import type { Standing } from './tiers';
import type { DerivedCredit, FixedCategory } from './types';
import type { DateRange } from './window';

/** Mutable points by category, in the order the result lists them (R7): every key always present. */
export type CategoryPoints = { [K in FixedCategory]: number } & { [category: string]: number };

/**
 * A (holder, certification) pair (R8): how many approved and pending
 * entries of it are in the window. Its state: 1 while an approved entry
 * credits it, −1 while only pending ones would, else 0.
 */
export type Slot = {
  readonly key: string;
  approved: number;
  pending: number;
  state: -1 | 0 | 1;
  /** The standing's measures this pair counts for: its certification's kind, and the certification when a tier requires it by name (else −1). */
  readonly kind: number;
  readonly specific: number;
  /** The review (its day key) that last counted this pair as valid. */
  seen: number;
  /**
   * The earliest approved and the earliest pending entry that entered (by
   * date, then input order; −1 for none): the one that credits the pair,
   * and the one whose credit is pending (R7, R8).
   * `evaluate` reads them; its entries only enter (the timeline's also leave,
   * and it reads the counts alone).
   */
  holder: number;
  pendingHolder: number;
};

/**
 * The entries in the window of one row with a limit or a cap (R3): kept in
 * the order they entered from `head` on, and what the row counts for as
 * last settled (limits.ts), which a review re-settles when entries moved.
 */
export type LimitedRow = {
  readonly row: ActivityRow;
  readonly members: number[];
  head: number;
  dirty: boolean;
  approved: number;
  pending: number;
  /** The members from `head`, by date then input order, and their decisions, when a review kept them (evaluate's outcomes). */
  order: number[];
  decisions: Settled[];
};

/** The window's running figures, kept as entries enter and leave it. */
export type SlidingWindow = {
  /** Each entry's day key, by entry index. */
  readonly days: Int32Array;
  /** Approved points by category, limited rows included once settled (certification credits and revenue are set per review). */
  readonly byCategory: CategoryPoints;
  /** Points that pending entries would add: simple entries, and limited rows once settled. */
  pending: number;
  /** Revenue in cents while every amount is whole cents; `inexact` counts those that are not. */
  approvedCents: number;
  pendingCents: number;
  inexact: number;
  /** Whether a running cent sum ever left the safe integers (then the window's revenue is summed exactly). */
  overflowed: boolean;
  /** Pairs an approved entry in the window credits, and pairs only pending ones would. */
  creditedPairs: number;
  pendingPairs: number;
  /** Slots by key, and each certification entry's slot once it has one. */
  readonly slots: Map<string, Slot>;
  readonly slotOf: (Slot | undefined)[];
  /** The limited rows that have had entries in the window, by row id, and whether any moved since the last settling. */
  readonly limited: Map<string, LimitedRow>;
  unsettled: boolean;
};

/**
 * Zero points in every category, in the result's key order (R7): revenue,
 * the version's activity categories, then the five other fixed ones.
 */
export function zeroCategories(version: CompiledVersion): CategoryPoints {
  let zero = zeros.get(version);
  if (zero === undefined) {
    const byCategory: Record<string, number> = { revenue: 0 };
    for (const category of version.categories) byCategory[category] = 0;
    for (const category of ['certification', 'partner-year', 'bonus', 'special', 'adjustment']) byCategory[category] = 0;
    zero = byCategory as CategoryPoints;
    zeros.set(version, zero);
  }
  // Built key by key in the template's order: every window of the version shares one shape (a spread copy was measured 8–20 % slower on a repeated evaluate).
  const copy: Record<string, number> = {};
  for (const key in zero) copy[key] = 0;
  return copy as CategoryPoints;
}

const zeros = new WeakMap<CompiledVersion, CategoryPoints>();

/** An empty window over a ledger's entries (their day keys, by index), for a version's categories. */
export function openWindow(days: Int32Array, version: CompiledVersion): SlidingWindow {
  return {
    days,
    byCategory: zeroCategories(version),
    pending: 0,
    approvedCents: 0,
    pendingCents: 0,
    inexact: 0,
    overflowed: false,
    creditedPairs: 0,
    pendingPairs: 0,
    slots: new Map(),
    slotOf: denseArray(days.length),
    limited: new Map(),
    unsettled: false,
  };
}

/** The key of a (holder, certification) pair; `\u0000` sorts first, so keys sort by holder, then certification (R8). */
export function pairKey(pair: { readonly holder: string; readonly certification: string }): string {
  return `${pair.holder}\u0000${pair.certification}`;
}

/**
 * The slot of a certification entry of the version (made on first use), or
 * `undefined` for a certification the version does not have.
 */
export function slotFor(window: SlidingWindow, entry: CertificationEntry, index: number, version: CompiledVersion): Slot | undefined {
  let slot = window.slotOf[index];
  if (slot !== undefined) return slot;
  const measures = version.measures.get(entry.certification);
  if (measures === undefined) return undefined;
  const key = pairKey(entry);
  slot = window.slots.get(key);
  if (slot === undefined) {
    slot = { key, approved: 0, pending: 0, state: 0, kind: measures.kind, specific: measures.specific, seen: -1, holder: -1, pendingHolder: -1 };
    window.slots.set(key, slot);
  }
  window.slotOf[index] = slot;
  return slot;
}

/** Adds (`by` 1) or takes back (−1) what a slot in `state` gives the figures: a credited pair (1) or a pending one (−1). */
function countState(window: SlidingWindow, state: -1 | 0 | 1, by: 1 | -1): void {
  if (state === 1) window.creditedPairs += by;
  else if (state === -1) window.pendingPairs += by;
}

/** Counts one entry of a slot in (`sign` 1) or out (−1), and moves the figures when the slot's state changes. */
function moveSlot(window: SlidingWindow, slot: Slot, approved: boolean, sign: 1 | -1): void {
  if (approved) slot.approved += sign;
  else slot.pending += sign;
  const state = slot.approved > 0 ? 1 : slot.pending > 0 ? -1 : 0;
  if (state === slot.state) return;
  countState(window, slot.state, -1);
  countState(window, state, 1);
  slot.state = state;
}

/**
 * An entry enters (`sign` 1) or leaves (−1) the window: what it adds to the
 * figures (R2–R8, R7 statuses). Rejected entries, fee payments and entries
 * the version does not count add nothing. Entries leave in the order they
 * entered (the timeline's: by date, then input order).
 */
export function slide(window: SlidingWindow, entry: LedgerEntry, index: number, contributions: Contributions, money: readonly (Money | undefined)[], version: CompiledVersion, sign: 1 | -1): void {
  const status = entry.status;
  if (status === 'rejected') return;
  const approved = status === 'approved';
  switch (contributions.kind[index]) {
    case SIMPLE: {
      const points = sign * (contributions.points[index] as number);
      if (approved) {
        const category = contributions.category[index] as string;
        window.byCategory[category] = (window.byCategory[category] as number) + points;
      } else window.pending += points;
      return;
    }
    case REVENUE: {
      const cents = (money[index] as Money).cents;
      if (!Number.isSafeInteger(cents)) window.inexact += sign;
      else if (approved) window.approvedCents += sign * cents;
      else window.pendingCents += sign * cents;
      // Past the safe integers a running sum may have lost a cent: from then on, sum exactly.
      if (Math.abs(window.approvedCents) + Math.abs(window.pendingCents) > Number.MAX_SAFE_INTEGER) window.overflowed = true;
      return;
    }
    case LIMITED:
      moveLimited(window, (entry as ActivityEntry).activity, index, version, sign);
      return;
    case CERTIFICATION: {
      const slot = slotFor(window, entry as CertificationEntry, index, version);
      if (slot === undefined) return;
      moveSlot(window, slot, approved, sign);
      if (sign === 1) {
        // The earliest by date; of one day, the first to enter (input order in evaluate, date then input order in the timeline).
        const days = window.days;
        const day = days[index] as number;
        if (approved) {
          if (slot.holder < 0 || day < (days[slot.holder] as number)) slot.holder = index;
        } else if (slot.pendingHolder < 0 || day < (days[slot.pendingHolder] as number)) slot.pendingHolder = index;
      }
      return;
    }
    default:
      return;
  }
}

/** An entry of a limited row enters or leaves its row's members, which the next review settles (kept apart from `slide`, which V8 then inlines). */
function moveLimited(window: SlidingWindow, id: string, index: number, version: CompiledVersion, sign: 1 | -1): void {
  let row = window.limited.get(id);
  if (row === undefined) {
    row = { row: version.activities.get(id) as ActivityRow, members: [], head: 0, dirty: false, approved: 0, pending: 0, order: [], decisions: [] };
    window.limited.set(id, row);
  }
  if (sign === 1) row.members.push(index);
  else if (row.members[row.head] === index) row.head++;
  else row.members.splice(row.members.indexOf(index), 1);
  row.dirty = true;
  window.unsettled = true;
}

/**
 * Entry indices sorted in place by date, then input order (R3, R8, the
 * timeline's order), with one linear check when they are so already
 * (exports usually are). Indices of one day must already come in input order.
 * @returns `order`, sorted.
 */
export function inDateOrder<T extends number[] | Int32Array>(order: T, days: Int32Array): T {
  for (let k = 1; k < order.length; k++) {
    if ((days[order[k - 1] as number] as number) > (days[order[k] as number] as number)) {
      (order as number[]).sort((a, b) => (days[a] as number) - (days[b] as number) || a - b);
      break;
    }
  }
  return order;
}

/**
 * Settles the limited rows whose entries moved since they were last settled
 * (R3, limits.ts) and moves their points in the figures. With `keep`, each
 * row keeps its members' order and decisions, for the outcomes.
 */
export function settleLimited(window: SlidingWindow, entries: readonly LedgerEntry[], contributions: Contributions, keep: boolean): void {
  if (!window.unsettled) return;
  window.unsettled = false;
  const days = window.days;
  for (const limited of window.limited.values()) {
    if (!limited.dirty) continue;
    limited.dirty = false;
    const order = limited.head === 0 ? limited.members.slice() : limited.members.slice(limited.head);
    // Evaluate's entries enter in input order: the rule reads them by date, then input order.
    inDateOrder(order, days);
    const items: LimitedEntry[] = order.map((index) => ({ day: days[index] as number, approved: (entries[index] as LedgerEntry).status === 'approved', worth: contributions.points[index] as number }));
    const decisions: Settled[] = [];
    const figures = settleRow(limited.row, items, keep ? decisions : undefined);
    const category = limited.row.category;
    window.byCategory[category] = (window.byCategory[category] as number) + figures.approved - limited.approved;
    window.pending += figures.pending - limited.pending;
    limited.approved = figures.approved;
    limited.pending = figures.pending;
    if (keep) {
      limited.order = order;
      limited.decisions = decisions;
    }
  }
}

/**
 * The standing's count measures on `date` (R8, R9): the distinct pairs valid
 * then by kind, then the distinct valid holders of each certification a tier
 * requires by name — from the approved certifications of the version earned
 * on or before it (`certified`, whichever window they were earned in) and
 * not expired on it, each pair once.
 */
export function validPairs(window: SlidingWindow, version: CompiledVersion, entries: readonly LedgerEntry[], certified: readonly number[], date: IsoDate): number[] {
  const counts: number[] = [];
  const measures = version.kinds.length + version.specific.length;
  for (let m = 0; m < measures; m++) counts.push(0);
  const stamp = dayKey(date);
  for (const index of certified) {
    const entry = entries[index] as CertificationEntry;
    if (entry.expiresOn !== undefined && entry.expiresOn < date) continue;
    const slot = window.slotOf[index] as Slot;
    if (slot.seen === stamp) continue;
    slot.seen = stamp;
    // Assignments, not `(counts[m] as number)++`: StrykerJS 9 drops those parentheses when it mutates the operator, and the mutant does not parse.
    counts[slot.kind] = (counts[slot.kind] as number) + 1;
    // Distinct pairs of one certification are distinct holders.
    if (slot.specific >= 0) {
      const measure = version.kinds.length + slot.specific;
      counts[measure] = (counts[measure] as number) + 1;
    }
  }
  return counts;
}

/** What a review of the window yields (R1–R9 inputs). */
export type WindowFigures = {
  readonly byCategory: CategoryPoints;
  readonly revenue: Money;
  readonly revenuePoints: number;
  /** The unclamped sum of the categories. */
  readonly sum: number;
  /** The points total, max(0, sum) (R7). */
  readonly total: number;
  /** How much the total would rise if every pending entry in the window were approved (R7). */
  readonly pending: number;
  /** The partner-year credits in the window (R5). */
  readonly derived: readonly DerivedCredit[];
  /** What the tiers are checked against (R9). */
  readonly standing: Standing;
};

/** The exact revenue of the window's entries, for when cents are not exact: approved, and approved with pending. */
export type ExactRevenue = () => { readonly approved: readonly Money[]; readonly all: readonly Money[] };

/**
 * The exact revenue of the revenue entries among `indices` (all entries when
 * `null`) dated in [fromDay, toDay] and not rejected (R2, R7): the slow path
 * of {@link windowFigures}, for amounts beyond whole cents or sums beyond the
 * safe integers.
 */
export function exactRevenueOf(
  entries: readonly LedgerEntry[],
  days: Int32Array,
  contributions: Contributions,
  money: readonly (Money | undefined)[],
  indices: ArrayLike<number> | null,
  fromDay: number,
  toDay: number,
): ExactRevenue {
  return () => {
    const approved: Money[] = [];
    const all: Money[] = [];
    const count = indices === null ? entries.length : indices.length;
    for (let k = 0; k < count; k++) {
      const index = indices === null ? k : (indices[k] as number);
      const day = days[index] as number;
      const status = (entries[index] as LedgerEntry).status;
      if (contributions.kind[index] !== REVENUE || day > toDay || day < fromDay || status === 'rejected') continue;
      all.push(money[index] as Money);
      if (status === 'approved') approved.push(money[index] as Money);
    }
    return { approved, all };
  };
}

/**
 * A window filled in one pass over a ledger's entries, in any order (an
 * `evaluate`): its bounds as day keys and the approved certifications of the
 * version earned on or before its end (R8 validity looks beyond the window).
 */
export type WindowPass = { readonly state: SlidingWindow; readonly window: DateRange; readonly fromDay: number; readonly toDay: number; readonly certified: number[] };

/** An empty pass over `window`. */
export function openPass(days: Int32Array, window: DateRange, version: CompiledVersion): WindowPass {
  return { state: openWindow(days, version), window, fromDay: dayKey(window.from), toDay: dayKey(window.to), certified: [] };
}

/**
 * An entry dated on or before the pass's end, not rejected: it enters the
 * window when dated in it; a certification of the version gets its pair's
 * slot whenever it was earned, and counts for validity when approved (R8).
 */
export function enter(pass: WindowPass, entry: LedgerEntry, index: number, day: number, contributions: Contributions, money: readonly (Money | undefined)[], version: CompiledVersion): void {
  const { state } = pass;
  if (day >= pass.fromDay) slide(state, entry, index, contributions, money, version, 1);
  if (contributions.kind[index] === CERTIFICATION) {
    if (day < pass.fromDay) slotFor(state, entry as CertificationEntry, index, version);
    if (entry.status === 'approved' && state.slotOf[index] !== undefined) pass.certified.push(index);
  }
}

/** The figures of a pass every entry has entered, its limited rows settled (kept for outcomes with `keep`) and its valid pairs (R3, R8). */
export function passFigures(
  pass: WindowPass,
  entries: readonly LedgerEntry[],
  contributions: Contributions,
  money: readonly (Money | undefined)[],
  version: CompiledVersion,
  joinedOn: IsoDate,
  keep: boolean,
): WindowFigures {
  const { state, window } = pass;
  settleLimited(state, entries, contributions, keep);
  const valid = validPairs(state, version, entries, pass.certified, window.to);
  return windowFigures(state, version, joinedOn, window, valid, exactRevenueOf(entries, state.days, contributions, money, null, pass.fromDay, pass.toDay));
}

/**
 * The figures of one review on `window.to`: points by category, revenue
 * floored on its exact sum (R2), certification credits (R8), partner-year
 * credits (R5), the total and the pending rise (R7), and the standing the
 * tiers are checked against (R9). The limited rows must be settled
 * ({@link settleLimited}).
 * @param counts - The standing's count measures ({@link validPairs}).
 */
export function windowFigures(
  state: SlidingWindow,
  version: CompiledVersion,
  joinedOn: IsoDate,
  window: DateRange,
  counts: readonly number[],
  exactRevenue: ExactRevenue,
): WindowFigures {
  let revenue: Money;
  let revenueIfApproved: number;
  if (state.inexact === 0 && !state.overflowed) {
    revenue = moneyFromCents(state.approvedCents);
    revenueIfApproved = floorUnits(moneyFromCents(state.approvedCents + state.pendingCents));
  } else {
    const exact = exactRevenue();
    revenue = sumMoney(exact.approved);
    revenueIfApproved = floorUnits(sumMoney(exact.all));
  }
  const revenuePoints = floorUnits(revenue);

  // A copy in the result's key order (openWindow's), to which nothing adds keys.
  const byCategory = { ...state.byCategory };
  const credit = version.certificationPoints;
  byCategory.certification = state.creditedPairs * credit;
  byCategory.revenue = revenuePoints;
  const derived = partnerYearCredits(joinedOn, version, window);
  for (const year of derived) byCategory['partner-year'] += year.points;
  let sum = 0;
  for (const key in byCategory) sum += byCategory[key] as number;
  const total = Math.max(0, sum);
  const pending = pendingRise(sum, state.pending + state.pendingPairs * credit, revenuePoints, revenueIfApproved);
  return { byCategory, revenue, revenuePoints, sum, total, pending, derived, standing: { points: total, revenue, counts } };
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
