/**
 * The zod/mini schema of a program definition: the shape every table row
 * must have. The built-in program is a literal checked against it by a test;
 * `defineProgram` (custom programs) validates with it. Built on first use.
 */
import * as z from 'zod/mini';
import { toIsoDate } from '../dates/isoDate';
import { parseMoney } from '../money/money';

const ruleIds = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10', 'R11', 'R12'] as const;
const kebabId = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function buildProgramSchema() {
  const id = z.string().check(z.regex(kebabId));
  const name = z.string().check(z.minLength(1), z.maxLength(200));
  const cited = { rule: z.enum(ruleIds), source: z.string().check(z.minLength(1)) };
  const count = z.int().check(z.gte(0), z.lte(1_000_000_000));
  const points = z.int().check(z.gte(1), z.lte(1_000_000_000));
  const date = z.string().check(z.refine((value: string) => value.length === 10 && toIsoDate(value) === value, { params: { code: 'invalid-date' }, message: 'must be a calendar date YYYY-MM-DD' }));
  const money = z.string().check(z.refine((value: string) => parseMoney(value)?.text === value, { params: { code: 'invalid-amount' }, message: 'must be a decimal string with at least two decimals, e.g. "45.00"' }));

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
  const fee = z.strictObject({ monthly: money, period: z.literal('month'), currency: z.string().check(z.minLength(1), z.maxLength(10)), ...cited });
  const version = z.strictObject({
    version: z.string().check(z.minLength(1), z.maxLength(50)),
    effectiveFrom: date,
    currency: z.string().check(z.minLength(1), z.maxLength(10)),
    membershipTier: id,
    renewalTier: id,
    tiers: z.array(tier).check(z.minLength(1)),
    activities: z.array(activity),
    certifications: z.array(certification),
    fee,
  });
  return z.strictObject({ id, name, versions: z.array(version).check(z.minLength(1)) });
}

let programSchema: ReturnType<typeof buildProgramSchema> | undefined;

/** The zod/mini schema of a program definition (built once, on first use). */
export function getProgramSchema(): ReturnType<typeof buildProgramSchema> {
  programSchema ??= buildProgramSchema();
  return programSchema;
}
