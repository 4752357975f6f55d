// The calendar arithmetic (src/dates/calendar.ts) is date-fns in UTC. These tests
// hold it to the laws of the calendar and to an independent oracle: integer
// arithmetic on the calendar fields, written here and nowhere in src/, that builds
// no Date at all. They run in every zone of the suite (UTC, Pacific/Kiritimati,
// America/St_Johns), and the zone must change nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AFTER_END,
  anniversary,
  anniversaryIndex,
  BEFORE_START,
  isMonthEnd,
  MAX_DATE,
  MIN_DATE,
  monthEnd,
  monthEndsBetween,
  plusDays,
  plusMonths,
} from '../../src/dates/isoDate';

// ---- The oracle: proleptic Gregorian calendar by integers (H. Hinnant's days_from_civil and civil_from_days). ----

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysIn = (year: number, month: number) => (month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);
const fields = (date: string): [number, number, number] => [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, doy - Math.floor((153 * mp + 2) / 5) + 1];
}

/** The text of a date, or the sentinel past either end (year 0 is still a year, as in src/). */
function text(year: number, month: number, day: number): string {
  if (year < 0) return BEFORE_START;
  if (year > 9999) return AFTER_END;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const oracle = {
  plusDays: (date: string, n: number) => text(...civilFromDays(daysFromCivil(...fields(date)) + n)),
  /** date-fns addMonths: the day clamped to the target month's last day. */
  plusMonths(date: string, n: number) {
    const [y, m, d] = fields(date);
    const total = y * 12 + (m - 1) + n;
    const year = Math.floor(total / 12);
    const month = total - year * 12 + 1;
    return year < 0 || year > 9999 ? text(year, month, 1) : text(year, month, Math.min(d, daysIn(year, month)));
  },
  monthEnd: (date: string) => text(fields(date)[0], fields(date)[1], daysIn(fields(date)[0], fields(date)[1])),
};

// ---- Dates over the whole calendar, with its edges weighted in. ----

const dayNumber = (date: string) => daysFromCivil(...fields(date));
const between = (from: string, to: string) => fc.integer({ min: dayNumber(from), max: dayNumber(to) }).map((n) => text(...civilFromDays(n)));
const edges = ['0001-01-01', '0001-02-28', '0004-02-29', '0099-12-31', '0100-01-01', '0100-02-28', '0400-02-29', '1900-02-28', '2000-02-29', '2024-01-31', '2024-02-29', '2100-02-28', '9999-01-31', '9999-02-28', '9999-12-31'];
const calendarDay = fc.oneof(
  { weight: 4, arbitrary: between(MIN_DATE, MAX_DATE) },
  // Years 1–99, which Date.UTC and `new UTCDate(y, m, d)` would read as 1900–1999.
  { weight: 2, arbitrary: between('0001-01-01', '0199-12-31') },
  { weight: 2, arbitrary: between('1900-01-01', '2100-12-31') },
  { weight: 1, arbitrary: fc.constantFrom(...edges) },
);
// Month ends and 29 February, where clamping happens.
const monthEndDay = between(MIN_DATE, MAX_DATE).map((d) => oracle.monthEnd(d));
const anyDay = fc.oneof({ weight: 3, arbitrary: calendarDay }, { weight: 1, arbitrary: monthEndDay });

describe('plusDays (date-fns addDays)', () => {
  it('equals the integer oracle, past either end included', () => {
    fc.assert(fc.property(anyDay, fc.integer({ min: -4_000_000, max: 4_000_000 }), (date, n) => {
      expect(plusDays(date, n)).toBe(oracle.plusDays(date, n));
    }), { numRuns: 2000 });
  });

  it('goes there and back: plusDays(plusDays(d, n), −n) = d within the calendar', () => {
    fc.assert(fc.property(anyDay, fc.integer({ min: -40_000, max: 40_000 }), (date, n) => {
      const there = plusDays(date, n);
      if (there !== AFTER_END && there !== BEFORE_START) expect(plusDays(there, -n)).toBe(date);
    }));
  });

  it('moves one day at a time in step with the day numbers', () => {
    fc.assert(fc.property(anyDay, fc.integer({ min: -400, max: 400 }), (date, n) => {
      const there = plusDays(date, n);
      if (there !== AFTER_END && there !== BEFORE_START) expect(dayNumber(there) - dayNumber(date)).toBe(n);
    }));
  });

  it.each([
    ['0001-01-01', 1, '0001-01-02'],
    ['0001-01-01', -1, '0000-12-31'],
    ['0099-12-31', 1, '0100-01-01'],
    ['0100-01-01', -1, '0099-12-31'],
    ['0004-02-28', 1, '0004-02-29'],
    ['1900-02-28', 1, '1900-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['9999-12-30', 1, '9999-12-31'],
    ['9999-12-31', 1, AFTER_END],
    ['0000-01-01', -1, BEFORE_START],
    // Days some host zones skipped are ordinary days: Pacific/Kiritimati has no 1994-12-31, Pacific/Apia no 2011-12-30.
    ['1994-12-30', 1, '1994-12-31'],
    ['2011-12-29', 1, '2011-12-30'],
  ] as const)('plusDays(%s, %i) is %s', (date, n, expected) => {
    expect(plusDays(date, n)).toBe(expected);
  });

  it('stays past either end, even beyond what a Date holds', () => {
    expect(plusDays(AFTER_END, -1)).toBe(AFTER_END);
    expect(plusDays(BEFORE_START, 1)).toBe(BEFORE_START);
    expect(plusDays('2026-06-15', 1e12)).toBe(AFTER_END);
    expect(plusDays('2026-06-15', -1e12)).toBe(BEFORE_START);
    expect(plusDays('2026-06-15', 0)).toBe('2026-06-15');
  });
});

describe('plusMonths (date-fns addMonths)', () => {
  it('equals the integer oracle: the same day, clamped to the target month', () => {
    fc.assert(fc.property(anyDay, fc.integer({ min: -130_000, max: 130_000 }), (date, n) => {
      expect(plusMonths(date, n)).toBe(oracle.plusMonths(date, n));
    }), { numRuns: 2000 });
  });

  it('keeps the day, or clamps it to the last day of the target month', () => {
    fc.assert(fc.property(anyDay, fc.integer({ min: -1200, max: 1200 }), (date, n) => {
      const moved = plusMonths(date, n);
      if (moved === AFTER_END || moved === BEFORE_START) return;
      const [, , day] = fields(date);
      const [year, month, movedDay] = fields(moved);
      expect(movedDay).toBe(Math.min(day, daysIn(year, month)));
      // Whole months: the month count moved by exactly n.
      expect(year * 12 + month - (fields(date)[0] * 12 + fields(date)[1])).toBe(n);
    }));
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', -12, '2023-02-28'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2026-06-01', 12, '2027-06-01'],
    ['0099-12-31', 2, '0100-02-28'],
    ['0100-01-31', -1, '0099-12-31'],
    ['0001-06-15', -12, '0000-06-15'],
    ['9999-12-31', 1, AFTER_END],
    ['0000-01-31', -1, BEFORE_START],
    ['1994-11-30', 1, '1994-12-30'],
    ['1994-10-31', 2, '1994-12-31'],
  ] as const)('plusMonths(%s, %i) is %s', (date, n, expected) => {
    expect(plusMonths(date, n)).toBe(expected);
  });

  it('stays past either end, even beyond what a Date holds', () => {
    expect(plusMonths(AFTER_END, -12)).toBe(AFTER_END);
    expect(plusMonths(BEFORE_START, 12)).toBe(BEFORE_START);
    expect(plusMonths('2026-06-15', 1e9)).toBe(AFTER_END);
    expect(plusMonths('2026-06-15', -1e9)).toBe(BEFORE_START);
  });
});

describe('anniversary (date-fns addYears) and anniversaryIndex', () => {
  it('is twelve months per year from the start itself', () => {
    fc.assert(fc.property(anyDay, fc.integer({ min: -10_000, max: 10_000 }), (start, k) => {
      expect(anniversary(start, k)).toBe(oracle.plusMonths(start, 12 * k));
    }), { numRuns: 2000 });
  });

  it('is never chained: from 29 February, the k-th anniversary is 29 February again in every leap year', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 99 }), (k) => {
      const date = anniversary('2024-02-29', k);
      expect(date).toBe(isLeap(2024 + k) ? `${2024 + k}-02-29` : `${2024 + k}-02-28`);
    }));
    // Chaining would lose the 29th for good after the first common year.
    expect(anniversary(anniversary('2024-02-29', 1), 3)).toBe('2028-02-28');
    expect(anniversary('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('finds the latest anniversary on or before a date: A(k) ≤ date < A(k + 1)', () => {
    fc.assert(fc.property(between('0002-01-01', '9998-12-31'), between('0002-01-01', '9998-12-31'), (start, date) => {
      const k = anniversaryIndex(start, date);
      expect(anniversary(start, k) <= date).toBe(true);
      expect(anniversary(start, k + 1) > date).toBe(true);
    }));
  });

  it.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2000-02-29', 100, '2100-02-28'],
    ['2000-02-29', 400, '2400-02-29'],
    ['0004-02-29', 96, '0100-02-28'],
    ['1993-12-31', 1, '1994-12-31'],
    ['9999-06-01', 1, AFTER_END],
    ['0000-06-01', -1, BEFORE_START],
  ] as const)('anniversary(%s, %i) is %s', (start, k, expected) => {
    expect(anniversary(start, k)).toBe(expected);
  });

  it.each([
    ['2023-03-15', '2026-03-14', 2],
    ['2023-03-15', '2026-03-15', 3],
    ['2023-03-15', '2023-03-14', -1],
    ['2024-02-29', '2025-02-28', 1],
    ['2024-02-29', '2025-02-27', 0],
    ['2024-02-29', '2028-02-28', 3],
    ['2024-02-29', '2028-02-29', 4],
  ] as const)('anniversaryIndex(%s, %s) is %i', (start, date, k) => {
    expect(anniversaryIndex(start, date)).toBe(k);
  });
});

