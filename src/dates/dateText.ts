/**
 * The text of a calendar date: `YYYY-MM-DD`, whose string order is date
 * order; the calendar's first and last day; the sentinels arithmetic gives
 * beyond them; the two functions that bring a computed date back into the
 * calendar for a result; and the instant a date starts, 00:00 UTC.
 */

/** A calendar date `YYYY-MM-DD`, year 0001 to 9999. */
export type IsoDate = string;

/** The first and last calendar day the library represents. */
export const MIN_DATE: IsoDate = '0001-01-01';
export const MAX_DATE: IsoDate = '9999-12-31';

/**
 * Computed dates past 9999-12-31 become this sentinel, and dates before year 0
 * `BEFORE_START`: they still compare correctly (after, before every real date),
 * so a far anniversary never falls into a window. They never reach a result:
 * {@link calendarDate} turns a computed date into a result's date or `null`.
 */
export const AFTER_END = '9999-99-99';
export const BEFORE_START = '0000-00-00';

/**
 * A computed date as results report it: the date itself when it is a real
 * calendar date (0001-01-01 … 9999-12-31), `null` beyond the calendar. Every
 * computed date a result carries goes through here, so no sentinel and no
 * year 0 or 10000 ever leaves the library, and a date the calendar cannot
 * hold is never replaced by a real but wrong one.
 * @param date - A computed date, or a sentinel.
 * @returns The date, or `null` beyond the calendar.
 * @example
 * calendarDate(anniversary('2024-06-01', 1)) //=> '2025-06-01'
 * calendarDate(anniversary('9999-06-01', 1)) //=> null
 */
export function calendarDate(date: IsoDate): IsoDate | null {
  return date.length === 10 && date >= MIN_DATE && date <= MAX_DATE ? date : null;
}

/**
 * The start of a computed range as results report it: a window reaching back
 * before 0001-01-01 starts on 0001-01-01, which counts the same entries (no
 * date is earlier). Only for range starts: a point in time beyond the
 * calendar is `null` ({@link calendarDate}).
 * @param date - A computed range start, or a sentinel.
 * @returns The date, moved into 0001-01-01 … 9999-12-31.
 * @example
 * clampDate(plusMonths('0001-06-15', -12)) //=> '0001-01-01'
 */
export function clampDate(date: IsoDate): IsoDate {
  return date > MAX_DATE ? MAX_DATE : date < MIN_DATE ? MIN_DATE : date;
}

/** The number the ASCII digits of `value` from `start` to `end` write. */
export function digits(value: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) n = n * 10 + value.charCodeAt(i) - 48;
  return n;
}

/** `value` in at least `width` digits, zeros in front. */
export function pad(value: number, width: number): string {
  const text = String(value);
  // Most fields already have their width (years ≥ 1000, months and days ≥ 10).
  return text.length >= width ? text : text.padStart(width, '0');
}

/** The time value of 00:00 UTC on `date`. */
export function timeOf(date: IsoDate): number {
  const year = digits(date, 0, 4);
  const month = digits(date, 5, 7) - 1;
  const day = digits(date, 8, 10);
  if (year >= 100) return Date.UTC(year, month, day);
  // Date.UTC reads years 0–99 as 1900–1999: set the full year explicitly.
  const value = new Date(0);
  value.setUTCFullYear(year, month, day);
  return value.getTime();
}

/**
 * Midnight UTC at the start of `date`, as a `Date`: for libraries that take
 * one (a PDF's creation date). Years 1–99 are years 1–99, not 1901–1999.
 * @param date - A calendar date.
 * @returns The `Date` of 00:00:00 UTC that day.
 * @example
 * utcMidnight('2026-11-30').toISOString() //=> '2026-11-30T00:00:00.000Z'
 */
export function utcMidnight(date: IsoDate): Date {
  return new Date(timeOf(date));
}
