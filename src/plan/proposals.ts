/**
 * Which entries a plan proposes: revenue, certifications for placeholder
 * holders, activities. Every proposal is a valid ledger entry dated `by`,
 * approved, and realistic: a "+" row is proposed at its minimum points only
 * (more is awarded case by case), a per-attendee row with the attendees it
 * needs, a fixed row repeated. What an entry is worth is always asked of
 * src/evaluate/contributions.ts.
 */
import type { IsoDate } from '../dates/isoDate';
import type { ActivityEntry, CertificationEntry, Ledger, LedgerEntry, RevenueEntry } from '../ledger/types';
import { MAX_QUANTITY } from '../ledger/schema';
import { compareMoney, multiplyMoney, parseMoney, subtractMoney, zeroMoney, type Money } from '../money/money';
import type { CompiledVersion } from '../program/compile';
import type { ActivityRow } from '../program/types';
import { activityPoints, entryWorth, MONTHLY, SIMPLE } from '../evaluate/contributions';
import { monthlyKey } from '../evaluate/tally';

/** The largest amount one revenue entry may carry. */
const MAX_REVENUE_ENTRY = /* @__PURE__ */ parseMoney('999999999.99') as Money;
const ONE = /* @__PURE__ */ parseMoney('1.00') as Money;
/** The most entries of one activity a preference repeats, and the most activity entries a plan proposes: past it, revenue carries the points. */
export const MAX_ACTIVITY_ENTRIES = 1000;

/** What every proposal needs: the ledger, the version in effect on `by`, `by`, and the one id maker. */
export type ProposalContext = {
  readonly ledger: Ledger;
  readonly version: CompiledVersion;
  readonly by: IsoDate;
  /** A fresh entry id, `plan-1`, `plan-2`, …, none the ledger has. */
  readonly nextId: () => string;
  /** The certification holders of the ledger that look like placeholders (`new-…`): those a plan must skip. */
  readonly placeholders: ReadonlySet<string>;
};

/** The context for a ledger, from one pass over it: ids `plan-n` skip the ids the ledger has, placeholder holders the holders it has. */
export function proposalContext(ledger: Ledger, version: CompiledVersion, by: IsoDate): ProposalContext {
  // Only ids `plan-…` and holders `new-…` can collide: the rest need not be kept.
  const taken = new Set<string>();
  const placeholders = new Set<string>();
  const entries = ledger.entries;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index] as LedgerEntry;
    if (entry.id.startsWith('plan-')) taken.add(entry.id);
    if (entry.type === 'certification' && entry.holder.startsWith('new-')) placeholders.add(entry.holder);
  }
  let n = 0;
  const nextId = () => {
    let id: string;
    do id = `plan-${++n}`;
    while (taken.has(id));
    taken.add(id);
    return id;
  };
  return { ledger, version, by, nextId, placeholders };
}

/** Direct-sale revenue entries for `amount` in all, split at the largest amount an entry may carry. */
export function revenueFor(ctx: ProposalContext, amount: Money): RevenueEntry[] {
  const entries: RevenueEntry[] = [];
  let left = amount;
  while (compareMoney(left, zeroMoney()) > 0) {
    const one = compareMoney(left, MAX_REVENUE_ENTRY) > 0 ? MAX_REVENUE_ENTRY : left;
    entries.push({ id: ctx.nextId(), type: 'revenue', date: ctx.by, amount: one.text, source: 'direct-sale', status: 'approved' });
    left = subtractMoney(left, one);
  }
  return entries;
}

/**
 * Revenue that raises the revenue points by `points` (a point per dollar,
 * R2): past a negative revenue sum first, since the points are floored on the sum.
 */
export function revenueForPoints(ctx: ProposalContext, points: number, revenue: Money): RevenueEntry[] {
  const below = compareMoney(revenue, zeroMoney()) < 0 ? revenue : zeroMoney();
  // Exactly, however many points: more than an amount's nine digits is split over entries.
  return revenueFor(ctx, subtractMoney(multiplyMoney(ONE, points), below));
}

/**
 * `count` certifications of `kind`, one per placeholder holder
 * (`new-profile-1`, `new-sales-1`, …) that no entry of the ledger names, so
 * each is a new pair; the catalogue's certifications of that kind in turn.
 */
export function certificationsFor(ctx: ProposalContext, kind: 'profile' | 'sales', count: number): CertificationEntry[] {
  const catalogue = [...ctx.version.certifications.values()].filter((row) => row.kind === kind);
  const planned: CertificationEntry[] = [];
  let n = 0;
  for (let i = 0; i < count && catalogue.length > 0; i++) {
    let holder: string;
    do holder = `new-${kind}-${++n}`;
    while (ctx.placeholders.has(holder));
    planned.push({ id: ctx.nextId(), type: 'certification', date: ctx.by, holder, certification: catalogue[i % catalogue.length]!.id, status: 'approved' });
  }
  return planned;
}

/** A proposed activity entry: its row, attendees, what it is worth and whether it holds the month of `by` (R3). */
type Proposal = { readonly row: ActivityRow; readonly quantity: number | undefined; readonly worth: number; readonly monthly: string | null };