describe('monthEnd and isMonthEnd', () => {
  it('monthEnd is the last day of the same month, and only that day is a month end', () => {
    fc.assert(fc.property(anyDay, (date) => {
      const end = monthEnd(date);
      expect(end).toBe(oracle.monthEnd(date));
      expect(isMonthEnd(date)).toBe(date === end);
      expect(isMonthEnd(end)).toBe(true);
      // The next day starts a month.
      expect(plusDays(end, 1).slice(8)).toMatch(/^01$|^99$/);
    }));
  });

  it.each([
    ['2024-02-10', '2024-02-29'],
    ['2025-02-10', '2025-02-28'],
    ['1900-02-01', '1900-02-28'],
    ['2000-02-01', '2000-02-29'],
    ['0004-02-01', '0004-02-29'],
    ['0000-02-01', '0000-02-29'],
    ['2026-04-01', '2026-04-30'],
    ['9999-12-01', '9999-12-31'],
  ] as const)('monthEnd(%s) is %s', (date, end) => {
    expect(monthEnd(date)).toBe(end);
  });

  it('knows no month end past either end', () => {
    expect(monthEnd(AFTER_END)).toBe(AFTER_END);
    expect(monthEnd(BEFORE_START)).toBe(BEFORE_START);
    expect(isMonthEnd(AFTER_END)).toBe(false);
    expect(isMonthEnd(BEFORE_START)).toBe(false);
    expect(isMonthEnd('2024-02-28')).toBe(false);
    expect(isMonthEnd('2025-02-28')).toBe(true);
  });
});

