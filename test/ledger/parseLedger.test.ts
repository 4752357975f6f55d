import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, exponentialProgram, issueCodes, parseLedger, ValidationError, type IsoDate, type Ledger, type LedgerEntry } from '../../src/index';
import { MAX_ISSUES } from '../../src/issues';
import { specLedger } from '../fixtures/specLedger';
import { issuesOf, ledger, thrownIssues, unreadableLedger } from '../helpers/ledger';
import { ledgerArbitrary, runs } from '../properties/arbitraries';

const partner = { id: 'acme', name: 'Acme Digital', joinedOn: '2023-03-15' };

/** The SPEC's example ledger. */
const specExample = specLedger;

function parsed(input: unknown): Ledger {
  const result = parseLedger(input);
  if (!result.ok) throw new Error(`expected a valid ledger, got ${JSON.stringify(result.issues)}`);
  return result.ledger;
}

function entryById(l: Ledger, id: string) {
  return l.entries.find((e) => e.id === id);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}

describe('parseLedger', () => {
  describe('never throws', () => {
    const cyclic: Record<string, unknown> = { partner: { ...partner }, entries: [] };
    cyclic.meta = { self: cyclic };
    const cyclicEntries: unknown[] = [];
    cyclicEntries.push(cyclicEntries);

    it.each<[string, unknown]>([
      ['undefined', undefined],
      ['null', null],
      ['a number', 42],
      ['NaN', Number.NaN],
      ['a string', 'ledger'],
      ['an empty string', ''],
      ['a JSON string', JSON.stringify(specExample())],
      ['an array', [specExample()]],
      ['an empty array', []],
      ['a boolean', true],
      ['a bigint', 10n],
      ['a symbol', Symbol('x')],
      ['a function', () => specExample()],
      ['a Date', new Date(0)],
      ['a Map', new Map([['partner', partner]])],
      ['an empty object', {}],
      ['partner null', { partner: null, entries: [] }],
      ['entries a string', { partner, entries: 'x' }],
      ['entries an object', { partner, entries: { 0: { id: 'a' } } }],
      ['entries of garbage', { partner, entries: [null, 1, 'x', [], true, undefined] }],
      ['an entry without type', { partner, entries: [{ id: 'a', date: '2026-01-01' }] }],
      ['an entry with type null', { partner, entries: [{ id: 'a', type: null }] }],
      ['an entry type toString', { partner, entries: [{ id: 'a', type: 'toString', date: '2026-01-01' }] }],
      ['an entry type __proto__', { partner, entries: [{ id: 'a', type: '__proto__', date: '2026-01-01' }] }],
      ['an activity constructor', { partner, entries: [{ id: 'a', type: 'activity', activity: 'constructor', date: '2026-01-01' }] }],
      ['a certification hasOwnProperty', { partner, entries: [{ id: 'a', type: 'certification', certification: 'hasOwnProperty', holder: 'j', date: '2026-01-01' }] }],
      ['an object id', { partner, entries: [{ id: { toString: 1 }, type: 'forum-post', date: '2026-01-01' }] }],
      ['a date number', { partner: { id: 'p', joinedOn: 20230315 }, entries: [] }],
      ['deeply nested meta', { partner, entries: [], meta: nested(100_000) }],
      ['deeply nested entry meta', { partner, entries: [{ id: 'a', type: 'activity', date: '2026-01-01', activity: 'forum-post', meta: nested(100_000) }] }],
      ['deeply nested arrays in meta', { partner, entries: [], meta: { x: JSON.parse('['.repeat(5000) + ']'.repeat(5000)) } }],
      ['cyclic meta', cyclic],
      ['cyclic entries', { partner, entries: cyclicEntries }],
      ['a null-prototype object', Object.assign(Object.create(null), { partner: null })],
      ['a huge id', { partner: { id: 'x'.repeat(1_000_000), joinedOn: '2023-03-15' }, entries: [] }],
    ])('%s → { ok: false } with well-formed issues', (_name, input) => {
      let result: ReturnType<typeof parseLedger> | undefined;
      expect(() => {
        result = parseLedger(input);
      }).not.toThrow();
      expect(result?.ok).toBe(false);
      if (result === undefined || result.ok) return;
      expect(result.issues.length).toBeGreaterThan(0);
      for (const issue of result.issues) {
        expect(typeof issue.path).toBe('string');
        expect(Object.keys(issueCodes)).toContain(issue.code);
        expect(typeof issue.message).toBe('string');
        expect(issue.message.length).toBeGreaterThan(0);
      }
    });

    it('accepts the built-in program as an option', () => {
      expect(parseLedger(specExample(), { program: exponentialProgram }).ok).toBe(true);
    });

    it.each<[string, unknown]>([
      ['an empty object', {}],
      ['a string', 'exponential'],
      ['a program without versions', { id: 'x', name: 'x', versions: [] }],
      ['a program whose version has no tables', { id: 'x', name: 'x', versions: [{ version: '1', effectiveFrom: '2000-01-01' }] }],
    ])('program option %s: an invalid-program issue at path program, not a throw', (_name, program) => {
      let result: ReturnType<typeof parseLedger> | undefined;
      expect(() => {
        result = parseLedger(specExample(), { program } as unknown as Parameters<typeof parseLedger>[1]);
      }).not.toThrow();
      expect(result?.ok).toBe(false);
      if (result === undefined || result.ok) return;
      expect(result.issues).toEqual([expect.objectContaining({ path: 'program' })]);
      expect(['invalid-program', 'invalid-type']).toContain(result.issues[0]?.code);
      if (program !== null && typeof program === 'object') expect(result.issues[0]?.code).toBe('invalid-program');
    });

    it('garbage options do not make it throw', () => {
      for (const opts of [null, 42, 'x', [], { program: undefined }]) {
        expect(() => parseLedger(specExample(), opts as unknown as Parameters<typeof parseLedger>[1])).not.toThrow();
      }
    });

    it('evaluate throws a ValidationError (never a TypeError) on garbage', () => {
      for (const input of [null, 42, 'x', [], { partner: null }, { partner, entries: [null] }]) {
        expect(() => evaluate(input, { asOf: '2026-06-15' })).toThrow(ValidationError);
      }
    });

    it('evaluate’s ValidationError carries the same issues parseLedger returns', () => {
      const bad = ledger([{ id: 'a', type: 'activity', date: '2026-02-30', activity: 'forum-post', extra: 1 }]);
      let caught: unknown;
      try {
        evaluate(bad, { asOf: '2026-06-15' });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ValidationError);
      expect((caught as ValidationError).issues).toEqual(issuesOf(bad));
    });
  });

  describe('strict: unknown fields', () => {
    it('reports unknown fields with their paths', () => {
      const input = specExample() as Record<string, unknown> & ReturnType<typeof specExample>;
      (input.entries[1] as Record<string, unknown>).extra = 1;
      (input.partner as Record<string, unknown>).nmae = 'typo';
      input.foo = true;
      const issues = issuesOf(input);
      expect(issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'entries[1].extra', code: 'unknown-field' }),
          expect.objectContaining({ path: 'partner.nmae', code: 'unknown-field' }),
          expect.objectContaining({ path: 'foo', code: 'unknown-field' }),
        ]),
      );
      expect(issues).toHaveLength(3);
    });

    it('a field of another entry type is unknown (amount on an activity)', () => {
      expect(issuesOf(ledger([{ id: 'a', type: 'activity', date: '2026-01-01', activity: 'forum-post', amount: '5.00' }]))).toEqual([
        expect.objectContaining({ path: 'entries[0].amount', code: 'unknown-field' }),
      ]);
    });

    it('a top-level $schema string is allowed; elsewhere it is unknown', () => {
      expect(parseLedger({ $schema: 'https://example.org/ledger.schema.json', ...specExample() }).ok).toBe(true);
      const issues = issuesOf(ledger([{ id: 'a', type: 'activity', date: '2026-01-01', activity: 'forum-post', $schema: 'x' }]));
      expect(issues).toEqual([expect.objectContaining({ code: 'unknown-field' })]);
      expect(issues[0]?.path.startsWith('entries[0]')).toBe(true);
    });

    it('free-form data goes in meta on the ledger, the partner and any entry, and is kept', () => {
      const l = parsed({
        partner: { ...partner, meta: { crm: { id: 17 } } },
        entries: [{ id: 'a', type: 'activity', date: '2026-01-01', activity: 'forum-post', meta: { url: 'https://x', tags: ['a', 1, true, null] } }],
        meta: { source: 'export.csv', n: 1.5 },
      });
      expect(l.meta).toEqual({ source: 'export.csv', n: 1.5 });
      expect(l.partner.meta).toEqual({ crm: { id: 17 } });
      expect(entryById(l, 'a')?.meta).toEqual({ url: 'https://x', tags: ['a', 1, true, null] });
    });

    it('meta must be JSON', () => {
      for (const meta of [{ x: Number.NaN }, { x: Number.POSITIVE_INFINITY }, { x: () => 1 }, { x: new Date(0) }, { x: 1n }, 'a string', [1, 2]]) {
        const issues = issuesOf({ partner, entries: [], meta });
        expect(issues.every((i) => i.path.startsWith('meta')), JSON.stringify(issues)).toBe(true);
      }
    });

    it('meta is at most 32 levels deep: 32 nested objects pass, 33 are too-deep (in entries too)', () => {
      expect(parseLedger({ partner, entries: [], meta: nested(32) as Record<string, unknown> }).ok).toBe(true);
      expect(issuesOf({ partner, entries: [], meta: nested(33) })).toEqual([expect.objectContaining({ code: 'too-deep' })]);
      const issues = issuesOf(ledger([{ id: 'a', type: 'activity', date: '2026-01-01', activity: 'forum-post', meta: nested(33) }]));
      expect(issues).toEqual([expect.objectContaining({ code: 'too-deep' })]);
      expect(issues[0]?.path.startsWith('entries[0].meta')).toBe(true);
    });

    it('names and holders are at most 200 characters, free text at most 10,000', () => {
      const ok = parseLedger({
        partner: { ...partner, name: 'n'.repeat(200) },
        entries: [
          { id: 'c', type: 'certification', date: '2026-01-01', holder: 'h'.repeat(200), certification: 'developer' },
          { id: 'b', type: 'bonus', date: '2026-01-01', points: 1, reason: 'r'.repeat(10_000) },
        ],
      });
      expect(ok.ok).toBe(true);
      expect(
        issuesOf({
          partner: { ...partner, name: 'n'.repeat(201) },
          entries: [
            { id: 'c', type: 'certification', date: '2026-01-01', holder: 'h'.repeat(201), certification: 'developer' },
            { id: 'b', type: 'bonus', date: '2026-01-01', points: 1, reason: 'r'.repeat(10_001) },
            { id: 'x', type: 'adjustment', date: '2026-01-01', points: -1, reason: 'r'.repeat(10_001) },
          ],
        }),
      ).toEqual([
        expect.objectContaining({ path: 'partner.name', code: 'too-long' }),
        expect.objectContaining({ path: 'entries[0].holder', code: 'too-long' }),
        expect.objectContaining({ path: 'entries[1].reason', code: 'too-long' }),
        expect.objectContaining({ path: 'entries[2].reason', code: 'too-long' }),
      ]);
    });

    it('meta a few levels deep is fine; 100 levels is too-deep', () => {
      expect(parseLedger({ partner, entries: [], meta: nested(10) as Record<string, unknown> }).ok).toBe(true);
      const issues = issuesOf({ partner, entries: [], meta: nested(100) });
      expect(issues).toEqual([expect.objectContaining({ code: 'too-deep' })]);
      expect(issues[0]?.path.startsWith('meta')).toBe(true);
    });
  });

  describe('every issue at once', () => {
    it('lists an object\'s issues in its fields\' order, unknown fields after the known ones, the cross-entry checks last', () => {
      const issues = issuesOf({
        partner: { id: 'p', joinedOn: 'bad', extra: 1 },
        entries: [
          { id: 'x', type: 'revenue', date: '2026-02-30', amount: '1e3', source: 'nope' },
          { id: 'x', type: 'fee-payment', date: '2026-01-01', months: 0, amount: 'ten', note: 1 },
          { id: 'c', type: 'certification', date: '2026-01-31T23:00:00-05:00', holder: 'h', certification: 'developer', expiresOn: '2026-01-31' },
        ],
      });
      expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual([
        'partner.joinedOn invalid-date',
        'partner.extra unknown-field',
        'entries[0].date invalid-date',
        'entries[0].amount invalid-amount',
        'entries[0].source invalid-value',
        'entries[1].months invalid-integer',
        'entries[1].amount invalid-amount',
        'entries[1].note unknown-field',
        'entries[1].id duplicate-id',
        // Earned 2026-02-01 (the timestamp's UTC date), expiring the day before.
        'entries[2].expiresOn invalid-range',
      ]);
    });

    it('checks the fields of an entry only once its type is known, as the schema does', () => {
      expect(issuesOf(ledger([{ id: 'x', type: 'revnue', date: '2026-02-30', amount: '1e3' }])).map((i) => `${i.path} ${i.code}`)).toEqual(['entries[0].type unknown-entry-type']);
      expect(issuesOf(ledger([{ id: 'x', date: 'bogus' }])).map((i) => `${i.path} ${i.code}`)).toEqual(['entries[0].type missing-field']);
    });

    it('reports issues in the partner and several entries together', () => {
      const issues = issuesOf({
        partner: { id: 'p', joinedOn: '2023-02-29' },
        entries: [
          { id: 'r', type: 'revenue', date: '2026-01-10', amount: '1,200.00', source: 'direct-sale' },
          { id: 'f', type: 'activity', date: '2026-02-30', activity: 'forum-post' },
          { id: 'g', type: 'activity', date: '2026-02-01', activity: 'forum-post', extra: 1 },
          { id: 'h', type: 'activity', date: '2026-02-01', activity: 'certification' },
          { id: 'i', type: 'activity', date: '2026-02-01', activity: 'premium-project', points: 10 },
          { id: 'j', type: 'bonus', date: '2026-02-01', points: 5, reason: 'x', relatesTo: 'zz' },
          { id: 'r', type: 'time', date: '2026-02-01', minutes: 5, category: 'program' },
          { id: 'k', type: 'gift', date: '2026-02-01' },
        ],
      });
      expect(issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'partner.joinedOn', code: 'invalid-date' }),
          expect.objectContaining({ path: 'entries[0].amount', code: 'invalid-amount' }),
          expect.objectContaining({ path: 'entries[1].date', code: 'invalid-date' }),
          expect.objectContaining({ path: 'entries[2].extra', code: 'unknown-field' }),
          expect.objectContaining({ path: 'entries[3].activity', code: 'derived-activity' }),
          expect.objectContaining({ path: 'entries[4].points', code: 'below-minimum' }),
          expect.objectContaining({ path: 'entries[5].relatesTo', code: 'unknown-reference' }),
          expect.objectContaining({ path: 'entries[6].id', code: 'duplicate-id' }),
          expect.objectContaining({ path: 'entries[7].type', code: 'unknown-entry-type' }),
        ]),
      );
      expect(issues).toHaveLength(9);
    });

    it('required fields are reported together', () => {
      expect(issuesOf({})).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'partner', code: 'missing-field' }),
          expect.objectContaining({ path: 'entries', code: 'missing-field' }),
        ]),
      );
      expect(issuesOf({ partner: {}, entries: [] })).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'partner.id', code: 'missing-field' }),
          expect.objectContaining({ path: 'partner.joinedOn', code: 'missing-field' }),
        ]),
      );
    });

    it.each<[string, Record<string, unknown>]>([
      ['id', { type: 'activity', date: '2026-01-01', activity: 'forum-post' }],
      ['type', { id: 'e', date: '2026-01-01' }],
      ['date', { id: 'e', type: 'activity', activity: 'forum-post' }],
      ['amount', { id: 'e', type: 'revenue', date: '2026-01-01', source: 'direct-sale' }],
      ['source', { id: 'e', type: 'revenue', date: '2026-01-01', amount: '1.00' }],
      ['activity', { id: 'e', type: 'activity', date: '2026-01-01' }],
      ['minutes', { id: 'e', type: 'time', date: '2026-01-01', category: 'program' }],
      ['category', { id: 'e', type: 'time', date: '2026-01-01', minutes: 5 }],
      ['holder', { id: 'e', type: 'certification', date: '2026-01-01', certification: 'developer' }],
      ['certification', { id: 'e', type: 'certification', date: '2026-01-01', holder: 'jane' }],
      ['reason', { id: 'e', type: 'adjustment', date: '2026-01-01', points: -5 }],
      ['points', { id: 'e', type: 'adjustment', date: '2026-01-01', reason: 'x' }],
      ['description', { id: 'e', type: 'special', date: '2026-01-01', points: 5 }],
      ['months', { id: 'e', type: 'fee-payment', date: '2026-01-01', amount: '45.00' }],
    ])('an absent required %s is missing-field at its path', (field, entry) => {
      expect(issuesOf(ledger([entry]))).toEqual([expect.objectContaining({ path: `entries[0].${field}`, code: 'missing-field' })]);
    });

    it('an unknown status is invalid-value', () => {
      expect(issuesOf(ledger([{ id: 'a', type: 'activity', date: '2026-01-01', activity: 'forum-post', status: 'draft' }]))).toEqual([
        expect.objectContaining({ path: 'entries[0].status', code: 'invalid-value' }),
      ]);
    });

    it('an unknown certification is unknown-certification; expiresOn before date is invalid-range', () => {
      const issues = issuesOf(
        ledger([
          { id: 'c1', type: 'certification', date: '2026-01-01', holder: 'jane', certification: 'sales-gold' },
          { id: 'c2', type: 'certification', date: '2026-01-01', holder: 'jane', certification: 'developer', expiresOn: '2025-12-31' },
        ]),
      );
      expect(issues).toEqual([
        expect.objectContaining({ path: 'entries[0].certification', code: 'unknown-certification' }),
        expect.objectContaining({ code: 'invalid-range' }),
      ]);
      expect(issues[1]?.path.startsWith('entries[1]')).toBe(true);
    });

    it('an expiresOn on the earning day is a valid range', () => {
      expect(parseLedger(ledger([{ id: 'c', type: 'certification', date: '2026-01-01', holder: 'j', certification: 'developer', expiresOn: '2026-01-01' }])).ok).toBe(true);
    });
  });

  describe('ids', () => {
    it('a duplicate id is one issue at the later entry, naming the earlier one', () => {
      const issues = issuesOf(
        ledger([
          { id: 'x', type: 'activity', date: '2026-01-01', activity: 'forum-post' },
          { id: 'y', type: 'activity', date: '2026-01-01', activity: 'forum-post' },
          { id: 'x', type: 'activity', date: '2026-01-02', activity: 'bug-report' },
        ]),
      );
      expect(issues).toEqual([expect.objectContaining({ path: 'entries[2].id', code: 'duplicate-id' })]);
      expect(issues[0]?.message).toContain('entries[0]');
    });

    it('a third use of an id is reported too', () => {
      const issues = issuesOf(
        ledger([
          { id: 'x', type: 'activity', date: '2026-01-01', activity: 'forum-post' },
          { id: 'x', type: 'activity', date: '2026-01-01', activity: 'forum-post' },
          { id: 'y', type: 'activity', date: '2026-01-01', activity: 'forum-post' },
          { id: 'x', type: 'activity', date: '2026-01-01', activity: 'forum-post' },
        ]),
      );
      expect(issues.map((i) => [i.path, i.code])).toEqual([
        ['entries[1].id', 'duplicate-id'],
        ['entries[3].id', 'duplicate-id'],
      ]);
      expect(issues[0]?.message).toContain('entries[0]');
    });

    it('ids are 1–200 characters', () => {
      expect(parseLedger(ledger([{ id: 'i'.repeat(200), type: 'activity', date: '2026-01-01', activity: 'forum-post' }])).ok).toBe(true);
      expect(issuesOf(ledger([{ id: 'i'.repeat(201), type: 'activity', date: '2026-01-01', activity: 'forum-post' }]))).toEqual([
        expect.objectContaining({ path: 'entries[0].id', code: 'too-long' }),
      ]);
      const empty = issuesOf(ledger([{ id: '', type: 'activity', date: '2026-01-01', activity: 'forum-post' }]));
      expect(empty.map((i) => i.path)).toEqual(['entries[0].id']);
    });
  });

  describe('dates', () => {
    it.each([
      '2026-02-30',
      '2025-02-29',
      '1900-02-29',
      '2100-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-4-1',
      '20260401',
      '2026/04/01',
      '0000-01-01',
      '2026-04-01T10:00:00', // RFC 3339 needs an offset
      '2026-04-01T24:00:00Z',
      '2026-04-01T10:60:00Z',
      '2026-02-30T10:00:00Z',
      '2026-04-01T10:00:00+24:00',
      '2026-04-01 10:00:00Z',
      ' 2026-04-01',
      '',
      '9999-12-31T23:00:00-05:00', // UTC date in year 10000
      '+002026-04-01',
      '2026-04-01T10:00Z', // RFC 3339 needs seconds
      '2026-04-01T10:00:00+0530', // and a colon in the offset
      '2026-04-01T10:00:00.Z',
    ])('%j is invalid-date', (date) => {
      expect(issuesOf(ledger([{ id: 'a', type: 'activity', date, activity: 'forum-post' }]))).toEqual([
        expect.objectContaining({ path: 'entries[0].date', code: 'invalid-date' }),
      ]);
    });

    it.each([
      ['2024-02-29', '2024-02-29'],
      ['2000-02-29', '2000-02-29'],
      ['2400-02-29', '2400-02-29'],
      ['0999-12-31', '0999-12-31'],
      ['0001-01-01', '0001-01-01'],
      ['9999-12-31', '9999-12-31'],
      ['2026-03-31T23:30:00-05:00', '2026-04-01'],
      ['2026-04-01T00:00:00.123456789Z', '2026-04-01'],
      ['2026-04-01T00:30:00+01:00', '2026-03-31'],
      ['2026-06-30T23:59:60Z', '2026-06-30'], // leap second
      ['2026-04-01T00:00:00-00:00', '2026-04-01'], // unknown local offset
      ['2026-04-01T10:00:00.123456789012Z', '2026-04-01'], // RFC 3339 puts no limit on the fraction digits
    ])('%j is the date %s', (date, expected) => {
      expect(entryById(parsed(ledger([{ id: 'a', type: 'activity', date, activity: 'forum-post' }])), 'a')?.date).toBe(expected);
    });

    it('impossible dates are invalid-date in every date field', () => {
      const issues = issuesOf({
        partner: { id: 'p', joinedOn: '2026-02-30' },
        entries: [{ id: 'c', type: 'certification', date: '2025-02-29', holder: 'j', certification: 'developer', expiresOn: '2027-06-31' }],
      });
      expect(issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'partner.joinedOn', code: 'invalid-date' }),
          expect.objectContaining({ path: 'entries[0].date', code: 'invalid-date' }),
          expect.objectContaining({ path: 'entries[0].expiresOn', code: 'invalid-date' }),
        ]),
      );
      expect(issues).toHaveLength(3);
    });
  });

  describe('money', () => {
    const revenue = (amount: unknown) => ledger([{ id: 'r', type: 'revenue', date: '2026-01-10', amount, source: 'direct-sale' }]);

    it.each(
      ([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '1e3', 1e21, '1,200.00', ' 12', '12 ', '+5', '', 'NaN', '0x10', '$12', '12.5.1', '1000000000', '0.00000000001', 0.1 + 0.2] as unknown[]).map(
        (amount) => [typeof amount === 'number' ? String(amount) : JSON.stringify(amount), amount] as const,
      ),
    )(
      'refuses %s with invalid-amount',
      (_label, amount) => {
        expect(issuesOf(revenue(amount))).toEqual([expect.objectContaining({ path: 'entries[0].amount', code: 'invalid-amount' })]);
      },
    );

    it('fee-payment amounts are checked too', () => {
      expect(issuesOf(ledger([{ id: 'f', type: 'fee-payment', date: '2026-01-01', months: 1, amount: '45,00' }]))).toEqual([
        expect.objectContaining({ path: 'entries[0].amount', code: 'invalid-amount' }),
      ]);
    });

    it.each<[unknown, string]>([
      ['1200.50', '1200.50'],
      [1200.5, '1200.50'],
      ['1200.5', '1200.50'],
      ['1200.500', '1200.50'],
      ['5', '5.00'],
      [45, '45.00'],
      [0, '0.00'],
      ['0', '0.00'],
      ['-0', '0.00'],
      ['-0.00', '0.00'],
      [-0, '0.00'],
      ['-30', '-30.00'],
      [-30, '-30.00'],
      ['0.125', '0.125'],
      ['0.0000000001', '0.0000000001'],
      [1e-7, '0.0000001'],
      ['999999999.99', '999999999.99'],
    ])('%j is stored as %j', (amount, canonical) => {
      const entry = entryById(parsed(revenue(amount)), 'r');
      expect(entry).toMatchObject({ type: 'revenue', amount: canonical });
    });
  });

  describe('values that change between reads (getters)', () => {
    it('keeps exactly the values it validated', () => {
      let reads = 0;
      const entry = Object.defineProperty({ id: 'x', type: 'revenue', date: '2026-01-01', source: 'direct-sale' }, 'amount', {
        enumerable: true,
        get: () => (reads++ === 0 ? '10' : {}),
      });
      const result = parseLedger(ledger([entry]));
      expect(result.ok && result.ledger.entries[0]).toMatchObject({ amount: '10.00' });
      if (!result.ok) throw new Error('invalid');
      expect(evaluate(result.ledger, { asOf: '2026-06-30' }).revenue).toEqual({ total: '10.00', points: 10 });
    });

    it('says the input changed when a value valid on one read is invalid on the next', () => {
      let reads = 0;
      const entry = Object.defineProperty({ id: 'x', type: 'special', points: 1, description: 'd' }, 'date', {
        enumerable: true,
        get: () => (reads++ === 0 ? 5 : '2026-01-01'),
      });
      expect(issuesOf(ledger([entry]))).toEqual([
        { path: '', code: 'invalid-type', message: 'the input changed while it was read (a getter or a proxy gave different values)' },
      ]);
    });
  });

  describe('prototype safety', () => {
    it('__proto__ and constructor keys in meta stay plain data and never pollute Object.prototype', () => {
      const input = JSON.parse(
        '{"partner":{"id":"p","joinedOn":"2023-03-15","meta":{"__proto__":{"pp":1}}},' +
          '"entries":[{"id":"a","type":"activity","date":"2026-01-01","activity":"forum-post","meta":{"constructor":{"prototype":{"polluted":true}},"__proto__":{"polluted":true}}}],' +
          '"meta":{"__proto__":{"polluted":true},"nested":{"__proto__":{"polluted":true}}}}',
      ) as unknown;
      const l = parsed(input);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).pp).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
      expect(Object.getOwnPropertyDescriptor(l.meta, '__proto__')?.value).toEqual({ polluted: true });
      expect((l.meta as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getOwnPropertyDescriptor(l.partner.meta, '__proto__')?.value).toEqual({ pp: 1 });
      const entryMeta = entryById(l, 'a')?.meta;
      expect(Object.getOwnPropertyDescriptor(entryMeta, '__proto__')?.value).toEqual({ polluted: true });
      expect(Object.getOwnPropertyDescriptor(entryMeta, 'constructor')?.value).toEqual({ prototype: { polluted: true } });
      // The round trip keeps them as data.
      expect(JSON.parse(JSON.stringify(l.meta))).toEqual(JSON.parse('{"__proto__":{"polluted":true},"nested":{"__proto__":{"polluted":true}}}'));
      expect(evaluate(l, { asOf: '2026-06-15' }).points.total).toBe(10);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('__proto__, constructor and prototype as ledger, partner or entry fields are unknown fields, not pollution', () => {
      const input = JSON.parse(
        '{"__proto__":{"polluted":true},"partner":{"id":"p","joinedOn":"2023-03-15","constructor":{"prototype":{"polluted":true}}},' +
          '"entries":[{"id":"a","type":"activity","date":"2026-01-01","activity":"forum-post","__proto__":{"status":"rejected"},"prototype":1}]}',
      ) as unknown;
      const issues = issuesOf(input);
      expect(issues.every((i) => i.code === 'unknown-field')).toBe(true);
      expect(issues.map((i) => i.path).sort()).toEqual(['__proto__', 'entries[0].__proto__', 'entries[0].prototype', 'partner.constructor'].sort());
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).status).toBeUndefined();
    });

    it('ids such as __proto__ and constructor are ordinary ids', () => {
      const l = parsed(
        ledger([
          { id: '__proto__', type: 'activity', date: '2026-01-01', activity: 'forum-post' },
          { id: 'constructor', type: 'bonus', date: '2026-01-01', points: 5, reason: 'x', relatesTo: '__proto__' },
        ]),
      );
      expect(l.entries.map((e) => e.id).sort()).toEqual(['__proto__', 'constructor']);
      expect(evaluate(l, { asOf: '2026-06-15' }).entries).toEqual([
        { id: '__proto__', outcome: 'counted', points: 10, rule: 'R3' },
        { id: 'constructor', outcome: 'counted', points: 5, rule: 'R6' },
      ]);
    });

    it('relatesTo is never resolved through the prototype chain; duplicate __proto__ ids are caught', () => {
      expect(issuesOf(ledger([{ id: 'b', type: 'bonus', date: '2026-01-01', points: 5, reason: 'x', relatesTo: 'hasOwnProperty' }]))).toEqual([
        expect.objectContaining({ path: 'entries[0].relatesTo', code: 'unknown-reference' }),
      ]);
      expect(issuesOf(ledger([{ id: 'b', type: 'bonus', date: '2026-01-01', points: 5, reason: 'x', relatesTo: '__proto__' }]))).toEqual([
        expect.objectContaining({ path: 'entries[0].relatesTo', code: 'unknown-reference' }),
      ]);
      expect(
        issuesOf(
          ledger([
            { id: '__proto__', type: 'activity', date: '2026-01-01', activity: 'forum-post' },
            { id: '__proto__', type: 'activity', date: '2026-01-01', activity: 'forum-post' },
          ]),
        ),
      ).toEqual([expect.objectContaining({ path: 'entries[1].id', code: 'duplicate-id' })]);
    });
  });

  describe('the returned ledger', () => {
    it('is normalised: dates YYYY-MM-DD, status filled in, amounts canonical', () => {
      const l = parsed({
        partner: { id: 'acme', joinedOn: '2023-03-14T23:30:00-05:00' },
        entries: [
          { id: 'r1', type: 'revenue', date: '2026-01-10T10:00:00Z', amount: 1200.5, source: 'direct-sale' },
          { id: 'c1', type: 'certification', date: '2025-06-01', holder: 'jane', certification: 'developer', expiresOn: '2027-05-31T23:00:00-02:00' },
          { id: 'f1', type: 'fee-payment', date: '2026-01-01', months: 12, amount: 540, status: 'pending' },
          { id: 'a1', type: 'activity', date: '2026-02-03', activity: 'article', words: 900, floss: true },
        ],
      });
      expect(l.partner).toEqual({ id: 'acme', joinedOn: '2023-03-15' });
      expect(entryById(l, 'r1')).toEqual({ id: 'r1', type: 'revenue', date: '2026-01-10', amount: '1200.50', source: 'direct-sale', status: 'approved' });
      expect(entryById(l, 'c1')).toEqual({ id: 'c1', type: 'certification', date: '2025-06-01', holder: 'jane', certification: 'developer', expiresOn: '2027-06-01', status: 'approved' });
      expect(entryById(l, 'f1')).toEqual({ id: 'f1', type: 'fee-payment', date: '2026-01-01', months: 12, amount: '540.00', status: 'pending' });
      expect(entryById(l, 'a1')).toEqual({ id: 'a1', type: 'activity', date: '2026-02-03', activity: 'article', words: 900, floss: true, status: 'approved' });
      expect(l.entries).toHaveLength(4);
    });

    it('is itself valid input, and parsing it again changes nothing (also through JSON)', () => {
      const once = parsed(specExample());
      const twice = parseLedger(once);
      expect(twice).toEqual({ ok: true, ledger: once });
      const viaJson = parsed(JSON.parse(JSON.stringify(once)));
      expect(viaJson).toEqual(once);
    });

    it('evaluates the same as the raw input', () => {
      const raw = specExample();
      expect(evaluate(parsed(raw), { asOf: '2026-06-15' })).toEqual(evaluate(raw, { asOf: '2026-06-15' }));
    });

    it('a copy of a parsed ledger with more entries is validated again (planUpgrade-style spreading)', () => {
      const l = parsed(specExample());
      const more = { ...l, entries: [...l.entries, { id: 'new', type: 'activity', date: '2026-06-01', activity: 'forum-post' }] };
      const ev = evaluate(more, { asOf: '2026-06-15' });
      expect(ev.entries.find((e) => e.id === 'new')).toEqual({ id: 'new', outcome: 'counted', points: 10, rule: 'R3' });
      const dup = { ...l, entries: [...l.entries, { id: 'r1', type: 'activity', date: '2026-06-01', activity: 'forum-post' }] };
      expect(() => evaluate(dup, { asOf: '2026-06-15' })).toThrow(ValidationError);
      const bad = { ...l, entries: [...l.entries, { id: 'bad', type: 'activity', date: '2026-02-30', activity: 'forum-post' }] };
      expect(() => evaluate(bad, { asOf: '2026-06-15' })).toThrow(ValidationError);
    });

    it('keeps every entry of the SPEC example', () => {
      const l = parsed(specExample());
      expect(l.entries.map((e) => e.id).sort()).toEqual(['a1', 'a2', 'a3', 'b1', 'c1', 'f1', 'r1', 's1', 't1', 'x1'].sort());
      expect(l.partner).toEqual(partner);
    });
  });

  describe('input is never mutated', () => {
    it('parseLedger and evaluate leave the input as it was', () => {
      const input = specExample();
      const input2 = { ...specExample(), entries: [...specExample().entries].reverse(), meta: { a: [1, { b: 2 }] } };
      const before = structuredClone(input);
      const before2 = structuredClone(input2);
      parseLedger(input);
      evaluate(input, { asOf: '2026-06-15' });
      evaluate(input2, { asOf: '2026-06-15' });
      expect(input).toEqual(before);
      expect(input2).toEqual(before2);
      expect(input2.entries.map((e) => e.id)).toEqual(before2.entries.map((e) => e.id));
    });

    it('a deep-frozen input works', () => {
      const input = deepFreeze({
        ...specExample(),
        meta: { tags: ['x'], nested: { deep: [1, 2, { n: null }] } },
        entries: [...specExample().entries].reverse(),
      });
      const result = parseLedger(input);
      expect(result.ok).toBe(true);
      const ev = evaluate(input, { asOf: '2026-06-15' });
      expect(ev.entries.map((e) => e.id)).toEqual(input.entries.map((e) => e.id));
    });

    it('a deep-frozen parsed ledger evaluates the same', () => {
      const l = parsed(specExample());
      const frozen = deepFreeze(structuredClone(l));
      expect(evaluate(frozen, { asOf: '2026-06-15' })).toEqual(evaluate(l, { asOf: '2026-06-15' }));
      expect(evaluate(l, { asOf: '2026-06-15' })).toEqual(evaluate(l, { asOf: '2026-06-15' }));
    });

    it('evaluating a parsed ledger does not change it', () => {
      const l = parsed(specExample());
      const before = structuredClone(l);
      evaluate(l, { asOf: '2026-06-15' });
      evaluate(l, { asOf: '2027-06-15', window: 'calendar-year' });
      expect(l).toEqual(before);
    });
  });
});

