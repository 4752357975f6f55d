import { deepFreeze } from './deepFreeze';
import { withLegacyTierViews } from './legacyView';
import type { TierRow } from './types';

/**
 * "Partner Levels & Requirements" (R9), lowest first. A table "None" is no
 * requirement in the list: no check at all. Each row also reads its 0.2
 * fields (`points`, `revenue`, …; non-enumerable, see legacyView.ts). Deep-frozen.
 */
export const tiers = /* @__PURE__ */ deepFreeze(
  /* @__PURE__ */ withLegacyTierViews(
    [
      { id: 'now', name: 'Now', requirements: [{ type: 'points', min: 3000 }], rule: 'R9', source: 'Now 3,000 None None' },
      { id: 'starter', name: 'Starter', requirements: [{ type: 'points', min: 4000 }], rule: 'R9', source: 'Starter 4,000 None None' },
      { id: 'basic', name: 'Basic', requirements: [{ type: 'points', min: 5000 }], rule: 'R9', source: 'Basic 5,000 None None' },
      { id: 'professional', name: 'Professional', requirements: [{ type: 'points', min: 8000 }, { type: 'revenue', min: '7200.00' }], rule: 'R9', source: 'Professional 8,000 $7,200 USD None' },
      { id: 'silver', name: 'Silver', requirements: [{ type: 'points', min: 20000 }, { type: 'revenue', min: '12000.00' }, { type: 'certifications', kind: 'profile', min: 1 }, { type: 'certifications', kind: 'sales', min: 2 }], rule: 'R9', source: 'Silver 20,000 $12,000 USD 1 Profile + 2 Sales' },
      { id: 'gold', name: 'Gold', requirements: [{ type: 'points', min: 50000 }, { type: 'revenue', min: '18000.00' }, { type: 'certifications', kind: 'profile', min: 2 }, { type: 'certifications', kind: 'sales', min: 6 }], rule: 'R9', source: 'Gold 50,000 $18,000 USD 2 Profile + 6 Sales' },
      { id: 'platinum', name: 'Platinum', requirements: [{ type: 'points', min: 200000 }, { type: 'revenue', min: '30000.00' }, { type: 'certifications', kind: 'profile', min: 3 }, { type: 'certifications', kind: 'sales', min: 10 }], rule: 'R9', source: 'Platinum 200,000 $30,000 USD 3 Profile + 10 Sales' },
    ] as const satisfies readonly TierRow[],
  ),
);

/** A tier id of the built-in program. */
export type TierId = (typeof tiers)[number]['id'];
