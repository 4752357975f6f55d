import type { TierRow } from '../../src/index';

/**
 * A tier's threshold of one requirement, 0 when it has none (a table "None"):
 * `points`, `revenue` (as a number), or a kind's count (`certifications`, with the kind).
 */
export function requirementOf(tier: TierRow, type: 'points' | 'revenue' | 'certifications', kind?: string): number {
  const found = tier.requirements.find((requirement) => requirement.type === type && (kind === undefined || (requirement.type === 'certifications' && requirement.kind === kind)));
  return found === undefined ? 0 : Number(found.min);
}

/** A tier's requirements as the 0.2 columns read them: points, revenue, profile and sales counts. */
export function columnsOf(tier: TierRow): [number, number, number, number] {
  return [requirementOf(tier, 'points'), requirementOf(tier, 'revenue'), requirementOf(tier, 'certifications', 'profile'), requirementOf(tier, 'certifications', 'sales')];
}
