import { monthEnd, plusDays, type IsoDate } from '../dates/isoDate';
import { issue, throwIfAny, type LedgerIssue } from '../issues';
import type { ActivityEntry, CertificationEntry, Ledger, LedgerEntry, RevenueEntry } from '../ledger/types';
import { compareMoney, parseMoney, subtractMoney, type Money } from '../money/money';
import { versionAt, type CompiledProgram, type CompiledVersion } from '../program/compile';
import type { ActivityRow, Program } from '../program/types';
import { evaluateResolved } from '../evaluate/evaluate';
import { checkOptionNames, readCommonOptions, readDateOption, readOptionsObject, resolveLedger } from '../evaluate/options';
import { ledgerInternals, parseLedgerUnsafe, type LedgerInternals } from '../ledger/parseLedger';
import { shortfallOf } from '../evaluate/tiers';
import type { Evaluation, Shortfall } from '../evaluate/types';
import { leavesWindowOn, type WindowKind } from '../evaluate/window';
import { formatCount, formatMoney, plural } from '../format';

/** Why a plan cannot be made (a closed list). */
export type PlanReason = 'by-before-as-of' | 'target-below-current' | 'not-plannable';

/** Something that counts on `asOf` and no longer does on `by`. */
export type ExpiringItem = {
  readonly id: string;
  readonly date: IsoDate;
  /** The first day it no longer counts (leaves the window, or the certification is expired). */
  readonly leavesOn: IsoDate;
  readonly points: number;
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
  /** What `target` lacks on `by` with the ledger as it is (entries that leave the window before `by` already gone). */
  readonly shortfall: Shortfall;
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
  /** Activity ids the partner would rather do, in order; default: the fewest entries. */
  readonly prefer?: readonly string[];
};

const MAX_REVENUE_ENTRY = parseMoney('999999999.99') as Money;
const MAX_REPEATED_ENTRIES = 1000;

function tierIndex(version: CompiledVersion, id: string | null): number {
  return id === null ? -1 : (version.tierIndex.get(id) ?? -1);
}

