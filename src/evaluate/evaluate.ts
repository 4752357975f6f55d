import { anniversaryIndex } from '../dates/isoDate';
import type { Prepared as LedgerInternals } from './prepare';
import type { Ledger } from '../ledger/types';
import { versionAt, type CompiledVersion } from '../program/compile';
import type { CertificationState } from './certifications';
import type { Program } from '../program/types';
import { contributionsOf } from './contributions';
import { findLeavingNext } from './leaving';
import { completedYear, membershipOn, waiverOf } from './membership';
import { readReviewOptions, resolveLedger, type ReviewOptions } from './options';
import { outcomeSink } from './outcomes';
import { tallyEntries, type Tally } from './tally';
import { findHighestTier, shortfallOf } from './tiers';
import type { Evaluation } from './types';
import { windowOn, type WindowKind } from './window';

/** The result's certifications (R8): each kind's valid pairs, in the program's order, then the pairs. */
function certificationsOf(version: CompiledVersion, state: CertificationState): Evaluation['certifications'] {
  const out: Record<string, unknown> = {};
  version.kinds.forEach((kind, measure) => {
    out[kind] = state.counts[measure];
  });
  out['valid'] = state.valid;
  out['expired'] = state.expired;
  return out as Evaluation['certifications'];
}

/** Options of {@link evaluate}. */
export type EvaluateOptions = {
  /** The review date, `YYYY-MM-DD` or an RFC 3339 timestamp (its UTC date). Required: the library never reads the clock. */
  readonly asOf: string;
  /** Default `exponentialProgram`. */
  readonly program?: Program;
  /** Default `rolling-12-months` (R1). */
  readonly window?: WindowKind;
};

/**
 * Evaluates a partner's ledger on one review date: points by category, exact
 * revenue, certifications, every tier's requirements and the highest met,
 * membership, fee position, and one outcome per input entry — each citing
 * the rule that decided it.
 * @param ledger - A ledger `parseLedger` returned, or raw input (parsed first).
 * @param opts - `asOf` (required), `window`, `program`.
 * @returns The evaluation, plain JSON.
 * @throws {ValidationError} With every issue, when the ledger or the options are invalid.
 * @example
 * const result = evaluate(
 *   { partner: { id: 'acme', joinedOn: '2020-01-15' }, entries: [
 *     { id: 'r1', type: 'revenue', date: '2026-03-01', amount: '7200.00', source: 'direct-sale' },
 *     { id: 'e1', type: 'activity', date: '2026-04-01', activity: 'event-attendance' },
 *   ] },
 *   { asOf: '2026-06-30' },
 * );
 * result.tier //=> 'professional' (7,200 revenue points + 5,000 event points = 12,200 ≥ 8,000; $7,200.00 ≥ $7,200)
 * result.entries[0] //=> { id: 'r1', outcome: 'counted', points: 0, rule: 'R2', amount: '7200.00' }
 */
export function evaluate(ledger: Ledger | unknown, opts: EvaluateOptions): Evaluation {
  const options = readReviewOptions(opts);
  const resolved = resolveLedger(ledger, options.program);
  return evaluateResolved(resolved.ledger, resolved.internals, options);
}

/** `evaluate` once the ledger and the options are known to be valid. */
export function evaluateResolved(ledger: Ledger, internals: LedgerInternals, { asOf, window: kind, program }: ReviewOptions): Evaluation {
  const version = versionAt(program, asOf);
  const joinedOn = ledger.partner.joinedOn;
  const window = windowOn(asOf, kind, joinedOn);
  const outcomes = outcomeSink(ledger, internals);
  // The renewal waiver's completed partnership year (R11), when not known yet, is reviewed in the same pass.
  const k = anniversaryIndex(joinedOn, asOf);
  const year = k >= 1 && !internals.renewals.has(k) ? completedYear(joinedOn, program, k) : undefined;
  const alsoFor = year !== undefined && year.version === version ? year.window : undefined;
  const tally: Tally = tallyEntries({ ledger, internals, version, window, outcomes, alsoFor });
  if (tally.also !== undefined) internals.renewals.set(k, waiverOf(version, tally.also.standing, joinedOn, k));

  const { total, certifications, standing } = tally;
  const tiers = findHighestTier(version, standing);
  const held = version.tiers[tiers.index];
  const next = version.tiers[tiers.index + 1];
  const nextRequirements = tiers.requirements[tiers.index + 1];

  const { membership, fee } = membershipOn(ledger, internals, version, asOf, standing, k);

  return {
    asOf,
    // windowOn already starts a window that reaches back before 0001-01-01 on 0001-01-01.
    window: { from: window.from, to: window.to },
    points: { total, pending: tally.pending, byCategory: tally.byCategory },
    revenue: { total: tally.revenue.text, points: tally.revenuePoints },
    certifications: certificationsOf(version, certifications),
    tier: held?.row.id ?? null,
    tierName: held?.row.name ?? null,
    requirements: tiers.requirements,
    nextTier:
      next === undefined || nextRequirements === undefined
        ? null
        : { tier: next.row.id, tierName: next.row.name, shortfall: shortfallOf(version, nextRequirements) },
    membership,
    fee,
    entries: outcomes.list,
    derived: tally.derived,
    leavingNext: findLeavingNext(ledger, internals, contributionsOf(ledger, internals, version), outcomes.list, tally.derived, kind),
    program: { id: program.program.id, version: version.version.version, currency: version.version.currency },
  };
}
