// The two hand-written parts of src/dates/isoDate.ts: the strict RFC 3339 reading
// (toIsoDate) and the integer day keys of the hot loops (dayKey). The arithmetic
// it re-exports is tested in calendar.test.ts, the date text in dateText.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as dates from '../../src/dates/isoDate';
import { AFTER_END, BEFORE_START, dayKey, toIsoDate } from '../../src/dates/isoDate';

describe('toIsoDate', () => {
  it.each([
    ['2026-03-31', '2026-03-31'],
    ['2024-02-29', '2024-02-29'],
    ['0001-01-01', '0001-01-01'],
    ['0099-12-31', '0099-12-31'],
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
    ['2024-03-01T01:00:00+02:00', '2024-02-29'],
    ['2026-06-30t23:59:60z', '2026-06-30'],
    ['2026-06-30T12:00:00.123456789+00:00', '2026-06-30'],
    // Across the years 99 and 100, which Date.UTC would read as 1999 and 2000.
    ['0099-12-31T23:00:00-05:00', '0100-01-01'],
    ['0100-01-01T01:00:00+02:00', '0099-12-31'],
    ['0001-01-01T23:00:00-05:00', '0001-01-02'],
    ['9999-12-31T01:00:00+02:00', '9999-12-30'],
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
    // A timestamp whose UTC date is beyond the calendar.
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

  it('reads every real date back as itself, and a UTC timestamp as its date', () => {
    const date = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true });
    fc.assert(fc.property(date, (d) => {
      const iso = d.toISOString();
      expect(toIsoDate(iso.slice(0, 10))).toBe(iso.slice(0, 10));
      expect(toIsoDate(iso)).toBe(iso.slice(0, 10));
    }));
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

describe('the one module callers import dates from', () => {
  it('re-exports the date text and the calendar arithmetic', () => {
    const names = ['AFTER_END', 'BEFORE_START', 'MIN_DATE', 'MAX_DATE', 'calendarDate', 'clampDate', 'utcMidnight', 'toIsoDate', 'dayKey', 'plusDays', 'plusMonths', 'anniversary', 'anniversaryIndex', 'monthEnd', 'isMonthEnd', 'monthEndsBetween'];
    expect(Object.keys(dates).sort()).toEqual([...names].sort());
  });
});
