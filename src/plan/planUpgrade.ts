import { monthEnd, plusDays, type IsoDate } from '../dates/isoDate';
import { issue, throwIfAny, type LedgerIssue } from '../issues';
import type { ActivityEntry, CertificationEntry, Ledger, LedgerEntry, RevenueEntry } from '../ledger/types';
import { compareMoney, floorUnits, parseMoney, subtractMoney, sumMoney, type Money } from '../money/money';
import { versionAt, type CompiledProgram, type CompiledVersion } from '../program/compile';
import type { ActivityRow, Program, RuleId } from '../program/types';
import { evaluateResolved } from '../evaluate/evaluate';
import { readCommonOptions, readDateOption, readOptionsObject, resolveLedger } from '../evaluate/options';
import { ledgerData, parseLedgerUnsafe, type LedgerData } from '../ledger/parseLedger';
import { prepare, type Prepared as LedgerInternals } from '../evaluate/prepare';
import { shortfallOf } from '../evaluate/tiers';
import type { Evaluation, Shortfall } from '../evaluate/types';
import { monthlyKey } from '../evaluate/tally';
import { leavingOn, type WindowKind } from '../evaluate/window';
import { MAX_POINTS, MAX_QUANTITY } from '../ledger/schema';
import { formatCount, formatMoney, plural } from '../format';
import { describeValue, readArray } from '../readOptions';

/**
 * Why a plan cannot be made (a closed list): `by-before-as-of`,
 * `target-below-current` (ask for the tier held to see what keeps it), or
 * `not-plannable` — no set of valid entries dated `by` reaches the target.
 * Planning works on the unclamped points sum, and revenue entries (a point
 * per dollar, R2), reportable activities and certifications for new holders
 * can be added without limit, so with the built-in program, or any program
 * `defineProgram` accepts, every tier at or above the one held is plannable:
 * `not-plannable` is the answer only should a program offer no way at all.
 */
export type PlanReason = 'by-before-as-of' | 'target-below-current' | 'not-plannable';

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

/** The answer to "what must we still do to reach `target` by `by`". */
export type UpgradePlan = {
  readonly asOf: IsoDate;
  readonly current: string | null;
  readonly target: string;
  readonly by: IsoDate;
  readonly reachable: boolean;
  /** When not reachable: why, as a code and a sentence. */
  readonly reason?: PlanReason;
  readonly message?: string;
  /**
   * What `target` lacks on `by` with the ledger as it is (entries that leave the window before `by` already gone),
   * as `evaluate` reports it; below a points sum of 0 the steps say how many points the sum itself needs.
   */
  readonly shortfall: Shortfall;
  /** Every point that stops counting between `asOf` and `by`, and every certification that expires ({@link ExpiringItem}). */
  readonly expiring: readonly ExpiringItem[];
  /** Valid ledger entries dated `by` that, appended to the ledger, reach `target` on `by`; none can be left out. */
  readonly entries: readonly LedgerEntry[];
  /** The plan in words. */
  readonly steps: readonly string[];
};

/** Options of {@link planUpgrade}. */
export type PlanUpgradeOptions = {
  readonly asOf: string;
  /** Default: the tier above the one held on `asOf` (the tier held, at the top). */
  readonly target?: string;
  /** Default: the first month end on or after `asOf`. */
  readonly by?: string;
  readonly program?: Program;
  readonly window?: WindowKind;
  /**
   * Activity ids the partner would rather do, in order; default: the one activity entry with the least
   * excess over the points still missing. Either way revenue and certifications are planned first, and
   * the plan is minimal (no planned entry can be removed), not always the fewest entries possible.
   */
  readonly prefer?: readonly string[];
};

const MAX_REVENUE_ENTRY = parseMoney('999999999.99') as Money;
const MAX_REPEATED_ENTRIES = 1000;
/** More preferences than any program has activities would only slow the reading down. */
const MAX_PREFERRED = 1000;

function tierIndex(version: CompiledVersion, id: string | null): number {
  return id === null ? -1 : (version.tierIndex.get(id) ?? -1);
}

