import { dayKey, type IsoDate } from '../dates/isoDate';
import type { Prepared as LedgerInternals } from './prepare';
import type { Ledger, LedgerEntry } from '../ledger/types';
import { sumMoney, type Money } from '../money/money';
import { REVENUE, type Contributions } from './contributions';
import type { DerivedCredit, EntryOutcome, LeavingNext } from './types';
import { leavingOn, type WindowKind } from './window';

/**
 * The earliest-dated items that count in a review, which are the next to
 * leave its window (R1): counted entries with points, counted revenue, and
 * partner-year credits.
 */
export function findLeavingNext(
  ledger: Ledger,
  internals: LedgerInternals,
  contributions: Contributions,
  outcomes: readonly EntryOutcome[],
  derived: readonly DerivedCredit[],
  kind: WindowKind,
): LeavingNext | null {
  const days = internals.days;
  let first = Number.POSITIVE_INFINITY;
  let date = null as IsoDate | null;
  let ids: string[] = [];
  let points = 0;
  let revenue: Money[] = [];
  // Adds an item dated `on` (day key `day`, not after `first`); an earlier one starts over.
  const add = (day: number, on: IsoDate, itemPoints: number): void => {
    if (day < first) {
      first = day;
      date = on;
      ids = [];
      points = 0;
      revenue = [];
    }
    points += itemPoints;
  };
  for (let index = 0; index < outcomes.length; index++) {
    const outcome = outcomes[index] as EntryOutcome;
    if (outcome.outcome !== 'counted') continue;
    const isRevenue = contributions.kind[index] === REVENUE;
    if (outcome.points === 0 && !isRevenue) continue;
    const day = days[index] as number;
    if (day > first) continue;
    add(day, (ledger.entries[index] as LedgerEntry).date, outcome.points);
    ids.push(outcome.id);
    if (isRevenue) revenue.push(internals.money[index] as Money);
  }
  for (const credit of derived) {
    const day = dayKey(credit.date);
    if (day <= first) add(day, credit.date, credit.points);
  }
  if (date === null) return null;
  return { date, on: leavingOn(date, kind, ledger.partner.joinedOn), points, revenue: sumMoney(revenue).text, entries: ids };
}
