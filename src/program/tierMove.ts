import { compareMoney, parseMoney, type Money } from '../money/money';
import type { CompiledTier } from './compile';

// Pure, so a bundle of dist/index.js (one module: package.json's sideEffects cannot help there) drops it when tierMove is unused.
const ZERO = /* @__PURE__ */ parseMoney('0.00') as Money;

/**
 * Which way a partner moves from one tier to another when the two tiers may
 * come from different tier tables (two programs in `compareUnder`, two
 * versions of one program between timeline reviews).
 *
 * When one table has both tiers, its order ranks them: the later table
 * (`after`) first, else the earlier one. So a tier the later table dropped
 * is judged by the table that still had it. When neither has both, a list
 * position means nothing across tables (the third row of one table may be
 * the top of another), so the two tiers are compared by what they require:
 * points, then revenue ("None" as 0.00), then each certification count
 * (the built-in program's profile, then sales; a count a tier lacks is 0).
 * Equal requirements are the same tier under another id (a rename): `null`. No tier (`null`) ranks below every tier.
 * @param from - The tier before (an id, or `null` for none).
 * @param to - The tier after.
 * @param before - The tier table `from` comes from, lowest first.
 * @param after - The tier table `to` comes from, lowest first.
 * @returns `'up'`, `'down'`, or `null` when it is the same rank (or the same requirements).
 * @example
 * // professional (8,000 + $7,200) → elite (50,000 + $18,000), the tables sharing neither: by requirements
 * tierMove('professional', 'elite', builtIn, [basic, elite]) //=> 'up'
 * tierMove('professional', 'pro', builtIn, [...renamedProfessional]) //=> null (a rename)
 * tierMove('professional', null, builtIn, [basic, silver]) //=> 'down'
 */
export function tierMove(from: string | null, to: string | null, before: readonly CompiledTier[], after: readonly CompiledTier[]): 'up' | 'down' | null {
  const order = bothIn(from, to, after) ? after : bothIn(from, to, before) ? before : undefined;
  const sign =
    order !== undefined
      ? rankIn(to, order) - rankIn(from, order)
      : compareRequirements(to === null ? undefined : find(to, after), from === null ? undefined : find(from, before));
  return sign > 0 ? 'up' : sign < 0 ? 'down' : null;
}

function find(id: string, table: readonly CompiledTier[]): CompiledTier | undefined {
  return table.find((tier) => tier.row.id === id);
}

function bothIn(from: string | null, to: string | null, table: readonly CompiledTier[]): boolean {
  return (from === null || find(from, table) !== undefined) && (to === null || find(to, table) !== undefined);
}

function rankIn(id: string | null, table: readonly CompiledTier[]): number {
  return id === null ? -1 : table.findIndex((tier) => tier.row.id === id);
}

/**
 * A tier's requirements as one comparable list: points, revenue ("None" as 0.00), then each count
 * (a kind's pairs, a named certification's holders) under a key both tables share.
 */
function countsOf(tier: CompiledTier): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of tier.row.requirements) {
    if (r.type === 'certifications') counts.set(`kind:${r.kind}`, r.min);
    else if (r.type === 'certification') counts.set(`certification:${r.certification}`, r.min);
  }
  return counts;
}

/**
 * Requirements in order: points, revenue, then each count in the tiers' order (the built-in
 * program's profile, then sales), a count a tier lacks as 0; `undefined` (no tier) below every tier.
 */
function compareRequirements(a: CompiledTier | undefined, b: CompiledTier | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  const first = Math.sign(a.points - b.points) || compareMoney(a.revenue ?? ZERO, b.revenue ?? ZERO);
  if (first !== 0) return first;
  const [countsA, countsB] = [countsOf(a), countsOf(b)];
  for (const key of new Set([...countsA.keys(), ...countsB.keys()])) {
    const sign = Math.sign((countsA.get(key) ?? 0) - (countsB.get(key) ?? 0));
    if (sign !== 0) return sign;
  }
  return 0;
}
