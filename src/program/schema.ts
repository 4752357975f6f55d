/**
 * The zod/mini schema of a program definition: the shape every table row
 * must have. The built-in program is a literal checked against it by a test;
 * `defineProgram` (custom programs) validates with it, then checks what a
 * schema cannot (unique ids, tier order, references: see `checkProgram`) and
 * normalises the 0.2 forms it accepts (see `normalise`).
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
/** The periods a limit or a cap counts in (R3). */
export const limitPeriods = ['month', 'quarter', 'year', 'window'] as const;
/** The periods a fee is paid for (R11). */
export const feePeriods = ['month', 'quarter', 'year'] as const;

/** A calendar date `YYYY-MM-DD` (the shape only; the JSON Schema uses it as `pattern`). */
export const programDatePattern = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
/** A canonical non-negative amount: at least two decimals, no trailing zero beyond them (`"45.00"`, `"7200.50"`, `"0.125"`). */
export const programMoneyPattern = '^(0|[1-9][0-9]{0,8})\\.[0-9]{2}([0-9]{0,7}[1-9])?$';

function buildProgramSchema() {
  const id = z.string().check(z.regex(kebabId));
  const name = z.string().check(z.minLength(1), z.maxLength(200));
  const rule = z.enum(ruleIds);
  const source = z.string().check(z.minLength(1), z.maxLength(MAX_SOURCE_LENGTH));
  const cited = { rule, source };
  const count = z.int().check(z.gte(0), z.lte(1_000_000_000));
  const positive = z.int().check(z.gte(1), z.lte(1_000_000_000));
  const currency = z.string().check(z.minLength(1), z.maxLength(10));
  const date = z.string().check(z.refine((value: string) => value.length === 10 && toIsoDate(value) === value, { params: { code: 'invalid-date' }, message: 'must be a calendar date YYYY-MM-DD' }));
  const money = z.string().check(
    z.refine((value: string) => !value.startsWith('-') && parseMoney(value)?.text === value, {
      params: { code: 'invalid-amount' },
      message: 'must be a non-negative decimal string with at least two decimals, e.g. "45.00"',
    }),
  );
  const per = z.enum(limitPeriods);

  const activity = z.strictObject({
    id,
    name,
    points: positive,
    // `monthly` is the 0.2 kind: `fixed` with at most one entry a month.
    kind: z.enum(['minimum', 'per-attendee', 'fixed', 'derived', 'monthly']),
    category: id,
    evidence: z.optional(
      z.strictObject({
        words: z.optional(z.strictObject({ min: z.optional(count), max: z.optional(count) })),
        floss: z.optional(z.boolean()),
      }),
    ),
    derivedFrom: z.optional(z.enum(['certification-entries', 'partner-years'])),
    maxYears: z.optional(z.int().check(z.gte(1), z.lte(100))),
    limit: z.optional(z.strictObject({ count: positive, per })),
    cap: z.optional(z.strictObject({ points: positive, per })),
    ...cited,
  });
  const certificationKind = z.strictObject({ id, name, rule: z.optional(rule), source });
  const category = z.strictObject({ id, name, rule: z.optional(rule), source: z.optional(source) });
  const certification = z.strictObject({ id, name, kind: id, ...cited });
  const requirement = z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('points'), min: count }),
    z.strictObject({ type: z.literal('revenue'), min: money }),
    z.strictObject({ type: z.literal('certifications'), kind: id, min: positive }),
    z.strictObject({ type: z.literal('certification'), certification: id, min: positive }),
  ]);
  // A tier of the new form may also carry 0.2 fields: each sets its requirement (a spread copy of a tier with `points` changed).
  const tier = z.strictObject({
    id,
    name,
    requirements: z.array(requirement),
    points: z.optional(count),
    revenue: z.optional(z.nullable(money)),
    profileCertifications: z.optional(count),
    salesCertifications: z.optional(count),
    ...cited,
  });
  const legacyTier = z.strictObject({ id, name, points: count, revenue: z.nullable(money), profileCertifications: count, salesCertifications: count, ...cited });
  // A fee of the new form may also carry the 0.2 `monthly`: the amount per month it sets.
  const fee = z.strictObject({ amount: money, monthly: z.optional(money), period: z.enum(feePeriods), currency, ...cited });
  const legacyFee = z.strictObject({ monthly: money, period: z.optional(z.literal('month')), currency, ...cited });
  const versionShape = {
    version: z.string().check(z.minLength(1), z.maxLength(50)),
    effectiveFrom: date,
    currency,
    membershipTier: id,
    renewalTier: id,
    certificationKinds: z.optional(z.array(certificationKind)),
    categories: z.optional(z.array(category)),
    tiers: z.array(z.union([tier, legacyTier])).check(z.minLength(1)),
    activities: z.array(activity),
    certifications: z.array(certification),
    fee: z.union([fee, legacyFee]),
  };
  const version = z.strictObject(versionShape);
  // `$schema` lets a definition file name its JSON Schema; `defineProgram` drops it.
  const program = z.strictObject({ $schema: z.optional(z.string()), id, name, versions: z.array(version).check(z.minLength(1)) });
  // The same schema in parts, for `defineProgram` (see getProgramParts): each array's rows left to a row
  // schema, and each row of two forms (a tier, the fee) parsed with the one its fields pick, so that its
  // issues are those of that form rather than a union's "matches no allowed form".
  const rows = z.array(z.unknown());
  const parts = {
    top: z.strictObject({ ...program.shape, versions: rows.check(z.minLength(1)) }),
    version: z.strictObject({ ...versionShape, certificationKinds: z.optional(rows), categories: z.optional(rows), tiers: rows.check(z.minLength(1)), activities: rows, certifications: rows, fee: z.optional(z.unknown()) }),
    rows: { certificationKinds: certificationKind, categories: category, tiers: tier, activities: activity, certifications: certification },
    legacy: { tiers: legacyTier, fee: legacyFee },
    fee,
  };
  return { program, parts, money, date, legacyTier, legacyFee };
}

let programSchema: ReturnType<typeof buildProgramSchema> | undefined;

function built(): ReturnType<typeof buildProgramSchema> {
  programSchema ??= buildProgramSchema();
  return programSchema;
}

/** The zod/mini schema of a program definition, both forms of a tier and of the fee accepted (built once, on first use). */
export function getProgramSchema(): ReturnType<typeof buildProgramSchema>['program'] {
  return built().program;
}

/**
 * The program schema in parts: the top level and each version with their
 * arrays' rows unchecked, and one schema per table row (the 0.2 tier and fee
 * apart). Parsed row by row they report what {@link getProgramSchema}
 * reports, but zod hands an object's field issues up in one
 * `push(...issues)`, which overflows the call stack beyond about 125,000
 * issues (as in the ledger, `getLedgerParts`): row by row, any number of them
 * keeps its paths.
 */
export function getProgramParts(): ReturnType<typeof buildProgramSchema>['parts'] {
  return built().parts;
}

/** The schema objects of a date and of an amount (the JSON Schema gives them a `pattern` zod cannot express), and of the 0.2 tier and fee (a `description`). */
export function getProgramFormats(): { readonly money: unknown; readonly date: unknown; readonly legacyTier: unknown; readonly legacyFee: unknown } {
  const { money, date, legacyTier, legacyFee } = built();
  return { money, date, legacyTier, legacyFee };
}
