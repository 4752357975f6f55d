import { anniversary, anniversaryIndex, clampDate, plusDays, toIsoDate, type IsoDate } from '../dates/isoDate';
import { issue, ValidationError, type LedgerIssue } from '../issues';
import { ledgerInternals, parseLedgerUnsafe, type LedgerInternals } from '../ledger/parseLedger';
import type { Ledger } from '../ledger/types';
import { compileProgram, isKnownProgram, versionAt, type CompiledProgram } from '../program/compile';
import { exponentialProgram } from '../program/exponentialProgram';
import type { Program } from '../program/types';
import { feeStatus, paidThrough } from './fee';
import { tallyEntries, type Tally } from './tally';
import { findHighestTier, highestTierIndex, meetsTier, shortfallOf } from './tiers';
import { outcomeSink } from './outcomes';
import type { Evaluation, MembershipBasis } from './types';
import { reviewWindow, windowKinds, type DateRange, type WindowKind } from './window';

/** Options of {@link evaluate}. */
export type EvaluateOptions = {
  /** The review date, `YYYY-MM-DD` or an RFC 3339 timestamp (its UTC date). Required: the library never reads the clock. */
  readonly asOf: string;
  /** Default `exponentialProgram`. */
  readonly program?: Program;
  /** Default `rolling-12-months` (R1). */
  readonly window?: WindowKind;
};

/** Validated options. */
export type ReviewOptions = { readonly asOf: IsoDate; readonly window: WindowKind; readonly program: CompiledProgram };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a date option (`asOf`, `from`, `to`, `by`), pushing an issue when it is missing or not a date. */
export function readDateOption(opts: Record<string, unknown>, name: string, issues: LedgerIssue[], required = true): IsoDate | undefined {
  const value = opts[name];
  if (value === undefined) {
    if (required) issues.push(issue(name, 'missing-field', `"${name}" is required: the review date, YYYY-MM-DD (the library never reads the clock)`));
    return undefined;
  }
  const date = typeof value === 'string' ? toIsoDate(value) : null;
  if (date === null) issues.push(issue(name, 'invalid-date', `"${name}" must be a calendar date YYYY-MM-DD or an RFC 3339 timestamp, received ${JSON.stringify(value) ?? String(value)}`));
  return date ?? undefined;
}

/** Pushes an `unknown-field` issue for each option that is not in `known`: a misspelt option must not vanish. */
export function checkOptionNames(opts: Record<string, unknown>, known: readonly string[], issues: LedgerIssue[]): void {
  for (const key of Object.keys(opts)) {
    if (!known.includes(key)) issues.push(issue(key, 'unknown-field', `unknown option "${key}"; expected ${known.join(', ')}`));
  }
}

/** Validates the options every review shares: `asOf`, `window`, `program`. Throws one `ValidationError`. */
export function readReviewOptions(opts: unknown): ReviewOptions {
  const issues: LedgerIssue[] = [];
  if (!isRecord(opts)) throw new ValidationError([issue('', 'invalid-type', 'options must be an object with at least "asOf"')]);
  checkOptionNames(opts, ['asOf', 'window', 'program'], issues);
  const asOf = readDateOption(opts, 'asOf', issues);
  const window = opts['window'] === undefined ? 'rolling-12-months' : opts['window'];
  if (!(windowKinds as readonly unknown[]).includes(window)) {
    issues.push(issue('window', 'invalid-value', `"window" must be one of ${windowKinds.join(', ')}`));
  }
  const program = opts['program'] === undefined ? exponentialProgram : opts['program'];
  if (!isKnownProgram(program)) {
    issues.push(issue('program', 'invalid-program', '"program" must be exponentialProgram or a program returned by defineProgram'));
  }
  if (issues.length > 0 || asOf === undefined) throw new ValidationError(issues as [LedgerIssue, ...LedgerIssue[]]);
  return { asOf, window: window as WindowKind, program: compileProgram(program as Program) };
}