describe('parseLedger: every message names the value and what is expected', () => {
  const codeMessage = (input: unknown) => issuesOf(input).map((i) => [i.path, i.code, i.message]);

  it('quotes dates and amounts as every message quotes a string (JSON-escaped, cut to 64 characters)', () => {
    const long = `2026-01-01${'x'.repeat(60)}`;
    expect(
      codeMessage(
        ledger([
          { id: 'a', type: 'special', date: long, points: 1, description: 'd' },
          { id: 'b', type: 'revenue', date: '2026-01-01', amount: `1${'0'.repeat(60)}`, source: 'direct-sale' },
          { id: 'c', type: 'revenue', date: '2026-01-01', amount: 1e21, source: 'direct-sale' },
        ]),
      ),
    ).toEqual([
      ['entries[0].date', 'invalid-date', `"${long.slice(0, 64)}…" is not a calendar date YYYY-MM-DD or an RFC 3339 timestamp`],
      ['entries[1].amount', 'invalid-amount', `"1${'0'.repeat(60)}" is not a plain decimal amount (at most 9 integer digits and 10 decimals, no exponent or separators)`],
      ['entries[2].amount', 'invalid-amount', `1e+21 (the decimal 1${'0'.repeat(21)}) is not a plain decimal amount (at most 9 integer digits and 10 decimals, no exponent or separators)`],
    ]);
  });

  it('explains each activity-row issue', () => {
    const long = `no-such-activity-${'z'.repeat(80)}`;
    expect(
      codeMessage(
        ledger([
          { id: 'a', type: 'activity', date: '2026-01-01', activity: long },
          { id: 'b', type: 'activity', date: '2026-01-01', activity: 'partner-year' },
          { id: 'c', type: 'activity', date: '2026-01-01', activity: 'forum-post', points: 20 },
          { id: 'd', type: 'activity', date: '2026-01-01', activity: 'premium-project', points: 4999 },
          { id: 'e', type: 'activity', date: '2026-01-01', activity: 'training-course' },
          { id: 'f', type: 'activity', date: '2026-01-01', activity: 'forum-post', quantity: 2, words: 10, floss: true },
        ]),
      ),
    ).toEqual([
      ['entries[0].activity', 'unknown-activity', `"${long.slice(0, 64)}…" is not an activity of Exponential Partner Program`],
      ['entries[1].activity', 'derived-activity', '"partner-year" points are credited from partner.joinedOn (R5): do not report them'],
      ['entries[2].points', 'field-not-applicable', '"forum-post" earns the table\'s 10 points; "points" is only for "+" rows'],
      ['entries[3].points', 'below-minimum', '"premium-project" earns at least 5000 points, received 4999'],
      ['entries[4].quantity', 'missing-field', '"training-course" counts per attendee: "quantity" (≥ 1) is required'],
      ['entries[5].quantity', 'field-not-applicable', '"forum-post" is not counted per attendee; "quantity" does not apply'],
      ['entries[5].words', 'field-not-applicable', '"forum-post" has no word-count evidence'],
      ['entries[5].floss', 'field-not-applicable', '"forum-post" has no licence evidence'],
    ]);
  });

  it('reports below-minimum only for integer points the schema accepts', () => {
    for (const points of [1.5, 0, -3, '4000']) {
      const codes = issuesOf(ledger([{ id: 'a', type: 'activity', date: '2026-01-01', activity: 'premium-project', points }])).map((i) => i.code);
      expect(codes, String(points)).not.toContain('below-minimum');
      expect(codes, String(points)).toHaveLength(1);
    }
  });

  it('explains certification issues, and checks expiry only against a real earned date', () => {
    const long = `cert-${'q'.repeat(80)}`;
    expect(
      codeMessage(
        ledger([
          { id: 'a', type: 'certification', date: '2026-01-01', holder: 'h', certification: long },
          { id: 'b', type: 'certification', date: '2026-03-01', holder: 'h', certification: 'developer', expiresOn: '2026-02-28' },
          { id: 'c', type: 'certification', date: '2026-02-30', holder: 'h', certification: 'developer', expiresOn: '2026-01-01' },
        ]),
      ),
    ).toEqual([
      ['entries[0].certification', 'unknown-certification', `"${long.slice(0, 64)}…" is not a certification of the program (developer, design, solution, sales-premium, sales-exponential-6, sales-newsletter)`],
      ['entries[1].expiresOn', 'invalid-range', 'expires on 2026-02-28, before it was earned on 2026-03-01'],
      ['entries[2].date', 'invalid-date', '"2026-02-30" is not a calendar date YYYY-MM-DD or an RFC 3339 timestamp'],
    ]);
  });

  it('says which meta value is not JSON, at its exact path', () => {
    class Thing {}
    expect(
      codeMessage({
        ...ledger([{ id: 'a', type: 'special', date: '2026-01-01', points: 1, description: 'd', meta: { 'a b': [1, Number.NaN], ok: { f: () => 1 } } }]),
        meta: { thing: new Thing(), sym: Symbol('s') },
        partner: { id: 'p', joinedOn: '2020-01-01', meta: { n: Number.POSITIVE_INFINITY } },
      }),
    ).toEqual([
      ['meta.thing', 'invalid-type', 'meta values must be JSON; a class instance is not'],
      ['meta.sym', 'invalid-type', 'meta values must be JSON; a symbol is not'],
      ['partner.meta.n', 'invalid-type', 'meta values must be JSON; Infinity is not'],
      ['entries[0].meta["a b"][1]', 'invalid-type', 'meta values must be JSON; NaN is not'],
      ['entries[0].meta.ok.f', 'invalid-type', 'meta values must be JSON; a function is not'],
    ]);
  });

  it('names a program that is not one, and takes the built-in program when none is given', () => {
    const valid = ledger([{ id: 'a', type: 'special', date: '2026-01-01', points: 1, description: 'd' }]);
    expect(parseLedger(valid, { program: {} as never })).toEqual({
      ok: false,
      issues: [{ path: 'program', code: 'invalid-program', message: '"program" must be exponentialProgram or a program returned by defineProgram' }],
    });
    for (const opts of [undefined, {}, { program: undefined }, null]) expect(parseLedger(valid, opts as never).ok).toBe(true);
  });

  it('turns a throwing getter into one issue at the root', () => {
    expect(parseLedger(unreadableLedger())).toEqual({ ok: false, issues: [{ path: '', code: 'invalid-type', message: 'the input could not be read: Error: boom' }] });
  });
});

