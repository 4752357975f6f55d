import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AFTER_END, BEFORE_START, clampDate, dayKey, anniversary, anniversaryIndex, isMonthEnd, monthEnd, monthEndsBetween, plusDays, plusMonths, toIsoDate, utcMidnight } from '../../src/dates/isoDate';
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { addYears } from 'date-fns/addYears';

/**
 * date-fns itself on a calendar date, at local noon, read back in local time:
 * the reference semantics. Only meaningful where the host zone skipped no
 * day, so the comparisons run in the UTC run of the suite.
 */
function viaDateFns(start: string, move: (date: Date) => Date): string {
  const date = new Date(2000, 0, 1, 12);
  date.setFullYear(Number(start.slice(0, 4)), Number(start.slice(5, 7)) - 1, Number(start.slice(8, 10)));
  const moved = move(date);
  const year = moved.getFullYear();
  if (year > 9999) return AFTER_END;
  if (year < 0) return BEFORE_START;
  return `${String(year).padStart(4, '0')}-${String(moved.getMonth() + 1).padStart(2, '0')}-${String(moved.getDate()).padStart(2, '0')}`;
}

describe('toIsoDate', () => {
  it.each([
    ['2026-03-31', '2026-03-31'],
    ['2024-02-29', '2024-02-29'],
    ['0001-01-01', '0001-01-01'],
    ['9999-12-31', '9999-12-31'],
    ['2026-03-31T23:30:00-05:00', '2026-04-01'],
    ['2026-03-31T23:59:59Z', '2026-03-31'],
    ['2026-04-01T00:00:00Z', '2026-04-01'],
    ['2026-04-01T09:59:59+10:00', '2026-03-31'],
    ['2026-04-01T10:00:00+10:00', '2026-04-01'],
    ['2026-01-01T13:59:00+14:00', '2025-12-31'],
    ['2026-12-31T20:29:00-03:30', '2026-12-31'],
    ['2026-12-31T20:30:00-03:30', '2027-01-01'],
    ['2024-02-28T22:00:00-02:00', '2024-02-29'],
    ['2025-02-28T22:00:00-02:00', '2025-03-01'],
    ['2026-06-30t23:59:60z', '2026-06-30'],
    ['2026-06-30T12:00:00.123456789+00:00', '2026-06-30'],
    // The largest offsets, and the first minute that moves the day.
    ['2026-04-01T00:00:00+23:59', '2026-03-31'],
    ['2026-04-01T23:59:00-23:59', '2026-04-02'],
    ['2026-04-01T00:00:00-00:01', '2026-04-01'],
    ['2026-04-01T00:00:00+00:01', '2026-03-31'],
    ['2026-04-01T23:59:00-00:01', '2026-04-02'],
    ['2026-04-01T23:58:00-00:01', '2026-04-01'],
    [`2026-04-01T10:00:00.${'1'.repeat(43)}Z`, '2026-04-01'],
  ])('%s → %s', (input, expected) => {
    expect(toIsoDate(input)).toBe(expected);
  });

  it.each([
    '2026-02-30', '2025-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '0000-01-01', '2026-4-01', '20260401',
    '2026-04-01T24:00:00Z', '2026-04-01T10:00:00', '2026-04-01T10:00Z', '2026-04-01 10:00:00Z', '2026-04-01T10:00:00+24:00',
    '9999-12-31T23:00:00-05:00', '0001-01-01T01:00:00+02:00', '', ' 2026-04-01', '2026-04-01\n', '２０２６-04-01',
    // Each field of a timestamp at its first invalid value, and text around a valid one.
    '2026-04-01T10:60:00Z', '2026-04-01T10:00:61Z', '2026-04-01T10:00:00+23:60', 'x2026-04-01T10:00:00Z', '2026-04-01T10:00:00Zx',
    '2026-04-01T10:00:00+01:00x', '2026/04/01', '2026-04/01', 'x026-04-01', '2026-04-0x',
    // At most 64 characters: 65 is refused.
    `2026-04-01T10:00:00.${'1'.repeat(44)}Z`,
  ])('refuses %j', (input) => {
    expect(toIsoDate(input)).toBeNull();
  });

  it('accepts 2000-02-29 (divisible by 400) and refuses 2100-02-29', () => {
    expect(toIsoDate('2000-02-29')).toBe('2000-02-29');
    expect(toIsoDate('2100-02-29')).toBeNull();
  });
});

