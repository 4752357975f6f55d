/**
 * Limits and caps of activity rows (R3): at most `count` entries of a row per
 * period, and at most `points` per period. The one place that says which
 * entries of a row count and for how much: the sliding window settles a
 * row's entries with it for every review (evaluate, each month of a
 * timeline), and the planner for the entries it proposes.
 */
import type { ActivityRow, LimitPeriod } from '../program/types';
import type { ExclusionReason } from './types';

/** The period bucket of a day key YYYYMMDD: its calendar month, quarter or year, or the one bucket of the window. */
export function periodOf(per: LimitPeriod, day: number): number {
  switch (per) {
    case 'month':
      return Math.floor(day / 100);
    case 'quarter': {
      const month = Math.floor(day / 100) % 100;
      return Math.floor(day / 10000) * 10 + Math.floor((month - 1) / 3);
    }
    case 'year':
      return Math.floor(day / 10000);
    default:
      return 0;
  }
}

/** The exclusion reason of an entry over a row's limit (R3). */
export const limitReason: Readonly<Record<LimitPeriod, ExclusionReason>> = { month: 'monthly-limit', quarter: 'quarterly-limit', year: 'yearly-limit', window: 'window-limit' };

/** Whether a row's entries are settled together: it has a limit or a cap. */
export function isLimited(row: ActivityRow): boolean {
  return row.limit !== undefined || row.cap !== undefined;
}

/** What one entry of a limited row is, for {@link settleRow}. */
export type LimitedEntry = {
  /** Its day key YYYYMMDD. */
  readonly day: number;
  readonly approved: boolean;
  /** What it is worth on its own (R3). */
  readonly worth: number;
};

/**
 * What {@link settleRow} decides for one entry: the points it counts for
 * (approved) or would add (pending), and whether the limit left it out
 * (then `earned` is 0). `earned` below `worth` without `limited` is the cap.
 */
export type Settled = { earned: number; limited: boolean };

/** The points a row's entries in the window count for, approved and pending (R3, R7). */
export type RowFigures = { readonly approved: number; readonly pending: number };

/**
 * Settles the entries of one limited row in a review's window (R3, R7), given
 * in order: by date, then input order. Approved entries take the places of
 * the limit first, the earliest first; pending entries take the places left,
 * in order; the rest are over the limit. Then the cap: approved entries in
 * order earn their worth up to what is left under it (the one that crosses
 * it, the points left), pending ones from what approved ones left.
 * @param out - When given, receives each entry's decision, by position.
 * @returns What the approved entries count for, and what pending ones would add.
 * @example
 * // a row capped at 1,000 points a year, two approved entries of 600
 * settleRow(row, [{ day: 20260110, approved: true, worth: 600 }, { day: 20260210, approved: true, worth: 600 }]) //=> { approved: 1000, pending: 0 }
 */
export function settleRow(row: ActivityRow, entries: readonly LimitedEntry[], out?: Settled[]): RowFigures {
  const { limit, cap } = row;
  // What each entry earns; −1 while the limit leaves it out.
  const earned = entries.map((entry) => (limit === undefined ? entry.worth : -1));
  const places = new Map<number, number>();
  const used = new Map<number, number>();
  // Approved entries first, then pending ones: the limit's places, then the cap's points.
  for (const approved of [true, false]) {
    entries.forEach((entry, k) => {
      if (entry.approved !== approved || limit === undefined) return;
      const bucket = periodOf(limit.per, entry.day);
      const taken = places.get(bucket) ?? 0;
      if (taken < limit.count) {
        places.set(bucket, taken + 1);
        earned[k] = entry.worth;
      }
    });
  }
  for (const approved of [true, false]) {
    entries.forEach((entry, k) => {
      if (entry.approved !== approved || cap === undefined || (earned[k] as number) < 0) return;
      const bucket = periodOf(cap.per, entry.day);
      const taken = used.get(bucket) ?? 0;
      const points = Math.min(entry.worth, Math.max(0, cap.points - taken));
      used.set(bucket, taken + points);
      earned[k] = points;
    });
  }
  const figures = { approved: 0, pending: 0 };
  entries.forEach((entry, k) => {
    const points = Math.max(0, earned[k] as number);
    figures[entry.approved ? 'approved' : 'pending'] += points;
    out?.push({ earned: points, limited: (earned[k] as number) < 0 });
  });
  return figures;
}
