import { compareMoney, moneyShortfall, zeroMoney, type Money } from '../money/money';
import type { CompiledTier, CompiledVersion } from '../program/compile';
import type { RequirementCheck, Shortfall, TierRequirements } from './types';

/**
 * What a tier is checked against (R9): the points total, the revenue, and
 * the version's count measures (`CompiledVersion.kinds`, then `.specific`):
 * each certification kind's distinct valid pairs, then each certification
 * required by name's distinct valid holders (R8).
 */
export type Standing = {
  readonly points: number;
  readonly revenue: Money;
  readonly counts: readonly number[];
};

/** Every tier checked on its own, and the highest met. */
export type TierResult = {
  readonly requirements: readonly TierRequirements[];
  /** Index of the highest tier met, or -1 below the first tier. */
  readonly index: number;
};

function countCheck(kind: 'points' | `${string}-certifications`, required: number, actual: number): RequirementCheck {
  return { kind, required, actual, met: actual >= required, shortfall: Math.max(0, required - actual) };
}

/** The checks of one tier, in its requirement list's order (R8, R9). */
function checksOf(version: CompiledVersion, tier: CompiledTier, standing: Standing): RequirementCheck[] {
  const kinds = version.kinds;
  return tier.requirements.map((requirement): RequirementCheck => {
    switch (requirement.type) {
      case 'points':
        return countCheck('points', requirement.min, standing.points);
      case 'revenue': {
        const required = requirement.min;
        return { kind: 'revenue', required: required.text, actual: standing.revenue.text, met: compareMoney(standing.revenue, required) >= 0, shortfall: moneyShortfall(required, standing.revenue).text };
      }
      default: {
        const { measure, min } = requirement;
        const actual = standing.counts[measure] ?? 0;
        if (measure < kinds.length) return countCheck(version.kindChecks[measure] as `${string}-certifications`, min, actual);
        const certification = version.specific[measure - kinds.length] as string;
        return { kind: 'certification', certification, required: min, actual, met: actual >= min, shortfall: Math.max(0, min - actual) };
      }
    }
  });
}

/**
 * Checks every tier of the version on its own (R9): the table's "None" is no
 * check. The tier held is the highest met.
 * @example
 * findHighestTier(version, { points: 8000, revenue: parseMoney('7200')!, counts: [0, 0] }).index //=> 3 (professional)
 */
export function findHighestTier(version: CompiledVersion, standing: Standing): TierResult {
  let index = -1;
  const requirements = version.tiers.map((tier, position): TierRequirements => {
    const checks = checksOf(version, tier, standing);
    const met = checks.every((check) => check.met);
    if (met) index = position;
    return { tier: tier.row.id, met, checks };
  });
  return { requirements, index };
}

/** Whether the tier at `index` (a tier of the version) is met, without building the requirement list. */
export function meetsTier(version: CompiledVersion, index: number, standing: Standing): boolean {
  const { points, revenue, counts } = version.tiers[index] as CompiledTier;
  if (standing.points < points || (revenue !== null && compareMoney(standing.revenue, revenue) < 0)) return false;
  for (const { measure, min } of counts) if ((standing.counts[measure] ?? 0) < min) return false;
  return true;
}

/** The highest tier met, as an index (-1 below the first), without the requirement list. */
export function highestTierIndex(version: CompiledVersion, standing: Standing): number {
  for (let index = version.tiers.length - 1; index >= 0; index--) {
    if (meetsTier(version, index, standing)) return index;
  }
  return -1;
}

/**
 * The shortfall of one tier's requirements (zero where nothing is missing):
 * points, revenue, each kind's pairs, and (when some tier of the version
 * requires one by name) each such certification's holders.
 */
export function shortfallOf(version: CompiledVersion, requirements: TierRequirements): Shortfall {
  const shortfall: Record<string, unknown> = { points: 0, revenue: zeroMoney().text };
  const keys = version.kindKeys;
  for (const key of keys) shortfall[key] = 0;
  const named: Record<string, number> | undefined = version.specific.length === 0 ? undefined : {};
  if (named !== undefined) {
    for (const certification of version.specific) named[certification] = 0;
    shortfall['certifications'] = named;
  }
  for (const check of requirements.checks) {
    if (check.kind === 'points' || check.kind === 'revenue') shortfall[check.kind] = check.shortfall;
    else if (check.kind === 'certification') (named as Record<string, number>)[check.certification] = check.shortfall;
    else shortfall[keys[version.kindChecks.indexOf(check.kind)] as string] = check.shortfall;
  }
  return shortfall as Shortfall;
}