/**
 * What a partner must still do to reach a tier by a date (SPEC §3.1): the
 * shortfall on `by`, what leaves the window meanwhile, and a minimal set of
 * planned entries dated `by` — revenue, certifications for placeholder
 * holders (`new-profile-1`, `new-sales-1`, …) and activities — with the plan
 * in words. Appending `entries` to the ledger reaches the target on `by`;
 * leaving out any one of them does not. Minimal means that no planned entry
 * can be removed, not the fewest entries possible: revenue and certifications
 * are planned first, then activities, so $7,000 of revenue is taken to
 * Professional with $200 more and a pipeline share, where one $1,000 revenue
 * entry would also do. Entries lift the unclamped points
 * sum: when adjustments take it below 0 (a total of 0, R7), they make up the
 * whole distance. `not-plannable` means that no set of valid entries dated
 * `by` reaches the target, which no program `defineProgram` accepts allows
 * ({@link PlanReason}).
 * @param ledger - A ledger `parseLedger` returned, or raw input.
 * @param opts - `asOf` (required), `target`, `by`, `program`, `window`, `prefer`.
 * @returns The plan; `reachable: false` with a `reason` when it cannot be made.
 * @throws {ValidationError} When the ledger or the options are invalid (e.g. an unknown target tier).
 * @example
 * const plan = planUpgrade(
 *   { partner: { id: 'acme', joinedOn: '2020-01-15' }, entries: [
 *     { id: 'e1', type: 'activity', date: '2026-04-01', activity: 'event-attendance' },
 *   ] },
 *   { asOf: '2026-06-10' },
 * );
 * plan.target //=> 'professional' (Basic is held)
 * plan.shortfall //=> { points: 3000, revenue: '7200.00', profileCertifications: 0, salesCertifications: 0 }
 * plan.entries //=> [{ id: 'plan-1', type: 'revenue', date: '2026-06-30', amount: '7200.00', source: 'direct-sale' }]
 */
export function planUpgrade(ledger: Ledger | unknown, opts: PlanUpgradeOptions): UpgradePlan {
  const issues: LedgerIssue[] = [];
  const options = readOptionsObject(opts, ['asOf', 'target', 'by', 'program', 'window', 'prefer'], 'options must be an object with at least "asOf"', issues);
  const asOf = readDateOption(options, 'asOf', issues);
  const byOption = readDateOption(options, 'by', issues, false);
  const { window, program } = readCommonOptions(options, issues);
  throwIfAny(issues);
  const by = byOption ?? monthEnd(asOf as IsoDate);
  const version = versionAt(program, by);
  const target = options['target'];
  if (target !== undefined && (typeof target !== 'string' || !version.tierIndex.has(target))) {
    issues.push(issue('target', 'invalid-value', `"target" must be a tier of the program: ${[...version.tierIndex.keys()].join(', ')}; received ${describeValue(target)}`));
  }
  const prefer = readPrefer(options['prefer'], version, issues);
  throwIfAny(issues);
  const resolved = resolveLedger(ledger, program);
  return plan(resolved.ledger, resolved.internals, program, window, asOf as IsoDate, by, target as string | undefined, prefer);
}

function readPrefer(value: unknown, version: CompiledVersion, issues: LedgerIssue[]): ActivityRow[] {
  if (value === undefined) return [];
  // Read once, into a copy: a Proxy or a getter cannot answer differently later.
  const ids = readArray(value, 'prefer', `"prefer" must be an array of activity ids, received ${describeValue(value)}`, MAX_PREFERRED, issues) ?? [];
  const rows: ActivityRow[] = [];
  ids.forEach((id, i) => {
    const row = typeof id === 'string' ? version.activities.get(id) : undefined;
    if (row === undefined || row.kind === 'derived') {
      issues.push(issue(`prefer[${i}]`, 'unknown-activity', `expected an activity id a partner can report, received ${describeValue(id)}`));
    } else rows.push(row);
  });
  return rows;
}

