import { dayKey, monthEnd, monthEndsBetween, plusMonths, type IsoDate } from '../dates/isoDate';
import { issue, throwIfAny, type LedgerIssue } from '../issues';
import type { Prepared as LedgerInternals } from '../evaluate/prepare';
import type { Ledger, LedgerEntry } from '../ledger/types';
import { versionAt, type CompiledProgram, type CompiledTier, type CompiledVersion } from '../program/compile';
import { tierMove } from '../program/tierMove';
import type { Program } from '../program/types';
import { CERTIFICATION, contributionsOf, type Contributions } from '../evaluate/contributions';
import { membershipOn } from '../evaluate/membership';
import { readCommonOptions, readDateOption, readOptionsObject, resolveLedger } from '../evaluate/options';
import { exactRevenueOf, inDateOrder, openWindow, settleLimited, slide, validPairs, windowFigures, type SlidingWindow } from '../evaluate/slidingWindow';
import { highestTierIndex } from '../evaluate/tiers';
import type { FeeStatus, Membership, PointsByCategory } from '../evaluate/types';
import { windowOn, type DateRange, type WindowKind } from '../evaluate/window';
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
  return timelineOf({ ledger: resolved.ledger, internals: resolved.internals, program, kind: window, policy, from: from as IsoDate, to: to as IsoDate });
}

/** A timeline's validated inputs. */
type TimelineInput = {
  readonly ledger: Ledger;
  readonly internals: LedgerInternals;
  readonly program: CompiledProgram;
  readonly kind: WindowKind;
  readonly policy: TierPolicy;
  readonly from: IsoDate;
  readonly to: IsoDate;
};

function timelineOf({ ledger, internals, program, kind, policy, from, to }: TimelineInput): Review[] {
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
  let running: SlidingWindow | undefined;
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
      running = openWindow(days, version);
      certificationOrder.length = 0;
      lo = 0;
      hi = 0;
    }
    const c = contributions as Contributions;
    const windowState = running as SlidingWindow;
    const window = windowOn(date, kind, joinedOn);
    const toDay = dayKey(date);
    const fromDay = dayKey(window.from);
    while (hi < order.length && (days[order[hi] as number] as number) <= toDay) {
      const index = order[hi] as number;
      const entry = entries[index] as LedgerEntry;
      slide(windowState, entry, index, c, internals.money, version, 1);
      // Approved, in this version: `slide` has just given such an entry its slot, which validPairs reads.
      if (c.kind[index] === CERTIFICATION && entry.status === 'approved' && windowState.slotOf[index] !== undefined) certificationOrder.push(index);
      hi++;
    }
    while (lo < hi && (days[order[lo] as number] as number) < fromDay) {
      const index = order[lo] as number;
      slide(windowState, entries[index] as LedgerEntry, index, c, internals.money, version, -1);
      lo++;
    }

    const review = reviewOn({ ledger, internals, version, window, state: windowState, order, lo, hi, contributions: c, certified: certificationOrder });
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
  for (let i = 0; i < order.length; i++) order[i] = i;
  return inDateOrder(order, days);
}

type ReviewFigures = {
  readonly met: number;
  readonly points: Review['points'];
  readonly revenue: Review['revenue'];
  readonly membership: Membership;
  readonly fee: FeeStatus;
};

/** What one review of the timeline reads: the window as it stands on `date`. */
type ReviewInput = {
  readonly ledger: Ledger;
  readonly internals: LedgerInternals;
  readonly version: CompiledVersion;
  readonly window: DateRange;
  readonly state: SlidingWindow;
  /** The entries by date and the window's part of that order, [lo, hi). */
  readonly order: Int32Array;
  readonly lo: number;
  readonly hi: number;
  readonly contributions: Contributions;
  /** Approved certifications of the version that have entered the window (R8 validity looks beyond it). */
  readonly certified: readonly number[];
};

function reviewOn({ ledger, internals, version, window, state, order, lo, hi, contributions, certified }: ReviewInput): ReviewFigures {
  const entries = ledger.entries;
  const date = window.to;
  const exactRevenue = exactRevenueOf(entries, internals.days, contributions, internals.money, order.subarray(lo, hi), dayKey(window.from), dayKey(date));
  settleLimited(state, entries, contributions, false);
  const counts = validPairs(state, version, entries, certified, date);
  const figures = windowFigures(state, version, ledger.partner.joinedOn, window, counts, exactRevenue);
  const { membership, fee } = membershipOn(ledger, internals, version, date, figures.standing);
  return {
    met: highestTierIndex(version, figures.standing),
    points: { total: figures.total, pending: figures.pending, byCategory: figures.byCategory },
    revenue: { total: figures.revenue.text, points: figures.revenuePoints },
    membership,
    fee,
  };
}
