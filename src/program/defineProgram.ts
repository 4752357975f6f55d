import { formatIssue, isRecord, issue, pathIssue, ValidationError, zodIssueAt, type LedgerIssue, type PathIssue, type PathSegments, type ZodIssueLike } from '../issues';
import { describeError, describeValue, isArraySafe } from '../readOptions';
import { checkProgram } from './checkProgram';
import { registerProgram } from './compile';
import { deepFreeze } from './deepFreeze';
import { getProgramParts } from './schema';
import type { Program } from './types';

/** Our issues for one zod issue; ids that are not kebab-case get a sentence that says so. */
function fromSchemaIssue(zodIssue: ZodIssueLike): PathIssue[] {
  if (zodIssue.code === 'invalid_format') {
    return [
      pathIssue(
        zodIssue.path,
        'invalid-value',
        `must be a kebab-case id (lowercase letters and digits, words joined by single hyphens, e.g. "premium-project"), received ${describeValue(zodIssue.input)}`,
      ),
    ];
  }
  return zodIssueAt(zodIssue);
}

type SafeParser = { safeParse(value: unknown, params: { reportInput: true }): { success: boolean; data?: unknown; error?: { issues: readonly unknown[] } } };

/** One part's parse: its data, or its issues pushed (paths under `at`), one at a time, never `push(...list)`. */
function parsePart(schema: SafeParser, value: unknown, at: PathSegments, issues: PathIssue[]): { ok: boolean; data: unknown } {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  for (const zodIssue of (result.error?.issues ?? []) as ZodIssueLike[]) {
    for (const one of fromSchemaIssue({ ...zodIssue, path: [...at, ...zodIssue.path] })) issues.push(one);
  }
  return { ok: false, data: undefined };
}

/** Parses each row of an array on its own; the copy of the rows, or `undefined` when one failed. */
function parseRows(rows: unknown, at: PathSegments, parseRow: (row: unknown, at: PathSegments) => { ok: boolean; data: unknown }): unknown[] | undefined {
  if (!isArraySafe(rows)) return undefined;
  const out: unknown[] = [];
  let ok = true;
  const list = rows as unknown[];
  for (let index = 0; index < list.length; index++) {
    const row = parseRow(list[index], [...at, index]);
    if (row.ok) out.push(row.data);
    else ok = false;
  }
  return ok ? out : undefined;
}

/**
 * The program schema's parse, in parts ({@link getProgramParts}): the top
 * level, each version, each table row. It reports what one parse of the whole
 * schema reports, but any number of issues keeps its paths (zod hands an
 * object's issues up with one `push(...issues)`, which overflows the stack on
 * a few hundred thousand). When a part is not of its type (`versions` not an
 * array) its rows are not read: the part's own issue says so.
 */
function parseDefinition(definition: unknown, issues: PathIssue[]): unknown {
  const parts = getProgramParts();
  const top = parsePart(parts.top, definition, [], issues);
  const versions = parseRows((definition as Record<string, unknown>)['versions'], ['versions'], (value, at) => {
    const version = parsePart(parts.version, value, at, issues);
    if (!isRecord(value)) return version;
    let ok = version.ok;
    const tables: Record<string, unknown[] | undefined> = {};
    for (const table of ['tiers', 'activities', 'certifications'] as const) {
      tables[table] = parseRows(value[table], [...at, table], (row, rowAt) => parsePart(parts.rows[table], row, rowAt, issues));
      if (tables[table] === undefined) ok = false;
    }
    return ok ? { ok, data: { ...(version.data as object), ...tables } } : { ok: false, data: undefined };
  });
  if (!top.ok || versions === undefined) return undefined;
  return { ...(top.data as object), versions };
}

const tableRank: Readonly<Record<string, number>> = { tiers: 1, activities: 2, certifications: 3, fee: 4 };

/** Where a path sorts: top-level fields, then each version's fields, tiers, activities, certifications and fee, row by row. */
function sortKey(path: PathSegments): readonly [number, number, number] {
  const [head, version, table, row] = path;
  if (head !== 'versions' || typeof version !== 'number') return [-1, 0, 0];
  return [version, typeof table === 'string' ? (tableRank[table] ?? 0) : 0, typeof table === 'string' && typeof row === 'number' ? row : -1];
}

/**
 * Validates a program definition (plain JSON: other point values, tiers,
 * certifications, fees, currency label, dated versions) and returns it as a
 * deep-frozen {@link Program} that `parseLedger`, `evaluate` and the other
 * functions accept.
 *
 * Beyond the shape of every row it checks: unique ids (tiers, activities,
 * certifications within a version; version names); versions in strictly
 * ascending `effectiveFrom`; tiers lowest first with non-decreasing points,
 * revenue and certification counts (R9); a catalogue certification of each
 * kind a tier requires (R8); `membershipTier` and `renewalTier` naming tiers
 * of their version (R10, R11); evidence `words.min` ≤ `max`; at most one
 * derived row per `derivedFrom`, `maxYears` on the partner-year row only; a
 * positive monthly fee; an activity id keeping its kind in every version; and
 * each row citing the rule of its table.
 * @param definition - `{ id, name, versions: [{ version, effectiveFrom, currency, membershipTier, renewalTier, tiers, activities, certifications, fee }] }`; a top-level `$schema` string is allowed and dropped.
 * @returns The program, deep-frozen.
 * @throws {ValidationError} One error with every issue and its path, e.g. `versions[0].tiers[4].points`.
 * @example
 * const program = defineProgram({ ...exponentialProgram, id: 'acme-partners' });
 * evaluate(ledger, { asOf: '2026-06-30', program }).program //=> { id: 'acme-partners', version: '2014.1', … }
 *
 * defineProgram({ ...exponentialProgram, versions: [{ ...version, membershipTier: 'bronze' }] })
 * // throws ValidationError: versions[0].membershipTier: "bronze" is not a tier of this version (now, starter, …) [unknown-tier]
 */
export function defineProgram(definition: unknown): Program {
  // A revoked Proxy is neither an array nor a readable object: the read below throws, caught as one root issue.
  if (typeof definition !== 'object' || definition === null || isArraySafe(definition)) {
    throw new ValidationError([issue('', 'invalid-type', `a program definition is an object { id, name, versions }, received ${describeValue(definition)}`)]);
  }
  const issues: PathIssue[] = [];
  let data: unknown;
  try {
    data = parseDefinition(definition, issues);
    // The invariants judge the copy the schema accepted (what the program keeps), else the input as given.
    for (const one of checkProgram(data ?? definition)) issues.push(one);
  } catch (error) {
    // Only a hostile input (a throwing getter or proxy, a revoked Proxy) gets here.
    throw new ValidationError([issue('', 'invalid-type', `the program definition could not be read: ${describeError(error)}`)]);
  }
  if (issues.length > 0 || data === undefined) {
    const sorted = issues
      .map((value, position) => ({ value, position, key: sortKey(value.path) }))
      .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2] || a.position - b.position)
      .map(({ value }) => formatIssue(value));
    throw new ValidationError(sorted as [LedgerIssue, ...LedgerIssue[]]);
  }
  const { $schema: _schema, ...program } = data as Program & { $schema?: string };
  const frozen = deepFreeze(program as Program);
  registerProgram(frozen);
  return frozen;
}
