import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromZodIssue, type LedgerIssue, type ZodIssueLike } from '../../src/issues';
import { getLedgerFields, getLedgerParts, getLedgerSchema, MAX_ID_LENGTH, MAX_TEXT_LENGTH } from '../../src/ledger/schema';
import { runs } from '../properties/arbitraries';

/** Our issues for zod's, less the length issue zod's standard check adds beside a type issue (parseLedger drops it). */
function issuesOf(schema: { safeParse(value: unknown, params: { reportInput: true }): { success: boolean; error?: { issues: unknown[] } } }, value: unknown): LedgerIssue[] {
  const result = schema.safeParse(value, { reportInput: true });
  const issues = (result.error?.issues ?? []).flatMap((one) => fromZodIssue(one as ZodIssueLike));
  const wrongType = new Set(issues.filter((one) => one.code === 'invalid-type').map((one) => one.path));
  return issues.filter((one) => one.code === 'invalid-type' || !wrongType.has(one.path));
}

const edgeValue = fc.constantFrom<unknown>(
  '', 'a', 'x'.repeat(MAX_ID_LENGTH), 'x'.repeat(MAX_ID_LENGTH + 1), '😀'.repeat(MAX_ID_LENGTH), '😀'.repeat(MAX_ID_LENGTH + 1), '\ud800'.repeat(MAX_ID_LENGTH + 1),
  'y'.repeat(MAX_TEXT_LENGTH), 'y'.repeat(MAX_TEXT_LENGTH + 1),
  0, 1, -1, 1.5, 1_000_000, 1_000_001, 1_200, 1_201, 1e9, 1e9 + 1, -1e9, -1e9 - 1, 1e20, -1e20, Number.NaN, Number.POSITIVE_INFINITY, -0,
  [], ['a'], { length: 300 }, null, undefined, true,
);

const entryType = fc.constantFrom('revenue', 'activity', 'time', 'certification', 'bonus', 'special', 'fee-payment', 'adjustment');

describe('the parsing schema', () => {
  it('property: reports what the standard schema (the JSON Schema’s source) reports, on every bound of every field', () => {
    const parsing = getLedgerParts().entries;
    const standard = getLedgerSchema().shape.entries;
    const fields = getLedgerFields();
    fc.assert(
      fc.property(
        // A time entry's category is the program's (parseLedger's value pass checks it): the schemas leave it to that pass and the JSON Schema respectively.
        fc.array(entryType.chain((type) => fc.tuple(fc.constant(type), fc.array(fc.tuple(fc.constantFrom(...(fields.entry.get(type) ?? []).filter((field) => !(type === 'time' && field === 'category'))), edgeValue), { maxLength: 6 }))), { maxLength: 4 }),
        (rows) => {
          const entries = rows.map(([type, values]) => ({ id: 'a', date: '2026-01-01', ...Object.fromEntries(values), type }));
          expect(issuesOf(parsing, entries)).toStrictEqual(issuesOf(standard, entries));
        },
      ),
      runs(500),
    );
  });

  it('property: the top level and the partner report what the standard schema reports', () => {
    const parsing = getLedgerParts().top;
    const standard = getLedgerSchema();
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('id', 'name', 'joinedOn', 'meta', 'other'), edgeValue), { maxLength: 5 }), edgeValue, (values, schema) => {
        const ledger = { $schema: schema, partner: { id: 'p', joinedOn: '2023-01-01', ...Object.fromEntries(values) }, entries: [] };
        expect(issuesOf(parsing, ledger)).toStrictEqual(issuesOf(standard, ledger));
      }),
      runs(300),
    );
  });

  it('declares the field order the schema is built from (zod’s order of issues)', () => {
    const fields = getLedgerFields();
    expect(fields.top).toStrictEqual(Object.keys(getLedgerSchema().shape));
    expect(fields.partner).toStrictEqual(['id', 'name', 'joinedOn', 'meta']);
    expect(fields.entry.get('revenue')).toStrictEqual(['id', 'date', 'status', 'meta', 'type', 'amount', 'source']);
    expect([...fields.entry.keys()]).toStrictEqual(['revenue', 'activity', 'time', 'certification', 'bonus', 'special', 'fee-payment', 'adjustment']);
  });
});
