import fc from 'fast-check';
import { activities, certifications } from '../../src/index';

/** A calendar date between 2023-01-01 and 2027-12-31, as YYYY-MM-DD. */
export const isoDate = fc
  .integer({ min: Date.UTC(2023, 0, 1) / 86_400_000, max: Date.UTC(2027, 11, 31) / 86_400_000 })
  .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));

/** The same date, sometimes written as an RFC 3339 timestamp whose UTC date it is. */
const dateField = fc.tuple(isoDate, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 23 })).map(([date, form, hour]) => {
  if (form === 0) return date;
  if (form === 1) return `${date}T${String(hour).padStart(2, '0')}:15:00Z`;
  // An offset timestamp that still falls on `date` in UTC.
  const offset = form === 2 ? '+14:00' : '-03:30';
  const local = new Date(Date.parse(`${date}T12:00:00Z`) + (form === 2 ? 14 : -3.5) * 3_600_000);
  return `${local.toISOString().slice(0, 19)}${offset}`;
});

const status = fc.constantFrom(undefined, 'approved', 'approved', 'approved', 'pending', 'rejected');
const amount = fc.tuple(fc.integer({ min: -2_000, max: 9_000 }), fc.integer({ min: 0, max: 99 }), fc.boolean()).map(([whole, cents, asString]) =>
  {
    const text = `${whole < 0 ? '-' : ''}${Math.abs(whole)}.${String(cents).padStart(2, '0')}`;
    // A JSON number as a CRM writes it: the literal, not float arithmetic.
    return asString ? text : Number(text);
  },
);
const reportable = activities.filter((row) => row.kind !== 'derived');

const activityEntry = fc.constantFrom(...reportable).chain((row) =>
  fc.record(
    {
      type: fc.constant('activity' as const),
      activity: fc.constant(row.id),
      ...(row.kind === 'minimum' ? { points: fc.integer({ min: row.points, max: row.points * 2 }) } : {}),
      ...(row.kind === 'per-attendee' ? { quantity: fc.integer({ min: 1, max: 5 }) } : {}),
      ...('evidence' in row && row.evidence.words !== undefined ? { words: fc.integer({ min: 300, max: 2_000 }) } : {}),
      ...('evidence' in row && 'floss' in row.evidence ? { floss: fc.boolean() } : {}),
    },
    { requiredKeys: ['type', 'activity', ...(row.kind === 'per-attendee' ? ['quantity' as const] : [])] },
  ),
);

const body = fc.oneof(
  fc.record({ type: fc.constant('revenue' as const), amount, source: fc.constantFrom('direct-sale', 'project-licensing', 'subscription') }),
  activityEntry,
  fc.record({ type: fc.constant('time' as const), minutes: fc.integer({ min: 1, max: 600 }), category: fc.constantFrom('knowledge', 'program') }),
  fc.record(
    {
      type: fc.constant('certification' as const),
      holder: fc.constantFrom('ann', 'bob', 'cy'),
      certification: fc.constantFrom(...certifications.map((row) => row.id)),
      expiresOn: fc.constantFrom('2024-06-30', '2025-12-31', '2026-06-30', '2027-06-30', '2028-12-31'),
    },
    { requiredKeys: ['type', 'holder', 'certification'] },
  ),
  fc.record({ type: fc.constant('bonus' as const), points: fc.integer({ min: 1, max: 2_000 }), reason: fc.constant('strategic') }),
  fc.record({ type: fc.constant('special' as const), points: fc.integer({ min: 1, max: 2_000 }), description: fc.constant('idea') }),
  fc.record({ type: fc.constant('fee-payment' as const), months: fc.integer({ min: 1, max: 12 }), amount: fc.constantFrom('exact', '1.00') }),
  fc.record({ type: fc.constant('adjustment' as const), points: fc.integer({ min: -3_000, max: 3_000 }), reason: fc.constant('correction') }),
);

/** An entry without its id, valid on its own. */
export const entryBody = fc.tuple(body, dateField, status).map(([fields, date, entryStatus]) => {
  const entry: Record<string, unknown> = { ...fields, date };
  if (fields.type === 'fee-payment') entry['amount'] = fields.amount === 'exact' ? (45 * fields.months).toFixed(2) : '1.00';
  if (fields.type === 'certification' && typeof entry['expiresOn'] === 'string' && (entry['expiresOn'] as string) < date.slice(0, 10)) delete entry['expiresOn'];
  if (entryStatus !== undefined) entry['status'] = entryStatus;
  return entry;
});

/** A raw ledger as JSON gives it. */
export type RawLedger = { partner: { id: string; joinedOn: string }; entries: Record<string, unknown>[] };

/** A valid raw ledger of up to `maxEntries` entries with unique ids. */
export function ledgerArbitrary(maxEntries = 40): fc.Arbitrary<RawLedger> {
  return fc.tuple(isoDate, fc.array(entryBody, { maxLength: maxEntries })).map(([joinedOn, bodies]) => ({
    partner: { id: 'p', joinedOn },
    entries: bodies.map((entry, index): Record<string, unknown> => ({ id: `e${index}`, ...entry })),
  }));
}

/** A review date in the range of the generated ledgers, sometimes a month end. */
export const asOfArbitrary = fc.oneof(isoDate, fc.constantFrom('2024-02-29', '2025-02-28', '2026-06-30', '2026-11-30', '2026-12-31'));

/** fast-check parameters: `n` runs, or `FC_RUNS` when set (fewer for mutation testing, more for a deep check). */
export function runs(n: number): { numRuns: number } {
  const override = process.env['FC_RUNS'];
  return { numRuns: override === undefined ? n : Number(override) };
}
