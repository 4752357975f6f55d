import { dayKey, monthEnd, monthEndsBetween, plusMonths, type IsoDate } from '../dates/isoDate';
import { issue, throwIfAny, type LedgerIssue } from '../issues';
import type { Prepared as LedgerInternals } from '../evaluate/prepare';
import type { ActivityEntry, CertificationEntry, Ledger, LedgerEntry } from '../ledger/types';
import { floorUnits, moneyFromCents, sumMoney, type Money } from '../money/money';
import { versionAt, type CompiledProgram, type CompiledTier, type CompiledVersion } from '../program/compile';
import { tierMove } from '../program/tierMove';
import type { Program } from '../program/types';
import { CERTIFICATION, contributionsOf, MONTHLY, REVENUE, SIMPLE, type Contributions } from '../evaluate/contributions';
import { membershipOn } from '../evaluate/membership';
import { readCommonOptions, readDateOption, readOptionsObject, resolveLedger } from '../evaluate/options';
import { partnerYearCredits } from '../evaluate/partnerYear';
import { monthlyKey, pendingRise } from '../evaluate/tally';
import { highestTierIndex } from '../evaluate/tiers';
import type { FeeStatus, Membership, PointCategory, PointsByCategory } from '../evaluate/types';
import { windowOn, type WindowKind } from '../evaluate/window';
import { applyPolicy, readPolicy, type TierPolicy } from './policies';

/** One monthly review (R12). `points`, `revenue`, `membership` and `fee` are exactly what `evaluate` gives on `date`. */
export type Review = {
  readonly date: IsoDate;
  /** The tier under the policy (the highest met under the default policy). */
  readonly tier: string | null;
  readonly previousTier: string | null;
  readonly change: 'up' | 'down' | null;
  readonly points: { readonly total: number; readonly pending: number; readonly byCategory: PointsByCategory };
  readonly revenue: { readonly total: string; readonly points: number };
  readonly membership: Membership;
  readonly fee: FeeStatus;
};

/** Options of {@link reviewTimeline}. */
export type ReviewTimelineOptions = {
  /** First day of the range; the first review is the first month end on or after it. */
  readonly from: string;
  /** Last day of the range. */
  readonly to: string;
  readonly program?: Program;
  readonly window?: WindowKind;
  /** How the tier moves between reviews; default `'highest-met'` (the program text). */
  readonly policy?: TierPolicy;
};

/**
 * A (row, month) of a monthly row (R3), or a (holder, certification) pair
 * (R8): how many approved and pending entries of it are in the window, and
 * what it is worth. Its state: 1 while an approved entry holds it, −1 while
 * only pending ones do, else 0.
 */
type Slot = { approved: number; pending: number; state: -1 | 0 | 1; readonly points: number; readonly category: PointCategory; readonly kind: 'profile' | 'sales' | null; seen: number };

/**
 * The window's running figures, kept as entries enter and leave it: the
 * timeline sorts the entries once and slides, it never re-reads the ledger.
 * Slots change the figures only when their state changes, so a review reads
 * totals instead of walking every month and pair.
 */
type Running = {
  /** Approved points by category, monthly rows included (certification credits and revenue are set per review). */
  byCategory: Record<PointCategory, number>;
  /** Points that pending entries would add: simple entries and monthly slots only pending ones hold. */
  pending: number;
  /** Revenue in cents while every amount is whole cents; `inexact` counts those that are not. */
  approvedCents: number;
  pendingCents: number;
  inexact: number;
  /** Whether a running cent sum ever left the safe integers (then the window is summed exactly each review). */
  overflowed: boolean;
  /** Pairs an approved entry in the window credits, and pairs only pending ones would. */
  creditedPairs: number;
  pendingPairs: number;
  /** Slots by key, and each monthly or certification entry's slot once it has entered the window. */
  slots: Map<string, Slot>;
  slotOf: (Slot | undefined)[];
};

function emptyRunning(size: number): Running {
  return {
    byCategory: { revenue: 0, knowledge: 0, program: 0, certification: 0, 'partner-year': 0, bonus: 0, special: 0, adjustment: 0 },
    pending: 0,
    approvedCents: 0,
    pendingCents: 0,
    inexact: 0,
    overflowed: false,
    creditedPairs: 0,
    pendingPairs: 0,
    slots: new Map(),
    slotOf: new Array(size),
  };
}

