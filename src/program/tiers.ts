import { deepFreeze } from './deepFreeze';
import type { TierRow } from './types';

/**
 * "Partner Levels & Requirements" (R9), lowest first. `revenue: null` and zero
 * certification counts are the table's "None": no check at all. Deep-frozen.
 */
export const tiers = /* @__PURE__ */ deepFreeze([
  { id: 'now', name: 'Now', points: 3000, revenue: null, profileCertifications: 0, salesCertifications: 0, rule: 'R9', source: 'Now 3,000 None None' },
  { id: 'starter', name: 'Starter', points: 4000, revenue: null, profileCertifications: 0, salesCertifications: 0, rule: 'R9', source: 'Starter 4,000 None None' },
  { id: 'basic', name: 'Basic', points: 5000, revenue: null, profileCertifications: 0, salesCertifications: 0, rule: 'R9', source: 'Basic 5,000 None None' },
  { id: 'professional', name: 'Professional', points: 8000, revenue: '7200.00', profileCertifications: 0, salesCertifications: 0, rule: 'R9', source: 'Professional 8,000 $7,200 USD None' },
  { id: 'silver', name: 'Silver', points: 20000, revenue: '12000.00', profileCertifications: 1, salesCertifications: 2, rule: 'R9', source: 'Silver 20,000 $12,000 USD 1 Profile + 2 Sales' },
  { id: 'gold', name: 'Gold', points: 50000, revenue: '18000.00', profileCertifications: 2, salesCertifications: 6, rule: 'R9', source: 'Gold 50,000 $18,000 USD 2 Profile + 6 Sales' },
  { id: 'platinum', name: 'Platinum', points: 200000, revenue: '30000.00', profileCertifications: 3, salesCertifications: 10, rule: 'R9', source: 'Platinum 200,000 $30,000 USD 3 Profile + 10 Sales' },
] as const satisfies readonly TierRow[]);

/** A tier id of the built-in program. */
export type TierId = (typeof tiers)[number]['id'];
