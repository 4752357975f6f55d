/**
 * Words for table values, shared by the two document models so that the
 * overview and the statement name things the same way. The words for the
 * program's own rows are src/program/labels.ts, which describeProgram uses too.
 */
import type { RuleId } from '../program/types';

export { activityEvidence, activityKind, activityPoints, certificationsRequired, tierName, tierRequirements } from '../program/labels';

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
