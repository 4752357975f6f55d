/**
 * What stops counting between `asOf` and `by`: points that leave the window
 * and certifications that expire ({@link ExpiringItem}). Linear in the
 * ledger: each list is indexed once; a limited row's leaving entries are
 * settled again one by one, within one period of the row (R3).
 */
import { dayKey, plusDays, type IsoDate } from '../dates/isoDate';
import { ledgerData } from '../ledger/parseLedger';
import type { Ledger, LedgerEntry } from '../ledger/types';
import { floorUnits, parseMoney, subtractMoney, zeroMoney, type Money } from '../money/money';
import type { CompiledVersion } from '../program/compile';
import type { ActivityRow, LimitPeriod, RuleId } from '../program/types';
import { entryWorth, LIMITED } from '../evaluate/contributions';
import { isLimited, periodOf, settleRow, type LimitedEntry } from '../evaluate/limits';
import { pairKey } from '../evaluate/slidingWindow';
import type { Evaluation } from '../evaluate/types';
import { leavingOn, type WindowKind } from '../evaluate/window';
import { countedRevenue } from './search';

/**
 * Points that count on `asOf` and no longer do on `by`, or a certification
 * valid on `asOf` and expired by `by`. Points are listed by what earned them:
 * activity, time, bonus, special, adjustment and certification (R8) credits by
 * their entry, revenue by its entry with its `amount`, partner-year credits
 * (R5) by rule and date. A credit that a twin still in the window holds on
 * `by` (another entry of the same certification pair) keeps counting and is
 * not listed. An entry of a limited row (a limit or a cap, R3) takes with it
 * what its row loses when it leaves: nothing when a later entry takes its
 * place (the row's next entry of the month, under a limit of one a month) or
 * the points it leaves under a cap, and then it is not listed.
 */
export type ExpiringItem = {
  /** The entry that earned the points; for a partner-year credit (R5), which no entry earned, `R5`. */
  readonly id: string;
  /** The rule that credited the points: R2 revenue, R3 activity, R4 time, R5 partner year, R6 bonus or special, R7 adjustment, R8 certification. */
  readonly rule: RuleId;
  readonly date: IsoDate;
  /** The first day it no longer counts (leaves the window, or the certification is expired); never after `by`. */
  readonly leavesOn: IsoDate;
  /**
   * The points that stop counting (negative for an adjustment or a refund).
   * For revenue, the revenue points its amount takes with it once the items
   * listed before it have left (revenue points are floored on the sum, R2).
   * When nothing new comes into the window and the total is not clamped at 0,
   * the points listed add up to the fall of the total. 0 for a certification
   * that expires (it stops counting toward the certification requirements).
   */
  readonly points: number;
  /** Revenue leaving, exactly. */
  readonly amount?: string;
  readonly reason: 'leaves-window' | 'certification-expires';
};

/** What {@link expiringBetween} compares: the ledger, the version on `by`, the evaluations on `asOf` and `by`, the window kind. */
export type ExpiringContext = {
  readonly ledger: Ledger;
  readonly version: CompiledVersion;
  readonly now: Evaluation;
  readonly atBy: Evaluation;
  readonly window: WindowKind;
};

type MutableItem = { -readonly [K in keyof ExpiringItem]: ExpiringItem[K] };


/**
 * Every point that counts on `asOf` and no longer does on `by`, by what
 * earned it, and every certification valid on `asOf` and expired by `by`
 * ({@link ExpiringItem}). Ordered by `leavesOn`, then date, then entries in
 * input order, partner-year credits, certification expiries.
 */