describe('parseLedger: the returned ledger owns its data', () => {
  it('copies every meta (prototype keys stay plain data) and writes -0 as 0', () => {
    const input = {
      partner: { id: 'p', joinedOn: '2020-01-01', meta: { tier: 'x' } },
      entries: [
        { id: 'a', type: 'adjustment', date: '2026-01-01', points: -0, reason: 'r', meta: JSON.parse('{"__proto__": {"polluted": 1}, "k": [1]}') },
        { id: 'b', type: 'activity', date: '2026-01-01', activity: 'article', words: -0 },
      ],
      meta: { source: 'crm' },
    };
    const result = parseLedger(input);
    if (!result.ok) throw new Error('invalid');
    const l = result.ledger;
    expect(l.meta).toEqual({ source: 'crm' });
    expect(l.meta).not.toBe(input.meta);
    expect(l.partner.meta).toEqual({ tier: 'x' });
    expect(l.partner.meta).not.toBe(input.partner.meta);
    const meta = l.entries[0]?.meta as Record<string, unknown>;
    expect(meta).not.toBe(input.entries[0]?.meta);
    expect(Object.getPrototypeOf(meta)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(meta, '__proto__')).toBe(true);
    expect(meta['k']).not.toBe((input.entries[0]?.meta as Record<string, unknown>)['k']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.is((l.entries[0] as { points: number }).points, 0)).toBe(true);
    expect(Object.is((l.entries[1] as { words: number }).words, 0)).toBe(true);
  });
});

