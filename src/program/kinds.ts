import { deepFreeze } from './deepFreeze';
import type { CategoryRow, CertificationKindRow } from './types';

/** The certification kinds of the built-in program (R8): "Profile Certifications" and "Sales Certifications". Deep-frozen. */
export const certificationKinds = /* @__PURE__ */ deepFreeze([
  { id: 'profile', name: 'Profile', rule: 'R8', source: 'Profile Certifications' },
  { id: 'sales', name: 'Sales', rule: 'R8', source: 'Sales Certifications' },
] as const satisfies readonly CertificationKindRow[]);

/** The activity categories of the built-in program (R3, R4): "Knowledge Sharing" and "Program Activities". Deep-frozen. */
export const categories = /* @__PURE__ */ deepFreeze([
  { id: 'knowledge', name: 'Knowledge Sharing', rule: 'R3', source: 'Knowledge Sharing' },
  { id: 'program', name: 'Program Activities', rule: 'R3', source: 'Program Activities' },
] as const satisfies readonly CategoryRow[]);
