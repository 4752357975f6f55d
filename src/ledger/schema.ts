/**
 * The strict ledger schema (zod/mini). Structure, types, lengths and ranges
 * are checked here; what zod has no check for — the values of dates and amounts,
 * and what depends on the program or on other entries (activity rows,
 * certification ids, duplicate ids, references) — is checked in one pass by
 * `parseLedger`. Built on first use: nothing runs at import time.
 */
import * as z from 'zod/mini';
import { isRecord } from '../issues';

/** The longest id, holder or name. */
export const MAX_ID_LENGTH = 200;
/** The longest free text (reason, description). */
export const MAX_TEXT_LENGTH = 10_000;
/** The largest points, minutes or words of one entry. */
export const MAX_POINTS = 1_000_000_000;
/** The most attendees of one training entry. */
export const MAX_QUANTITY = 1_000_000;
/** The most months one fee payment covers. */
export const MAX_MONTHS = 1_200;

/** The entry types, in the order the documentation lists them. */
export const entryTypes = ['revenue', 'activity', 'time', 'certification', 'bonus', 'special', 'fee-payment', 'adjustment'] as const;
export const entryStatuses = ['approved', 'pending', 'rejected'] as const;
export const revenueSources = ['direct-sale', 'project-licensing', 'subscription'] as const;

/**
 * `minLength(min)` + `maxLength(max)` on a string, or `gte(min)` + `lte(max)`
 * on an integer, as one check pushing the issues those two push (lengths in
 * code points, as zod counts them): one call per value instead of two.
 */
function within(min: number, max: number) {
  return z.check<string | number>((payload) => {
    const { value, issues } = payload as { value: string | number; issues: unknown[] };
    const string = typeof value === 'string';
    // A string's iterator yields code points (a lone surrogate is one): needed only beyond `max` units.
    const size = string ? (value.length > max ? [...value].length : value.length) : value;
    const origin = string ? 'string' : 'number';
    if (size < min) issues.push({ origin, code: 'too_small', minimum: min, input: value });
    else if (size > max) issues.push({ origin, code: 'too_big', maximum: max, input: value });
  });
}

/**
 * The schema, with zod's standard checks (what `z.toJSONSchema` reads: the
 * JSON Schema documents) or, for parsing, each pair of bounds as one check
 * (the same issues, a fifth less of zod's time on a valid ledger).
 */
function buildLedgerSchema(forParsing: boolean) {
  const string = (max: number) => z.string().check(...(forParsing ? [within(1, max)] : [z.minLength(1), z.maxLength(max)]));
  const id = string(MAX_ID_LENGTH);
  const text = string(MAX_TEXT_LENGTH);
  // Dates and amounts are typed here; their values (real calendar dates,
  // timestamps reduced to their UTC date, exact decimals) are checked and
  // normalised in parseLedger's one pass, which reads each of them once.
  const date = z.string();
  const amount = z.union([z.string(), z.number()]);
  const int = (min: number, max: number) => z.int().check(...(forParsing ? [within(min, max)] : [z.gte(min), z.lte(max)]));
  const meta = z.optional(z.custom<Record<string, unknown>>(isRecord));
  const base = { id, date, status: z.optional(z.enum(entryStatuses)), meta };

  // The shapes are plain objects, declared once: zod builds its objects from them, and their key
  // order is the field order zod reports issues in (parseLedger sorts its own issues by it).
  const entryShapes = {
    revenue: { ...base, type: z.literal('revenue'), amount, source: z.enum(revenueSources) },
    activity: {
      ...base,
      type: z.literal('activity'),
      activity: id,
      points: z.optional(int(1, MAX_POINTS)),
      quantity: z.optional(int(1, MAX_QUANTITY)),
      words: z.optional(int(0, MAX_POINTS)),
      floss: z.optional(z.boolean()),
    },
    // The program defines the categories: parseLedger's pass checks the value against them (as zod's enum would).
    time: { ...base, type: z.literal('time'), minutes: int(1, MAX_POINTS), category: forParsing ? z.unknown() : id, description: z.optional(text) },
    certification: { ...base, type: z.literal('certification'), holder: id, certification: id, expiresOn: z.optional(date) },
    bonus: { ...base, type: z.literal('bonus'), points: int(1, MAX_POINTS), reason: text, relatesTo: z.optional(id) },
    special: { ...base, type: z.literal('special'), points: int(1, MAX_POINTS), description: text },
    'fee-payment': { ...base, type: z.literal('fee-payment'), months: int(1, MAX_MONTHS), amount },
    adjustment: { ...base, type: z.literal('adjustment'), points: int(-MAX_POINTS, MAX_POINTS), reason: text },
  } as const;
  const entry = z.discriminatedUnion('type', [
    z.strictObject(entryShapes.revenue),
    z.strictObject(entryShapes.activity),
    z.strictObject(entryShapes.time),
    z.strictObject(entryShapes.certification),
    z.strictObject(entryShapes.bonus),
    z.strictObject(entryShapes.special),
    z.strictObject(entryShapes['fee-payment']),
    z.strictObject(entryShapes.adjustment),
  ]);
  const partnerShape = { id, name: z.optional(id), joinedOn: date, meta };
  const topShape = { $schema: z.optional(z.string()), partner: z.strictObject(partnerShape), entries: z.array(entry), meta };
  const fields: LedgerFields = {
    top: Object.keys(topShape),
    partner: Object.keys(partnerShape),
    entry: new Map(Object.entries(entryShapes).map(([type, shape]) => [type, Object.keys(shape)] as const)),
  };
  return { schema: z.strictObject(topShape), fields };
}

/** The fields of each object of a ledger in the schema's order (the order zod visits them in). */
export type LedgerFields = {
  readonly top: readonly string[];
  readonly partner: readonly string[];
  /** By entry type. */
  readonly entry: ReadonlyMap<unknown, readonly string[]>;
};

let built: ReturnType<typeof buildLedgerSchema> | undefined;

function standard(): ReturnType<typeof buildLedgerSchema> {
  built ??= buildLedgerSchema(false);
  return built;
}

/** The strict zod/mini schema of a ledger, with zod's standard checks (built once, on first use): the JSON Schema's source. */
export function getLedgerSchema(): ReturnType<typeof buildLedgerSchema>['schema'] {
  return standard().schema;
}

/** The field order of each object of the schema, from the declaration the schema is built from. */
export function getLedgerFields(): LedgerFields {
  return standard().fields;
}

function buildLedgerParts() {
  const full = buildLedgerSchema(true).schema;
  // The same fields in the same order, `entries` taken as it is: parseLedger checks it with `entries` below.
  return { top: z.strictObject({ ...full.shape, entries: z.optional(z.unknown()) }), entries: full.shape.entries };
}

let ledgerParts: ReturnType<typeof buildLedgerParts> | undefined;

/**
 * The ledger schema as parseLedger runs it, in two parses: the top level
 * (entries unchecked) and the entries array. Together they report what
 * {@link getLedgerSchema} reports, but
 * zod hands an object's field issues up in one `push(...issues)`, which
 * overflows the call stack beyond about 125,000 issues; the entries array
 * collects them entry by entry, so any number of them keeps its paths.
 */
export function getLedgerParts(): ReturnType<typeof buildLedgerParts> {
  ledgerParts ??= buildLedgerParts();
  return ledgerParts;
}
