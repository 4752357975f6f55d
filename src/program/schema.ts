/**
 * The zod/mini schema of a program definition: the shape every table row
 * must have. The built-in program is a literal checked against it by a test;
 * `defineProgram` (custom programs) validates with it, then checks what a
 * schema cannot (unique ids, tier order, references: see `checkProgram`).
 * Built on first use: nothing runs at import time.
 */
import * as z from 'zod/mini';
import { toIsoDate } from '../dates/isoDate';
import { parseMoney } from '../money/money';

/** The rule ids a row may cite (SPEC §2). */
export const ruleIds = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10', 'R11', 'R12'] as const;
/** Table ids are kebab-case: `premium-project`, `sales-exponential-6`. */
export const kebabId = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The longest program line a row may quote. */
export const MAX_SOURCE_LENGTH = 10_000;

/** A calendar date `YYYY-MM-DD` (the shape only; the JSON Schema uses it as `pattern`). */
export const programDatePattern = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
/** A canonical non-negative amount: at least two decimals, no trailing zero beyond them (`"45.00"`, `"7200.50"`, `"0.125"`). */
export const programMoneyPattern = '^(0|[1-9][0-9]{0,8})\\.[0-9]{2}([0-9]{0,7}[1-9])?$';

function buildProgramSchema() {
  const id = z.string().check(z.regex(kebabId));
  const name = z.string().check(z.minLength(1), z.maxLength(200));
  const cited = { rule: z.enum(ruleIds), source: z.string().check(z.minLength(1), z.maxLength(MAX_SOURCE_LENGTH)) };
  const count = z.int().check(z.gte(0), z.lte(1_000_000_000));
  const points = z.int().check(z.gte(1), z.lte(1_000_000_000));
  const currency = z.string().check(z.minLength(1), z.maxLength(10));
  const date = z.string().check(z.refine((value: string) => value.length === 10 && toIsoDate(value) === value, { params: { code: 'invalid-date' }, message: 'must be a calendar date YYYY-MM-DD' }));
  const money = z.string().check(
    z.refine((value: string) => !value.startsWith('-') && parseMoney(value)?.text === value, {
      params: { code: 'invalid-amount' },
      message: 'must be a non-negative decimal string with at least two decimals, e.g. "45.00"',
    }),
  );

  const activity = z.strictObject({
    id,
    name,
    points,
    kind: z.enum(['minimum', 'per-attendee', 'monthly', 'fixed', 'derived']),
    category: z.enum(['knowledge', 'program']),
    evidence: z.optional(
      z.strictObject({
        words: z.optional(z.strictObject({ min: z.optional(count), max: z.optional(count) })),
        floss: z.optional(z.boolean()),
      }),
    ),
    derivedFrom: z.optional(z.enum(['certification-entries', 'partner-years'])),
    maxYears: z.optional(z.int().check(z.gte(1), z.lte(100))),
    ...cited,
  });
  const certification = z.strictObject({ id, name, kind: z.enum(['profile', 'sales']), ...cited });
  const tier = z.strictObject({
    id,
    name,
    points: count,
    revenue: z.nullable(money),
    profileCertifications: count,
    salesCertifications: count,
    ...cited,
  });
  const fee = z.strictObject({ monthly: money, period: z.literal('month'), currency, ...cited });
  const version = z.strictObject({
    version: z.string().check(z.minLength(1), z.maxLength(50)),
    effectiveFrom: date,
    currency,
    membershipTier: id,
    renewalTier: id,
    tiers: z.array(tier).check(z.minLength(1)),
    activities: z.array(activity),
    certifications: z.array(certification),
    fee,
  });
  // `$schema` lets a definition file name its JSON Schema; `defineProgram` drops it.
  const program = z.strictObject({ $schema: z.optional(z.string()), id, name, versions: z.array(version).check(z.minLength(1)) });
  // The same schema in parts, for `defineProgram` (see getProgramParts): each array's rows left to a row schema.
  const rows = z.array(z.unknown());
  const parts = {
    top: z.strictObject({ ...program.shape, versions: rows.check(z.minLength(1)) }),
    version: z.strictObject({ ...version.shape, tiers: rows.check(z.minLength(1)), activities: rows, certifications: rows }),
    rows: { tiers: tier, activities: activity, certifications: certification },
  };
  return { program, parts };
}

let programSchema: ReturnType<typeof buildProgramSchema> | undefined;

/** The zod/mini schema of a program definition (built once, on first use). */
export function getProgramSchema(): ReturnType<typeof buildProgramSchema>['program'] {
  programSchema ??= buildProgramSchema();
  return programSchema.program;
}

/**
 * The program schema in parts: the top level and each version with their
 * arrays' rows unchecked, and one schema per table row. Parsed row by row they
 * report what {@link getProgramSchema} reports, but zod hands an object's field
 * issues up in one `push(...issues)`, which overflows the call stack beyond
 * about 125,000 issues (as in the ledger, `getLedgerParts`): row by row, any
 * number of them keeps its paths.
 */
export function getProgramParts(): ReturnType<typeof buildProgramSchema>['parts'] {
  programSchema ??= buildProgramSchema();
  return programSchema.parts;
}