/** The slot of a monthly or certification entry, made on its first entry into the window. */
function slotOf(running: Running, index: number, key: string, make: () => Slot): Slot {
  let slot = running.slotOf[index];
  if (slot === undefined) {
    slot = running.slots.get(key);
    if (slot === undefined) {
      slot = make();
      running.slots.set(key, slot);
    }
    running.slotOf[index] = slot;
  }
  return slot;
}

/** Adds (`by` 1) or takes back (−1) what a slot in `state` gives the figures: a credited pair or approved points (1), a pending pair or pending points (−1). */
function countState(running: Running, slot: Slot, state: -1 | 0 | 1, by: 1 | -1): void {
  const pair = slot.kind !== null;
  if (state === 1) {
    if (pair) running.creditedPairs += by;
    else running.byCategory[slot.category] += by * slot.points;
  } else if (state === -1) {
    if (pair) running.pendingPairs += by;
    else running.pending += by * slot.points;
  }
}

/** Counts one entry of a slot in (`sign` 1) or out (−1), and moves the figures when the slot's state changes. */
function moveSlot(running: Running, slot: Slot, approved: boolean, sign: 1 | -1): void {
  if (approved) slot.approved += sign;
  else slot.pending += sign;
  const state = slot.approved > 0 ? 1 : slot.pending > 0 ? -1 : 0;
  if (state === slot.state) return;
  countState(running, slot, slot.state, -1);
  countState(running, slot, state, 1);
  slot.state = state;
}

/** Adds (`sign` 1) or removes (`sign` -1) an entry's contribution to the window's figures. */
function slide(running: Running, entry: LedgerEntry, index: number, contributions: Contributions, internals: LedgerInternals, version: CompiledVersion, sign: 1 | -1): void {
  if (entry.status === 'rejected') return;
  const approved = entry.status === 'approved';
  switch (contributions.kind[index]) {
    case SIMPLE: {
      const points = sign * (contributions.points[index] as number);
      if (approved) running.byCategory[contributions.category[index] as PointCategory] += points;
      else running.pending += points;
      return;
    }
    case REVENUE: {
      const cents = (internals.money[index] as Money).cents;
      if (!Number.isSafeInteger(cents)) running.inexact += sign;
      else if (approved) running.approvedCents += sign * cents;
      else running.pendingCents += sign * cents;
      // Past the safe integers a running sum may have lost a cent: from then on, sum exactly.
      if (Math.abs(running.approvedCents) + Math.abs(running.pendingCents) > Number.MAX_SAFE_INTEGER) running.overflowed = true;
      return;
    }
    case MONTHLY: {
      const make = (): Slot => ({ approved: 0, pending: 0, state: 0, points: contributions.points[index] as number, category: contributions.category[index] as PointCategory, kind: null, seen: -1 });
      moveSlot(running, slotOf(running, index, monthlyKey(entry as ActivityEntry), make), approved, sign);
      return;
    }
    case CERTIFICATION: {
      const certification = entry as CertificationEntry;
      const row = version.certifications.get(certification.certification);
      if (row === undefined) return;
      const make = (): Slot => ({ approved: 0, pending: 0, state: 0, points: 0, category: 'certification', kind: row.kind, seen: -1 });
      moveSlot(running, slotOf(running, index, `${certification.holder}\u0000${certification.certification}`, make), approved, sign);
      return;
    }
    default:
      // Fee payments and excluded entries add nothing to the window's points.
      return;
  }
}

/**
 * One review per month end in [from, to] (R12), ascending: tier, the previous
 * tier and the change, points, revenue, membership and fee — under the
 * default policy each exactly what `evaluate` gives on that date. Reviews
 * after the last entry are a forecast: entries roll out of the window and
 * tiers fall. The entries are sorted once and the window slides.
 * @param ledger - A ledger `parseLedger` returned, or raw input (parsed first).
 * @param opts - `from`, `to` (required), `program`, `window`, `policy`.
 * @returns The reviews, ascending.
 * @throws {ValidationError} With every issue, when the ledger or the options are invalid (e.g. `from` after `to`).
 * @example
 * reviewTimeline(
 *   { partner: { id: 'acme', joinedOn: '2020-01-15' }, entries: [
 *     { id: 'e1', type: 'activity', date: '2025-06-10', activity: 'event-attendance' },
 *   ] },
 *   { from: '2026-05-01', to: '2026-06-30' },
 * ).map((review) => [review.date, review.tier, review.change])
 * //=> [['2026-05-31', 'basic', null], ['2026-06-30', null, 'down']]
 */
