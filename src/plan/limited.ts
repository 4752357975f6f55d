/**
 * What planned entries of limited rows earn (R3): a row with a limit (at
 * most n entries per period) or a cap (at most n points per period).
 * Planned entries are dated `by`, approved, and come after every entry of
 * the ledger (by date, then input order), so they take the places and the
 * points a row has left in the periods of `by` once the ledger's approved
 * entries have taken theirs; pending entries come after them and change
 * nothing they earn. What they earn is always asked of
 * src/evaluate/limits.ts's `settleRow`, the one place of the rule.
 */
import { dayKey, type IsoDate } from '../dates/isoDate';
import { ledgerData } from '../ledger/parseLedger';
import type { Ledger, LedgerEntry } from '../ledger/types';
import type { CompiledVersion } from '../program/compile';
import type { ActivityRow } from '../program/types';
import { entryWorth, LIMITED } from '../evaluate/contributions';
import { isLimited, periodOf, settleRow, type LimitedEntry, type Settled } from '../evaluate/limits';

/**
 * A limited row as the window on `by` holds it: its approved entries that a
 * planned entry can meet, reduced to what decides what planned entries earn
 * (the counted entries in the limit's period of `by`, and the points taken
 * in the cap's period of `by`), with what they earn.
 */
export type HeldRow = { readonly row: ActivityRow; readonly held: readonly LimitedEntry[]; readonly earned: number };

/** The limited rows of a version as the window on `by` holds them, by row id (rows none of whose entries matter are absent). */
export type HeldRows = { readonly day: number; readonly rows: ReadonlyMap<string, HeldRow> };

/**
 * The limited rows' approved entries counted in the window [`from`, `by`]
 * of the ledger, reduced to what planned entries dated `by` meet: one pass
 * over the ledger, then `settleRow` once per limited row that has entries.
 */
export function heldRowsOn(ledger: Ledger, version: CompiledVersion, from: IsoDate, by: IsoDate): HeldRows {
  const day = dayKey(by);
  const rows = new Map<string, HeldRow>();
  if (![...version.activities.values()].some(isLimited)) return { day, rows };
  const days = ledgerData(ledger)?.days;
  const entries = ledger.entries;
  const byRow = new Map<ActivityRow, { entry: LimitedEntry; index: number }[]>();
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index] as LedgerEntry;
    if (entry.type !== 'activity' || entry.status !== 'approved' || entry.date < from || entry.date > by) continue;
    const row = version.activities.get(entry.activity);
    if (row === undefined || !isLimited(row)) continue;
    const worth = entryWorth(entry, version, undefined, () => version.fee);
    if (worth.kind !== LIMITED) continue;
    const list = byRow.get(row) ?? [];
    if (list.length === 0) byRow.set(row, list);
    list.push({ entry: { day: days?.[index] ?? dayKey(entry.date), approved: true, worth: worth.points }, index });
  }
  for (const [row, list] of byRow) {
    // By date, then input order (the list is in input order, and the sort is stable).
    list.sort((a, b) => a.entry.day - b.entry.day);
    const settled: Settled[] = [];
    settleRow(row, list.map((item) => item.entry), settled);
    const limitBucket = row.limit === undefined ? null : periodOf(row.limit.per, day);
    const capBucket = row.cap === undefined ? null : periodOf(row.cap.per, day);
    const held: LimitedEntry[] = [];
    // The points the cap's period of `by` has taken outside the limit's period of `by`: one entry carries them
    // (periods nest, so that entry's own limit period holds no other kept entry, and it is counted again).
    let elsewhere: LimitedEntry | null = null;
    let earned = 0;
    list.forEach(({ entry }, k) => {
      const { earned: points, limited } = settled[k] as Settled;
      if (limited) return;
      if (limitBucket !== null && row.limit !== undefined && periodOf(row.limit.per, entry.day) === limitBucket) {
        held.push({ day: entry.day, approved: true, worth: points });
        earned += points;
      } else if (capBucket !== null && row.cap !== undefined && points > 0 && periodOf(row.cap.per, entry.day) === capBucket) {
        elsewhere = { day: elsewhere?.day ?? entry.day, approved: true, worth: (elsewhere?.worth ?? 0) + points };
        earned += points;
      }
    });
    if (elsewhere !== null) held.push(elsewhere);
    if (held.length > 0) rows.set(row.id, { row, held, earned });
  }
  return { day, rows };
}

/**
 * What planned entries of one limited row earn on `by`, given their worths
 * in planned order (R3): what `settleRow` counts for the row's held entries
 * and them, less what it counts for the held entries alone.
 */
export function plannedEarn(held: HeldRows, row: ActivityRow, worths: readonly number[]): number {
  if (worths.length === 0) return 0;
  const known = held.rows.get(row.id);
  const entries: LimitedEntry[] = known === undefined ? [] : [...known.held];
  for (const worth of worths) entries.push({ day: held.day, approved: true, worth });
  return settleRow(row, entries).approved - (known?.earned ?? 0);
}

/**
 * The planned entries of limited rows so far, by row: what one more entry
 * of a row would add (R3), and taking it.
 */
export type LimitedPlan = {
  /** The points one more planned entry of `row` worth `worth` adds: `worth`, less past a cap, 0 past a limit. */
  readonly adds: (row: ActivityRow, worth: number) => number;
  /** Records one more planned entry of `row` worth `worth`. */
  readonly take: (row: ActivityRow, worth: number) => void;
  /** A copy to try proposals on. */
  readonly copy: () => LimitedPlan;
};

/** The limited plan with `entries` (planned: dated `by`, approved, valid) already in. */
export function limitedPlan(held: HeldRows, version: CompiledVersion, entries: readonly LedgerEntry[]): LimitedPlan {
  const planned = new Map<string, number[]>();
  for (const entry of entries) {
    if (entry.type !== 'activity') continue;
    const row = version.activities.get(entry.activity);
    const worth = row === undefined ? null : entryWorth(entry, version, undefined, () => version.fee);
    if (row !== undefined && worth?.kind === LIMITED) planned.set(row.id, [...(planned.get(row.id) ?? []), worth.points]);
  }
  return planOf(held, planned);
}

function planOf(held: HeldRows, planned: Map<string, number[]>): LimitedPlan {
  const plan: LimitedPlan = {
    adds: (row, worth) => {
      const before = planned.get(row.id) ?? [];
      return plannedEarn(held, row, [...before, worth]) - plannedEarn(held, row, before);
    },
    take: (row, worth) => {
      planned.set(row.id, [...(planned.get(row.id) ?? []), worth]);
    },
    copy: () => planOf(held, new Map([...planned].map(([id, worths]) => [id, [...worths]] as const))),
  };
  return plan;
}
