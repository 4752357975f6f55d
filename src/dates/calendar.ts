/**
 * Calendar arithmetic on `YYYY-MM-DD` dates, done by date-fns in UTC.
 *
 * date-fns computes in the zone of the dates it is given and builds. Through
 * date-fns v4's `in` context every one of them is a `UTCDateMini`
 * (`@date-fns/utc`), so no result depends on the host zone: a local-time
 * `Date` cannot even hold a day the host zone skipped (Pacific/Kiritimati has
 * no 1994-12-31, Pacific/Apia no 2011-12-30). A date goes in as the time value
 * of its UTC midnight and comes out as its UTC calendar fields. Past year 9999
 * a result is `AFTER_END`, before year 0 `BEFORE_START`, and arithmetic from
 * a sentinel stays there.
 */
import { UTCDateMini } from '@date-fns/utc/date/mini';
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { addYears } from 'date-fns/addYears';
import { endOfMonth } from 'date-fns/endOfMonth';
import { AFTER_END, BEFORE_START, digits, pad, timeOf, type IsoDate } from './dateText';

// date-fns builds every date through this context (its `in` option): a
// UTCDateMini, whose getters and setters are the UTC ones, all date-fns's
// arithmetic calls (UTCDate adds formatting, unused here, and builds three Intl
// formatters when imported). It is made as `new UTCDateMini(time)` would make
// it, but without running that constructor, which reads the clock (`super()`)
// before it sets the time: a tenth of a call here. It receives our time values
// and date-fns's own dates, never strings.
const inUtc = { in: (value: Date | number | string): Date => Reflect.construct(Date, [+value], UTCDateMini) };

/**
 * The UTC calendar date of `value`. Beyond year 9999 it is `AFTER_END`,
 * before year 0 `BEFORE_START`; a move past what a `Date` holds (invalid,
 * NaN) gives the sentinel on the side it moved to (the sign of `amount`).
 */
function dateOf(value: Date, amount: number): IsoDate {
  const year = value.getUTCFullYear();
  if (year >= 0 && year <= 9999) return `${pad(year, 4)}-${pad(value.getUTCMonth() + 1, 2)}-${pad(value.getUTCDate(), 2)}`;
  return year < 0 || (Number.isNaN(year) && amount < 0) ? BEFORE_START : AFTER_END;
}

/**
 * The results of the arithmetic, kept: each is a pure function of its
 * arguments, and one evaluation asks for the same few dates again and again
 * (the latest anniversary, its neighbours, the window's bounds), as does every
 * partner of a batch reviewed on one date, every month of a timeline and a
 * page re-evaluating. A Map lookup costs a tenth of one date-fns call.
 * Bounded: it is emptied when it reaches {@link MAX_KEPT} results.
 */
const kept = /* @__PURE__ */ new Map<string, IsoDate>();
const MAX_KEPT = 4096;

function keep(key: string, date: IsoDate): IsoDate {
  if (kept.size >= MAX_KEPT) kept.clear();
  kept.set(key, date);
  return date;
}

function isSentinel(date: IsoDate): boolean {
  return date === AFTER_END || date === BEFORE_START;
}

/**
 * Adds calendar days (negative to go back): date-fns `addDays`. Beyond year
 * 9999 the result is {@link AFTER_END}, before year 0 {@link BEFORE_START}.
 * @param date - A calendar date, or a sentinel (which it returns).
 * @param days - Whole days to add.
 * @returns The date `days` days on.
 * @example
 * plusDays('2024-02-28', 1) //=> '2024-02-29'
 * plusDays('9999-12-31', 1) //=> AFTER_END
 */
export function plusDays(date: IsoDate, days: number): IsoDate {
  if (isSentinel(date)) return date;
  const key = `d${date}${days}`;
  return kept.get(key) ?? keep(key, dateOf(addDays(timeOf(date), days, inUtc), days));
}

