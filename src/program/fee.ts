import { deepFreeze } from './deepFreeze';
import { withLegacyFeeView } from './legacyView';
import type { FeePolicy } from './types';

/** The program fee (R11): $45 per month; a year of it is 12 × 45.00. Deep-frozen. */
export const feePolicy = /* @__PURE__ */ deepFreeze(
  /* @__PURE__ */ withLegacyFeeView({
  amount: '45.00',
  period: 'month',
  currency: 'USD',
  rule: 'R11',
  source: 'A monthly subscription fee of $45 USD grants you initial access to the partner program.',
  } as const satisfies FeePolicy),
);