function plan(
  ledger: Ledger,
  internals: LedgerInternals,
  program: CompiledProgram,
  window: WindowKind,
  asOf: IsoDate,
  by: IsoDate,
  targetOption: string | undefined,
  prefer: readonly ActivityRow[],
): UpgradePlan {
  const review = (at: IsoDate, l: Ledger = ledger, i: LedgerInternals = internals) => evaluateResolved(l, i, { asOf: at, window, program });
  const now = review(asOf);
  const version = versionAt(program, by);
  const currentIndex = tierIndex(version, now.tier);
  const target = targetOption ?? (version.tiers[currentIndex + 1] ?? version.tiers[Math.max(currentIndex, 0)])!.row.id;
  const targetIndex = tierIndex(version, target);
  const targetName = version.tiers[targetIndex]!.row.name;
  const atBy = review(by);
  const shortfall = shortfallOf(atBy.requirements[targetIndex]!);
  const base = { asOf, current: now.tier, target, by, shortfall, expiring: expiringBetween(ledger, internals, version, now, atBy, window) };

  if (by < asOf) {
    return unreachable(base, 'by-before-as-of', `"by" (${by}) is before "asOf" (${asOf}): a plan can only look forward.`);
  }
  if (targetIndex < currentIndex) {
    const currentName = version.tiers[currentIndex]!.row.name;
    return unreachable(base, 'target-below-current', `${targetName} is below ${currentName}, the tier held on ${asOf}; ask for ${currentName} to see what keeps it.`);
  }

  const meets = (entries: readonly LedgerEntry[]) => {
    if (entries.length === 0) return atBy.requirements[targetIndex]!.met;
    const extended = extend(ledger, entries, program);
    return extended !== null && review(by, extended.ledger, extended.internals).requirements[targetIndex]!.met;
  };
  const ids = idMaker(ledger);
  const planned: LedgerEntry[] = [];
  // Revenue first (it earns points too), then certifications (1,000 points each), then activities.
  let revenueLeft = parseMoney(shortfall.revenue) as Money;
  while (compareMoney(revenueLeft, parseMoney('0') as Money) > 0) {
    const amount = compareMoney(revenueLeft, MAX_REVENUE_ENTRY) > 0 ? MAX_REVENUE_ENTRY : revenueLeft;
    planned.push({ id: ids(), type: 'revenue', date: by, amount: amount.text, source: 'direct-sale', status: 'approved' } satisfies RevenueEntry);
    revenueLeft = subtractMoney(revenueLeft, amount);
  }
  planned.push(...certificationsFor(ledger, version, 'profile', shortfall.profileCertifications, by, ids));
  planned.push(...certificationsFor(ledger, version, 'sales', shortfall.salesCertifications, by, ids));

  for (let attempt = 0; attempt < 3 && !meets(planned); attempt++) {
    const extended = extend(ledger, planned, program);
    const standing = extended === null ? atBy : review(by, extended.ledger, extended.internals);
    const points = pointsMissing(standing, targetIndex);
    if (points <= 0) break;
    const activities = activitiesFor(ledger, version, by, points, prefer, planned, ids);
    // A program with no reportable activity still counts revenue: a point per dollar (R2).
    planned.push(...(activities.length > 0 ? activities : revenueFor(points, standing, by, ids)));
  }
  if (!meets(planned)) {
    return unreachable(base, 'not-plannable', `No set of entries dated ${by} reaches ${targetName} in this program.`);
  }
  const minimal = withoutRedundant(planned, meets);
  const below = belowZero(atBy, targetIndex);
  return { ...base, reachable: true, entries: minimal, steps: stepsFor(base.expiring, minimal, version, targetName, by, now.program.currency, below) };
}

/** The unclamped points sum (R7: the total is max(0, Σ byCategory)). */
function pointsSum(evaluation: Evaluation): number {
  let sum = 0;
  for (const points of Object.values(evaluation.points.byCategory)) sum += points;
  return sum;
}

/**
 * The points the target still lacks, against the unclamped sum: a total
 * clamped at 0 hides how far below 0 the sum is, and entries must lift the
 * sum itself (−6,001 needs 9,001 to reach 3,000, not 3,000).
 */
