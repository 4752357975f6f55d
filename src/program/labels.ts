/**
 * Words for the values of the program's tables, written once for every
 * description of a program: `describeProgram` and the program overview and
 * statement documents.
 */
import { formatAmount, formatCount } from '../format';
import { periodMonths } from './compile';
import type { ActivityLimit, ActivityRow, FeePeriod, LimitPeriod, PointsCap, ProgramVersion, TierRequirement, TierRow } from './types';

export { kindCountKey } from './normalise';

/** A certification kind's name in the version ("Profile"), or its id when the version lacks it. */
export function kindName(version: ProgramVersion, kind: string): string {
  return version.certificationKinds.find((row) => row.id === kind)?.name ?? kind;
}

/** A catalogue certification's name in the version, or its id when the catalogue lacks it. */
export function certificationName(version: ProgramVersion, certification: string): string {
  return version.certifications.find((row) => row.id === certification)?.name ?? certification;
}

/** A tier's points requirement (0 when it has none: no condition). */
export function tierPoints(tier: TierRow): number {
  return tier.requirements.find((r) => r.type === 'points')?.min ?? 0;
}

/** A tier's minimum revenue (a decimal string), or `null` when it has none (the table's "None"). */
export function tierRevenue(tier: TierRow): string | null {
  return tier.requirements.find((r) => r.type === 'revenue')?.min ?? null;
}

/** The points column of the tier table: "20,000", or "None" for a tier without a points requirement. */
export function pointsRequired(tier: TierRow): string {
  const points = tier.requirements.find((r) => r.type === 'points');
  return points === undefined ? 'None' : formatCount(points.min);
}

type CountRequirement = Extract<TierRequirement, { readonly type: 'certifications' | 'certification' }>;

function countRequirements(tier: TierRow): CountRequirement[] {
  return tier.requirements.filter((r): r is CountRequirement => r.type === 'certifications' || r.type === 'certification');
}

/** Passes a program's text through as it is (plain-text documents escape at rendering). */
const asIs = (text: string): string => text;

/** One count requirement: "2 Sales" (a kind's valid pairs), "Exponential Solution Certification ×1" (holders of one certification). */
function countWords(requirement: CountRequirement, version: ProgramVersion, text: (text: string) => string): string {
  return requirement.type === 'certifications'
    ? `${formatCount(requirement.min)} ${text(kindName(version, requirement.kind))}`
    : `${text(certificationName(version, requirement.certification))} ×${formatCount(requirement.min)}`;
}

/**
 * "1 Profile + 2 Sales", "2 Security + Kestrel Solution Certification ×1", or "None" (the table's word),
 * in the tier's order; `text` escapes the program's names (Markdown: `cell`).
 */
export function certificationsRequired(tier: TierRow, version: ProgramVersion, text: (text: string) => string = asIs): string {
  const parts = countRequirements(tier).map((r) => countWords(r, version, text));
  return parts.length === 0 ? 'None' : parts.join(' + ');
}

/**
 * A tier's requirements in a phrase: "8,000 points, 7,200.00 USD of revenue",
 * "20,000 points, 12,000.00 USD of revenue, 1 Profile + 2 Sales certifications",
 * a named certification after the kinds: "…, 2 Security certifications, Kestrel Solution Certification ×1";
 * `text` escapes the program's names and currency (Markdown: `cell`).
 */
export function tierRequirements(tier: TierRow, version: ProgramVersion, text: (text: string) => string = asIs): string {
  const parts: string[] = [];
  const points = tier.requirements.find((r) => r.type === 'points');
  if (points !== undefined) parts.push(`${formatCount(points.min)} points`);
  const revenue = tierRevenue(tier);
  if (revenue !== null) parts.push(`${formatAmount(revenue, text(version.currency))} of revenue`);
  const counts = countRequirements(tier);
  const kinds = counts.filter((r) => r.type === 'certifications');
  if (kinds.length > 0) parts.push(`${kinds.map((r) => countWords(r, version, text)).join(' + ')} certifications`);
  for (const named of counts) if (named.type === 'certification') parts.push(countWords(named, version, text));
  return parts.length === 0 ? 'no requirement' : parts.join(', ');
}

