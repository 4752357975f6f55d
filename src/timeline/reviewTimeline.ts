import { dayKey, monthEnd, plusMonths, type IsoDate } from '../dates/isoDate';
import { issue, throwIfAny, type LedgerIssue } from '../issues';
import type { LedgerInternals } from '../ledger/parseLedger';
import type { ActivityEntry, CertificationEntry, Ledger, LedgerEntry } from '../ledger/types';
import { floorUnits, moneyFromCents, sumMoney, type Money } from '../money/money';
import { versionAt, type CompiledProgram, type CompiledVersion } from '../program/compile';
import type { Program } from '../program/types';
import { CERTIFICATION, contributionsOf, MONTHLY, REVENUE, SIMPLE, type Contributions } from '../evaluate/contributions';
import { membershipOn } from '../evaluate/membership';
import { checkOptionNames, readCommonOptions, readDateOption, readOptionsObject, resolveLedger } from '../evaluate/options';
import { partnerYearCredits } from '../evaluate/partnerYear';
import { monthlyKey, pendingRise } from '../evaluate/tally';
import { highestTierIndex } from '../evaluate/tiers';
import type { FeeStatus, Membership, PointCategory, PointsByCategory } from '../evaluate/types';
import { reviewWindow, type WindowKind } from '../evaluate/window';
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

const CATEGORY_KEYS = ['revenue', 'knowledge', 'program', 'certification', 'partner-year', 'bonus', 'special', 'adjustment'] as const satisfies readonly PointCategory[];

/**
 * The window's running figures, kept as entries enter and leave it: the
 * timeline sorts the entries once and slides, it never re-reads the ledger.
 */
type Running = {
  byCategory: Record<PointCategory, number>;
  pendingSimple: number;
  /** Revenue in cents while every amount is whole cents; `inexact` counts those that are not. */
  approvedCents: number;
  pendingCents: number;
  inexact: number;
  /** Whether a running cent sum ever left the safe integers (then the window is summed exactly each review). */
  overflowed: boolean;
  /** Per (row, month) of monthly rows: approved and pending entries in the window (R3). */
  months: Map<string, { approved: number; pending: number; points: number; category: PointCategory }>;
  /** Per (holder, certification): approved and pending entries earned in the window (R8). */
  pairs: Map<string, { approved: number; pending: number }>;
};

function emptyRunning(): Running {
  return {
    byCategory: { revenue: 0, knowledge: 0, program: 0, certification: 0, 'partner-year': 0, bonus: 0, special: 0, adjustment: 0 },
    pendingSimple: 0,
    approvedCents: 0,
    pendingCents: 0,
    inexact: 0,
    overflowed: false,
    months: new Map(),
    pairs: new Map(),
  };
}

/** Adds (`sign` 1) or removes (`sign` -1) an entry's contribution to the window's figures. */
function slide(running: Running, entry: LedgerEntry, index: number, contributions: Contributions, internals: LedgerInternals, version: CompiledVersion, sign: 1 | -1): void {
  if (entry.status === 'rejected') return;
  const approved = entry.status === 'approved';
  switch (contributions.kind[index]) {
    case SIMPLE: {
      const points = sign * (contributions.points[index] as number);
      if (approved) running.byCategory[contributions.category[index] as PointCategory] += points;
      else running.pendingSimple += points;
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
      const key = monthlyKey(entry as ActivityEntry);
      let month = running.months.get(key);
      if (month === undefined) {
        month = { approved: 0, pending: 0, points: contributions.points[index] as number, category: contributions.category[index] as PointCategory };
        running.months.set(key, month);
      }
      if (approved) month.approved += sign;
      else month.pending += sign;
      return;
    }
    case CERTIFICATION: {
      const certification = entry as CertificationEntry;
      if (!version.certifications.has(certification.certification)) return;
      const key = `${certification.holder}\u0000${certification.certification}`;
      let pair = running.pairs.get(key);
      if (pair === undefined) {
        pair = { approved: 0, pending: 0 };
        running.pairs.set(key, pair);
      }
      if (approved) pair.approved += sign;
      else pair.pending += sign;
      return;
    }
    default:
      // Fee payments and excluded entries add nothing to the window's points.
      return;
  }
}

