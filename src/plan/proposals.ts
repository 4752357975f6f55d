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
import { isLimited as isLimitedRow } from '../evaluate/limits';
import { activityPoints, entryWorth, LIMITED, SIMPLE } from '../evaluate/contributions';
import type { LimitedPlan } from './limited';

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
  /** A fresh placeholder holder for a certification of `kind`, `new-<kind>-1`, `new-<kind>-2`, …, none the ledger or the plan has. */
  readonly nextHolder: (kind: string) => string;
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
  const holders = new Map<string, number>();
  const nextHolder = (kind: string) => {
    let n = holders.get(kind) ?? 0;
    let holder: string;
    do holder = `new-${kind}-${++n}`;
    while (placeholders.has(holder));
    holders.set(kind, n);
    return holder;
  };
  return { ledger, version, by, nextId, placeholders, nextHolder };
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
 * Certifications for new holders toward the target's count requirements
 * (R8, R9), given what each measure lacks on `by` (`CompiledVersion.kinds`,
 * then `.specific`). First each certification required by name, for as many
 * new holders as it lacks; each is also a new pair of its kind, so a kind
 * then lacks that many fewer. Then each kind, one certification per new
 * holder, the catalogue's certifications of that kind in turn. Holders are
 * placeholders (`new-profile-1`, `new-security-1`, …) that no entry of the
 * ledger names, so each certification is a new pair and a new holder.
 */
export function certificationsFor(ctx: ProposalContext, lacking: readonly number[]): CertificationEntry[] {
  const { kinds, specific } = ctx.version;
  const catalogue = [...ctx.version.certifications.values()];
  const left = [...lacking];
  const planned: CertificationEntry[] = [];
  const certify = (kind: string, certification: string) => {
    planned.push({ id: ctx.nextId(), type: 'certification', date: ctx.by, holder: ctx.nextHolder(kind), certification, status: 'approved' });
  };
  specific.forEach((certification, s) => {
    const row = ctx.version.certifications.get(certification);
    const kind = row === undefined ? -1 : kinds.indexOf(row.kind);
    if (row === undefined || kind < 0) return;
    const count = left[kinds.length + s] ?? 0;
    for (let i = 0; i < count; i++) certify(row.kind, certification);
    left[kind] = Math.max(0, (left[kind] ?? 0) - count);
  });
  kinds.forEach((kind, m) => {
    const ofKind = catalogue.filter((row) => row.kind === kind);
    const count = left[m] ?? 0;
    for (let i = 0; i < count && ofKind.length > 0; i++) certify(kind, (ofKind[i % ofKind.length] as (typeof ofKind)[number]).id);
  });
  return planned;
}

/** A proposed activity entry: its row, attendees, what it is worth on its own and what it earns on `by` (R3: past a cap less, past a limit nothing). */
type Proposal = { readonly row: ActivityRow; readonly quantity: number | undefined; readonly worth: number; readonly earns: number };

/**
 * The entry of `row` a plan may propose toward `points`: a per-attendee row
 * with as many attendees as the points need (at most `MAX_QUANTITY`; on a
 * capped row no more than the points left under the cap), any other row as
 * it is, a "+" row at its minimum. `null` when the entry would earn nothing:
 * a derived row, a row worth nothing, a limited row whose limit or cap in
 * the periods of `by` is used up (R3).
 */
function proposalOf(ctx: ProposalContext, row: ActivityRow, points: number, limited: LimitedPlan): Proposal | null {
  if (row.kind === 'derived') return null;
  // One entry as the table has it: one attendee, a "+" row's minimum.
  const one = entryWorth(entryOf(ctx, row, undefined, ''), ctx.version, undefined, () => ctx.version.fee);
  if (one.points <= 0 || (one.kind !== SIMPLE && one.kind !== LIMITED)) return null;
  const earnsOf = (worth: number) => (one.kind === LIMITED ? limited.adds(row, worth) : worth);
  if (row.kind !== 'per-attendee') {
    const earns = earnsOf(one.points);
    return earns > 0 ? { row, quantity: undefined, worth: one.points, earns } : null;
  }
  // Past a cap more attendees earn nothing more: as many as the points, or what the cap leaves, need.
  const most = earnsOf(one.points * MAX_QUANTITY);
  if (most <= 0) return null;
  const quantity = Math.max(1, Math.min(Math.ceil(Math.min(points, most) / one.points), MAX_QUANTITY));
  const worth = activityPoints(entryOf(ctx, row, quantity, ''), row) ?? 0;
  return { row, quantity, worth, earns: earnsOf(worth) };
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
 * Activity entries worth `points` or more on `by`: the preferred rows in
 * order (a per-attendee row one entry with enough attendees, any other row
 * as many entries as needed, at most `MAX_ACTIVITY_ENTRIES`; a limited row
 * only while its limit and cap leave it points, R3), then, for what is
 * left, the single entry with the least excess, or while no entry covers
 * the rest, the one that earns most. None when `MAX_ACTIVITY_ENTRIES`
 * entries do not carry the points: `left` is then what they would have left.
 * @param limited - What the planned entries of limited rows already take (src/plan/limited.ts); not changed.
 */
export function activitiesFor(ctx: ProposalContext, points: number, prefer: readonly ActivityRow[], limited: LimitedPlan): { entries: ActivityEntry[]; left: number } {
  const entries: ActivityEntry[] = [];
  const taken = limited.copy();
  let left = points;
  const add = (proposal: Proposal) => {
    entries.push(entryOf(ctx, proposal.row, proposal.quantity, ''));
    left -= proposal.earns;
    taken.take(proposal.row, proposal.worth);
  };

  for (const row of prefer) {
    if (left <= 0) break;
    const first = proposalOf(ctx, row, left, taken);
    if (first === null) continue;
    if (first.quantity !== undefined || first.earns < first.worth || isLimitedRow(row)) {
      // One entry at a time: attendees for the points left, and a limited row's places and points as they run out.
      for (let count = 0; left > 0 && count < MAX_ACTIVITY_ENTRIES; count++) {
        const next = proposalOf(ctx, row, left, taken);
        if (next === null) break;
        add(next);
      }
    } else {
      const count = Math.ceil(left / first.earns);
      if (count > MAX_ACTIVITY_ENTRIES) continue;
      for (let i = 0; i < count; i++) add(first);
    }
  }
  const rows = [...ctx.version.activities.values()];
  while (left > 0 && entries.length < MAX_ACTIVITY_ENTRIES) {
    const best = bestProposal(ctx, rows, left, taken);
    if (best === null) break;
    add(best);
  }
  // Ids are taken only by a plan that is kept.
  return left > 0 ? { entries: [], left } : { entries: entries.map((entry) => ({ ...entry, id: ctx.nextId() })), left };
}

/** The single proposal that earns `points` or more with the least excess; when none earns that much, the one that earns most. */
function bestProposal(ctx: ProposalContext, rows: readonly ActivityRow[], points: number, limited: LimitedPlan): Proposal | null {
  let best: Proposal | null = null;
  for (const row of rows) {
    const option = proposalOf(ctx, row, points, limited);
    if (option === null) continue;
    if (best === null) {
      best = option;
      continue;
    }
    // One that covers the points beats one that does not; of two that cover, the smaller; of two that do not, the larger.
    const bestCovers = best.earns >= points;
    if (option.earns >= points ? !bestCovers || option.earns < best.earns : !bestCovers && option.earns > best.earns) best = option;
  }
  return best;
}
