/**
 * The reference of SPEC §4 for parsing: "zod/mini's own strict parse" of a
 * ledger, without the library. A strict zod/mini schema of the ledger shape —
 * every object strict, the entry types as a discriminated union, enums,
 * integers, optional fields — but none of the checks the library adds on top
 * (calendar dates and timestamps, exact amounts, id and text lengths, value
 * ranges, `meta` as JSON, duplicate ids, references, activity rows). The bench
 * times its `safeParse` next to `parseLedger` on the same input, so the
 * ratio shows what those checks and the normalisation cost.
 */
import * as z from 'zod/mini';

const base = {
  id: z.string(),
  date: z.string(),
  status: z.optional(z.enum(['approved', 'pending', 'rejected'])),
  meta: z.optional(z.record(z.string(), z.unknown())),
};

/** A strict zod/mini ledger schema (structure and types only). */
export const zodStrictLedger = z.strictObject({
  $schema: z.optional(z.string()),
  partner: z.strictObject({ id: z.string(), name: z.optional(z.string()), joinedOn: z.string(), meta: base.meta }),
  entries: z.array(
    z.discriminatedUnion('type', [
      z.strictObject({ ...base, type: z.literal('revenue'), amount: z.union([z.string(), z.number()]), source: z.enum(['direct-sale', 'project-licensing', 'subscription']) }),
      z.strictObject({ ...base, type: z.literal('activity'), activity: z.string(), points: z.optional(z.int()), quantity: z.optional(z.int()), words: z.optional(z.int()), floss: z.optional(z.boolean()) }),
      z.strictObject({ ...base, type: z.literal('time'), minutes: z.int(), category: z.enum(['knowledge', 'program']), description: z.optional(z.string()) }),
      z.strictObject({ ...base, type: z.literal('certification'), holder: z.string(), certification: z.string(), expiresOn: z.optional(z.string()) }),
      z.strictObject({ ...base, type: z.literal('bonus'), points: z.int(), reason: z.string(), relatesTo: z.optional(z.string()) }),
      z.strictObject({ ...base, type: z.literal('special'), points: z.int(), description: z.string() }),
      z.strictObject({ ...base, type: z.literal('fee-payment'), months: z.int(), amount: z.union([z.string(), z.number()]) }),
      z.strictObject({ ...base, type: z.literal('adjustment'), points: z.int(), reason: z.string() }),
    ]),
  ),
  meta: base.meta,
});