/** The month ends D with from ≤ D ≤ to, ascending. */
function monthEnds(from: IsoDate, to: IsoDate): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let date = monthEnd(from); date <= to; date = monthEnd(plusMonths(`${date.slice(0, 8)}01`, 1))) dates.push(date);
  return dates;
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
  const options = readOptionsObject(opts, '"from" and "to"');
  const issues: LedgerIssue[] = [];
  checkOptionNames(options, ['from', 'to', 'program', 'window', 'policy'], issues);
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
  const dates = monthEnds(from, to);
  if (dates.length === 0) return [];
  const joinedOn = ledger.partner.joinedOn;
  // The review before the first gives its previousTier; a policy's state runs
  // from the first month end on or after joinedOn, so it never depends on `from`.
  const before = monthEnd(plusMonths(`${(dates[0] as IsoDate).slice(0, 8)}01`, -1));
  const policyStart = monthEnd(joinedOn);
  const start = policy === 'highest-met' || policyStart >= before ? before : policyStart;
  const all = monthEnds(start, to);

  const entries = ledger.entries;
  const days = internals.days;
  const order = sortedOrder(internals);
  const certificationOrder: number[] = [];
  let contributions: Contributions | undefined;
  let version: CompiledVersion | undefined;
  let running = emptyRunning();
  let lo = 0;
  let hi = 0;
  let held = -1;
  let below = 0;
  const reviews: Review[] = [];
  let previous: string | null = null;

  for (const date of all) {
    const current = versionAt(program, date);
    if (current !== version) {
      // A new program version: what entries earn may change; rebuild the window.
      version = current;
      contributions = contributionsOf(ledger, internals, version);
      running = emptyRunning();
      certificationOrder.length = 0;
      lo = 0;
      hi = 0;
    }
    const c = contributions as Contributions;
    const window = reviewWindow(date, kind, joinedOn);
    const toDay = dayKey(date);
    const fromDay = dayKey(window.from);
    while (hi < order.length && (days[order[hi] as number] as number) <= toDay) {
      const index = order[hi] as number;
      const entry = entries[index] as LedgerEntry;
      slide(running, entry, index, c, internals, version, 1);
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
    const state = applyPolicy(policy, date >= policyStart ? { held, below } : null, met);
    held = state.held;
    below = state.below;
    const tier = state.tier === -1 ? null : ((version.tiers[state.tier] as { row: { id: string } }).row.id);
    if (date >= (dates[0] as IsoDate)) {
      const change = tierChange(version, previous, tier);
      reviews.push({ date, tier, previousTier: previous, change, points: review.points, revenue: review.revenue, membership: review.membership, fee: review.fee });
    }
    previous = tier;
  }
  return reviews;
}

function tierChange(version: CompiledVersion, previous: string | null, tier: string | null): 'up' | 'down' | null {
  const a = previous === null ? -1 : (version.tierIndex.get(previous) ?? -1);
  const b = tier === null ? -1 : (version.tierIndex.get(tier) ?? -1);
  return b > a ? 'up' : b < a ? 'down' : null;
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

  let monthlyPending = 0;
  const byCategory = { ...running.byCategory };
  for (const month of running.months.values()) {
    if (month.approved > 0) byCategory[month.category] += month.points;
    else if (month.pending > 0) monthlyPending += month.points;
  }
  let creditedPairs = 0;
  let pendingPairs = 0;
  for (const pair of running.pairs.values()) {
    if (pair.approved > 0) creditedPairs++;
    else if (pair.pending > 0) pendingPairs++;
  }
  const credit = version.certificationPoints;
  byCategory.certification = creditedPairs * credit;
  byCategory.revenue = revenuePoints;
  for (const year of partnerYearCredits(ledger.partner.joinedOn, version, { from, to: date })) byCategory['partner-year'] += year.points;

  let sum = 0;
  for (const key of CATEGORY_KEYS) sum += byCategory[key];
  const total = Math.max(0, sum);
  const pendingPoints = running.pendingSimple + monthlyPending + pendingPairs * credit;
  const pending = pendingRise(sum, pendingPoints, revenuePoints, revenueIfApproved);

  // Certifications valid on the date (R8): approved, earned on or before it, not expired.
  const valid = new Map<string, 'profile' | 'sales'>();
  for (const index of certificationOrder) {
    const entry = entries[index] as CertificationEntry;
    if (entry.expiresOn !== undefined && entry.expiresOn < date) continue;
    const row = version.certifications.get(entry.certification);
    if (row !== undefined) valid.set(`${entry.holder}\u0000${entry.certification}`, row.kind);
  }
  let profile = 0;
  let sales = 0;
  for (const kind of valid.values()) {
    if (kind === 'profile') profile++;
    else sales++;
  }
  const standing = { points: total, revenue: approvedRevenue, profile, sales };
  const { membership, fee } = membershipOn(ledger, internals, version, date, standing);
  return {
    met: highestTierIndex(version, standing),
    points: { total, pending, byCategory: orderedCategories(byCategory) },
    revenue: { total: approvedRevenue.text, points: revenuePoints },
    membership,
    fee,
  };
}

function orderedCategories(values: Record<PointCategory, number>): PointsByCategory {
  const out = {} as Record<PointCategory, number>;
  for (const key of CATEGORY_KEYS) out[key] = values[key];
  return out;
}
