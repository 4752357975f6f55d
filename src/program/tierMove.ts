/**
 * Which way a partner moves from one tier to another when the two tiers may
 * come from different tier tables (two programs in `compareUnder`, two
 * versions of one program between timeline reviews). Ranks come from the
 * later table (`after`) when it has both tiers, else from the earlier one
 * when it has both, else each tier from its own table; no tier (`null`)
 * ranks below every tier. So a tier the later table dropped is judged by
 * the table that still had it: Professional → no tier is a fall.
 * @param from - The tier before (an id, or `null` for none).
 * @param to - The tier after.
 * @param before - The tier ids of the table `from` comes from, lowest first.
 * @param after - The tier ids of the table `to` comes from, lowest first.
 * @returns `'up'`, `'down'`, or `null` when it is the same rank.
 * @example
 * tierMove('professional', null, ['basic', 'professional'], ['basic', 'silver']) //=> 'down'
 * tierMove('starter', 'gold', ['now', 'starter', 'gold'], ['now', 'gold']) //=> 'up' (ranked by the earlier table, which has both)
 */
export function tierMove(from: string | null, to: string | null, before: readonly string[], after: readonly string[]): 'up' | 'down' | null {
  const rank = (tier: string | null, order: readonly string[]) => (tier === null ? -1 : order.indexOf(tier));
  const known = (tier: string | null, order: readonly string[]) => tier === null || order.includes(tier);
  let a: number;
  let b: number;
  if (known(from, after) && known(to, after)) [a, b] = [rank(from, after), rank(to, after)];
  else if (known(from, before) && known(to, before)) [a, b] = [rank(from, before), rank(to, before)];
  else [a, b] = [rank(from, before), rank(to, after)];
  return b > a ? 'up' : b < a ? 'down' : null;
}