export function expiringBetween({ ledger, version, now, atBy, window }: ExpiringContext): ExpiringItem[] {
  const joinedOn = ledger.partner.joinedOn;
  const entries = ledger.entries;
  const from = atBy.window.from;
  // What left the window left it on or before `by`: a calendar date.
  const leavesOn = (date: IsoDate) => leavingOn(date, window, joinedOn) as IsoDate;
  // A certification pair holds one credit whichever entry earns it (R8, once per window): when the entry
  // credited on asOf leaves, a twin still in the window takes it over.
  const slotOf = (entry: LedgerEntry): string | null => (entry.type === 'certification' ? pairKey(entry) : null);
  let items: MutableItem[] = [];
  const amounts = new Map<MutableItem, Money>();
  // Credits leaving that a slot holds: listed unless a twin holds the slot on `by`.
  const slotted: { item: MutableItem; slot: string }[] = [];
  // Credits of limited rows leaving, by entry index: what each takes with it is settled per row (R3).
  const limited = new Map<number, MutableItem>();
  const outcomes = now.entries;
  for (let index = 0; index < outcomes.length; index++) {
    const outcome = outcomes[index] as (typeof outcomes)[number];
    if (outcome.outcome !== 'counted') continue;
    const entry = entries[index] as LedgerEntry;
    if (entry.date >= from) continue;
    if (entry.type === 'revenue') {
      const amount = parseMoney(entry.amount) as Money;
      const item: MutableItem = { id: entry.id, rule: outcome.rule, date: entry.date, leavesOn: leavesOn(entry.date), points: 0, amount: amount.text, reason: 'leaves-window' };
      amounts.set(item, amount);
      items.push(item);
      continue;
    }
    if (outcome.points === 0) continue;
    const item: MutableItem = { id: entry.id, rule: outcome.rule, date: entry.date, leavesOn: leavesOn(entry.date), points: outcome.points, reason: 'leaves-window' };
    const row = entry.type === 'activity' ? version.activities.get(entry.activity) : undefined;
    if (row !== undefined && isLimited(row)) limited.set(index, item);
    const slot = slotOf(entry);
    if (slot !== null) slotted.push({ item, slot });
    items.push(item);
  }
  if (limited.size > 0) {
    // What each takes with it; one that takes nothing (a later entry stands in for it) is not listed.
    const taken = limitedLeaving({ ledger, version, now, atBy }, limited);
    const dropped = new Set<MutableItem>();
    for (const item of limited.values()) {
      const points = taken.get(item);
      if (points === undefined) dropped.add(item);
      else item.points = points;
    }
    if (dropped.size > 0) items = items.filter((item) => !dropped.has(item));
  }
  if (slotted.length > 0) {
    const heldOnBy = new Set<string>();
    const later = atBy.entries;
    for (let index = 0; index < later.length; index++) {
      const outcome = later[index] as (typeof later)[number];
      const slot = outcome.outcome === 'counted' && outcome.points !== 0 ? slotOf(entries[index] as LedgerEntry) : null;
      if (slot !== null) heldOnBy.add(slot);
    }
    const kept = new Set(slotted.filter(({ slot }) => heldOnBy.has(slot)).map(({ item }) => item));
    if (kept.size > 0) items = items.filter((item) => !kept.has(item));
  }
  for (const credit of now.derived) {
    if (credit.date < from) items.push({ id: credit.rule, rule: credit.rule, date: credit.date, leavesOn: leavesOn(credit.date), points: credit.points, reason: 'leaves-window' });
  }
  for (const item of certificationsExpiring(ledger, now, atBy)) items.push(item);
  // Stable: equal keys keep the order built above.
  items.sort((a, b) => (a.leavesOn < b.leavesOn ? -1 : a.leavesOn > b.leavesOn ? 1 : a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  // Revenue points are floored on the sum (R2): each revenue item takes what its
  // amount takes from the floored sum once the ones before it have gone, so
  // together they take exactly the fall of the revenue points.
  let revenue = amounts.size === 0 ? zeroMoney() : countedRevenue(ledger, now);
  for (const item of items) {
    const amount = amounts.get(item);
    if (amount === undefined) continue;
    const before = floorUnits(revenue);
    revenue = subtractMoney(revenue, amount);
    item.points = before - floorUnits(revenue);
  }
  return items;
}

/**
 * The certifications valid on `asOf` and not on `by`, each named by the
 * entry that keeps the pair valid on `asOf`: counted there (never a rejected
 * or pending twin), with the held date and expiry; of several, the last.
 */
function certificationsExpiring(ledger: Ledger, now: Evaluation, atBy: Evaluation): MutableItem[] {
  const validOnBy = new Set(atBy.certifications.valid.map(pairKey));
  const lapsing = now.certifications.valid.filter((held) => held.expiresOn !== undefined && !validOnBy.has(pairKey(held)));
  if (lapsing.length === 0) return [];
  // One pass over the ledger indexes the counted certification entries by what they hold.
  const keyOf = (c: { holder: string; certification: string; date: IsoDate; expiresOn?: IsoDate }) => `${pairKey(c)}\u0000${c.date}\u0000${c.expiresOn ?? ''}`;
  const holding = new Map<string, LedgerEntry>();
  ledger.entries.forEach((entry, index) => {
    if (entry.type === 'certification' && entry.expiresOn !== undefined && now.entries[index]?.outcome === 'counted') holding.set(keyOf(entry), entry);
  });
  const items: MutableItem[] = [];
  for (const held of lapsing) {
    const entry = holding.get(keyOf(held));
    if (entry !== undefined) items.push({ id: entry.id, rule: 'R8', date: entry.date, leavesOn: plusDays(held.expiresOn as IsoDate, 1), points: 0, reason: 'certification-expires' });
  }
  return items;
}

/** The coarser of two periods: periods nest (month in quarter in year in window), so the coarser one's buckets hold the finer one's. */
const coarseness: Readonly<Record<LimitPeriod, number>> = { month: 0, quarter: 1, year: 2, window: 3 };

function coarser(row: ActivityRow): LimitPeriod {
  const limit = row.limit?.per ?? 'month';
  const cap = row.cap?.per ?? 'month';
  return coarseness[cap] > coarseness[limit] ? cap : limit;
}

/**
 * What each leaving entry of a limited row takes with it (R3): its row's
 * approved entries are put back in date order, from those still in the window
 * on `by`, and each takes what `settleRow` adds when it is put back. They add
 * up to what the row loses between `asOf` and `by` when nothing new comes in;
 * an entry another one stands in for takes 0 and is not listed. Entries are
 * settled per bucket of the row's coarser period, the most one entry can change.
 * @param leaving - The items of the row's entries counted on `asOf` that leave, by entry index.
 * @returns What each of them takes with it, when not 0.
 */
function limitedLeaving({ ledger, version, now, atBy }: Omit<ExpiringContext, 'window'>, leaving: ReadonlyMap<number, MutableItem>): Map<MutableItem, number> {
  const days = ledgerData(ledger)?.days;
  const entries = ledger.entries;
  const asOf = now.asOf;
  const from = now.window.from;
  const byFrom = atBy.window.from;
  const by = atBy.asOf;
  // The approved entries of each limited row in either window, by row and bucket, in date order then input order.
  const groups = new Map<string, { row: ActivityRow; list: { index: number; entry: LimitedEntry; leaves: boolean }[] }>();
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index] as LedgerEntry;
    if (entry.type !== 'activity' || entry.status !== 'approved' || entry.date < from || entry.date > by) continue;
    const leaves = entry.date < byFrom;
    // Entries after asOf and before the window on `by` count in neither review.
    if (leaves && entry.date > asOf) continue;
    const row = version.activities.get(entry.activity);
    if (row === undefined || !isLimited(row)) continue;
    const worth = entryWorth(entry, version, undefined, () => version.fee);
    if (worth.kind !== LIMITED) continue;
    const day = days?.[index] ?? dayKey(entry.date);
    const key = `${row.id}\u0000${periodOf(coarser(row), day)}`;
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = { row, list: [] }));
    group.list.push({ index, entry: { day, approved: true, worth: worth.points }, leaves });
  }
  const taken = new Map<MutableItem, number>();
  for (const { row, list } of groups.values()) {
    if (!list.some((item) => item.leaves && leaving.has(item.index))) continue;
    list.sort((a, b) => a.entry.day - b.entry.day);
    const staying = list.filter((item) => !item.leaves).map((item) => item.entry);
    const back: LimitedEntry[] = [];
    let before = settleRow(row, staying).approved;
    for (const item of list) {
      if (!item.leaves) continue;
      back.push(item.entry);
      const after = settleRow(row, [...back, ...staying]).approved;
      const listed = leaving.get(item.index);
      if (listed !== undefined && after !== before) taken.set(listed, after - before);
      before = after;
    }
  }
  return taken;
}