function pointsMissing(evaluation: Evaluation, targetIndex: number): number {
  const check = evaluation.requirements[targetIndex]!.checks.find((c) => c.kind === 'points');
  return check === undefined ? 0 : Math.max(0, (check.required as number) - pointsSum(evaluation));
}

/** When the sum on `by` is below 0 and the target needs points: the sum and what it needs, for the steps. */
function belowZero(atBy: Evaluation, targetIndex: number): { sum: number; missing: number; required: number } | null {
  const sum = pointsSum(atBy);
  const check = atBy.requirements[targetIndex]!.checks.find((c) => c.kind === 'points');
  return sum >= 0 || check === undefined ? null : { sum, missing: pointsMissing(atBy, targetIndex), required: check.required as number };
}

/** Revenue entries dated `by` that raise the revenue points by `points`, past a negative revenue sum first (R2). */
function revenueFor(points: number, standing: Evaluation, by: IsoDate, ids: () => string): RevenueEntry[] {
  const total = parseMoney(standing.revenue.total) as Money;
  const zero = parseMoney('0') as Money;
  let left = subtractMoney(parseMoney(points) as Money, compareMoney(total, zero) < 0 ? total : zero);
  const entries: RevenueEntry[] = [];
  while (compareMoney(left, zero) > 0) {
    const amount = compareMoney(left, MAX_REVENUE_ENTRY) > 0 ? MAX_REVENUE_ENTRY : left;
    entries.push({ id: ids(), type: 'revenue', date: by, amount: amount.text, source: 'direct-sale', status: 'approved' });
    left = subtractMoney(left, amount);
  }
  return entries;
}

function unreachable(base: Omit<UpgradePlan, 'reachable' | 'entries' | 'steps'>, reason: PlanReason, message: string): UpgradePlan {
  return { ...base, reachable: false, reason, message, entries: [], steps: [message] };
}

/** The ledger with planned entries appended, parsed; `null` if they do not parse (they always should). */
function extend(ledger: Ledger, entries: readonly LedgerEntry[], program: CompiledProgram): { ledger: Ledger; internals: LedgerInternals } | null {
  const result = parseLedgerUnsafe({ ...ledger, entries: [...ledger.entries, ...entries] }, program);
  return result.ok ? { ledger: result.ledger, internals: prepare(result.ledger, ledgerData(result.ledger) as LedgerData) } : null;
}

/**
 * Drops every planned entry the target can do without, so that leaving out
 * any one that remains falls short. Removing entries only ever lowers the
 * figures, so an entry found necessary stays necessary: of identical
 * entries (same shape, other id) one test speaks for all.
 */
function withoutRedundant(planned: readonly LedgerEntry[], meets: (entries: readonly LedgerEntry[]) => boolean): LedgerEntry[] {
  let kept = [...planned];
  const necessary = new Set<string>();
  for (let i = kept.length - 1; i >= 0; i--) {
    const { id: _id, ...shape } = kept[i] as LedgerEntry;
    const key = JSON.stringify(shape);
    if (necessary.has(key)) continue;
    const without = kept.filter((_, j) => j !== i);
    if (meets(without)) kept = without;
    else necessary.add(key);
  }
  return kept;
}

function idMaker(ledger: Ledger): () => string {
  const taken = new Set(ledger.entries.map((entry) => entry.id));
  let n = 0;
  return () => {
    let id: string;
    do id = `plan-${++n}`;
    while (taken.has(id));
    taken.add(id);
    return id;
  };
}

function certificationsFor(
  ledger: Ledger,
  version: CompiledVersion,
  kind: 'profile' | 'sales',
  count: number,
  by: IsoDate,
  ids: () => string,
): CertificationEntry[] {
  const catalogue = [...version.certifications.values()].filter((row) => row.kind === kind);
  const holders = new Set(ledger.entries.filter((e): e is CertificationEntry => e.type === 'certification').map((e) => e.holder));
  const planned: CertificationEntry[] = [];
  let n = 0;
  for (let i = 0; i < count && catalogue.length > 0; i++) {
    let holder: string;
    do holder = `new-${kind}-${++n}`;
    while (holders.has(holder));
    const row = catalogue[i % catalogue.length]!;
    planned.push({ id: ids(), type: 'certification', date: by, holder, certification: row.id, status: 'approved' });
  }
  return planned;
}

