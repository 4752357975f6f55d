import { anniversary, type IsoDate } from '../dates/isoDate';
import type { CompiledVersion } from '../program/compile';
import type { DerivedCredit } from './types';
import type { DateRange } from './window';

/**
 * The partner-year credits of a review (R5): the row's points on the first
 * day of each of the first `maxYears` partnership years (`joinedOn`, +1 year,
 * +2 years), each counted when it falls in the window. Anniversaries come
 * from the join date itself, never chained.
 * @example
 * partnerYearCredits('2024-02-29', version, { from: '2024-12-01', to: '2025-11-30' })
 * //=> [{ rule: 'R5', date: '2025-02-28', points: 1000 }]
 */
export function partnerYearCredits(joinedOn: IsoDate, version: CompiledVersion, window: DateRange): DerivedCredit[] {
  const credits: DerivedCredit[] = [];
  // The k-th credit falls in year(joinedOn) + k (addYears keeps the year, or goes past 9999):
  // only the k whose year is one of the window's need a date (none for a long-standing partner).
  const joined = Number(joinedOn.slice(0, 4));
  const first = Math.max(0, Number(window.from.slice(0, 4)) - joined);
  const last = Math.min(version.partnerYears - 1, Number(window.to.slice(0, 4)) - joined);
  for (let k = first; k <= last; k++) {
    const date = anniversary(joinedOn, k);
    if (date >= window.from && date <= window.to) credits.push({ rule: 'R5', date, points: version.partnerYearPoints });
  }
  return credits;
}
