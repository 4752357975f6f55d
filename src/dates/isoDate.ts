/**
 * Calendar dates as `YYYY-MM-DD` strings (string order is date order): the
 * one module the library imports dates from.
 *
 * Two things are written here by hand, both on hot paths: the strict RFC 3339
 * reading ({@link toIsoDate}) and the integer day keys ({@link dayKey}). The
 * calendar arithmetic is date-fns in UTC (./calendar.ts); the date text, its
 * range and the sentinels beyond it are in ./dateText.ts.
 */
import { plusDays } from './calendar';
import { clampDate, digits, type IsoDate } from './dateText';

export { AFTER_END, BEFORE_START, MAX_DATE, MIN_DATE, calendarDate, clampDate, utcMidnight, type IsoDate } from './dateText';
export { anniversary, anniversaryIndex, isMonthEnd, monthEnd, monthEndsBetween, plusDays, plusMonths } from './calendar';

// An RFC 3339 date-time: T or t, optional fraction, Z or a numeric offset (plain dates have their own fast path).
const timestampPattern = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isRealDate(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Whether `value` (10 characters) is `DDDD-DD-DD` with ASCII digits. */
function isPlainDate(value: string): boolean {
  for (let i = 0; i < 10; i++) {
    const code = value.charCodeAt(i);
    if (i === 4 || i === 7 ? code !== 45 : code < 48 || code > 57) return false;
  }
  return true;
}

/**
 * Reads a date field: `YYYY-MM-DD`, or an RFC 3339 timestamp reduced to its
 * UTC calendar date. Returns `null` for anything else, impossible dates
 * (`2026-02-30`) included.
 * @param value - The raw field.
 * @returns The calendar date, or `null`.
 * @example
 * toIsoDate('2026-03-31T23:30:00-05:00') //=> '2026-04-01'
 * toIsoDate('2026-02-30') //=> null
 */
export function toIsoDate(value: string): IsoDate | null {
  // Plain dates, by far the most common, without the regex: digits and dashes by position.
  if (value.length === 10) return isPlainDate(value) && isRealDate(digits(value, 0, 4), digits(value, 5, 7), digits(value, 8, 10)) ? value : null;
  const m = value.length > 64 ? null : timestampPattern.exec(value);
  if (m === null) return null;
  if (!isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) return null;
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  // With `Z` there is no offset: its fields are NaN, which fails no check.
  const offsetHours = Number(m[8]);
  const offsetMins = Number(m[9]);
  if (hour > 23 || minute > 59 || Number(m[6]) > 60 || offsetHours > 23 || offsetMins > 59) return null;
  const offsetMinutes = m[7] === undefined ? 0 : (m[7] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  // Minutes since the local midnight of the written date, moved to UTC.
  // A leap second (:60) stays within its minute, so it never changes the day.
  const utcMinutes = hour * 60 + minute - offsetMinutes;
  const date = value.slice(0, 10);
  if (utcMinutes >= 0 && utcMinutes < 1440) return date;
  const shifted = plusDays(date, utcMinutes < 0 ? -1 : 1);
  return clampDate(shifted) === shifted ? shifted : null;
}

/**
 * A date as the integer YYYYMMDD: the same order as the string, compared in
 * one machine instruction. Parsed once per entry by `parseLedger`.
 * @param date - A calendar date, or a sentinel.
 * @returns The integer YYYYMMDD.
 * @example
 * dayKey('2026-03-31') //=> 20260331
 */
export function dayKey(date: IsoDate): number {
  return digits(date, 0, 4) * 10_000 + digits(date, 5, 7) * 100 + digits(date, 8, 10);
}