describe('parseLedger: issue order at the top level', () => {
  it('follows the schema: $schema, partner and its fields, entries, meta, then unknown keys; meta contents after', () => {
    const issues = issuesOf({ $schema: 5, partner: { id: '', joinedOn: 'x', extra: 1, meta: { n: Number.NaN } }, entries: 'none', meta: 7, zzz: 1 });
    expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual([
      '$schema invalid-type',
      'partner.id invalid-value',
      'partner.joinedOn invalid-date',
      'partner.extra unknown-field',
      'entries invalid-type',
      'meta invalid-type',
      'zzz unknown-field',
      'partner.meta.n invalid-type',
    ]);
  });

  it('puts an entry that is not an object before the fields of later entries', () => {
    const issues = issuesOf(ledger([5 as unknown as Record<string, unknown>, { id: 'b', type: 'special', date: 'x', points: 1, description: 'd' }]));
    expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual(['entries[0] invalid-type', 'entries[1].date invalid-date']);
  });
});

/** Every object and array inside `value` (itself included), with its path. */
function objectsIn(value: unknown, path = 'ledger', out: [string, object][] = []): [string, object][] {
  if (typeof value === 'object' && value !== null) {
    out.push([path, value]);
    for (const key of Object.keys(value)) objectsIn((value as Record<string, unknown>)[key], `${path}.${key}`, out);
  }
  return out;
}