/** A ledger `parseLedger` returned for this program is used as it is; anything else is parsed first. */
export function resolveLedger(input: unknown, program: CompiledProgram): { ledger: Ledger; internals: LedgerInternals } {
  const known = ledgerInternals(input);
  if (known !== undefined && known.program === program) return { ledger: input as Ledger, internals: known };
  let result;
  try {
    result = parseLedgerUnsafe(input, program);
  } catch (error) {
    throw new ValidationError([issue('', 'invalid-type', `the ledger could not be read: ${String(error)}`)]);
  }
  if (!result.ok) throw new ValidationError(result.issues);
  return { ledger: result.ledger, internals: ledgerInternals(result.ledger) as LedgerInternals };
}

/**
 * The renewal waiver on `asOf` (R11): at the latest anniversary A (k ≥ 1), the
 * completed partnership year [A − 1 year, A − 1 day] is reviewed under the
 * version in effect on A − 1 day; reaching its renewal tier waives the fee
 * until the day before the next anniversary.
 * @returns The last waived day, or `null`.
 */
function renewalWaiver(ledger: Ledger, internals: LedgerInternals, asOf: IsoDate): IsoDate | null {
  const joinedOn = ledger.partner.joinedOn;
  const k = anniversaryIndex(joinedOn, asOf);
  if (k < 1) return null;
  // The completed year's review depends on the ledger and k only: once per ledger.
  const known = internals.renewals.get(k);
  if (known !== undefined) return known;
  const waiver = reviewCompletedYear(ledger, internals, k);
  internals.renewals.set(k, waiver);
  return waiver;
}

function reviewCompletedYear(ledger: Ledger, internals: LedgerInternals, k: number): IsoDate | null {
  const joinedOn = ledger.partner.joinedOn;
  const reviewedOn = plusDays(anniversary(joinedOn, k), -1);
  const version = versionAt(internals.program, reviewedOn);
  const window: DateRange = { from: anniversary(joinedOn, k - 1), to: reviewedOn };
  const tally = tallyEntries({ ledger, internals, version, window, outcomes: null });
  const standing = { points: tally.total, revenue: tally.revenue, profile: tally.certifications.profile, sales: tally.certifications.sales };
  if (highestTierIndex(version, standing) < version.renewalIndex) return null;
  return plusDays(anniversary(joinedOn, k + 1), -1);
}

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
  const window = reviewWindow(asOf, kind, joinedOn);
  const outcomes = outcomeSink(ledger, internals);
  const tally: Tally = tallyEntries({ ledger, internals, version, window, outcomes });

  const total = tally.total;
  const certifications = tally.certifications;
  const standing = { points: total, revenue: tally.revenue, profile: certifications.profile, sales: certifications.sales };
  const tiers = findHighestTier(version, standing);
  const held = version.tiers[tiers.index];
  const next = version.tiers[tiers.index + 1];
  const nextRequirements = tiers.requirements[tiers.index + 1];

  const member = asOf >= joinedOn;
  const paid = paidThrough(ledger.entries, tally.feePayments, asOf);
  const waivedThrough = member ? renewalWaiver(ledger, internals, asOf) : null;
  const bases: MembershipBasis[] = [];
  if (member) {
    if (meetsTier(version, version.membershipIndex, standing)) bases.push('basic-points');
    if (waivedThrough !== null) bases.push('professional-renewal');
    if (paid !== null) bases.push('fee');
  }

  return {
    asOf,
    window: { from: clampDate(window.from), to: window.to },
    points: { total, pending: tally.pending, byCategory: tally.byCategory },
    revenue: { total: tally.revenue.text, points: tally.revenuePoints },
    certifications: {
      profile: certifications.profile,
      sales: certifications.sales,
      valid: certifications.valid,
      expired: certifications.expired,
    },
    tier: held?.row.id ?? null,
    tierName: held?.row.name ?? null,
    requirements: tiers.requirements,
    nextTier:
      next === undefined || nextRequirements === undefined
        ? null
        : { tier: next.row.id, tierName: next.row.name, shortfall: shortfallOf(nextRequirements) },
    membership: { active: bases.length > 0, basis: bases[0] ?? null, bases },
    fee: feeStatus({ version, joinedOn, asOf, bases, paidThrough: paid, waivedThrough }),
    entries: outcomes.list,
    derived: tally.derived,
    program: { id: program.program.id, version: version.version.version },
  };
}
