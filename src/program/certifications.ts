import { deepFreeze } from './deepFreeze';
import type { CertificationRow } from './types';

const salesSource = 'Each solution includes an associated Sales Certification, complete with:';

/** The certification catalogue (R8): three profile certifications, one sales certification per solution. Deep-frozen. */
export const certifications = /* @__PURE__ */ deepFreeze([
  { id: 'developer', name: 'Exponential Developer Certification', kind: 'profile', rule: 'R8', source: 'Exponential\u00a0Developer Certification (for technical teams)' },
  { id: 'design', name: 'Exponential Design Certification', kind: 'profile', rule: 'R8', source: 'Exponential\u00a0Design Certification (for design/ux teams)' },
  { id: 'solution', name: 'Exponential Solution Certification', kind: 'profile', rule: 'R8', source: 'Exponential\u00a0Solution Certification (for content-focused teams)' },
  { id: 'sales-premium', name: 'Exponential Premium Sales Certification', kind: 'sales', rule: 'R8', source: salesSource },
  { id: 'sales-exponential-6', name: 'Exponential 6 Sales Certification', kind: 'sales', rule: 'R8', source: salesSource },
  { id: 'sales-newsletter', name: 'Exponential Newsletter Sales Certification', kind: 'sales', rule: 'R8', source: salesSource },
] as const satisfies readonly CertificationRow[]);

/** A certification id of the built-in program. */
export type CertificationId = (typeof certifications)[number]['id'];
