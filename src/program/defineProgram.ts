import { formatPath, fromZodIssue, issue, ValidationError, type LedgerIssue, type ZodIssueLike } from '../issues';
import { describeError } from '../readOptions';
import { checkProgram } from './checkProgram';
import { registerProgram } from './compile';
import { deepFreeze } from './deepFreeze';
import { getProgramSchema } from './schema';
import type { Program } from './types';

function describeInput(value: unknown): string {
  return typeof value === 'string' ? `"${value.slice(0, 40)}"` : JSON.stringify(value) ?? String(value);
}

/** Our issues for one zod issue; ids that are not kebab-case get a sentence that says so. */
function fromSchemaIssue(zodIssue: ZodIssueLike): LedgerIssue[] {
  if (zodIssue.code === 'invalid_format') {
    return [
      issue(
        formatPath(zodIssue.path),
        'invalid-value',
        `must be a kebab-case id (lowercase letters and digits, words joined by single hyphens, e.g. "premium-project"), received ${describeInput(zodIssue.input)}`,
      ),
    ];
  }
  return fromZodIssue(zodIssue);
}

const tableRank: Readonly<Record<string, number>> = { tiers: 1, activities: 2, certifications: 3, fee: 4 };

/** Where a path sorts: top-level fields, then each version's fields, tiers, activities, certifications and fee, row by row. */
function sortKey(path: string): readonly [number, number, number] {
  const m = /^versions\[(\d+)\](?:\.(\w+)(?:\[(\d+)\])?)?/.exec(path);
  if (m === null) return [-1, 0, 0];
  return [Number(m[1]), tableRank[m[2] ?? ''] ?? 0, m[3] === undefined ? -1 : Number(m[3])];
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
  if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) {
    throw new ValidationError([issue('', 'invalid-type', `a program definition is an object { id, name, versions }, received ${definition === null ? 'null' : Array.isArray(definition) ? 'an array' : typeof definition}`)]);
  }
  const issues: LedgerIssue[] = [];
  let data: unknown;
  try {
    const result = getProgramSchema().safeParse(definition, { reportInput: true });
    if (result.success) data = result.data;
    else for (const zodIssue of result.error.issues as unknown as ZodIssueLike[]) issues.push(...fromSchemaIssue(zodIssue));
    issues.push(...checkProgram(definition));
  } catch (error) {
    // Only a hostile input (a throwing getter or proxy) gets here.
    throw new ValidationError([issue('', 'invalid-type', `the program definition could not be read: ${describeError(error)}`)]);
  }
  if (issues.length > 0 || data === undefined) {
    const sorted = issues
      .map((value, position) => ({ value, position, key: sortKey(value.path) }))
      .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2] || a.position - b.position)
      .map(({ value }) => value);
    throw new ValidationError(sorted as [LedgerIssue, ...LedgerIssue[]]);
  }
  const { $schema: _schema, ...program } = data as Program & { $schema?: string };
  const frozen = deepFreeze(program as Program);
  registerProgram(frozen);
  return frozen;
}
