/**
 * The reference of SPEC §4 and issue #13 for parsing: "zod/mini's own strict
 * parse" of a ledger, without the library: strict objects, a discriminated
 * union on `type`, activity and certification ids by enum, dates and amounts
 * by pattern, and nothing else — none of the checks the library adds on top
 * (real calendar dates, timestamps reduced to their UTC date, exact amounts,
 * id and text lengths, value ranges, `meta` as JSON, duplicate ids,
 * references, evidence rules). The bench times its `safeParse` next to
 * `parseLedger` on the same input, so the ratio shows what those checks and
 * the normalisation cost.
 */
import * as z from 'zod/mini';
import { activities, certifications } from '../dist/index.js';

// A date or an RFC 3339 timestamp, and a decimal amount, by pattern only.
const date = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}(?:[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2}))?$/));
const amount = z.union([z.string().check(z.regex(/^-?\d+(?:\.\d+)?$/)), z.number()]);
const activityId = z.enum(activities.map((row) => row.id));
const certificationId = z.enum(certifications.map((row) => row.id));

const base = {
  id: z.string(),
  date,
  status: z.optional(z.enum(['approved', 'pending', 'rejected'])),
  meta: z.optional(z.record(z.string(), z.unknown())),
};

/** A strict zod/mini ledger schema (structure, types, id enums, date and amount patterns). */
export const zodStrictLedger = z.strictObject({
  $schema: z.optional(z.string()),
  partner: z.strictObject({ id: z.string(), name: z.optional(z.string()), joinedOn: date, meta: base.meta }),
  entries: z.array(
    z.discriminatedUnion('type', [
      z.strictObject({ ...base, type: z.literal('revenue'), amount, source: z.enum(['direct-sale', 'project-licensing', 'subscription']) }),
      z.strictObject({ ...base, type: z.literal('activity'), activity: activityId, points: z.optional(z.int()), quantity: z.optional(z.int()), words: z.optional(z.int()), floss: z.optional(z.boolean()) }),
      z.strictObject({ ...base, type: z.literal('time'), minutes: z.int(), category: z.enum(['knowledge', 'program']), description: z.optional(z.string()) }),
      z.strictObject({ ...base, type: z.literal('certification'), holder: z.string(), certification: certificationId, expiresOn: z.optional(date) }),
      z.strictObject({ ...base, type: z.literal('bonus'), points: z.int(), reason: z.string(), relatesTo: z.optional(z.string()) }),
      z.strictObject({ ...base, type: z.literal('special'), points: z.int(), description: z.string() }),
      z.strictObject({ ...base, type: z.literal('fee-payment'), months: z.int(), amount }),
      z.strictObject({ ...base, type: z.literal('adjustment'), points: z.int(), reason: z.string() }),
    ]),
  ),
  meta: base.meta,
});