type EntryOption = { row: ActivityRow; points?: number; quantity?: number; worth: number };

/** One entry of `row` worth `points` or as close below as an entry may carry (MAX_POINTS, MAX_QUANTITY); `null` for a row that earns nothing. */
function entryOf(row: ActivityRow, points: number): EntryOption | null {
  if (row.points <= 0) return null;
  switch (row.kind) {
    case 'minimum': {
      const worth = Math.min(Math.max(row.points, points), Math.max(row.points, MAX_POINTS));
      return { row, points: worth, worth };
    }
    case 'per-attendee': {
      const quantity = Math.min(Math.ceil(points / row.points), MAX_QUANTITY);
      return { row, quantity, worth: quantity * row.points };
    }
    case 'fixed':
    case 'monthly':
      return { row, worth: row.points };
    default:
      return null;
  }
}

/** The single entry worth `points` or more with the least excess; when no entry is worth that much, the one worth most. */
function bestEntry(rows: readonly ActivityRow[], points: number): EntryOption | null {
  let best: EntryOption | null = null;
  for (const row of rows) {
    const option = entryOf(row, points);
    if (option === null) continue;
    if (best === null) {
      best = option;
      continue;
    }
    // An entry that covers the points beats one that does not; of two that cover, the smaller; of two that do not, the larger.
    const bestCovers = best.worth >= points;
    if (option.worth >= points ? !bestCovers || option.worth < best.worth : !bestCovers && option.worth > best.worth) best = option;
  }
  return best;
}

function activitiesFor(
  ledger: Ledger,
  version: CompiledVersion,
  by: IsoDate,
  points: number,
  prefer: readonly ActivityRow[],
  planned: readonly LedgerEntry[],
  ids: () => string,
): ActivityEntry[] {
  const entries: ActivityEntry[] = [];
  const make = (row: ActivityRow, extra: { points?: number; quantity?: number } = {}): ActivityEntry => ({
    id: ids(),
    type: 'activity',
    date: by,
    activity: row.id,
    ...(extra.points === undefined || extra.points === row.points ? {} : { points: extra.points }),
    ...(extra.quantity === undefined ? {} : { quantity: extra.quantity }),
    ...(row.evidence?.words === undefined ? {} : { words: row.evidence.words.min ?? 0 }),
    ...(row.evidence?.floss === undefined ? {} : { floss: row.evidence.floss }),
    status: 'approved',
  });
  let left = points;
  for (const row of prefer) {
    if (left <= 0) break;
    switch (row.kind) {
      case 'minimum':
      case 'per-attendee':
        // One entry takes the remaining points; more only where one entry may not carry them all.
        for (let count = 0; left > 0 && count < MAX_REPEATED_ENTRIES; count++) {
          const option = entryOf(row, left);
          if (option === null) break;
          entries.push(make(row, option));
          left -= option.worth;
        }
        break;
      case 'monthly':
        // One per calendar month (R3): only if the month of `by` is still free.
        if (!monthHeld(ledger, [...planned, ...entries], row.id, by)) {
          entries.push(make(row));
          left -= row.points;
        }
        break;
      default: {
        const count = Math.ceil(left / row.points);
        if (count > MAX_REPEATED_ENTRIES) continue;
        for (let i = 0; i < count; i++) entries.push(make(row));
        left = 0;
      }
    }
  }
  // The fewest entries for the rest: the one with the least excess, or, while no
  // single entry carries what is missing, the one worth most (a sum far below 0).
  let rows = [...version.activities.values()].filter((row) => row.kind !== 'derived' && (row.kind !== 'monthly' || !monthHeld(ledger, [...planned, ...entries], row.id, by)));
  while (left > 0) {
    const option = bestEntry(rows, left);
    if (option === null) break;
    entries.push(make(option.row, option));
    left -= option.worth;
    // A monthly row's month of `by` is now held (R3).
    if (option.row.kind === 'monthly') rows = rows.filter((row) => row !== option.row);
  }
  return entries;
}

