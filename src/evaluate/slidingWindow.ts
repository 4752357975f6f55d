/**
 * The one sliding window of the library (R1–R8): what the entries inside a
 * review's window add up to. Entries enter (`slide` with +1) and leave (−1);
 * `evaluate` lets every entry of its window enter once, `reviewTimeline`
 * advances the same window month end by month end, and both read the
 * figures of a review with {@link windowFigures}. Each rule is written here
 * once: the monthly limit and the certification pairs are slots, which
 * change the figures only when their state changes.
 */
import { dayKey, type IsoDate } from '../dates/isoDate';
import type { ActivityEntry, CertificationEntry, LedgerEntry } from '../ledger/types';
import { floorUnits, moneyFromCents, sumMoney, type Money } from '../money/money';
import type { CompiledVersion } from '../program/compile';
import { CERTIFICATION, MONTHLY, REVENUE, SIMPLE } from './contributions';
import { partnerYearCredits } from './partnerYear';
import type { Contributions } from './prepare';
import type { Standing } from './tiers';
import type { DerivedCredit, PointCategory } from './types';
import type { DateRange } from './window';

/** Mutable points by category, in the order the result lists them. */
export type CategoryPoints = { -readonly [K in PointCategory]: number };

/**
 * A (row, month) of a monthly row (R3), or a (holder, certification) pair
 * (R8): how many approved and pending entries of it are in the window, and
 * what it is worth. Its state: 1 while an approved entry holds it, −1 while
 * only pending ones do, else 0.
 */
export type Slot = {
  readonly key: string;
  approved: number;
  pending: number;
  state: -1 | 0 | 1;
  readonly points: number;
  readonly category: PointCategory;
  readonly kind: 'profile' | 'sales' | null;
  /** The review (its day key) that last counted this pair as valid. */
  seen: number;
  /**
   * The earliest approved and the earliest pending entry that entered (by
   * date, then input order; −1 for none): the one that holds the month or
   * credits the pair, and the one whose points are pending (R3, R7, R8).
   * `evaluate` reads them; its entries only enter (the timeline's also leave,
   * and it reads the counts alone).
   */
  holder: number;
  pendingHolder: number;
};

/** The window's running figures, kept as entries enter and leave it. */
export type SlidingWindow = {
  /** Each entry's day key, by entry index. */
  readonly days: Int32Array;
  /** Approved points by category, monthly rows included (certification credits and revenue are set per review). */
  readonly byCategory: CategoryPoints;
  /** Points that pending entries would add: simple entries and monthly slots only pending ones hold. */
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
  /** Slots by key, and each monthly or certification entry's slot once it has one. */
  readonly slots: Map<string, Slot>;
  readonly slotOf: (Slot | undefined)[];
};

/** An empty window over a ledger's entries (their day keys, by index). */
export function openWindow(days: Int32Array): SlidingWindow {
  return {
    days,
    byCategory: { revenue: 0, knowledge: 0, program: 0, certification: 0, 'partner-year': 0, bonus: 0, special: 0, adjustment: 0 },
    pending: 0,
    approvedCents: 0,
    pendingCents: 0,
    inexact: 0,
    overflowed: false,
    creditedPairs: 0,
    pendingPairs: 0,
    slots: new Map(),
    slotOf: denseArray(days.length),
  };
}

/**
 * An array of `length` holes filled with `undefined`, dense: V8 keeps an
 * array given a large length up front (or written far past its end) as a
 * slow dictionary, whatever order entries are then written in.
 */
export function denseArray<T>(length: number): (T | undefined)[] {
  const array: (T | undefined)[] = [];
  for (let index = 0; index < length; index++) array.push(undefined);
  return array;
}

/** The calendar month an entry of a monthly row holds: one per row and month (R3). */
export function monthlyKey(entry: ActivityEntry): string {
  return `${entry.activity}|${entry.date.slice(0, 7)}`;
}

/** The key of a (holder, certification) pair; `\u0000` sorts first, so keys sort by holder, then certification (R8). */
export function pairKey(pair: { readonly holder: string; readonly certification: string }): string {
  return `${pair.holder}\u0000${pair.certification}`;
}

/**
 * The slot of a monthly or certification entry of the version (made on first
 * use), or `undefined` for a certification the version does not have.
 */
export function slotFor(window: SlidingWindow, entry: LedgerEntry, index: number, contributions: Contributions, version: CompiledVersion): Slot | undefined {
  let slot = window.slotOf[index];
  if (slot !== undefined) return slot;
  let key: string;
  let points = 0;
  let category: PointCategory = 'certification';
  let kind: Slot['kind'] = null;
  if (entry.type === 'certification') {
    const row = version.certifications.get(entry.certification);
    if (row === undefined) return undefined;
    key = pairKey(entry);
    kind = row.kind;
  } else {
    key = monthlyKey(entry as ActivityEntry);
    points = contributions.points[index] as number;
    category = contributions.category[index] as PointCategory;
  }
  slot = window.slots.get(key);
  if (slot === undefined) {
    slot = { key, approved: 0, pending: 0, state: 0, points, category, kind, seen: -1, holder: -1, pendingHolder: -1 };
    window.slots.set(key, slot);
  }
  window.slotOf[index] = slot;
  return slot;
}

