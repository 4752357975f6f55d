/**
 * The strict ledger schema (zod/mini). Structure, types, lengths and ranges
 * are checked here; what zod has no check for — the values of dates and amounts,
 * and what depends on the program or on other entries (activity rows,
 * certification ids, duplicate ids, references) — is checked in one pass by
 * `parseLedger`. Built on first use: nothing runs at import time.
 */
import * as z from 'zod/mini';

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
export const activityCategories = ['knowledge', 'program'] as const;

function buildLedgerSchema() {
  const id = z.string().check(z.minLength(1), z.maxLength(MAX_ID_LENGTH));
  const text = z.string().check(z.minLength(1), z.maxLength(MAX_TEXT_LENGTH));
  // Dates and amounts are typed here; their values (real calendar dates,
  // timestamps reduced to their UTC date, exact decimals) are checked and
  // normalised in parseLedger's one pass, which reads each of them once.
  const date = z.string();
  const amount = z.union([z.string(), z.number()]);
  const int = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));
  const meta = z.optional(z.custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value)));
  const base = { id, date, status: z.optional(z.enum(entryStatuses)), meta };

  const entry = z.discriminatedUnion('type', [
    z.strictObject({ ...base, type: z.literal('revenue'), amount, source: z.enum(revenueSources) }),
    z.strictObject({
      ...base,
      type: z.literal('activity'),
      activity: id,
      points: z.optional(int(1, MAX_POINTS)),
      quantity: z.optional(int(1, MAX_QUANTITY)),
      words: z.optional(int(0, MAX_POINTS)),
      floss: z.optional(z.boolean()),
    }),
    z.strictObject({ ...base, type: z.literal('time'), minutes: int(1, MAX_POINTS), category: z.enum(activityCategories), description: z.optional(text) }),
    z.strictObject({ ...base, type: z.literal('certification'), holder: id, certification: id, expiresOn: z.optional(date) }),
    z.strictObject({ ...base, type: z.literal('bonus'), points: int(1, MAX_POINTS), reason: text, relatesTo: z.optional(id) }),
    z.strictObject({ ...base, type: z.literal('special'), points: int(1, MAX_POINTS), description: text }),
    z.strictObject({ ...base, type: z.literal('fee-payment'), months: int(1, MAX_MONTHS), amount }),
    z.strictObject({ ...base, type: z.literal('adjustment'), points: int(-MAX_POINTS, MAX_POINTS), reason: text }),
  ]);

  return z.strictObject({
    $schema: z.optional(z.string()),
    partner: z.strictObject({ id, name: z.optional(id), joinedOn: date, meta }),
    entries: z.array(entry),
    meta,
  });
}

let ledgerSchema: ReturnType<typeof buildLedgerSchema> | undefined;

/** The strict zod/mini schema of a ledger (built once, on first use). */
export function getLedgerSchema(): ReturnType<typeof buildLedgerSchema> {
  ledgerSchema ??= buildLedgerSchema();
  return ledgerSchema;
}

function buildLedgerParts() {
  const full = getLedgerSchema();
  // The same fields in the same order, `entries` taken as it is: parseLedger checks it with `entries` below.
  return { top: z.strictObject({ ...full.shape, entries: z.optional(z.unknown()) }), entries: full.shape.entries };
}

let ledgerParts: ReturnType<typeof buildLedgerParts> | undefined;

/**
 * The ledger schema in two parses: the top level (entries unchecked) and the
 * entries array. Together they report what {@link getLedgerSchema} reports, but
 * zod hands an object's field issues up in one `push(...issues)`, which
 * overflows the call stack beyond about 125,000 issues; the entries array
 * collects them entry by entry, so any number of them keeps its paths.
 */
export function getLedgerParts(): ReturnType<typeof buildLedgerParts> {
  ledgerParts ??= buildLedgerParts();
  return ledgerParts;
}
