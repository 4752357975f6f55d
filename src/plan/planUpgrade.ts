/**
 * `planUpgrade` (SPEC §3.1): the options (options.ts), the incremental
 * standing and its one final check (search.ts), the entries proposed
 * (proposals.ts), the minimal plan (minimising.ts), what stops counting
 * meanwhile (expiring.ts) and the plan in words (steps.ts), put together here.
 */
import type { IsoDate } from '../dates/isoDate';
import type { Ledger, LedgerEntry } from '../ledger/types';
import { moneyShortfall } from '../money/money';
import type { CompiledVersion } from '../program/compile';
import type { Program } from '../program/types';
import { evaluateResolved } from '../evaluate/evaluate';
import { resolveLedger } from '../evaluate/options';
import { shortfallOf } from '../evaluate/tiers';
import type { Evaluation, Shortfall } from '../evaluate/types';
import type { WindowKind } from '../evaluate/window';
import { expiringBetween, type ExpiringItem } from './expiring';
import { withoutRedundant } from './minimising';
import { readPlanOptions, type PlanOptions } from './options';
import { activitiesFor, certificationsFor, proposalContext, revenueFor, revenueForPoints } from './proposals';
import { confirmPlan, limitedPlanWith, meetsWith, pointsSum, reachWith, searchFrom } from './search';
import { stepsFor, type BelowZero } from './steps';

export type { ExpiringItem } from './expiring';

/**
 * Why a plan cannot be made (a closed list): `by-before-as-of`,
 * `target-below-current` (ask for the tier held to see what keeps it), or
 * `not-plannable` — no set of valid entries dated `by` reaches the target.
 * Planning works on the unclamped points sum, and revenue entries (a point
 * per dollar, R2) and certifications for new holders can be added without
 * limit (activities only as far as their rows' limits and caps allow, R3),
 * so with the built-in program, or any program `defineProgram` accepts,
 * every tier at or above the one held is plannable:
 * `not-plannable` is the answer only should a program offer no way at all.
 */
export type PlanReason = 'by-before-as-of' | 'target-below-current' | 'not-plannable';

/** The answer to "what must we still do to reach `target` by `by`". */
export type UpgradePlan = {
  readonly asOf: IsoDate;
  readonly current: string | null;
  readonly target: string;
  readonly by: IsoDate;
  readonly reachable: boolean;
  /** When not reachable: why, as a code and a sentence. */
  readonly reason?: PlanReason;
  readonly message?: string;
  /**
   * What `target` lacks on `by` with the ledger as it is (entries that leave the window before `by` already gone),
   * as `evaluate` reports it; below a points sum of 0 the steps say how many points the sum itself needs.
   */
  readonly shortfall: Shortfall;
  /** Every point that stops counting between `asOf` and `by`, and every certification that expires ({@link ExpiringItem}). */
  readonly expiring: readonly ExpiringItem[];
  /**
   * Valid ledger entries dated `by` that, appended to the ledger, reach `target` on `by`; none can be left out.
   * A "+" row is planned at its minimum points (more is awarded case by case), never with more.
   */
  readonly entries: readonly LedgerEntry[];
  /** The plan in words. */
  readonly steps: readonly string[];
};

/** Options of {@link planUpgrade}. */
export type PlanUpgradeOptions = {
  readonly asOf: string;
  /** Default: the tier above the one held on `asOf` (the tier held, at the top). */
  readonly target?: string;
  /** Default: the first month end on or after `asOf`. */
  readonly by?: string;
  readonly program?: Program;
  readonly window?: WindowKind;
  /**
   * Activity ids the partner would rather do, in order; default: the one activity entry with the least
   * excess over the points still missing. Either way revenue and certifications are planned first, and
   * the plan is minimal (no planned entry can be removed), not always the fewest entries possible.
   */
  readonly prefer?: readonly string[];
};

type PlanBase = Omit<UpgradePlan, 'reachable' | 'entries' | 'steps'>;

function tierIndex(version: CompiledVersion, id: string | null): number {
  return id === null ? -1 : (version.tierIndex.get(id) ?? -1);
}

/**
 * What a partner must still do to reach a tier by a date (SPEC §3.1): the
 * shortfall on `by`, what leaves the window meanwhile, and a minimal set of
 * planned entries dated `by` — revenue, certifications for placeholder
 * holders (`new-profile-1`, `new-sales-1`, …: first the certifications a
 * tier requires by name, each also a pair of its kind, then each kind's
 * pairs) and activities — with the plan in words. An activity of a row
 * with a limit or a cap is planned only while the periods of `by` leave it
 * places and points, and counts for what it earns there (R3). Appending
 * `entries` to the ledger reaches the target on `by`;
 * leaving out any one of them does not. Minimal means that no planned entry
 * can be removed, not the fewest entries possible: revenue and certifications
 * are planned first, then activities, so $7,000 of revenue is taken to
 * Professional with $200 more and a pipeline share, where one $1,000 revenue
 * entry would also do. Plans are realistic: a "+" row ("5,000+") is planned
 * at its minimum, since more is awarded case by case, so a large shortfall
 * takes several entries (or a training course with its attendees), never one
 * entry worth it all. Entries lift the unclamped points
 * sum: when adjustments take it below 0 (a total of 0, R7), they make up the
 * whole distance. `not-plannable` means that no set of valid entries dated
 * `by` reaches the target, which no program `defineProgram` accepts allows
 * ({@link PlanReason}). The ledger is evaluated on `asOf` and on `by`, the
 * candidates are checked on the standing on `by` without evaluating again,
 * and one evaluation of the extended ledger confirms the plan.
 * @param ledger - A ledger `parseLedger` returned, or raw input.
 * @param opts - `asOf` (required), `target`, `by`, `program`, `window`, `prefer`.
 * @returns The plan; `reachable: false` with a `reason` when it cannot be made.
 * @throws {ValidationError} When the ledger or the options are invalid (e.g. an unknown target tier).
 * @example
 * const plan = planUpgrade(
 *   { partner: { id: 'acme', joinedOn: '2020-01-15' }, entries: [
 *     { id: 'e1', type: 'activity', date: '2026-04-01', activity: 'event-attendance' },
 *   ] },
 *   { asOf: '2026-06-10' },
 * );
 * plan.target //=> 'professional' (Basic is held)
 * plan.shortfall //=> { points: 3000, revenue: '7200.00', profileCertifications: 0, salesCertifications: 0 }
 * plan.entries //=> [{ id: 'plan-1', type: 'revenue', date: '2026-06-30', amount: '7200.00', source: 'direct-sale', status: 'approved' }]
 */