describe('monthEndsBetween (the review dates of R12)', () => {
  it('lists every month end in the range, ascending, and nothing else', () => {
    fc.assert(fc.property(anyDay, fc.integer({ min: -3, max: 60 }), fc.integer({ min: -31, max: 31 }), (from, months, days) => {
      const to = plusDays(plusMonths(from, months), days);
      const ends = monthEndsBetween(from, to);
      for (const [i, end] of ends.entries()) {
        expect(isMonthEnd(end)).toBe(true);
        expect(from <= end && end <= to).toBe(true);
        // Ascending, one month apart: no month end is skipped.
        if (i > 0) expect(end).toBe(oracle.monthEnd(oracle.plusDays(ends[i - 1]!, 1)));
      }
      // Nothing before the first or after the last: the month ends around them are outside the range.
      const first = oracle.monthEnd(from);
      expect(ends[0] ?? null).toBe(first <= to ? first : null);
      const last = ends.at(-1);
      // (Past 9999-12-31 there is no next month end to compare.)
      if (last !== undefined && to !== AFTER_END) expect(oracle.monthEnd(oracle.plusDays(last, 1)) > to).toBe(true);
    }), { numRuns: 300 });
  });

  it.each([
    ['2024-01-15', '2024-03-30', ['2024-01-31', '2024-02-29']],
    ['2024-01-31', '2024-03-31', ['2024-01-31', '2024-02-29', '2024-03-31']],
    ['2025-12-01', '2026-02-28', ['2025-12-31', '2026-01-31', '2026-02-28']],
    ['2025-02-28', '2025-02-28', ['2025-02-28']],
    ['2026-06-01', '2026-06-29', []],
    ['2026-07-01', '2026-06-30', []],
    ['0001-01-01', '0001-02-28', ['0001-01-31', '0001-02-28']],
    ['0099-11-15', '0100-02-28', ['0099-11-30', '0099-12-31', '0100-01-31', '0100-02-28']],
    ['9999-11-15', '9999-12-31', ['9999-11-30', '9999-12-31']],
  ] as const)('from %s to %s: %j', (from, to, ends) => {
    expect(monthEndsBetween(from, to)).toEqual(ends);
  });

  it('stops at 9999-12-31 and starts at year 0 beyond the calendar', () => {
    expect(monthEndsBetween('9999-11-15', AFTER_END)).toEqual(['9999-11-30', '9999-12-31']);
    expect(monthEndsBetween(BEFORE_START, '0000-03-31')).toEqual(['0000-01-31', '0000-02-29', '0000-03-31']);
    expect(monthEndsBetween(AFTER_END, AFTER_END)).toEqual([]);
  });
});