describe('parseLedger: the returned ledger is deeply frozen plain data', () => {
  const withMeta = () => ({
    ...specExample(),
    partner: { ...partner, meta: { crm: { id: 7, tags: ['a', { b: [1] }] } } },
    entries: specExample().entries.map((entry, index) => (index % 2 === 0 ? { ...entry, meta: { row: index, nested: { list: [index, { deep: true }] } } } : entry)),
    meta: { source: 'crm', batches: [[1, 2], { n: null }] },
  });

  it('freezes the ledger, the partner, the entries, each entry and every meta, all the way down', () => {
    const l = parsed(withMeta());
    const objects = objectsIn(l);
    // The ledger, partner, partner meta (5 objects and arrays in all), entries, 10 entries, 5 entry metas (4 each), ledger meta (4).
    expect(objects.length).toBe(1 + 1 + 5 + 1 + 10 + 5 * 4 + 4);
    for (const [path, object] of objects) expect(Object.isFrozen(object), path).toBe(true);
  });

  it('is frozen for any valid ledger (property)', () => {
    fc.assert(
      fc.property(ledgerArbitrary(), (raw) => {
        for (const [path, object] of objectsIn(parsed(raw))) expect(Object.isFrozen(object), path).toBe(true);
      }),
      runs(100),
    );
  });

  it('refuses every write (strict mode throws a TypeError), and evaluation is unchanged by the attempts', () => {
    const l = parsed(withMeta());
    const before = evaluate(l, { asOf: '2026-06-15' });
    const snapshot = structuredClone(l);
    const entries = l.entries as LedgerEntry[];
    const first = l.entries[0] as { -readonly [K in keyof LedgerEntry]: LedgerEntry[K] };
    const writes: [string, () => void][] = [
      ['push an entry', () => entries.push({ ...first, id: 'late', date: '2026-06-01' } as LedgerEntry)],
      ['replace an entry', () => {
        entries[1] = { ...first, id: 'other' } as LedgerEntry;
      }],
      ['shorten the entries', () => {
        entries.length = 0;
      }],
      ['sort the entries', () => entries.reverse()],
      ['change a date', () => {
        first.date = '2019-01-01' as IsoDate;
      }],
      ['change a status', () => {
        first.status = 'rejected';
      }],
      ['delete a field', () => {
        delete (first as { date?: string }).date;
      }],
      ['change joinedOn', () => {
        (l.partner as { joinedOn: string }).joinedOn = '2026-06-01';
      }],
      ['replace the partner', () => {
        (l as { partner: unknown }).partner = { id: 'x', joinedOn: '2026-01-01' };
      }],
      ['write into partner meta', () => {
        ((l.partner.meta as { crm: { tags: unknown[] } }).crm.tags).push('c');
      }],
      ['write into entry meta', () => {
        ((first.meta as { nested: Record<string, unknown> }).nested)['x'] = 1;
      }],
      ['write into ledger meta', () => {
        (l.meta as Record<string, unknown>)['source'] = 'other';
      }],
      ['define a property', () => Object.defineProperty(l, 'extra', { value: 1 })],
    ];
    for (const [name, write] of writes) expect(write, name).toThrow(TypeError);
    expect(l).toEqual(snapshot);
    expect(evaluate(l, { asOf: '2026-06-15' })).toEqual(before);
    expect(evaluate(l, { asOf: '2026-06-15' })).toEqual(evaluate(withMeta(), { asOf: '2026-06-15' }));
  });

  it('accepts frozen data as input: a copy with more entries parses again, into a ledger of its own', () => {
    const l = parsed(withMeta());
    const more = { ...l, entries: [...l.entries, { id: 'new', type: 'activity', date: '2026-06-01', activity: 'forum-post' }] };
    const again = parseLedger(more);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(again.ledger.entries).toHaveLength(l.entries.length + 1);
    expect(again.ledger.entries.slice(0, -1)).toEqual(l.entries);
    expect(again.ledger.entries.at(-1)).toEqual({ id: 'new', type: 'activity', date: '2026-06-01', activity: 'forum-post', status: 'approved' });
    for (const [path, object] of objectsIn(again.ledger)) expect(Object.isFrozen(object), path).toBe(true);
    expect(l.entries).toHaveLength(10);
    // The parsed ledger itself parses to an equal ledger (frozen input is ordinary input).
    expect(parseLedger(l)).toEqual({ ok: true, ledger: l });
  });
});

