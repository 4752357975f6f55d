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
  // The k-th credit falls in year(joinedOn) + k (or past 9999): when the last one's year
  // is before the window's, none counts, and no date needs computing (a long-standing partner's every review).
  if (Number(joinedOn.slice(0, 4)) + version.partnerYears - 1 < Number(window.from.slice(0, 4))) return credits;
  for (let k = 0; k < version.partnerYears; k++) {
    const date = anniversary(joinedOn, k);
    if (date >= window.from && date <= window.to) credits.push({ rule: 'R5', date, points: version.partnerYearPoints });
  }
  return credits;
}