/** Adds (`by` 1) or takes back (−1) what a slot in `state` gives the figures: a credited pair or approved points (1), a pending pair or pending points (−1). */
function countState(window: SlidingWindow, slot: Slot, state: -1 | 0 | 1, by: 1 | -1): void {
  const pair = slot.kind !== null;
  if (state === 1) {
    if (pair) window.creditedPairs += by;
    else window.byCategory[slot.category] += by * slot.points;
  } else if (state === -1) {
    if (pair) window.pendingPairs += by;
    else window.pending += by * slot.points;
  }
}

/** Counts one entry of a slot in (`sign` 1) or out (−1), and moves the figures when the slot's state changes. */
function moveSlot(window: SlidingWindow, slot: Slot, approved: boolean, sign: 1 | -1): void {
  if (approved) slot.approved += sign;
  else slot.pending += sign;
  const state = slot.approved > 0 ? 1 : slot.pending > 0 ? -1 : 0;
  if (state === slot.state) return;
  countState(window, slot, slot.state, -1);
  countState(window, slot, state, 1);
  slot.state = state;
}

/**
 * An entry enters (`sign` 1) or leaves (−1) the window: what it adds to the
 * figures (R2–R8, R7 statuses). Rejected entries, fee payments and entries
 * the version does not count add nothing.
 */
export function slide(window: SlidingWindow, entry: LedgerEntry, index: number, contributions: Contributions, money: readonly (Money | undefined)[], version: CompiledVersion, sign: 1 | -1): void {
  const status = entry.status;
  if (status === 'rejected') return;
  const approved = status === 'approved';
  switch (contributions.kind[index]) {
    case SIMPLE: {
      const points = sign * (contributions.points[index] as number);
      if (approved) window.byCategory[contributions.category[index] as PointCategory] += points;
      else window.pending += points;
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
    case MONTHLY:
    case CERTIFICATION: {
      const slot = slotFor(window, entry, index, contributions, version);
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

/**
 * The distinct pairs valid on `date` by kind (R8): approved certifications of
 * the version earned on or before it (`certified`, whichever window they
 * were earned in) and not expired on it, each pair once.
 */
export function validPairs(window: SlidingWindow, entries: readonly LedgerEntry[], certified: readonly number[], date: IsoDate): { profile: number; sales: number } {
  let profile = 0;
  let sales = 0;
  const stamp = dayKey(date);
  for (const index of certified) {
    const entry = entries[index] as CertificationEntry;
    if (entry.expiresOn !== undefined && entry.expiresOn < date) continue;
    const slot = window.slotOf[index] as Slot;
    if (slot.seen === stamp) continue;
    slot.seen = stamp;
    if (slot.kind === 'profile') profile++;
    else sales++;
  }
  return { profile, sales };
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
export function openPass(days: Int32Array, window: DateRange): WindowPass {
  return { state: openWindow(days), window, fromDay: dayKey(window.from), toDay: dayKey(window.to), certified: [] };
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
    if (day < pass.fromDay) slotFor(state, entry, index, contributions, version);
    if (entry.status === 'approved' && state.slotOf[index] !== undefined) pass.certified.push(index);
  }
}

/** The figures of a pass every entry has entered, and its valid pairs (R8). */
export function passFigures(
  pass: WindowPass,
  entries: readonly LedgerEntry[],
  contributions: Contributions,
  money: readonly (Money | undefined)[],
  version: CompiledVersion,
  joinedOn: IsoDate,
): WindowFigures {
  const { state, window } = pass;
  const valid = validPairs(state, entries, pass.certified, window.to);
  return windowFigures(state, version, joinedOn, window, valid, exactRevenueOf(entries, state.days, contributions, money, null, pass.fromDay, pass.toDay));
}

/**
 * The figures of one review on `window.to`: points by category, revenue
 * floored on its exact sum (R2), certification credits (R8), partner-year
 * credits (R5), the total and the pending rise (R7), and the standing the
 * tiers are checked against (R9).
 */
export function windowFigures(
  state: SlidingWindow,
  version: CompiledVersion,
  joinedOn: IsoDate,
  window: DateRange,
  valid: { readonly profile: number; readonly sales: number },
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
  const sum =
    byCategory.revenue + byCategory.knowledge + byCategory.program + byCategory.certification + byCategory['partner-year'] + byCategory.bonus + byCategory.special + byCategory.adjustment;
  const total = Math.max(0, sum);
  const pending = pendingRise(sum, state.pending + state.pendingPairs * credit, revenuePoints, revenueIfApproved);
  return { byCategory, revenue, revenuePoints, sum, total, pending, derived, standing: { points: total, revenue, profile: valid.profile, sales: valid.sales } };
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
