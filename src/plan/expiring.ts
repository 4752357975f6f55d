/**
 * What stops counting between `asOf` and `by`: points that leave the window
 * and certifications that expire ({@link ExpiringItem}). Linear in the
 * ledger: each list is indexed once.
 */
import { plusDays, type IsoDate } from '../dates/isoDate';
import type { Ledger, LedgerEntry } from '../ledger/types';
import { floorUnits, parseMoney, subtractMoney, zeroMoney, type Money } from '../money/money';
import type { CompiledVersion } from '../program/compile';
import type { RuleId } from '../program/types';
import { monthlyKey, pairKey } from '../evaluate/slidingWindow';
import type { Evaluation } from '../evaluate/types';
import { leavingOn, type WindowKind } from '../evaluate/window';
import { countedRevenue } from './search';

/**
 * Points that count on `asOf` and no longer do on `by`, or a certification
 * valid on `asOf` and expired by `by`. Points are listed by what earned them:
 * activity, time, bonus, special, adjustment and certification (R8) credits by
 * their entry, revenue by its entry with its `amount`, partner-year credits
 * (R5) by rule and date. A credit that a twin still in the window holds on
 * `by` (another entry of the same certification pair, or of the same monthly
 * activity and month) keeps counting and is not listed.
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
  // A slot holds one credit whichever entry earns it: a certification pair (R8,
  // once per window) or a monthly row's calendar month (R3), whatever the
  // entries earn. When the entry credited on asOf leaves, a twin still in the
  // window takes it over.
  const slotOf = (entry: LedgerEntry): string | null =>
    entry.type === 'certification'
      ? `R8|${pairKey(entry)}`
      : entry.type === 'activity' && version.activities.get(entry.activity)?.kind === 'monthly'
        ? `R3|${monthlyKey(entry)}`
        : null;
  let items: MutableItem[] = [];
  const amounts = new Map<MutableItem, Money>();
  // Credits leaving that a slot holds: listed unless a twin holds the slot on `by`.
  const slotted: { item: MutableItem; slot: string }[] = [];
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
    const slot = slotOf(entry);
    if (slot !== null) slotted.push({ item, slot });
    items.push(item);
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
