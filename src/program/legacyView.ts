/**
 * The 0.2 fields of a tier and of the fee, as read-only views of the new
 * shapes: `tier.points`, `tier.revenue`, `tier.profileCertifications`,
 * `tier.salesCertifications` and `fee.monthly` read what they read in 0.2.
 * Non-enumerable, so JSON, spreads, `Object.keys` and comparisons see the
 * new shape only; code written against 0.2 that reads them keeps working.
 */
import type { FeePolicy, TierRequirement, TierRow } from './types';

/** A tier with its 0.2 fields as non-enumerable getters over its requirement list (0 or `null` for a "None"). */
export function withLegacyTierView<T extends TierRow>(tier: T): T {
  const min = (matches: (requirement: TierRequirement) => boolean) => tier.requirements.find(matches)?.min;
  return Object.defineProperties(tier, {
    points: { get: () => min((r) => r.type === 'points') ?? 0 },
    revenue: { get: () => min((r) => r.type === 'revenue') ?? null },
    profileCertifications: { get: () => min((r) => r.type === 'certifications' && r.kind === 'profile') ?? 0 },
    salesCertifications: { get: () => min((r) => r.type === 'certifications' && r.kind === 'sales') ?? 0 },
  });
}

/** Every tier of a table with its 0.2 views ({@link withLegacyTierView}): the same array, its type kept (the built-in table's literal types). */
export function withLegacyTierViews<T extends readonly TierRow[]>(tiers: T): T {
  for (const tier of tiers) withLegacyTierView(tier);
  return tiers;
}

/** A fee with its 0.2 `monthly` as a non-enumerable getter: the amount of a fee per month, else `undefined`. */
export function withLegacyFeeView<T extends FeePolicy>(fee: T): T {
  return Object.defineProperty(fee, 'monthly', { get: () => (fee.period === 'month' ? fee.amount : undefined) });
}
