import {
  anniversary,
  anniversaryIndex,
  calendarDate,
  clampDate,
  isMonthEnd,
  plusDays,
  plusMonths,
  type IsoDate,
} from '../dates/isoDate';
import { issue, throwIfAny, type LedgerIssue } from '../issues';
import { readDate } from '../readOptions';

/**
 * Which entries a review counts (R1). Frozen: it is the very list `window`
 * options are checked against, so a caller's `push` must not widen it.
 */
export const windowKinds = /* @__PURE__ */ Object.freeze(['rolling-12-months', 'calendar-year', 'partnership-year'] as const);

/** A window kind: `rolling-12-months` (default), `calendar-year` or `partnership-year`. */
export type WindowKind = (typeof windowKinds)[number];

/** Inclusive calendar bounds. */
export type DateRange = { readonly from: IsoDate; readonly to: IsoDate };

/**
 * Reads a `window` option (default `rolling-12-months`), pushing an
 * `invalid-value` issue at `path` when it is not a window kind.
 */
export function readWindowKind(value: unknown, path: string, issues: LedgerIssue[]): WindowKind {
  if (value === undefined) return 'rolling-12-months';
  if ((windowKinds as readonly unknown[]).includes(value)) return value as WindowKind;
  issues.push(issue(path, 'invalid-value', `"${path}" must be one of ${windowKinds.join(', ')}`));
  return 'rolling-12-months';
}

/**
 * The positional arguments of {@link reviewWindow} and {@link leavesWindowOn},
 * validated as `evaluate` validates its options, at the paths their
 * parameters are named by: the date (`asOf` or `date`), `window` (the kind,
 * as `evaluate` names that option) and `joinedOn`. Throws one `ValidationError`.
 */
function readWindowArguments(dateName: string, value: unknown, kind: unknown, joined: unknown): { date: IsoDate; kind: WindowKind; joinedOn: IsoDate | undefined } {
  const issues: LedgerIssue[] = [];
  const date = readDate(value, dateName, issues);
  const windowKind = readWindowKind(kind, 'window', issues);
  const joinedOn = readDate(joined, 'joinedOn', issues, false);
  // Without a join date there is no partnership year: an issue, never a silent rolling window.
  if (windowKind === 'partnership-year' && joined === undefined) {
    issues.push(issue('joinedOn', 'missing-field', '"joinedOn" is required by the partnership-year window: the partner\'s join date, YYYY-MM-DD'));
  }
  throwIfAny(issues);
  return { date: date as IsoDate, kind: windowKind, joinedOn };
}

/**
 * The window a review on `asOf` counts (R1): the 12 months ending on `asOf`,
 * inclusive, by default — the window `evaluate` reports for that `asOf`.
 * @param asOf - Review date, `YYYY-MM-DD` or an RFC 3339 timestamp (its UTC date, as in `evaluate`).
 * @param kind - `rolling-12-months` (default), `calendar-year` (1 January … asOf)
 *   or `partnership-year` (latest anniversary of `joinedOn` on or before asOf … asOf).
 * @param joinedOn - The partner's join date (required by `partnership-year`).
 * @returns Inclusive bounds.
 * @throws {ValidationError} With an issue at `asOf`, `window` or `joinedOn` when an argument is not valid.
 * @example
 * reviewWindow('2024-02-29') //=> { from: '2023-03-01', to: '2024-02-29' }
 * reviewWindow('2026-06-15') //=> { from: '2025-06-16', to: '2026-06-15' }
 * reviewWindow('2026-03-31T23:30:00-05:00') //=> { from: '2025-04-02', to: '2026-04-01' }
 */
export function reviewWindow(asOf: string, kind?: WindowKind, joinedOn?: string): DateRange {
  const args = readWindowArguments('asOf', asOf, kind, joinedOn);
  return windowOn(args.date, args.kind, args.joinedOn);
}

/** {@link reviewWindow} without validation, for the library's own callers, whose arguments are already valid. */
export function windowOn(asOf: IsoDate, kind: WindowKind = 'rolling-12-months', joinedOn?: IsoDate): DateRange {
  switch (kind) {
    case 'calendar-year':
      return { from: `${asOf.slice(0, 4)}-01-01`, to: asOf };
    case 'partnership-year': {
      if (joinedOn === undefined) return rollingWindow(asOf);
      // Before joining, the anniversaries continue backwards (k < 0): still one year.
      return { from: clampDate(anniversary(joinedOn, anniversaryIndex(joinedOn, asOf))), to: asOf };
    }
    default:
      return rollingWindow(asOf);
  }
}

function rollingWindow(asOf: IsoDate): DateRange {
  // R1: a month-end review counts 12 whole months; otherwise the day after the
  // same date 12 months earlier (subMonths, then +1 day), so 2026-06-15 starts 2025-06-16.
  const from = isMonthEnd(asOf) ? `${plusMonths(asOf, -11).slice(0, 8)}01` : plusDays(plusMonths(asOf, -12), 1);
  // Near 0001-01-01 the window reaches back before the calendar: it counts the same entries from its first day.
  return { from: clampDate(from), to: asOf };
}

/**
 * The first review date on which an entry dated `date` no longer counts: the
 * first day D whose window starts after `date` (R1).
 * @param date - The entry's date, `YYYY-MM-DD` or an RFC 3339 timestamp (its UTC date).
 * @param kind - The window kind, as {@link reviewWindow} takes it.
 * @param joinedOn - The partner's join date (required by `partnership-year`).
 * @returns That date, or `null` when it would fall after 9999-12-31: the entry
 *   counts in every review the calendar holds.
 * @throws {ValidationError} With an issue at `date`, `window` or `joinedOn` when an argument is not valid.
 * @example
 * leavesWindowOn('2025-06-15') //=> '2026-06-15'
 * leavesWindowOn('2025-06-30') //=> '2026-06-30'
 * leavesWindowOn('2025-06-15', 'calendar-year') //=> '2026-01-01'
 * leavesWindowOn('9999-06-15') //=> null
 */
export function leavesWindowOn(date: string, kind?: WindowKind, joinedOn?: string): IsoDate | null {
  const args = readWindowArguments('date', date, kind, joinedOn);
  return leavingOn(args.date, args.kind, args.joinedOn);
}

/** {@link leavesWindowOn} without validation, for the library's own callers, whose arguments are already valid. */
export function leavingOn(date: IsoDate, kind: WindowKind = 'rolling-12-months', joinedOn?: IsoDate): IsoDate | null {
  return calendarDate(leavesWindowAfter(date, kind, joinedOn));
}

/** {@link leavesWindowOn} as a computed date, a sentinel past 9999-12-31 (for comparisons). */
function leavesWindowAfter(date: IsoDate, kind: WindowKind, joinedOn?: IsoDate): IsoDate {
  switch (kind) {
    case 'calendar-year':
      // The day after 31 December, by the shared arithmetic: past 9999 it is the sentinel, never year 10000.
      return plusDays(`${date.slice(0, 4)}-12-31`, 1);
    case 'partnership-year':
      if (joinedOn !== undefined) return anniversary(joinedOn, anniversaryIndex(joinedOn, date) + 1);
      break;
  }
  // Exactly twelve months on (date-fns addMonths): on that day the window starts
  // after `date`, the day before it does not — month ends and 29 February
  // included (test/rules/R01-window.test.ts checks every day of 2019–2030).
  return plusMonths(date, 12);
}