/**
 * Adds calendar months (negative to go back): date-fns `addMonths`, which
 * clamps the day to the target month's last day.
 * @param date - A calendar date, or a sentinel (which it returns).
 * @param months - Whole months to add.
 * @returns The date `months` months on.
 * @example
 * plusMonths('2026-01-31', 1) //=> '2026-02-28'
 * plusMonths('2024-02-29', -12) //=> '2023-02-28'
 */
export function plusMonths(date: IsoDate, months: number): IsoDate {
  if (isSentinel(date)) return date;
  const key = `m${date}${months}`;
  return kept.get(key) ?? keep(key, dateOf(addMonths(timeOf(date), months, inUtc), months));
}

/**
 * The `k`-th anniversary of `start`: date-fns `addYears(start, k)`, always
 * from `start` itself, never chained from an earlier anniversary (R5, R11),
 * so 29 February comes back on 29 February in leap years.
 * @param start - A calendar date, or a sentinel (which it returns).
 * @param k - Whole years to add (negative to go back).
 * @returns The anniversary.
 * @example
 * anniversary('2024-02-29', 1) //=> '2025-02-28'
 * anniversary('2024-02-29', 4) //=> '2028-02-29'
 */
export function anniversary(start: IsoDate, k: number): IsoDate {
  if (isSentinel(start)) return start;
  const key = `y${start}${k}`;
  return kept.get(key) ?? keep(key, dateOf(addYears(timeOf(start), k, inUtc), k));
}

/**
 * The number `k` of the latest anniversary `addYears(start, k)` on or before
 * `date` (negative when `date` is before `start`).
 * @param start - The first day (k = 0).
 * @param date - A calendar date.
 * @returns That `k`.
 * @example
 * anniversaryIndex('2023-03-15', '2026-03-14') //=> 2
 * anniversaryIndex('2024-02-29', '2025-02-28') //=> 1
 */
export function anniversaryIndex(start: IsoDate, date: IsoDate): number {
  const k = digits(date, 0, 4) - digits(start, 0, 4);
  // The year difference is right or one too many: one anniversary settles it.
  return anniversary(start, k) > date ? k - 1 : k;
}

/**
 * The last day of the month the date falls in: the day of date-fns
 * `endOfMonth` (one date built, where `lastDayOfMonth` builds two).
 * @param date - A calendar date, or a sentinel (which it returns).
 * @returns The month's last day.
 * @example
 * monthEnd('2025-02-10') //=> '2025-02-28'
 * monthEnd('2024-02-10') //=> '2024-02-29'
 */
export function monthEnd(date: IsoDate): IsoDate {
  if (isSentinel(date)) return date;
  const key = `e${date}`;
  // The year and the month stay: only the day (28 to 31) is new.
  return kept.get(key) ?? keep(key, `${date.slice(0, 8)}${endOfMonth(timeOf(date), inUtc).getUTCDate()}`);
}

/**
 * Whether the date is the last day of its month (never a sentinel).
 * @param date - A calendar date.
 * @returns `true` on the month's last day.
 * @example
 * isMonthEnd('2024-02-29') //=> true
 * isMonthEnd('2025-02-28') //=> true
 */
export function isMonthEnd(date: IsoDate): boolean {
  return !isSentinel(date) && date === monthEnd(date);
}

/**
 * The month ends D with from ≤ D ≤ to, ascending (the review dates of R12),
 * none past 9999-12-31.
 * @param from - The first day of the range.
 * @param to - The last day of the range.
 * @returns The month ends, ascending.
 * @example
 * monthEndsBetween('2024-01-15', '2024-03-30') //=> ['2024-01-31', '2024-02-29']
 */
export function monthEndsBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const dates: IsoDate[] = [];
  // From before the calendar, the month ends start with year 0's January.
  let end = endOfMonth(timeOf(from === BEFORE_START ? '0000-01-01' : from), inUtc);
  for (let date = dateOf(end, 1); date <= to && date !== AFTER_END; date = dateOf(end, 1)) {
    dates.push(date);
    // A month on from a month's last day is in the next month (addMonths clamps the day).
    end = endOfMonth(addMonths(end, 1, inUtc), inUtc);
  }
  return dates;
}