function monthHeld(ledger: Ledger, planned: readonly LedgerEntry[], activity: string, by: IsoDate): boolean {
  const month = by.slice(0, 7);
  return [...ledger.entries, ...planned].some(
    (entry) => entry.type === 'activity' && entry.activity === activity && entry.status === 'approved' && entry.date.slice(0, 7) === month && entry.date <= by,
  );
}

type MutableItem = { -readonly [K in keyof ExpiringItem]: ExpiringItem[K] };

/**
 * Every point that counts on `asOf` and no longer does on `by`, by what
 * earned it, and every certification valid on `asOf` and expired by `by`
 * ({@link ExpiringItem}). Ordered by `leavesOn`, then date, then entries in
 * input order, partner-year credits, certification expiries.
 */
function expiringBetween(ledger: Ledger, internals: LedgerInternals, version: CompiledVersion, now: Evaluation, atBy: Evaluation, window: WindowKind): ExpiringItem[] {
  const joinedOn = ledger.partner.joinedOn;
  const from = atBy.window.from;
  // What left the window left it on or before `by`: a calendar date.
  const leavesOn = (date: IsoDate) => leavingOn(date, window, joinedOn) as IsoDate;
  // A slot holds one credit whichever entry earns it: a certification pair (R8,
  // once per window) or a monthly activity's calendar month (R3). When the
  // entry credited on asOf leaves, a twin still in the window takes it over.
  const slotOf = (entry: LedgerEntry): string | null =>
    entry.type === 'certification'
      ? `R8|${entry.holder}|${entry.certification}`
      : entry.type === 'activity' && version.activities.get(entry.activity)?.kind === 'monthly'
        ? `R3|${monthlyKey(entry)}`
        : null;
  const heldOnBy = new Set<string>();
  atBy.entries.forEach((outcome, index) => {
    const slot = outcome.outcome === 'counted' && outcome.points !== 0 ? slotOf(ledger.entries[index] as LedgerEntry) : null;
    if (slot !== null) heldOnBy.add(slot);
  });

  const items: MutableItem[] = [];
  const amounts = new Map<MutableItem, Money>();
  now.entries.forEach((outcome, index) => {
    const entry = ledger.entries[index] as LedgerEntry;
    if (outcome.outcome !== 'counted' || entry.date >= from) return;
    if (entry.type === 'revenue') {
      const amount = internals.money[index] as Money;
      const item: MutableItem = { id: entry.id, rule: outcome.rule, date: entry.date, leavesOn: leavesOn(entry.date), points: 0, amount: amount.text, reason: 'leaves-window' };
      amounts.set(item, amount);
      items.push(item);
      return;
    }
    if (outcome.points === 0) return;
    const slot = slotOf(entry);
    if (slot !== null && heldOnBy.has(slot)) return;
    items.push({ id: entry.id, rule: outcome.rule, date: entry.date, leavesOn: leavesOn(entry.date), points: outcome.points, reason: 'leaves-window' });
  });
  for (const credit of now.derived) {
    if (credit.date < from) items.push({ id: credit.rule, rule: credit.rule, date: credit.date, leavesOn: leavesOn(credit.date), points: credit.points, reason: 'leaves-window' });
  }
  const pair = (c: { holder: string; certification: string }) => `${c.holder}\u0000${c.certification}`;
  const validOnBy = new Set(atBy.certifications.valid.map(pair));
  for (const held of now.certifications.valid) {
    if (held.expiresOn === undefined || validOnBy.has(pair(held))) continue;
    // The entry that keeps the pair valid on asOf is counted there: never a rejected or pending twin.
    let found = -1;
    ledger.entries.forEach((e, i) => {
      if (e.type === 'certification' && e.holder === held.holder && e.certification === held.certification && e.date === held.date && e.expiresOn === held.expiresOn && now.entries[i]?.outcome === 'counted') found = i;
    });
    const entry = ledger.entries[found];
    if (entry !== undefined) items.push({ id: entry.id, rule: 'R8', date: entry.date, leavesOn: plusDays(held.expiresOn, 1), points: 0, reason: 'certification-expires' });
  }
  // Stable: equal keys keep the order built above.
  items.sort((a, b) => (a.leavesOn < b.leavesOn ? -1 : a.leavesOn > b.leavesOn ? 1 : a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  // Revenue points are floored on the sum (R2): each revenue item takes what its
  // amount takes from the floored sum once the ones before it have gone, so
  // together they take exactly the fall of the revenue points.
  let revenue = parseMoney(now.revenue.total) as Money;
  for (const item of items) {
    const amount = amounts.get(item);
    if (amount === undefined) continue;
    const before = floorUnits(revenue);
    revenue = subtractMoney(revenue, amount);
    item.points = before - floorUnits(revenue);
  }
  return items;
}

function stepsFor(
  expiring: readonly ExpiringItem[],
  entries: readonly LedgerEntry[],
  version: CompiledVersion,
  targetName: string,
  by: IsoDate,
  currency: string,
  below: { sum: number; missing: number; required: number } | null,
): string[] {
  const steps: string[] = [];
  const leaving = expiring.filter((item) => item.reason === 'leaves-window');
  if (leaving.length > 0) {
    const points = leaving.reduce((sum, item) => sum + item.points, 0);
    const credits = leaving.filter((item) => item.rule === 'R5').length;
    const count = leaving.length - credits;
    const what = [...(count > 0 ? [plural(count, 'entry', 'entries')] : []), ...(credits > 0 ? [plural(credits, 'partner-year credit')] : [])].join(' and ');
    const revenue = leaving.filter((i) => i.amount !== undefined);
    const amount = revenue.length === 0 ? '' : `, with ${formatMoney(sumMoney(revenue.map((i) => parseMoney(i.amount) as Money)).text, currency)} of revenue`;
    steps.push(`By ${by}, ${what} ${leaving.length === 1 ? 'leaves' : 'leave'} the window (${plural(points, 'point')}${amount}) (R1).`);
  }
  if (below !== null) {
    steps.push(`On ${by} the points add up to ${formatCount(below.sum)}, a total of 0 (R7): reaching ${formatCount(below.required)} takes ${plural(below.missing, 'point')} more.`);
  }
  for (const item of expiring.filter((i) => i.reason === 'certification-expires')) steps.push(`Certification ${item.id} expires on ${plusDays(item.leavesOn, -1)}: renew it (R8).`);
  if (entries.length === 0) {
    steps.push(`Nothing more to do: the ledger as it is reaches ${targetName} on ${by} (R9).`);
    return steps;
  }
  const revenue = entries.filter((e): e is RevenueEntry => e.type === 'revenue');
  if (revenue.length > 0) {
    const amounts = revenue.map((e) => formatMoney(e.amount, currency)).join(' + ');
    steps.push(`Earn ${amounts} more revenue through direct sales, project licensing or subscriptions by ${by} (R2).`);
  }
  for (const kind of ['profile', 'sales'] as const) {
    const certs = entries.filter((e): e is CertificationEntry => e.type === 'certification' && version.certifications.get(e.certification)?.kind === kind);
    if (certs.length > 0) {
      const names = [...new Set(certs.map((e) => version.certifications.get(e.certification)?.name ?? e.certification))].join(', ');
      steps.push(`Certify ${plural(certs.length, 'more person', 'more people')} in a ${kind} certification (e.g. ${names}) by ${by} (R8).`);
    }
  }
  const byActivity = new Map<string, ActivityEntry[]>();
  for (const entry of entries) if (entry.type === 'activity') byActivity.set(entry.activity, [...(byActivity.get(entry.activity) ?? []), entry]);
  for (const [activity, list] of byActivity) {
    const row = version.activities.get(activity);
    const name = row?.name ?? activity;
    const first = list[0]!;
    const detail = first.points !== undefined ? ` worth ${plural(first.points, 'point')}` : first.quantity !== undefined ? ` with ${plural(first.quantity, 'attendee')}` : '';
    steps.push(`Report ${list.length === 1 ? '1' : formatCount(list.length)} × ${name}${detail} by ${by} (R3).`);
  }
  steps.push(`Then ${targetName} is reached on ${by} (R9).`);
  return steps;
}
