import { issue, type LedgerIssue } from '../issues';

/**
 * How the tier moves from one monthly review to the next (SPEC §3.1):
 * `'highest-met'` (the program text: always the highest tier met),
 * `'one-step-up'` (rises at most one tier per review, falls as the default),
 * `{ graceReviews: n }` (a tier held is kept while fewer than n consecutive
 * reviews fall below it; rises are immediate; n = 1 is the default).
 */
export type TierPolicy = 'highest-met' | 'one-step-up' | { readonly graceReviews: number };

/** A policy's state between reviews: the tier held (index, -1 for none) and how many consecutive reviews fell below it. */
export type PolicyState = { readonly held: number; readonly below: number };

/** Reads the `policy` option, pushing an issue when it is not a policy. */
export function readPolicy(value: unknown, issues: LedgerIssue[]): TierPolicy {
  if (value === undefined || value === 'highest-met' || value === 'one-step-up') return value ?? 'highest-met';
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const grace = (value as { graceReviews?: unknown }).graceReviews;
    if (keys.length === 1 && keys[0] === 'graceReviews' && Number.isInteger(grace) && (grace as number) >= 1 && (grace as number) <= 1200) {
      return { graceReviews: grace as number };
    }
  }
  issues.push(issue('policy', 'invalid-value', '"policy" must be "highest-met", "one-step-up" or { graceReviews: n } with an integer n from 1 to 1200'));
  return 'highest-met';
}

/**
 * The tier of one review under a policy, from the tier met (index, -1 for
 * none) and the state so far; `null` state (before the partner's first
 * month end) gives the tier met and a fresh state.
 * @example
 * applyPolicy('one-step-up', { held: 2, below: 0 }, 5) //=> { tier: 3, held: 3, below: 0 }
 * applyPolicy({ graceReviews: 2 }, { held: 4, below: 0 }, 3) //=> { tier: 4, held: 4, below: 1 }
 */
export function applyPolicy(policy: TierPolicy, state: PolicyState | null, met: number): PolicyState & { readonly tier: number } {
  if (state === null) return { tier: met, held: -1, below: 0 };
  if (policy === 'highest-met') return { tier: met, held: met, below: 0 };
  if (policy === 'one-step-up') {
    const tier = met > state.held ? state.held + 1 : met;
    return { tier, held: tier, below: 0 };
  }
  if (met >= state.held) return { tier: met, held: met, below: 0 };
  const below = state.below + 1;
  if (below >= policy.graceReviews) return { tier: met, held: met, below: 0 };
  return { tier: state.held, held: state.held, below };
}