describe('parseLedger: any number of issues', () => {
  it('keeps the path of every issue of 200,000 invalid entries: the first 1,000 in order, then one too-many-issues', () => {
    const count = 200_000;
    const entries = Array.from({ length: count }, (_, i) => ({ id: `e${i}`, type: 'forum-post', date: '2026-01-01' }));
    const result = parseLedger({ partner, entries });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(MAX_ISSUES + 1);
    expect(result.issues.slice(0, MAX_ISSUES).map((i) => `${i.path} ${i.code}`)).toEqual(Array.from({ length: MAX_ISSUES }, (_, i) => `entries[${i}].type unknown-entry-type`));
    expect(result.issues.at(-1)).toEqual({
      path: '',
      code: 'too-many-issues',
      message: `${count} issues in all: the first ${MAX_ISSUES} are listed, ${count - MAX_ISSUES} more are not`,
    });
  }, 30_000);

  it('counts issues of several kinds and from the cross-entry checks alike, and evaluate throws them', () => {
    // Two issues per entry: an unknown field (schema) and a duplicate id (cross-entry).
    const entries = Array.from({ length: 600 }, (_, i) => ({ id: 'same', type: 'activity', date: '2026-01-01', activity: 'forum-post', extra: i }));
    const issues = issuesOf({ partner, entries });
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(issues.slice(0, 4).map((i) => `${i.path} ${i.code}`)).toEqual(['entries[0].extra unknown-field', 'entries[1].extra unknown-field', 'entries[1].id duplicate-id', 'entries[2].extra unknown-field']);
    expect(issues.at(-1)).toMatchObject({ code: 'too-many-issues', message: `1199 issues in all: the first ${MAX_ISSUES} are listed, 199 more are not` });
    expect(thrownIssues(() => evaluate({ partner, entries }, { asOf: '2026-06-30' }))).toEqual(issues);
  });

  it('lists exactly MAX_ISSUES issues as they are, and one more as MAX_ISSUES and a count', () => {
    const bad = (n: number) => ({ partner, entries: Array.from({ length: n }, (_, i) => ({ id: `e${i}`, type: 'bonus', date: '2026-02-30', points: 1, reason: 'r' })) });
    const exactly = issuesOf(bad(MAX_ISSUES));
    expect(exactly).toHaveLength(MAX_ISSUES);
    expect(exactly.every((i) => i.code === 'invalid-date')).toBe(true);
    const oneMore = issuesOf(bad(MAX_ISSUES + 1));
    expect(oneMore.slice(0, MAX_ISSUES)).toEqual(exactly);
    expect(oneMore.at(-1)).toEqual({ path: '', code: 'too-many-issues', message: `${MAX_ISSUES + 1} issues in all: the first ${MAX_ISSUES} are listed, 1 more is not` });
  });

  it('reports entries issues as one parse of the whole ledger would (order kept around the top-level fields)', () => {
    const issues = issuesOf({ partner: { id: 'p' }, entries: [{ id: 'a', type: 'bonus', date: 'x', points: 0, reason: 'r' }], meta: 1, zzz: 0 });
    expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual(['partner.joinedOn missing-field', 'meta invalid-type', 'zzz unknown-field', 'entries[0].date invalid-date', 'entries[0].points invalid-integer']);
    expect(issuesOf({ partner })).toEqual([{ path: 'entries', code: 'missing-field', message: '"entries" is required' }]);
    expect(issuesOf({ partner, entries: undefined })).toEqual([{ path: 'entries', code: 'missing-field', message: '"entries" is required' }]);
    expect(issuesOf({ partner, entries: {} })).toEqual([{ path: 'entries', code: 'invalid-type', message: 'expected an array, received an object' }]);
  });
});