/**
 * What a partner must still do to reach a tier by a date (SPEC §3.1): the
 * shortfall on `by`, what leaves the window meanwhile, and a minimal set of
 * planned entries dated `by` — revenue, certifications for placeholder
 * holders (`new-profile-1`, `new-sales-1`, …) and activities — with the plan
 * in words. Appending `entries` to the ledger reaches the target on `by`;
 * leaving out any one of them does not.
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
  const options = readOptionsObject(opts, '"asOf"');
  const issues: LedgerIssue[] = [];
  checkOptionNames(options, ['asOf', 'target', 'by', 'program', 'window', 'prefer'], issues);
  const asOf = readDateOption(options, 'asOf', issues);
  const byOption = readDateOption(options, 'by', issues, false);
  const { window, program } = readCommonOptions(options, issues);
  throwIfAny(issues);
  const by = byOption ?? monthEnd(asOf as IsoDate);
  const version = versionAt(program, by);
  const target = options['target'];
  if (target !== undefined && (typeof target !== 'string' || !version.tierIndex.has(target))) {
    issues.push(issue('target', 'invalid-value', `"target" must be a tier of the program: ${[...version.tierIndex.keys()].join(', ')}`));
  }
  const prefer = readPrefer(options['prefer'], version, issues);
  throwIfAny(issues);
  const resolved = resolveLedger(ledger, program);
  return plan(resolved.ledger, resolved.internals, program, window, asOf as IsoDate, by, target as string | undefined, prefer);
}

function readPrefer(value: unknown, version: CompiledVersion, issues: LedgerIssue[]): ActivityRow[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    issues.push(issue('prefer', 'invalid-type', '"prefer" must be an array of activity ids'));
    return [];
  }
  const rows: ActivityRow[] = [];
  value.forEach((id: unknown, i) => {
    const row = typeof id === 'string' ? version.activities.get(id) : undefined;
    if (row === undefined || row.kind === 'derived') {
      issues.push(issue(`prefer[${i}]`, 'unknown-activity', `${JSON.stringify(id)} is not an activity a partner can report`));
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
  const base = { asOf, current: now.tier, target, by, shortfall, expiring: expiringBetween(ledger, internals, now, atBy, window) };

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
    const points = shortfallOf(standing.requirements[targetIndex]!).points;
    if (points <= 0) break;
    planned.push(...activitiesFor(ledger, version, by, points, prefer, planned, ids));
  }
  if (!meets(planned)) {
    return unreachable(base, 'not-plannable', `No set of entries dated ${by} reaches ${targetName} in this program.`);
  }
  const minimal = withoutRedundant(planned, meets);
  return { ...base, reachable: true, entries: minimal, steps: stepsFor(base.expiring, minimal, version, targetName, by, now.program.currency) };
}

function unreachable(base: Omit<UpgradePlan, 'reachable' | 'entries' | 'steps'>, reason: PlanReason, message: string): UpgradePlan {
  return { ...base, reachable: false, reason, message, entries: [], steps: [message] };
}

/** The ledger with planned entries appended, parsed; `null` if they do not parse (they always should). */
function extend(ledger: Ledger, entries: readonly LedgerEntry[], program: CompiledProgram): { ledger: Ledger; internals: LedgerInternals } | null {
  const result = parseLedgerUnsafe({ ...ledger, entries: [...ledger.entries, ...entries] }, program);
  return result.ok ? { ledger: result.ledger, internals: ledgerInternals(result.ledger) as LedgerInternals } : null;
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

/** The single entry worth `points` or more with the least excess, on a row that takes one entry. */
function singleEntry(rows: readonly ActivityRow[], points: number): { row: ActivityRow; points?: number; quantity?: number } | null {
  let best: { row: ActivityRow; points?: number; quantity?: number; worth: number } | null = null;
  for (const row of rows) {
    let option: { row: ActivityRow; points?: number; quantity?: number; worth: number } | null = null;
    if (row.kind === 'minimum') option = { row, points: Math.max(row.points, points), worth: Math.max(row.points, points) };
    else if (row.kind === 'per-attendee') {
      const quantity = Math.ceil(points / row.points);
      if (quantity <= 1_000_000) option = { row, quantity, worth: quantity * row.points };
    } else if ((row.kind === 'fixed' || row.kind === 'monthly') && row.points >= points) option = { row, worth: row.points };
    if (option !== null && (best === null || option.worth < best.worth)) best = option;
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
        entries.push(make(row, { points: Math.max(row.points, left) }));
        left = 0;
        break;
      case 'per-attendee': {
        const quantity = Math.ceil(left / row.points);
        if (quantity > 1_000_000) continue;
        entries.push(make(row, { quantity }));
        left = 0;
        break;
      }
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
  if (left > 0) {
    const rows = [...version.activities.values()].filter((row) => row.kind !== 'derived' && (row.kind !== 'monthly' || !monthHeld(ledger, [...planned, ...entries], row.id, by)));
    const single = singleEntry(rows, left);
    if (single !== null) entries.push(make(single.row, single));
  }
  return entries;
}

function monthHeld(ledger: Ledger, planned: readonly LedgerEntry[], activity: string, by: IsoDate): boolean {
  const month = by.slice(0, 7);
  return [...ledger.entries, ...planned].some(
    (entry) => entry.type === 'activity' && entry.activity === activity && entry.status === 'approved' && entry.date.slice(0, 7) === month && entry.date <= by,
  );
}

/** What counts on `asOf` and no longer does on `by`: entries leaving the window, certifications expiring. */
function expiringBetween(ledger: Ledger, internals: LedgerInternals, now: Evaluation, atBy: Evaluation, window: WindowKind): ExpiringItem[] {
  const items: ExpiringItem[] = [];
  const joinedOn = ledger.partner.joinedOn;
  now.entries.forEach((outcome, index) => {
    const later = atBy.entries[index];
    if (outcome.outcome !== 'counted' || later === undefined) return;
    const entry = ledger.entries[index] as LedgerEntry;
    if (later.outcome === 'excluded' && later.reason === 'outside-window' && (outcome.points !== 0 || entry.type === 'revenue')) {
      const amount = internals.money[index]?.text;
      items.push({ id: entry.id, date: entry.date, leavesOn: leavesWindowOn(entry.date, window, joinedOn), points: outcome.points, ...(amount === undefined ? {} : { amount }), reason: 'leaves-window' });
    }
  });
  const stillValid = new Set(atBy.certifications.valid.map((c) => `${c.holder}\u0000${c.certification}`));
  for (const held of now.certifications.valid) {
    if (stillValid.has(`${held.holder}\u0000${held.certification}`) || held.expiresOn === undefined) continue;
    const entry = ledger.entries.find((e) => e.type === 'certification' && e.holder === held.holder && e.certification === held.certification && e.expiresOn === held.expiresOn);
    if (entry !== undefined) items.push({ id: entry.id, date: entry.date, leavesOn: plusDays(held.expiresOn, 1), points: 0, reason: 'certification-expires' });
  }
  return items.sort((a, b) => (a.leavesOn < b.leavesOn ? -1 : a.leavesOn > b.leavesOn ? 1 : 0));
}

function stepsFor(expiring: readonly ExpiringItem[], entries: readonly LedgerEntry[], version: CompiledVersion, targetName: string, by: IsoDate, currency: string): string[] {
  const steps: string[] = [];
  const leaving = expiring.filter((item) => item.reason === 'leaves-window');
  if (leaving.length > 0) {
    const points = leaving.reduce((sum, item) => sum + item.points, 0);
    steps.push(`By ${by}, ${plural(leaving.length, 'entry', 'entries')} ${leaving.length === 1 ? 'leaves' : 'leave'} the window (${plural(points, 'point')}${leaving.some((i) => i.amount !== undefined) ? ' and their revenue' : ''}) (R1).`);
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
