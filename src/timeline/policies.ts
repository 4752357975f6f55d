import { issue, type LedgerIssue } from '../issues';
import { describeValue, readObject } from '../readOptions';

/**
 * How the tier moves from one monthly review to the next (SPEC §3.1):
 * `'highest-met'` (the program text: always the highest tier met),
 * `'one-step-up'` (rises at most one tier per review, falls as the default),
 * `{ graceReviews: n }` (a tier held is kept while fewer than n consecutive
 * reviews fall below it; rises are immediate; n = 1 is the default).
 */
export type TierPolicy = 'highest-met' | 'one-step-up' | { readonly graceReviews: number };

/**
 * A policy's state between reviews: the tier held, by id (`null` for none),
 * and how many consecutive reviews fell below it. By id, not by index: a
 * later program version may drop or reorder tiers, and an index would then
 * name another tier.
 */
export type PolicyState = { readonly held: string | null; readonly below: number };

const policyMessage = '"policy" must be "highest-met", "one-step-up" or { graceReviews: n } with an integer n from 1 to 1200';

/** Reads the `policy` option, pushing an issue (at `policy` or `policy.graceReviews`) when it is not a policy. */
export function readPolicy(value: unknown, issues: LedgerIssue[]): TierPolicy {
  if (value === undefined || value === 'highest-met' || value === 'one-step-up') return value ?? 'highest-met';
  if (typeof value !== 'object' || value === null) {
    issues.push(issue('policy', 'invalid-value', policyMessage));
    return 'highest-met';
  }
  const found: LedgerIssue[] = [];
  // Read once, like every option: a Proxy or a getter cannot answer differently later.
  const snapshot = readObject(value, ['graceReviews'], 'policy', policyMessage, found);
  const grace = snapshot?.['graceReviews'];
  if (snapshot !== undefined && 'graceReviews' in snapshot) {
    if (grace === undefined) found.push(issue('policy.graceReviews', 'missing-field', policyMessage));
    else if (!(Number.isInteger(grace) && (grace as number) >= 1 && (grace as number) <= 1200)) {
      found.push(issue('policy.graceReviews', 'invalid-value', `"policy.graceReviews" must be an integer from 1 to 1200, received ${describeValue(grace)}`));
    }
  }
  issues.push(...found);
  return found.length === 0 ? { graceReviews: grace as number } : 'highest-met';
}

/**
 * The tier of one review under a policy, from the tier met and the state so
 * far, with ranks in `tiers` (the tier ids of the version in effect, lowest
 * first). A held tier that version lacks falls like any tier not met, and at
 * once: there is no rank to keep it at, so the tier becomes the one met.
 * `null` state (before the partner's first month end) gives the tier met and
 * a fresh state.
 * @param met - The index in `tiers` of the highest tier met, -1 for none.
 * @returns The review's tier (an index in `tiers`, -1 for none) and the next state.
 * @example
 * const tiers = ['now', 'starter', 'basic', 'professional', 'silver', 'gold'];
 * applyPolicy('one-step-up', { held: 'basic', below: 0 }, 5, tiers) //=> { tier: 3, held: 'professional', below: 0 }
 * applyPolicy({ graceReviews: 2 }, { held: 'silver', below: 0 }, 3, tiers) //=> { tier: 4, held: 'silver', below: 1 }
 * applyPolicy({ graceReviews: 2 }, { held: 'starter', below: 0 }, -1, ['now', 'basic']) //=> { tier: -1, held: null, below: 0 }
 */
export function applyPolicy(policy: TierPolicy, state: PolicyState | null, met: number, tiers: readonly string[]): PolicyState & { readonly tier: number } {
  const at = (tier: number) => ({ tier, held: tiers[tier] ?? null, below: 0 });
  if (state === null || policy === 'highest-met') return state === null ? { tier: met, held: null, below: 0 } : at(met);
  const held = state.held === null ? -1 : tiers.indexOf(state.held);
  if (held === -1 && state.held !== null) return at(met);
  if (policy === 'one-step-up') return at(met > held ? held + 1 : met);
  if (met >= held) return at(met);
  const below = state.below + 1;
  if (below >= policy.graceReviews) return at(met);
  return { tier: held, held: state.held, below };
}