export function reviewTimeline(ledger: Ledger | unknown, opts: ReviewTimelineOptions): Review[] {
  const issues: LedgerIssue[] = [];
  const options = readOptionsObject(opts, ['from', 'to', 'program', 'window', 'policy'], 'options must be an object with at least "from" and "to"', issues);
  const from = readDateOption(options, 'from', issues);
  const to = readDateOption(options, 'to', issues);
  if (from !== undefined && to !== undefined && from > to) issues.push(issue('to', 'invalid-range', `"to" (${to}) is before "from" (${from})`));
  const { window, program } = readCommonOptions(options, issues);
  const policy = readPolicy(options['policy'], issues);
  throwIfAny(issues);
  const resolved = resolveLedger(ledger, program);
  return timelineOf(resolved.ledger, resolved.internals, program, window, policy, from as IsoDate, to as IsoDate);
}

function timelineOf(
  ledger: Ledger,
  internals: LedgerInternals,
  program: CompiledProgram,
  kind: WindowKind,
  policy: TierPolicy,
  from: IsoDate,
  to: IsoDate,
): Review[] {
  const first = monthEnd(from);
  if (first > to) return [];
  const joinedOn = ledger.partner.joinedOn;
  // The review before the first gives its previousTier; a policy's state runs
  // from the first month end on or after joinedOn, so it never depends on `from`.
  const before = monthEnd(plusMonths(`${first.slice(0, 8)}01`, -1));
  const policyStart = monthEnd(joinedOn);
  const start = policy === 'highest-met' || policyStart >= before ? before : policyStart;
  const all = monthEndsBetween(start, to);

  const entries = ledger.entries;
  const days = internals.days;
  const order = sortedOrder(internals);
  const certificationOrder: number[] = [];
  let contributions: Contributions | undefined;
  let version: CompiledVersion | undefined;
  let running = emptyRunning(entries.length);
  let lo = 0;
  let hi = 0;
  // Policy state by tier id (PolicyState), the tier ids of the version in effect, and the previous review's tier table.
  let held: string | null = null;
  let below = 0;
  let tierIds: readonly string[] = [];
  let previousTiers: readonly CompiledTier[] = [];
  const reviews: Review[] = [];
  let previous: string | null = null;

  for (const date of all) {
    const current = versionAt(program, date);
    if (current !== version) {
      // A new program version: what entries earn may change; rebuild the window.
      version = current;
      tierIds = version.tiers.map((tier) => tier.row.id);
      contributions = contributionsOf(ledger, internals, version);
      running = emptyRunning(entries.length);
      certificationOrder.length = 0;
      lo = 0;
      hi = 0;
    }
    const c = contributions as Contributions;
    const window = windowOn(date, kind, joinedOn);
    const toDay = dayKey(date);
    const fromDay = dayKey(window.from);
    while (hi < order.length && (days[order[hi] as number] as number) <= toDay) {
      const index = order[hi] as number;
      const entry = entries[index] as LedgerEntry;
      slide(running, entry, index, c, internals, version, 1);
      // Approved, in this version: `slide` has just given such an entry its slot, which reviewOn reads.
      if (c.kind[index] === CERTIFICATION && entry.status === 'approved' && version.certifications.has((entry as CertificationEntry).certification)) certificationOrder.push(index);
      hi++;
    }
    while (lo < hi && (days[order[lo] as number] as number) < fromDay) {
      const index = order[lo] as number;
      slide(running, entries[index] as LedgerEntry, index, c, internals, version, -1);
      lo++;
    }

    const review = reviewOn(ledger, internals, version, date, window.from, running, entries, order, lo, hi, c, certificationOrder);
    const met = review.met;
    const state = applyPolicy(policy, date >= policyStart ? { held, below } : null, met, tierIds);
    held = state.held;
    below = state.below;
    const tier = tierIds[state.tier] ?? null;
    if (date >= first) {
      // Across versions, ranked by a version that has both tiers, else by their requirements (tierMove): a dropped tier still falls.
      const change = tierMove(previous, tier, previousTiers, version.tiers);
      reviews.push({ date, tier, previousTier: previous, change, points: review.points, revenue: review.revenue, membership: review.membership, fee: review.fee });
    }
    previous = tier;
    previousTiers = version.tiers;
  }
  return reviews;
}

