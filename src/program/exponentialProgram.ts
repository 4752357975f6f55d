import { activities } from './activities';
import { certifications } from './certifications';
import { categories, certificationKinds } from './kinds';
import { feePolicy } from './fee';
import { tiers } from './tiers';
import { deepFreeze } from './deepFreeze';
import type { Program } from './types';

/**
 * The Exponential Partner Program as data: one version, the tables of the
 * program text. A literal (a test validates it), deep-frozen with its tables
 * at import, the one thing done then: no caller can change what every later
 * evaluation reads.
 * The text carries no date; this version applies from 2000-01-01 and, being
 * the earliest, to any earlier review date too.
 */
export const exponentialProgram = /* @__PURE__ */ deepFreeze({
  id: 'exponential-partner-program',
  name: 'Exponential Partner Program',
  versions: [
    {
      version: '2014.1',
      effectiveFrom: '2000-01-01',
      currency: 'USD',
      membershipTier: 'basic',
      renewalTier: 'professional',
      certificationKinds,
      categories,
      tiers,
      activities,
      certifications,
      fee: feePolicy,
    },
  ],
} as const satisfies Program);
