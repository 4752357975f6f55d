/**
 * The same tier table (R9) in json-rules-engine, the tool many teams pick
 * instead of a purpose-built library. It is fed precomputed facts (points
 * total, revenue in cents, valid profile and sales certification counts):
 * everything that makes the problem hard happens before it runs.
 *
 * What it does not do: the window (R1), per-entry points (R3–R7), the monthly
 * limit, evidence, exact money, certification validity and credits (R8),
 * partner years (R5), membership and fee (R10, R11), per-entry outcomes,
 * requirement shortfalls, validation of its input. It only answers "which
 * tier do these four numbers meet", asynchronously (every run is a Promise),
 * and "highest met" is left to the caller (we sort the fired events).
 */
import { Engine } from 'json-rules-engine';
import { baselineTiers } from './baseline.mjs';

/** An engine holding one rule per tier. */
export function createTierEngine() {
  const engine = new Engine([], { allowUndefinedFacts: false });
  baselineTiers.forEach((tier, rank) => {
    const all = [{ fact: 'points', operator: 'greaterThanInclusive', value: tier.points }];
    if (Number.isFinite(tier.revenueCents)) all.push({ fact: 'revenueCents', operator: 'greaterThanInclusive', value: tier.revenueCents });
    if (tier.profile > 0) all.push({ fact: 'profile', operator: 'greaterThanInclusive', value: tier.profile });
    if (tier.sales > 0) all.push({ fact: 'sales', operator: 'greaterThanInclusive', value: tier.sales });
    engine.addRule({ name: tier.id, conditions: { all }, event: { type: 'tier', params: { id: tier.id, rank } } });
  });
  return engine;
}

/** The highest tier met by the facts, or `null`. */
export async function engineTier(engine, facts) {
  const { events } = await engine.run(facts);
  let best = null;
  for (const event of events) if (best === null || event.params.rank > best.rank) best = event.params;
  return best === null ? null : best.id;
}