/** The entries of a parsed ledger by date, then input order: sorted once per ledger, kept with it. */
function sortedOrder(internals: LedgerInternals): Int32Array {
  internals.memo.order ??= sortDays(internals.days);
  return internals.memo.order;
}

function sortDays(days: Int32Array): Int32Array {
  const order = new Int32Array(days.length);
  let sorted = true;
  for (let i = 0; i < order.length; i++) {
    order[i] = i;
    if (i > 0 && (days[i] as number) < (days[i - 1] as number)) sorted = false;
  }
  // Exports are usually in date order already: then this is one linear check.
  if (!sorted) order.sort((a, b) => (days[a] as number) - (days[b] as number) || a - b);
  return order;
}

type ReviewFigures = {
  readonly met: number;
  readonly points: Review['points'];
  readonly revenue: Review['revenue'];
  readonly membership: Membership;
  readonly fee: FeeStatus;
};

function reviewOn(
  ledger: Ledger,
  internals: LedgerInternals,
  version: CompiledVersion,
  date: IsoDate,
  from: IsoDate,
  running: Running,
  entries: readonly LedgerEntry[],
  order: Int32Array,
  lo: number,
  hi: number,
  contributions: Contributions,
  certificationOrder: readonly number[],
): ReviewFigures {
  // Revenue: cents while exact, else the exact sum of the window's amounts.
  let approvedRevenue: Money;
  let revenueIfApproved: number;
  if (running.inexact === 0 && !running.overflowed) {
    approvedRevenue = moneyFromCents(running.approvedCents);
    revenueIfApproved = floorUnits(moneyFromCents(running.approvedCents + running.pendingCents));
  } else {
    const approved: Money[] = [];
    const all: Money[] = [];
    for (let k = lo; k < hi; k++) {
      const index = order[k] as number;
      const entry = entries[index] as LedgerEntry;
      if (contributions.kind[index] !== REVENUE || entry.status === 'rejected') continue;
      const money = internals.money[index] as Money;
      all.push(money);
      if (entry.status === 'approved') approved.push(money);
    }
    approvedRevenue = sumMoney(approved);
    revenueIfApproved = floorUnits(sumMoney(all));
  }
  const revenuePoints = floorUnits(approvedRevenue);

  // A copy in the result's key order (emptyRunning's), to which nothing adds keys.
  const byCategory = { ...running.byCategory };
  const credit = version.certificationPoints;
  byCategory.certification = running.creditedPairs * credit;
  byCategory.revenue = revenuePoints;
  for (const year of partnerYearCredits(ledger.partner.joinedOn, version, { from, to: date })) byCategory['partner-year'] += year.points;

  const sum =
    byCategory.revenue + byCategory.knowledge + byCategory.program + byCategory.certification + byCategory['partner-year'] + byCategory.bonus + byCategory.special + byCategory.adjustment;
  const total = Math.max(0, sum);
  const pending = pendingRise(sum, running.pending + running.pendingPairs * credit, revenuePoints, revenueIfApproved);

  // Certifications valid on the date (R8): approved, earned on or before it, not expired; each pair once.
  let profile = 0;
  let sales = 0;
  const stamp = dayKey(date);
  for (const index of certificationOrder) {
    const entry = entries[index] as CertificationEntry;
    if (entry.expiresOn !== undefined && entry.expiresOn < date) continue;
    const slot = running.slotOf[index] as Slot;
    if (slot.seen === stamp) continue;
    slot.seen = stamp;
    if (slot.kind === 'profile') profile++;
    else sales++;
  }
  const standing = { points: total, revenue: approvedRevenue, profile, sales };
  const { membership, fee } = membershipOn(ledger, internals, version, date, standing);
  return {
    met: highestTierIndex(version, standing),
    points: { total, pending, byCategory },
    revenue: { total: approvedRevenue.text, points: revenuePoints },
    membership,
    fee,
  };
}

