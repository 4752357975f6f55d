/**
 * Calendar dates as `YYYY-MM-DD` strings (string order is date order).
 *
 * Calendar arithmetic runs on the calendar fields with integers, with the
 * semantics of date-fns `addDays`, `addMonths` and `addYears` (a month
 * added to 31 January is 28 or 29 February). It never builds a `Date`:
 * date-fns works in the host's local time, and a local-time `Date` cannot
 * hold a day the host zone skipped (Pacific/Kiritimati has no 1994-12-31,
 * Pacific/Apia no 2011-12-30), so results would depend on the host time
 * zone. `test/dates/isoDate.test.ts` checks these functions against date-fns
 * itself for generated dates.
 */

/** A calendar date `YYYY-MM-DD`, year 0001 to 9999. */
export type IsoDate = string;

/** The first and last calendar day the library represents. */
export const MIN_DATE: IsoDate = '0001-01-01';
export const MAX_DATE: IsoDate = '9999-12-31';

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

/** The number the ASCII digits of `value` from `start` to `end` write. */
function digits(value: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) n = n * 10 + value.charCodeAt(i) - 48;
  return n;
}

function pad(value: number, width: number): string {
  const text = String(value);
  // Most fields already have their width (years ≥ 1000, months and days ≥ 10).
  return text.length >= width ? text : text.padStart(width, '0');
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
 * @example
 * clampDate(plusMonths('0001-06-15', -12)) //=> '0001-01-01'
 */
export function clampDate(date: IsoDate): IsoDate {
  return date > MAX_DATE ? MAX_DATE : date < MIN_DATE ? MIN_DATE : date;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The date of a day number (H. Hinnant's civil_from_days), as YYYY-MM-DD or a sentinel past either end. */
function civilFromDays(days: number): IsoDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return fromFields(yoe + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

function fromFields(year: number, month: number, day: number): IsoDate {
  if (year < 0) return BEFORE_START;
  if (year > 9999) return AFTER_END;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * Adds calendar days (negative to go back). Beyond year 9999 the result is
 * {@link AFTER_END}, before year 0 {@link BEFORE_START}.
 * @example
 * plusDays('2024-02-28', 1) //=> '2024-02-29'
 */
export function plusDays(date: IsoDate, days: number): IsoDate {
  // Past either end, arithmetic stays there.
  if (date === AFTER_END || date === BEFORE_START) return date;
  return civilFromDays(daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))) + days);
}

/**
 * Adds calendar months, clamping the day to the target month (date-fns `addMonths`).
 * @example
 * plusMonths('2026-01-31', 1) //=> '2026-02-28'
 */
export function plusMonths(date: IsoDate, months: number): IsoDate {
  if (date === AFTER_END || date === BEFORE_START) return date;
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  if (year < 0 || year > 9999) return fromFields(year, month, 1);
  // As date-fns addMonths: the day is clamped to the target month's last day.
  return fromFields(year, month, Math.min(Number(date.slice(8, 10)), daysInMonth(year, month)));
}

/**
 * Whether the date is the last day of its month.
 * @example
 * isMonthEnd('2024-02-29') //=> true
 */
export function isMonthEnd(date: IsoDate): boolean {
  return date === monthEnd(date);
}

/**
 * The last day of the month the date falls in.
 * @example
 * monthEnd('2025-02-10') //=> '2025-02-28'
 */
export function monthEnd(date: IsoDate): IsoDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 8)}${pad(daysInMonth(year, month), 2)}`;
}

/**
 * The month ends D with from ≤ D ≤ to, ascending (the review dates of R12).
 * @example
 * monthEndsBetween('2024-01-15', '2024-03-30') //=> ['2024-01-31', '2024-02-29']
 */
export function monthEndsBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const dates: IsoDate[] = [];
  const last = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7)) - 1;
  for (let total = Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7)) - 1; total <= last; total++) {
    const year = Math.floor(total / 12);
    const month = total - year * 12 + 1;
    // The first month's end is on or after `from`; the last month's may be after `to`.
    const date = fromFields(year, month, daysInMonth(year, month));
    if (date <= to) dates.push(date);
  }
  return dates;
}

/**
 * The calendar month of a date, `YYYY-MM`.
 * @example
 * monthOf('2026-03-31') //=> '2026-03'
 */
export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

/**
 * The `k`-th anniversary of `start`: `addYears(start, k)`, always from `start`
 * itself, never chained from an earlier anniversary (R5, R11).
 * @example
 * anniversary('2024-02-29', 4) //=> '2028-02-29'
 */
export function anniversary(start: IsoDate, k: number): IsoDate {
  // date-fns addYears is addMonths(12 k): only 29 February moves (to 28
  // February in a common year), and far years become the sentinels. Any other
  // day just changes its year (the fast path). A test checks it equals date-fns addYears.
  const year = Number(start.slice(0, 4)) + k;
  const monthDay = start.slice(4);
  return year < 0 || year > 9999 || monthDay === '-02-29' ? plusMonths(start, 12 * k) : `${pad(year, 4)}${monthDay}`;
}

/**
 * The number `k` of the latest anniversary `addYears(start, k)` on or before
 * `date` (negative when `date` is before `start`).
 * @example
 * anniversaryIndex('2023-03-15', '2026-03-14') //=> 2
 */
export function anniversaryIndex(start: IsoDate, date: IsoDate): number {
  let k = Number(date.slice(0, 4)) - Number(start.slice(0, 4));
  // The year difference is right or one too many; one step settles it.
  if (anniversary(start, k) > date) k -= 1;
  return k;
}

/**
 * A date as the integer YYYYMMDD: the same order as the string, compared in
 * one machine instruction. Parsed once per entry by `parseLedger`.
 * @example
 * dayKey('2026-03-31') //=> 20260331
 */
export function dayKey(date: IsoDate): number {
  return digits(date, 0, 4) * 10_000 + digits(date, 5, 7) * 100 + digits(date, 8, 10);
}

/**
 * Midnight UTC at the start of `date`, as a `Date`: for libraries that take
 * one (a PDF's creation date). The full year is set explicitly, so years
 * 1–99 are not read as 1901–1999.
 * @param date - A calendar date.
 * @returns The `Date` of 00:00:00 UTC that day.
 * @example
 * utcMidnight('2026-11-30').toISOString() //=> '2026-11-30T00:00:00.000Z'
 */
export function utcMidnight(date: IsoDate): Date {
  const value = new Date(0);
  value.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return value;
}
