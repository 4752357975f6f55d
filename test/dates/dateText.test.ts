// src/dates/dateText.ts: the calendar's range, the sentinels beyond it, the helpers
// that bring a computed date back into it, and a date's UTC midnight.
import { describe, expect, it } from 'vitest';
import { AFTER_END, BEFORE_START, calendarDate, clampDate, MAX_DATE, MIN_DATE, utcMidnight } from '../../src/dates/dateText';

describe('the calendar and its sentinels', () => {
  it('runs from 0001-01-01 to 9999-12-31, the sentinels after and before every date', () => {
    expect([MIN_DATE, MAX_DATE]).toEqual(['0001-01-01', '9999-12-31']);
    expect(AFTER_END > MAX_DATE).toBe(true);
    expect(BEFORE_START < '0000-01-01').toBe(true);
  });

  it('calendarDate keeps real dates and turns the rest into null', () => {
    for (const real of ['0001-01-01', '0099-12-31', '2024-02-29', '9999-12-31']) expect(calendarDate(real)).toBe(real);
    for (const beyond of [AFTER_END, BEFORE_START, '0000-12-31', '10000-01-01']) expect(calendarDate(beyond), beyond).toBeNull();
  });

  it('clampDate moves a range start into the calendar', () => {
    expect(clampDate(AFTER_END)).toBe(MAX_DATE);
    expect(clampDate(BEFORE_START)).toBe(MIN_DATE);
    expect(clampDate('0000-12-31')).toBe(MIN_DATE);
    expect(clampDate('2026-06-30')).toBe('2026-06-30');
  });
});

describe('utcMidnight (a PDF creation date)', () => {
  it.each(['2026-11-30', '2024-02-29', '0001-01-01', '0099-12-31', '0100-01-01', '1900-02-28', '9999-12-31'] as const)(
    '%s is 00:00:00 UTC of that very day, whatever the host zone',
    (date) => {
      const value = utcMidnight(date);
      expect(value.toISOString()).toBe(`${date}T00:00:00.000Z`);
      expect(value.getUTCFullYear()).toBe(Number(date.slice(0, 4)));
    },
  );
});
