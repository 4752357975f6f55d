/**
 * Words for table values, shared by the two document models so that the
 * overview and the statement name things the same way. The words for the
 * program's own rows are src/program/labels.ts, which describeProgram uses too.
 */
import type { RequirementCheck, Shortfall } from '../evaluate/types';
import { certificationName, kindCountKey, kindName } from '../program/labels';
import type { ProgramVersion, RuleId } from '../program/types';

export { activityEvidence, activityKind, activityPoints, certificationName, certificationsRequired, kindName, periodsPerYear, pointsRequired, tierName, tierRequirements, tierRevenue } from '../program/labels';

const KIND_CHECK = '-certifications';

/**
 * A requirement check's name: "Points", "Revenue", a kind's pairs as "Profile certifications"
 * (the kind's name), a named certification's holders as "Holders of Kestrel Solution Certification".
 */
export function checkName(check: RequirementCheck, version: ProgramVersion): string {
  if (check.kind === 'points') return 'Points';
  if (check.kind === 'revenue') return 'Revenue';
  if (check.kind === 'certification') return `Holders of ${certificationName(version, check.certification)}`;
  return `${kindName(version, check.kind.slice(0, -KIND_CHECK.length))} certifications`;
}

/**
 * A shortfall's rows after points and revenue, in the version's order: each kind's pairs
 * ("Profile certifications"), then each named certification's holders ("Holders of …").
 */
export function shortfallCounts(shortfall: Shortfall, version: ProgramVersion): [name: string, count: number][] {
  const rows: [string, number][] = version.certificationKinds.map((row) => [`${row.name} certifications`, shortfall[kindCountKey(row.id)] ?? 0]);
  for (const [certification, count] of Object.entries(shortfall.certifications ?? {})) rows.push([`Holders of ${certificationName(version, certification)}`, count]);
  return rows;
}

/** A category id as a heading: "knowledge" → "Knowledge", "partner-year" → "Partner year". */
export function categoryName(category: string): string {
  const words = category.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The rule that credits each point category (R7's `byCategory` keys). */
export function categoryRule(category: string): RuleId {
  switch (category) {
    case 'revenue':
      return 'R2';
    case 'certification':
      return 'R8';
    case 'partner-year':
      return 'R5';
    case 'bonus':
    case 'special':
      return 'R6';
    case 'adjustment':
      return 'R7';
    default:
      // knowledge, program and a custom program's own categories: activities (R3) and time (R4).
      return 'R3';
  }
}

/** Yes or no, for a table cell. */
export function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}