describe('calendar arithmetic', () => {
  it('never depends on the host zone: days some zones skipped are ordinary days', () => {
    // Pacific/Kiritimati skipped 1994-12-31, Pacific/Apia 2011-12-30.
    expect(plusDays('1994-12-30', 1)).toBe('1994-12-31');
    expect(plusMonths('1994-11-30', 1)).toBe('1994-12-30');
    expect(plusMonths('1994-10-31', 2)).toBe('1994-12-31');
    expect(plusDays('2011-12-29', 1)).toBe('2011-12-30');
    expect(anniversary('1993-12-31', 1)).toBe('1994-12-31');
  });

  it('clamps months to their last day', () => {
    expect(plusMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(plusMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(plusMonths('2024-02-29', -12)).toBe('2023-02-28');
    expect(plusMonths('2026-06-01', 12)).toBe('2027-06-01');
  });

  it('moves 29 February to 28 February in common years', () => {
    expect(anniversary('2024-02-29', 1)).toBe('2025-02-28');
    expect(anniversary('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('adds days across months, years and leap days', () => {
    expect(plusDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(plusDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(plusDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(plusDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('keeps years 1–99 literal, and dates past either end beyond it', () => {
    expect(plusDays('0001-01-01', 1)).toBe('0001-01-02');
    expect(plusMonths('0099-12-31', 2)).toBe('0100-02-28');
    expect(plusDays('0001-01-01', -1)).toBe('0000-12-31');
    expect(anniversary('9999-06-01', 1)).toBe(AFTER_END);
    expect(anniversary('9999-06-01', 1) > '9999-12-31').toBe(true);
    expect(plusDays(anniversary('9999-06-01', 1), -1)).toBe(AFTER_END);
    expect(anniversary('0000-06-01', -1)).toBe(BEFORE_START);
    expect(BEFORE_START < '0000-01-01').toBe(true);
    expect(clampDate(AFTER_END)).toBe('9999-12-31');
    expect(clampDate(BEFORE_START)).toBe('0001-01-01');
    expect(clampDate('0000-12-31')).toBe('0001-01-01');
    expect(clampDate('2026-06-30')).toBe('2026-06-30');
  });

  it('knows month ends', () => {
    expect(isMonthEnd('2024-02-29')).toBe(true);
    expect(isMonthEnd('2024-02-28')).toBe(false);
    expect(isMonthEnd('2025-02-28')).toBe(true);
    expect(isMonthEnd('2026-04-30')).toBe(true);
    expect(monthEnd('2025-02-10')).toBe('2025-02-28');
    expect(monthEnd('2024-02-10')).toBe('2024-02-29');
  });

  it('counts anniversaries from the start, never chained', () => {
    expect(anniversary('2024-02-29', 1)).toBe('2025-02-28');
    expect(anniversary('2024-02-29', 4)).toBe('2028-02-29');
    expect(anniversaryIndex('2023-03-15', '2026-03-14')).toBe(2);
    expect(anniversaryIndex('2023-03-15', '2026-03-15')).toBe(3);
    expect(anniversaryIndex('2023-03-15', '2023-03-14')).toBe(-1);
    expect(anniversaryIndex('2024-02-29', '2025-02-28')).toBe(1);
    expect(anniversaryIndex('2024-02-29', '2025-02-27')).toBe(0);
  });
});

describe('monthEndsBetween (the review dates of R12)', () => {
  it('lists the month ends from ≤ D ≤ to, leap February included', () => {
    expect(monthEndsBetween('2024-01-15', '2024-03-30')).toEqual(['2024-01-31', '2024-02-29']);
    expect(monthEndsBetween('2024-01-31', '2024-03-31')).toEqual(['2024-01-31', '2024-02-29', '2024-03-31']);
    expect(monthEndsBetween('2025-12-01', '2026-02-28')).toEqual(['2025-12-31', '2026-01-31', '2026-02-28']);
    expect(monthEndsBetween('2025-02-28', '2025-02-28')).toEqual(['2025-02-28']);
  });

  it('is empty when no month ends in the range', () => {
    expect(monthEndsBetween('2026-06-01', '2026-06-29')).toEqual([]);
    expect(monthEndsBetween('2026-07-01', '2026-06-30')).toEqual([]);
  });

  it('reaches the first and the last representable month ends', () => {
    expect(monthEndsBetween('0001-01-01', '0001-02-28')).toEqual(['0001-01-31', '0001-02-28']);
    expect(monthEndsBetween('9999-11-15', '9999-12-31')).toEqual(['9999-11-30', '9999-12-31']);
  });

  it('agrees with stepping month end by month end', () => {
    const isoDateArb = fc.date({ min: new Date('1600-01-01T00:00:00Z'), max: new Date('9000-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 27 }), (from, months, days) => {
        const to = plusDays(plusMonths(from, months), days);
        const stepped: string[] = [];
        for (let date = monthEnd(from); date <= to; date = monthEnd(plusMonths(`${date.slice(0, 8)}01`, 1))) stepped.push(date);
        expect(monthEndsBetween(from, to)).toEqual(stepped);
      }),
    );
  });
});

describe('dayKey', () => {
  it('is the integer YYYYMMDD', () => {
    expect(dayKey('2026-03-31')).toBe(20260331);
    expect(dayKey('0001-01-01')).toBe(10101);
    expect(dayKey(AFTER_END)).toBeGreaterThan(dayKey('9999-12-31'));
    expect(dayKey(BEFORE_START)).toBeLessThan(dayKey('0000-01-01'));
  });

  it('orders dates as their strings do', () => {
    const date = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, date, (a, b) => {
        expect(Math.sign(dayKey(a) - dayKey(b))).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
  });
});

const hostZoneSkipsDays = process.env['TZ'] !== undefined && process.env['TZ'] !== 'UTC';

describe.skipIf(hostZoneSkipsDays)('the calendar arithmetic is date-fns arithmetic', () => {
  const date = fc.date({ min: new Date('1600-01-01T00:00:00Z'), max: new Date('9000-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  it('plusDays equals addDays', () => {
    fc.assert(fc.property(date, fc.integer({ min: -100_000, max: 100_000 }), (start, n) => {
      expect(plusDays(start, n)).toBe(viaDateFns(start, (d) => addDays(d, n)));
    }), { numRuns: 3000 });
  });
  it('plusMonths equals addMonths', () => {
    fc.assert(
      fc.property(fc.oneof(date, fc.constantFrom('2024-01-31', '2023-01-31', '2024-02-29', '2025-03-31', '2025-05-31')), fc.integer({ min: -3_000, max: 3_000 }), (start, n) => {
        expect(plusMonths(start, n)).toBe(viaDateFns(start, (d) => addMonths(d, n)));
      }),
      { numRuns: 3000 },
    );
  });
  it('anniversary equals addYears for any start and k', () => {
    const date = fc.date({ min: new Date('1600-01-01T00:00:00Z'), max: new Date('9000-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.oneof(date, fc.constantFrom('2024-02-29', '2000-02-29', '1900-02-28', '2023-12-31')), fc.integer({ min: -300, max: 300 }), (start, k) => {
        expect(anniversary(start, k)).toBe(viaDateFns(start, (d) => addYears(d, k)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('utcMidnight (a PDF creation date)', () => {
  it.each(['2026-11-30', '2024-02-29', '0001-01-01', '0099-12-31', '9999-12-31'] as const)('%s is 00:00:00 UTC of that very day, whatever the host zone', (date) => {
    const value = utcMidnight(date);
    expect(value.toISOString()).toBe(`${date}T00:00:00.000Z`);
    expect(value.getUTCFullYear()).toBe(Number(date.slice(0, 4)));
  });
});
