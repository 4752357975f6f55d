import {
  anniversary,
  anniversaryIndex,
  isMonthEnd,
  plusDays,
  plusMonths,
  type IsoDate,
} from '../dates/isoDate';

/** Which entries a review counts (R1). */
export const windowKinds = ['rolling-12-months', 'calendar-year', 'partnership-year'] as const;

/** A window kind: `rolling-12-months` (default), `calendar-year` or `partnership-year`. */
export type WindowKind = (typeof windowKinds)[number];

/** Inclusive calendar bounds. */
export type DateRange = { readonly from: IsoDate; readonly to: IsoDate };

/**
 * The window a review on `asOf` counts (R1): the 12 months ending on `asOf`,
 * inclusive, by default.
 * @param asOf - Review date, `YYYY-MM-DD`.
 * @param kind - `rolling-12-months` (default), `calendar-year` (1 January … asOf)
 *   or `partnership-year` (latest anniversary of `joinedOn` on or before asOf … asOf).
 * @param joinedOn - The partner's join date (used by `partnership-year`).
 * @returns Inclusive bounds.
 * @example
 * reviewWindow('2024-02-29') //=> { from: '2023-03-01', to: '2024-02-29' }
 * reviewWindow('2026-06-15') //=> { from: '2025-06-16', to: '2026-06-15' }
 */
export function reviewWindow(
  asOf: IsoDate,
  kind: WindowKind = 'rolling-12-months',
  joinedOn?: IsoDate,
): DateRange {
  switch (kind) {
    case 'calendar-year':
      return { from: `${asOf.slice(0, 4)}-01-01`, to: asOf };
    case 'partnership-year': {
      if (joinedOn === undefined) return rollingWindow(asOf);
      // Before joining, the anniversaries continue backwards (k < 0): still one year.
      return { from: anniversary(joinedOn, anniversaryIndex(joinedOn, asOf)), to: asOf };
    }
    default:
      return rollingWindow(asOf);
  }
}

function rollingWindow(asOf: IsoDate): DateRange {
  // R1: a month-end review counts 12 whole months; otherwise the day after the
  // same date 12 months earlier (subMonths, then +1 day), so 2026-06-15 starts 2025-06-16.
  const from = isMonthEnd(asOf) ? `${plusMonths(asOf, -11).slice(0, 8)}01` : plusDays(plusMonths(asOf, -12), 1);
  return { from, to: asOf };
}

/**
 * The first review date on which an entry dated `date` no longer counts: the
 * first day D whose window starts after `date` (R1).
 * @example
 * leavesWindowOn('2025-06-15') //=> '2026-06-15'
 * leavesWindowOn('2025-06-30') //=> '2026-06-30'
 * leavesWindowOn('2025-06-15', 'calendar-year') //=> '2026-01-01'
 */
export function leavesWindowOn(date: IsoDate, kind: WindowKind = 'rolling-12-months', joinedOn?: IsoDate): IsoDate {
  switch (kind) {
    case 'calendar-year':
      return `${String(Number(date.slice(0, 4)) + 1).padStart(4, '0')}-01-01`;
    case 'partnership-year':
      if (joinedOn !== undefined) return anniversary(joinedOn, anniversaryIndex(joinedOn, date) + 1);
      break;
  }
  // Exactly twelve months on (date-fns addMonths): on that day the window starts
  // after `date`, the day before it does not — month ends and 29 February
  // included (test/rules/R01-window.test.ts checks every day of 2019–2030).
  return plusMonths(date, 12);
}
