/**
 * Keeps a plan minimal: no planned entry can be left out (SPEC §3.1).
 */
import type { LedgerEntry } from '../ledger/types';

/**
 * Drops every planned entry the target can do without, so that leaving out
 * any one that remains falls short. Removing entries only ever lowers the
 * figures, so an entry found necessary stays necessary, and of identical
 * entries (same fields, other id) one test speaks for all.
 * @param meets - Whether a set of planned entries reaches the target (the incremental check, src/plan/search.ts).
 */
export function withoutRedundant(planned: readonly LedgerEntry[], meets: (entries: readonly LedgerEntry[]) => boolean): LedgerEntry[] {
  let kept = [...planned];
  const necessary = new Set<string>();
  for (let i = kept.length - 1; i >= 0; i--) {
    const { id: _id, ...fields } = kept[i] as LedgerEntry;
    const key = JSON.stringify(fields);
    if (necessary.has(key)) continue;
    const without = kept.filter((_, j) => j !== i);
    if (meets(without)) kept = without;
    else necessary.add(key);
  }
  return kept;
}
