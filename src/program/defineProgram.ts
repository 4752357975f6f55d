import { formatIssue, isRecord, issue, pathIssue, ValidationError, zodIssueAt, type LedgerIssue, type PathIssue, type PathSegments, type ZodIssueLike } from '../issues';
import { describeError, describeValue, isArraySafe } from '../readOptions';
import { checkProgram } from './checkProgram';
import { registerProgram } from './compile';
import { deepFreeze } from './deepFreeze';
import { isLegacyFee, isLegacyTier, normaliseProgram } from './normalise';
import { getProgramParts } from './schema';
import type { Program } from './types';

/** Our issues for one zod issue; ids that are not kebab-case, and requirement types, get a sentence that says so. */
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
  if (zodIssue.code === 'invalid_union' && zodIssue.note === 'No matching discriminator') {
    // Only a tier requirement is a discriminated union in a program: its `type`.
    const value = isRecord(zodIssue.input) ? zodIssue.input['type'] : undefined;
    const path = [...zodIssue.path, 'type'].slice(0, zodIssue.path[zodIssue.path.length - 1] === 'type' ? -1 : undefined);
    if (value === undefined) return [pathIssue(path, 'missing-field', '"type" is required: one of "points", "revenue", "certifications", "certification"')];
    return [pathIssue(path, 'invalid-value', `expected one of "points", "revenue", "certifications", "certification", received ${describeValue(value)}`)];
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
 * A row of two forms (a tier, the fee) parsed with the schema its fields pick
 * (see `normalise`): the 0.2 form, or the new one, which may also carry 0.2
 * fields that set what they name (a spread copy with `points` changed).
 */
function parseTwoForms(
  value: unknown,
  at: PathSegments,
  issues: PathIssue[],
  forms: { current: SafeParser; legacy: SafeParser; isLegacy: (row: Record<string, unknown>) => boolean },
): { ok: boolean; data: unknown } {
  if (isRecord(value) && forms.isLegacy(value)) return parsePart(forms.legacy, value, at, issues);
  return parsePart(forms.current, value, at, issues);
}

/** The tables of a version, in its field order (the order issues are reported in). */
const tables = ['certificationKinds', 'categories', 'tiers', 'activities', 'certifications'] as const;

/**
 * The program schema's parse, in parts ({@link getProgramParts}): the top
 * level, each version, each table row. It reports what one parse of the whole
 * schema reports, but any number of issues keeps its paths (zod hands an
 * object's issues up with one `push(...issues)`, which overflows the stack on
 * a few hundred thousand). When a part is not of its type (`versions` not an
 * array) its rows are not read: the part's own issue says so. The data keeps
 * the form it was written in; `normaliseProgram` reads it afterwards.
 */
function parseDefinition(definition: unknown, issues: PathIssue[]): unknown {
  const parts = getProgramParts();
  const top = parsePart(parts.top, definition, [], issues);
  const versions = parseRows((definition as Record<string, unknown>)['versions'], ['versions'], (value, at) => {
    const version = parsePart(parts.version, value, at, issues);
    if (!isRecord(value)) return version;
    let ok = version.ok;
    const data: Record<string, unknown> = { ...(version.data as object) };
    for (const table of tables) {
      // Read once: what is checked is what is kept.
      const rows = value[table];
      // The two lists a 0.2 version lacks stay absent (normalising fills them).
      if (rows === undefined && (table === 'certificationKinds' || table === 'categories')) continue;
      data[table] = parseRows(rows, [...at, table], (row, at) =>
        table === 'tiers'
          ? parseTwoForms(row, at, issues, { current: parts.rows.tiers, legacy: parts.legacy.tiers, isLegacy: isLegacyTier })
          : parsePart(parts.rows[table], row, at, issues),
      );
      if (data[table] === undefined) ok = false;
    }
    const fee = parseTwoForms(value['fee'], [...at, 'fee'], issues, { current: parts.fee, legacy: parts.legacy.fee, isLegacy: isLegacyFee });
    data['fee'] = fee.data;
    return ok && fee.ok ? { ok, data } : { ok: false, data: undefined };
  });
  if (!top.ok || versions === undefined) return undefined;
  return { ...(top.data as object), versions };
}

const tableRank: Readonly<Record<string, number>> = { certificationKinds: 1, categories: 2, tiers: 3, activities: 4, certifications: 5, fee: 6 };

/** Where a path sorts: top-level fields, then each version's fields, kinds, categories, tiers, activities, certifications and fee, row by row. */
function sortKey(path: PathSegments): readonly [number, number, number] {
  const [head, version, table, row] = path;
  if (head !== 'versions' || typeof version !== 'number') return [-1, 0, 0];
  return [version, typeof table === 'string' ? (tableRank[table] ?? 0) : 0, typeof table === 'string' && typeof row === 'number' ? row : -1];
}

/**
 * Validates a program definition (plain JSON: its own certification kinds
 * and categories, tiers as requirement lists, activity rows with limits and
 * caps, certifications, a fee per month, quarter or year, currency label,
 * dated versions) and returns it as a deep-frozen {@link Program} in the
 * canonical shape, which `parseLedger`, `evaluate` and the other functions
 * accept.
 *
 * Definitions in the 0.2 shape keep working, read as the new one: a tier's
 * `points`, `revenue` (`null`: none), `profileCertifications` and
 * `salesCertifications` as the requirements `[points, revenue, profile,
 * sales]` (counts of 0 left out); the activity kind `monthly` as `fixed` with
 * `limit: { count: 1, per: 'month' }`; the fee's `monthly` as `amount` per
 * month; a version without `certificationKinds` or `categories` as one with
 * the built-in ones (profile, sales; knowledge, program). A kind's or a
 * category's `rule` may be left out (R8, R3), a category's `source` too (its
 * name). A tier or a fee has one form or the other, never fields of both.
 *
 * Beyond the shape of every row it checks: unique ids (kinds, categories,
 * tiers, activities, certifications within a version; version names); kind
 * ids other than `valid` and `expired`, with distinct shortfall keys; category
 * ids other than the fixed keys of `byCategory` (R7); versions in strictly
 * ascending `effectiveFrom`; at most one requirement of each type, kind and
 * certification per tier; tiers lowest first with non-decreasing points,
 * revenue, counts of each kind and holders of each named certification (a
 * missing requirement is 0, R9); each kind a tier requires defined and in the
 * catalogue, each certification it names in the catalogue (R8); each
 * catalogue row naming a kind of its version, each activity row a category;
 * `membershipTier` and `renewalTier` naming tiers of their version (R10,
 * R11); evidence `words.min` ≤ `max`; at most one derived row per
 * `derivedFrom`, `maxYears` on the partner-year row only, no limit or cap on
 * derived rows; a positive fee; an activity id keeping its kind in every
 * version; and each row citing the rule of its table. Issues are at the path
 * the definition wrote (`versions[0].tiers[4].requirements[0].min`, or
 * `versions[0].tiers[4].points` for a 0.2 tier), in path order.
 * @param definition - `{ id, name, versions: [{ version, effectiveFrom, currency, membershipTier, renewalTier, certificationKinds?, categories?, tiers, activities, certifications, fee }] }`; a top-level `$schema` string is allowed and dropped.
 * @returns The program in the canonical shape and key order (the built-in literal's), deep-frozen; a canonical definition comes back deep-equal.
 * @throws {ValidationError} One error with every issue and its path, e.g. `versions[0].tiers[4].requirements[0].min`.
 * @example
 * const program = defineProgram({ ...exponentialProgram, id: 'acme-partners' });
 * evaluate(ledger, { asOf: '2026-06-30', program }).program //=> { id: 'acme-partners', version: '2014.1', … }
 *
 * defineProgram({ ...exponentialProgram, versions: [{ ...version, membershipTier: 'bronze' }] })
 * // throws ValidationError: versions[0].membershipTier: "bronze" is not a tier of this version (now, starter, …) [unknown-tier]
 *
 * defineProgram(programWrittenFor02).versions[0].tiers[4].requirements
 * //=> [{ type: 'points', min: 20000 }, { type: 'revenue', min: '12000.00' }, { type: 'certifications', kind: 'profile', min: 1 }, { type: 'certifications', kind: 'sales', min: 2 }]
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
  const frozen = deepFreeze(normaliseProgram(data));
  registerProgram(frozen);
  return frozen;
}
