/**
 * The plan in words: what leaves the window, what the points sum needs, which
 * certifications to renew, then each planned entry grouped by what it is.
 */
import { plusDays, type IsoDate } from '../dates/isoDate';
import type { ActivityEntry, CertificationEntry, LedgerEntry, RevenueEntry } from '../ledger/types';
import { parseMoney, sumMoney, type Money } from '../money/money';
import type { CompiledVersion } from '../program/compile';
import { formatCount, formatMoney, plural } from '../format';
import type { ExpiringItem } from './expiring';

/** When the sum on `by` is below 0 and the target needs points: the sum, the points it needs and the points required (R7). */
export type BelowZero = { readonly sum: number; readonly missing: number; readonly required: number };

/** What the steps say. */
export type StepsContext = {
  readonly expiring: readonly ExpiringItem[];
  readonly entries: readonly LedgerEntry[];
  readonly version: CompiledVersion;
  readonly targetName: string;
  readonly by: IsoDate;
  readonly currency: string;
  readonly below: BelowZero | null;
};

/** The plan in words, one sentence per step, each citing its rule. */
export function stepsFor({ expiring, entries, version, targetName, by, currency, below }: StepsContext): string[] {
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
  const certifications = entries.filter((e): e is CertificationEntry => e.type === 'certification');
  // A certification some tier requires by name is its own step; the others, one step per kind.
  for (const certification of version.specific) {
    const count = certifications.filter((e) => e.certification === certification).length;
    if (count > 0) steps.push(`Certify ${plural(count, 'more person', 'more people')} in ${version.certifications.get(certification)?.name ?? certification} by ${by} (R8).`);
  }
  for (const kind of version.kinds) {
    const certs = certifications.filter((e) => !version.specific.includes(e.certification) && version.certifications.get(e.certification)?.kind === kind);
    if (certs.length > 0) {
      const names = [...new Set(certs.map((e) => version.certifications.get(e.certification)?.name ?? e.certification))].join(', ');
      steps.push(`Certify ${plural(certs.length, 'more person', 'more people')} in a ${kind} certification (e.g. ${names}) by ${by} (R8).`);
    }
  }
  // One step per activity and size: entries of one row with other attendee counts are other steps.
  const groups = new Map<string, ActivityEntry[]>();
  for (const entry of entries) {
    if (entry.type !== 'activity') continue;
    const key = `${entry.activity}\u0000${entry.quantity ?? ''}`;
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [entry]);
    else list.push(entry);
  }
  for (const list of groups.values()) {
    const first = list[0] as ActivityEntry;
    const row = version.activities.get(first.activity);
    const name = row?.name ?? first.activity;
    const each = list.length === 1 ? '' : ' each';
    const detail =
      first.quantity !== undefined
        ? ` with ${plural(first.quantity, 'attendee')}${each}`
        : row?.kind === 'minimum'
          ? ` (${plural(row.points, 'point')}${each}: the minimum of a "+" row, more is awarded case by case)`
          : '';
    steps.push(`Report ${formatCount(list.length)} × ${name}${detail} by ${by} (R3).`);
  }
  steps.push(`Then ${targetName} is reached on ${by} (R9).`);
  return steps;
}