describe('parseLedger: messages', () => {
  it('puts "an" before a vowel in every expected-type message', () => {
    const issues = issuesOf({
      partner: [],
      entries: [5, { id: 'a', type: 'bonus', date: 1, points: 'x', reason: 'r' }, { id: 'b', type: 'bonus', date: '2026-01-01', points: 1.5, reason: [] }],
      meta: { u: undefined },
    });
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ['partner', 'expected an object, received an array'],
      ['meta.u', 'meta values must be JSON; an undefined is not'],
      ['entries[0]', 'expected an object, received 5'],
      ['entries[1].date', 'expected a string, received 1'],
      ['entries[1].points', 'expected a number, received "x"'],
      ['entries[2].points', 'expected an integer, received 1.5'],
      ['entries[2].reason', 'expected a string, received an array'],
    ]);
    for (const issue of issues) expect(issue.message).not.toMatch(/\ba [aeiou]/);
  });

  it('says a ledger { partner, entries } is expected when the input is not an object', () => {
    expect(parseLedger(undefined)).toEqual({ ok: false, issues: [{ path: '', code: 'missing-field', message: 'a ledger is required: an object { partner, entries }' }] });
    expect(issuesOf(null)).toEqual([{ path: '', code: 'invalid-type', message: 'expected a ledger, an object { partner, entries }, received null' }]);
    expect(issuesOf([])[0]?.message).toBe('expected a ledger, an object { partner, entries }, received an array');
    expect(issuesOf(10n)[0]?.message).toBe('expected a ledger, an object { partner, entries }, received 10n');
    expect(issuesOf(JSON.stringify(specExample()))[0]?.message).toMatch(/^expected a ledger, an object \{ partner, entries \}, received ".*" \(JSON text: parse it first\)$/);
    expect(thrownIssues(() => evaluate(undefined, { asOf: '2026-06-30' }))).toEqual(issuesOf(undefined));
  });
});