// Activity entries are never fee payments: their worth needs no fee.
const noFee = () => zeroMoney();

/**
 * The entry of `row` a plan may propose toward `points`: a per-attendee row
 * with as many attendees as the points need (at most `MAX_QUANTITY`), any
 * other row as it is, a "+" row at its minimum. `null` when the entry would
 * earn nothing: a derived row, a row worth nothing, a monthly row whose
 * month of `by` is held (R3).
 */
function proposalOf(ctx: ProposalContext, row: ActivityRow, points: number, monthsHeld: ReadonlySet<string>): Proposal | null {
  if (row.kind === 'derived') return null;
  // One entry as the table has it: one attendee, a "+" row's minimum.
  const one = entryWorth(entryOf(ctx, row, undefined, ''), ctx.version, undefined, noFee);
  if (one.points <= 0 || (one.kind !== SIMPLE && one.kind !== MONTHLY)) return null;
  const monthly = one.kind === MONTHLY ? monthlyKey(entryOf(ctx, row, undefined, '')) : null;
  if (monthly !== null && monthsHeld.has(monthly)) return null;
  if (row.kind !== 'per-attendee') return { row, quantity: undefined, worth: one.points, monthly };
  const quantity = Math.max(1, Math.min(Math.ceil(points / one.points), MAX_QUANTITY));
  return { row, quantity, worth: activityPoints(entryOf(ctx, row, quantity, ''), row) ?? 0, monthly };
}

/** The entry of `row` dated `by`, evidence met: the fewest words the row accepts and its FLOSS licence (R3); never `points` (a "+" row's minimum). */
function entryOf(ctx: ProposalContext, row: ActivityRow, quantity: number | undefined, id: string): ActivityEntry {
  return {
    id,
    type: 'activity',
    date: ctx.by,
    activity: row.id,
    ...(quantity === undefined ? {} : { quantity }),
    ...(row.evidence?.words === undefined ? {} : { words: row.evidence.words.min ?? 0 }),
    ...(row.evidence?.floss === undefined ? {} : { floss: row.evidence.floss }),
    status: 'approved',
  };
}

/**
 * Activity entries worth `points` or more: the preferred rows in order (a
 * per-attendee row one entry with enough attendees, a monthly row one entry
 * when the month of `by` is free, any other row as many entries as needed,
 * at most `MAX_ACTIVITY_ENTRIES`), then, for what is left, the single entry
 * with the least excess, or while no entry covers the rest, the one worth
 * most. None when `MAX_ACTIVITY_ENTRIES` entries do not carry the points:
 * `left` is then what they would have left.
 * @param monthsHeld - `monthlyKey` of the monthly rows whose month of `by` is held (R3).
 */
export function activitiesFor(
  ctx: ProposalContext,
  points: number,
  prefer: readonly ActivityRow[],
  monthsHeld: ReadonlySet<string>,
): { entries: ActivityEntry[]; left: number } {
  const entries: ActivityEntry[] = [];
  const held = new Set(monthsHeld);
  let left = points;
  const add = (proposal: Proposal) => {
    entries.push(entryOf(ctx, proposal.row, proposal.quantity, ''));
    left -= proposal.worth;
    if (proposal.monthly !== null) held.add(proposal.monthly);
  };

  for (const row of prefer) {
    if (left <= 0) break;
    const first = proposalOf(ctx, row, left, held);
    if (first === null) continue;
    if (first.monthly !== null) add(first);
    else if (first.quantity !== undefined) {
      // One entry takes the remaining points; more only where one may not have that many attendees.
      for (let count = 0; left > 0 && count < MAX_ACTIVITY_ENTRIES; count++) add(proposalOf(ctx, row, left, held) as Proposal);
    } else {
      const count = Math.ceil(left / first.worth);
      if (count > MAX_ACTIVITY_ENTRIES) continue;
      for (let i = 0; i < count; i++) add(first);
    }
  }
  const rows = [...ctx.version.activities.values()];
  while (left > 0 && entries.length < MAX_ACTIVITY_ENTRIES) {
    const best = bestProposal(ctx, rows, left, held);
    if (best === null) break;
    add(best);
  }
  // Ids are taken only by a plan that is kept.
  return left > 0 ? { entries: [], left } : { entries: entries.map((entry) => ({ ...entry, id: ctx.nextId() })), left };
}

/** The single proposal worth `points` or more with the least excess; when none is worth that much, the one worth most. */
function bestProposal(ctx: ProposalContext, rows: readonly ActivityRow[], points: number, monthsHeld: ReadonlySet<string>): Proposal | null {
  let best: Proposal | null = null;
  for (const row of rows) {
    const option = proposalOf(ctx, row, points, monthsHeld);
    if (option === null) continue;
    if (best === null) {
      best = option;
      continue;
    }
    // One that covers the points beats one that does not; of two that cover, the smaller; of two that do not, the larger.
    const bestCovers = best.worth >= points;
    if (option.worth >= points ? !bestCovers || option.worth < best.worth : !bestCovers && option.worth > best.worth) best = option;
  }
  return best;
}