/** A limit or cap period in words: "calendar month", "calendar quarter", "calendar year", "review window". */
export function periodWords(per: LimitPeriod): string {
  return per === 'window' ? 'review window' : `calendar ${per}`;
}

/** A limit in words: "at most one per calendar month", "at most 4 per calendar quarter" (R3). */
export function limitText(limit: ActivityLimit): string {
  return `at most ${limit.count === 1 ? 'one' : formatCount(limit.count)} per ${periodWords(limit.per)}`;
}

/** A cap in words: "at most 1,000 points per calendar year" (R3). */
export function capText(cap: PointsCap): string {
  return `at most ${formatCount(cap.points)} points per ${periodWords(cap.per)}`;
}

/**
 * An activity row's points as the program table writes them: "5,000+", "2,000 per attendee";
 * a row limited to one entry a calendar month, quarter or year: "1,000 a month".
 */
export function activityPoints(row: ActivityRow): string {
  const points = formatCount(row.points);
  switch (row.kind) {
    case 'minimum':
      return `${points}+`;
    case 'per-attendee':
      return `${points} per attendee`;
    case 'derived':
      return row.derivedFrom === 'partner-years' ? `${points} a year` : `${points} per person`;
    default:
      return row.limit !== undefined && row.limit.count === 1 && row.limit.per !== 'window' ? `${points} a ${row.limit.per}` : points;
  }
}

/**
 * How an activity row counts, in words (R3, R5, R8), its limit and cap after the kind
 * ("at most one per calendar month" for a fixed row with a limit); `code` marks a field name (Markdown: backticks).
 */
export function activityKind(row: ActivityRow, code: (name: string) => string = (name) => name): string {
  let kind: string | undefined;
  switch (row.kind) {
    case 'minimum':
      kind = 'at least the table value; the entry may report more';
      break;
    case 'per-attendee':
      kind = `per attendee (${code('quantity')})`;
      break;
    case 'derived':
      return row.derivedFrom === 'partner-years'
        ? `credited for each of the first ${row.maxYears ?? 0} partnership years; never reported`
        : 'credited per certified person from certification entries; never reported';
    default:
      // A fixed row's limit or cap says how it counts by itself.
      kind = row.limit === undefined && row.cap === undefined ? 'fixed' : undefined;
  }
  const parts = [kind, row.limit === undefined ? undefined : limitText(row.limit), row.cap === undefined ? undefined : capText(row.cap)];
  return parts.filter((part): part is string => part !== undefined).join('; ');
}

/** The evidence an activity entry may carry, or "—". */
export function activityEvidence(row: ActivityRow): string {
  const parts: string[] = [];
  const words = row.evidence?.words;
  if (words !== undefined) {
    const { min, max } = words;
    if (min !== undefined && max !== undefined) parts.push(`${formatCount(min)}–${formatCount(max)} words`);
    else if (min !== undefined) parts.push(`at least ${formatCount(min)} words`);
    else if (max !== undefined) parts.push(`at most ${formatCount(max)} words`);
  }
  if (row.evidence?.floss !== undefined) parts.push(row.evidence.floss ? 'FLOSS-licensed' : 'not FLOSS-licensed');
  return parts.length === 0 ? '—' : parts.join(', ');
}

/** How many fee periods a year has: 12, 4 or 1 (R11). */
export function periodsPerYear(period: FeePeriod): number {
  return 12 / periodMonths[period];
}

/** A tier's display name, or its id when the version lacks it. */
export function tierName(version: ProgramVersion, id: string | null): string {
  if (id === null) return 'No tier';
  return version.tiers.find((tier) => tier.id === id)?.name ?? id;
}
