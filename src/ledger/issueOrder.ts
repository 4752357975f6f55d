/**
 * The order parseLedger reports issues in, on path segments: ledger order
 * (top level and partner first, then entry by entry), and within each the
 * schema's field order, as one zod parse of the whole ledger reports them.
 * The field order comes from the declaration the schema is built from
 * (`getLedgerFields`), never from zod's internals.
 */
import { formatIssue, isIdentifier, type LedgerIssue, type PathIssue, type PathSegments } from '../issues';
import { getLedgerFields } from './schema';

/** The entry an issue belongs to (`entries[3]…` → 3), -1 for the top level and partner. */
function entryIndexOf(path: PathSegments): number {
  const index = path[1];
  return path[0] === 'entries' && typeof index === 'number' ? index : -1;
}

/** The position of `field` in `order`; the object itself first, unknown fields last (zod reports them after the known ones). */
function rankIn(order: readonly string[] | undefined, field: string | undefined): number {
  if (field === undefined) return -1;
  const at = order?.indexOf(field) ?? -1;
  return at === -1 ? 999 : at;
}

/** Where zod would report an issue at `path` among its other issues for the same entry (or for the top level and partner). */
function schemaRank(path: PathSegments, entry: number, type: unknown): number {
  const fields = getLedgerFields();
  if (entry >= 0) {
    if (path.length === 2) return -1;
    const field = path[2];
    return rankIn(fields.entry.get(type), typeof field === 'string' ? field : '');
  }
  if (path.length === 0) return -1000;
  const first = path[0];
  const top = rankIn(fields.top, typeof first === 'string' ? first : '');
  if (first !== 'partner') return top * 1000;
  // A partner key written `["a b"]` ranks with the partner object itself.
  const second = path[1];
  return top * 1000 + 1 + rankIn(fields.partner, typeof second === 'string' && isIdentifier(second) ? second : undefined);
}

/**
 * Issues in ledger order, one per path and code, their paths formatted once.
 * Within each entry (or the top level), the schema's issues (zod's, and the
 * values of dates and amounts) come in the schema's field order; the
 * cross-entry checks' follow, in the order they were found.
 * @param types - Each checked entry's `type` as written, by its index less `offset`.
 * @param offset - The index of the first checked entry (the entries before it were valid).
 */
export function sortIssues(schemaIssues: readonly PathIssue[], crossIssues: readonly PathIssue[], types: readonly unknown[], offset: number): LedgerIssue[] {
  const sortable = [...schemaIssues, ...crossIssues].map((value, position) => {
    const entry = entryIndexOf(value.path);
    const schema = position < schemaIssues.length;
    return { value: formatIssue(value), position, entry, phase: schema ? 0 : 1, rank: schema ? schemaRank(value.path, entry, types[entry - offset]) : 0 };
  });
  // A value of the wrong type gets its type issue alone: zod also runs a string's length check on an
  // array (it has a length), which would add "must be at least 1, received an array".
  const wrongType = new Set<string>();
  for (const { value, phase } of sortable) if (phase === 0 && value.code === 'invalid-type') wrongType.add(value.path);
  const seen = new Set<string>();
  return sortable
    .sort((a, b) => a.entry - b.entry || a.phase - b.phase || a.rank - b.rank || a.position - b.position)
    .filter(({ value, phase }) => {
      if (phase === 0 && value.code !== 'invalid-type' && wrongType.has(value.path)) return false;
      // zod may report one value twice (e.g. beyond the safe integers and beyond the maximum).
      const key = `${value.path}\u0000${value.code}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map(({ value }) => value);
}
