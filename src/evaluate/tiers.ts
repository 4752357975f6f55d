import { compareMoney, moneyShortfall, zeroMoney, type Money } from '../money/money';
import type { CompiledTier, CompiledVersion } from '../program/compile';
import type { RequirementCheck, Shortfall, TierRequirements } from './types';

/** What a tier is checked against (R9). */
export type Standing = {
  readonly points: number;
  readonly revenue: Money;
  readonly profile: number;
  readonly sales: number;
};

/** Every tier checked on its own, and the highest met. */
export type TierResult = {
  readonly requirements: readonly TierRequirements[];
  /** Index of the highest tier met, or -1 below the first tier. */
  readonly index: number;
};

function countCheck(
  kind: 'points' | 'profile-certifications' | 'sales-certifications',
  required: number,
  actual: number,
): RequirementCheck {
  return { kind, required, actual, met: actual >= required, shortfall: Math.max(0, required - actual) };
}

/**
 * Checks every tier of the version on its own (R9): the table's "None" is no
 * check. The tier held is the highest met.
 * @example
 * findHighestTier(version, { points: 8000, revenue: parseMoney('7200')!, profile: 0, sales: 0 }).index //=> 3 (professional)
 */
export function findHighestTier(version: CompiledVersion, standing: Standing): TierResult {
  let index = -1;
  const requirements = version.tiers.map(({ row, revenue }, position): TierRequirements => {
    const checks: RequirementCheck[] = [countCheck('points', row.points, standing.points)];
    if (revenue !== null) {
      const met = compareMoney(standing.revenue, revenue) >= 0;
      checks.push({ kind: 'revenue', required: revenue.text, actual: standing.revenue.text, met, shortfall: moneyShortfall(revenue, standing.revenue).text });
    }
    if (row.profileCertifications > 0) checks.push(countCheck('profile-certifications', row.profileCertifications, standing.profile));
    if (row.salesCertifications > 0) checks.push(countCheck('sales-certifications', row.salesCertifications, standing.sales));
    const met = checks.every((check) => check.met);
    if (met) index = position;
    return { tier: row.id, met, checks };
  });
  return { requirements, index };
}

/** Whether the tier at `index` (a tier of the version) is met, without building the requirement list. */
export function meetsTier(version: CompiledVersion, index: number, standing: Standing): boolean {
  const { row, revenue } = version.tiers[index] as CompiledTier;
  return (
    standing.points >= row.points &&
    (revenue === null || compareMoney(standing.revenue, revenue) >= 0) &&
    standing.profile >= row.profileCertifications &&
    standing.sales >= row.salesCertifications
  );
}

/** The highest tier met, as an index (-1 below the first), without the requirement list. */
export function highestTierIndex(version: CompiledVersion, standing: Standing): number {
  for (let index = version.tiers.length - 1; index >= 0; index--) {
    if (meetsTier(version, index, standing)) return index;
  }
  return -1;
}

/** The four shortfall figures of one tier's requirements (zero where nothing is missing). */
export function shortfallOf(requirements: TierRequirements): Shortfall {
  // A check's shortfall is a number, or a decimal string for revenue.
  const of = <T extends number | string>(kind: RequirementCheck['kind'], none: T): T =>
    (requirements.checks.find((check) => check.kind === kind)?.shortfall as T | undefined) ?? none;
  return {
    points: of('points', 0),
    revenue: of('revenue', zeroMoney().text),
    profileCertifications: of('profile-certifications', 0),
    salesCertifications: of('sales-certifications', 0),
  };
}