export function planUpgrade(ledger: Ledger | unknown, opts: PlanUpgradeOptions): UpgradePlan {
  const options = readPlanOptions(opts);
  const resolved = resolveLedger(ledger, options.program);
  return plan(resolved.ledger, resolved.internals, options);
}

function plan(ledger: Ledger, internals: Parameters<typeof evaluateResolved>[1], options: PlanOptions): UpgradePlan {
  const { asOf, by, window, program, version, prefer } = options;
  const review = (at: IsoDate) => evaluateResolved(ledger, internals, { asOf: at, window, program });
  const now = review(asOf);
  const currentIndex = tierIndex(version, now.tier);
  const target = options.target ?? (version.tiers[currentIndex + 1] ?? version.tiers[Math.max(currentIndex, 0)])!.row.id;
  const targetIndex = tierIndex(version, target);
  const targetName = version.tiers[targetIndex]!.row.name;
  const atBy = by === asOf ? now : review(by);
  const shortfall = shortfallOf(version, atBy.requirements[targetIndex]!);
  const base: PlanBase = { asOf, current: now.tier, target, by, shortfall, expiring: expiringBetween({ ledger, version, now, atBy, window }) };

  if (by < asOf) {
    return unreachable(base, 'by-before-as-of', `"by" (${by}) is before "asOf" (${asOf}): a plan can only look forward.`);
  }
  if (targetIndex < currentIndex) {
    const currentName = version.tiers[currentIndex]!.row.name;
    return unreachable(base, 'target-below-current', `${targetName} is below ${currentName}, the tier held on ${asOf}; ask for ${currentName} to see what keeps it.`);
  }

  const search = searchFrom(ledger, atBy, version, targetIndex, by);
  const meets = (entries: readonly LedgerEntry[]) => meetsWith(search, entries);
  const proposals = proposalContext(ledger, version, by);
  // Revenue first (it earns points too), then certifications (their credit counts too), then activities.
  // The revenue shortfall as exact money: past refunds it may take more than an amount's nine digits (R2).
  const tier = version.tiers[targetIndex]!;
  const revenueNeeded = tier.revenue;
  // What each count measure lacks on `by`: a kind's pairs, a certification required by name's holders (R8, R9).
  const lacking = search.base.counts.map(() => 0);
  for (const { measure, min } of tier.counts) lacking[measure] = Math.max(0, min - (search.base.counts[measure] ?? 0));
  const planned: LedgerEntry[] = [
    ...(revenueNeeded === null ? [] : revenueFor(proposals, moneyShortfall(revenueNeeded, search.base.revenue))),
    ...certificationsFor(proposals, lacking),
  ];
  const required = tier.points;
  for (let attempt = 0; attempt < 3 && !meets(planned); attempt++) {
    // Against the unclamped sum: a total clamped at 0 hides how far below 0 the sum is (R7).
    const points = required - reachWith(search, planned).sum;
    if (points <= 0) break;
    const activities = activitiesFor(proposals, points, prefer, limitedPlanWith(search, planned));
    // Where activities cannot carry the points (a program without reportable activities, or more entries
    // than a plan proposes), revenue carries them all: a point per dollar (R2).
    for (const entry of activities.left > 0 ? revenueForPoints(proposals, points, reachWith(search, planned).revenue) : activities.entries) planned.push(entry);
  }
  if (!meets(planned)) {
    return unreachable(base, 'not-plannable', `No set of entries dated ${by} reaches ${targetName} in this program.`);
  }
  const entries = withoutRedundant(planned, meets);
  if (entries.length > 0) confirmPlan(search, { ledger, program, window }, entries);
  const steps = stepsFor({ expiring: base.expiring, entries, version, targetName, by, currency: now.program.currency, below: belowZero(atBy, required) });
  return { ...base, reachable: true, entries, steps };
}

function unreachable(base: PlanBase, reason: PlanReason, message: string): UpgradePlan {
  return { ...base, reachable: false, reason, message, entries: [], steps: [message] };
}

/** When the sum on `by` is below 0 and the target needs points: the sum and what it needs, for the steps. */
function belowZero(atBy: Evaluation, required: number): BelowZero | null {
  const sum = pointsSum(atBy);
  return sum >= 0 || required <= 0 ? null : { sum, missing: Math.max(0, required - sum), required };
}
