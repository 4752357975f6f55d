/**
 * Words for the values of the program's tables, written once for every
 * description of a program: `describeProgram` and the program overview and
 * statement documents.
 */
import { formatAmount, formatCount } from '../format';
import type { ActivityRow, ProgramVersion, TierRow } from './types';

/** "1 Profile + 2 Sales", or "None" (the table's word). */
export function certificationsRequired(tier: TierRow): string {
  const parts: string[] = [];
  if (tier.profileCertifications > 0) parts.push(`${tier.profileCertifications} Profile`);
  if (tier.salesCertifications > 0) parts.push(`${tier.salesCertifications} Sales`);
  return parts.length === 0 ? 'None' : parts.join(' + ');
}

/** An activity row's points as the program table writes them: "5,000+", "2,000 per attendee". */
export function activityPoints(row: ActivityRow): string {
  const points = formatCount(row.points);
  switch (row.kind) {
    case 'minimum':
      return `${points}+`;
    case 'per-attendee':
      return `${points} per attendee`;
    case 'monthly':
      return `${points} a month`;
    case 'derived':
      return row.derivedFrom === 'partner-years' ? `${points} a year` : `${points} per person`;
    default:
      return points;
  }
}

/** How an activity row counts, in words (R3, R5, R8); `code` marks a field name (Markdown: backticks). */
export function activityKind(row: ActivityRow, code: (name: string) => string = (name) => name): string {
  switch (row.kind) {
    case 'minimum':
      return 'at least the table value; the entry may report more';
    case 'per-attendee':
      return `per attendee (${code('quantity')})`;
    case 'monthly':
      return 'at most one per calendar month';
    case 'derived':
      return row.derivedFrom === 'partner-years'
        ? `credited for each of the first ${row.maxYears ?? 0} partnership years; never reported`
        : 'credited per certified person from certification entries; never reported';
    default:
      return 'fixed';
  }
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

/** A tier's requirements in a phrase: "8,000 points, 7,200.00 USD of revenue". */
export function tierRequirements(tier: TierRow, currency: string): string {
  const parts = [`${formatCount(tier.points)} points`];
  if (tier.revenue !== null) parts.push(`${formatAmount(tier.revenue, currency)} of revenue`);
  if (tier.profileCertifications > 0 || tier.salesCertifications > 0) parts.push(`${certificationsRequired(tier)} certifications`);
  return parts.join(', ');
}

/** A tier's display name, or its id when the version lacks it. */
export function tierName(version: ProgramVersion, id: string | null): string {
  if (id === null) return 'No tier';
  return version.tiers.find((tier) => tier.id === id)?.name ?? id;
}