describe('parseLedger: options never make it throw', () => {
  const valid = () => ledger([{ id: 'a', type: 'special', date: '2026-01-01', points: 1, description: 'd' }]);
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const cyclic: Record<string, unknown> = {};
  cyclic['self'] = cyclic;
  const throwing = (): unknown => ({
    get program(): unknown {
      throw new Error('boom');
    },
  });

  it.each<[string, unknown]>([
    ['a BigInt', 10n],
    ['a cyclic object', cyclic],
    ['a Proxy of the built-in program', new Proxy(exponentialProgram, {})],
    ['a Proxy whose every trap throws', new Proxy({}, { get: () => { throw new Error('trap'); }, getPrototypeOf: () => { throw new Error('trap'); } })],
    ['a revoked Proxy', revoked.proxy],
    ['a symbol', Symbol('p')],
  ])('a program option that is %s is one invalid-program issue at program', (_name, program) => {
    let result: ReturnType<typeof parseLedger> | undefined;
    expect(() => {
      result = parseLedger(valid(), { program } as never);
    }).not.toThrow();
    expect(result).toEqual({ ok: false, issues: [{ path: 'program', code: 'invalid-program', message: '"program" must be exponentialProgram or a program returned by defineProgram' }] });
  });

  it('a program getter that throws is one issue at program, read once', () => {
    let reads = 0;
    const counting = {
      get program() {
        reads += 1;
        return exponentialProgram;
      },
    };
    expect(parseLedger(valid(), counting).ok).toBe(true);
    expect(reads).toBe(1);
    const result = parseLedger(valid(), throwing() as never);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([expect.objectContaining({ path: 'program', code: 'unreadable-value' })]);
    expect(result.issues[0]?.message).toContain('boom');
  });

  it.each<[string, unknown]>([
    ['a BigInt', 10n],
    ['a number', 42],
    ['a string', 'exponential'],
    ['an array', []],
    ['a function', () => exponentialProgram],
    ['a revoked Proxy', revoked.proxy],
  ])('options that are %s are one issue at the root', (_name, opts) => {
    let result: ReturnType<typeof parseLedger> | undefined;
    expect(() => {
      result = parseLedger(valid(), opts as never);
    }).not.toThrow();
    expect(result?.ok).toBe(false);
    if (result === undefined || result.ok) return;
    expect(result.issues).toEqual([expect.objectContaining({ path: '' })]);
    expect(['invalid-type', 'unreadable-value']).toContain(result.issues[0]?.code);
  });

  it('options whose keys cannot be listed are one issue at the root', () => {
    const opts = new Proxy({}, { ownKeys: () => { throw new Error('keys'); } });
    expect(parseLedger(valid(), opts as never)).toEqual({ ok: false, issues: [expect.objectContaining({ path: '', code: 'unreadable-value' })] });
  });

  it('a misspelt option is an unknown-field issue, never silently the default program', () => {
    const result = parseLedger(valid(), { progam: exponentialProgram } as never);
    expect(result).toEqual({ ok: false, issues: [expect.objectContaining({ path: 'progam', code: 'unknown-field' })] });
  });

  it('an error whose toString throws still becomes an issue', () => {
    const hostile = {
      partner,
      get entries(): never {
        throw { toString: () => { throw new Error('again'); } };
      },
    };
    let result: ReturnType<typeof parseLedger> | undefined;
    expect(() => {
      result = parseLedger(hostile);
    }).not.toThrow();
    expect(result).toMatchObject({ ok: false, issues: [{ path: '', code: 'invalid-type' }] });
  });
});

// These ledgers mix zod's issues, the pass's value issues and the cross-entry checks, in one entry and across entries.
describe('parseLedger: issues in order when several kinds mix, in one entry and across entries', () => {
  const at = (issues: readonly { path: string; code: string }[]) => issues.map(({ path, code }) => `${path} ${code}`);

  it('one entry: zod’s issues and the values’ in field order, unknown fields last', () => {
    const issues = issuesOf(ledger([{ id: '', type: 'revenue', date: '2026-02-30', amount: '1e3', source: 'retail', extra: 1, status: 'done' }]));
    expect(at(issues)).toEqual([
      'entries[0].id invalid-value',
      'entries[0].date invalid-date',
      'entries[0].status invalid-value',
      'entries[0].amount invalid-amount',
      'entries[0].source invalid-value',
      'entries[0].extra unknown-field',
    ]);
  });

  it('across entries: ledger order, and within each entry the schema’s issues before the cross-entry checks', () => {
    const input = {
      partner: { id: 'acme', joinedOn: '2023-02-30', other: true },
      entries: [
        { id: 'a', type: 'activity', date: '2026-01-01', activity: 'article', words: -1, floss: 'yes', quantity: 2 },
        { id: 'a', type: 'time', date: 5, minutes: 0, category: 'nope' },
        { id: 'b', type: 'bonus', date: '2026-01-01T25:00:00Z', points: 1.5, reason: '', relatesTo: 'zz' },
        { id: 'c', type: 'fee-payment', date: '2026-01-01', months: 0, amount: Number.NaN },
        { id: 'd', type: 'certification', date: '2026-06-01', holder: 'h', certification: 'nope', expiresOn: '2026-01-01' },
        { type: 'adjustment', date: '2026-01-01', points: 2e9, reason: 'x' },
        { id: 'e', type: 'mystery' },
        'not an entry',
      ],
      meta: { n: Number.POSITIVE_INFINITY },
    };
    const issues = issuesOf(input);
    expect(at(issues)).toEqual([
      'partner.joinedOn invalid-date',
      'partner.other unknown-field',
      'meta.n invalid-type',
      'entries[0].words invalid-integer',
      'entries[0].floss invalid-type',
      'entries[0].quantity field-not-applicable',
      'entries[1].date invalid-type',
      'entries[1].minutes invalid-integer',
      'entries[1].category invalid-value',
      'entries[1].id duplicate-id',
      'entries[2].date invalid-date',
      'entries[2].points invalid-integer',
      'entries[2].reason invalid-value',
      'entries[2].relatesTo unknown-reference',
      'entries[3].months invalid-integer',
      'entries[3].amount invalid-amount',
      'entries[4].certification unknown-certification',
      'entries[4].expiresOn invalid-range',
      'entries[5].id missing-field',
      'entries[5].points invalid-integer',
      'entries[6].type unknown-entry-type',
      'entries[7] invalid-type',
    ]);
    expect(issues.find((one) => one.path === 'entries[3].amount')?.message).toBe('expected a decimal string or a finite number, received NaN');
    expect(issues.find((one) => one.path === 'entries[1].id')?.message).toBe('duplicate id "a": entries[0].id has it too');
  });

  it('entries valid in zod’s eyes with invalid values: only the pass’s issues, in ledger order', () => {
    const issues = issuesOf(ledger([
      { id: 'a', type: 'revenue', date: '2026-02-29', amount: '1.234567890123', source: 'direct-sale' },
      { id: 'a', type: 'activity', date: '2026-01-01', activity: 'nope' },
      { id: 'b', type: 'bonus', date: '2026-01-01', points: 5, reason: 'r', relatesTo: 'zz' },
    ]));
    expect(at(issues)).toEqual([
      'entries[0].date invalid-date',
      'entries[0].amount invalid-amount',
      'entries[1].id duplicate-id',
      'entries[1].activity unknown-activity',
      'entries[2].relatesTo unknown-reference',
    ]);
  });

  it('a field present as undefined is what zod makes of it: absent where optional, the program’s check where the pass owns it', () => {
    const issues = issuesOf(ledger([{ id: 'a', type: 'time', date: '2026-01-01', minutes: 5, category: undefined, status: undefined, description: undefined }]));
    expect(at(issues)).toEqual(['entries[0].category missing-field']);
    const parsed = parseLedger(ledger([{ id: 'a', type: 'special', date: '2026-01-01', points: 5, description: 'd', status: undefined, meta: undefined }]));
    expect(parsed.ok && JSON.stringify(parsed.ledger.entries[0])).toBe('{"id":"a","date":"2026-01-01","status":"approved","type":"special","points":5,"description":"d"}');
  });
});
