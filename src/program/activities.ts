import { deepFreeze } from './deepFreeze';
import type { ActivityRow } from './types';

/**
 * "Sample Point-Generating Activities" (R3): 18 rows, each with the program
 * line it encodes. Knowledge rows are those of "Knowledge Sharing"; the rest
 * are "Program Activities". Derived rows are credited by the library (R5, R8).
 * Sources keep the program text's characters, its no-break spaces (`\u00a0`) included.
 * Deep-frozen at import, as every table: shared data no caller can change.
 */
export const activities = /* @__PURE__ */ deepFreeze([
  { id: 'premium-project', name: 'Exponential Premium project', points: 5000, kind: 'minimum', category: 'program', rule: 'R3', source: 'Exponential\u00a0Premium project 5,000+' },
  { id: 'exponential-6-project', name: 'Exponential 6 project', points: 2500, kind: 'minimum', category: 'program', rule: 'R3', source: 'Exponential\u00a06 project 2,500+' },
  { id: 'newsletter-project', name: 'Exponential Newsletter solution project', points: 2000, kind: 'minimum', category: 'program', rule: 'R3', source: 'Exponential\u00a0Newsletter solution project 2,000+' },
  { id: 'training-course', name: 'Official training course (per attendee)', points: 2000, kind: 'per-attendee', category: 'program', rule: 'R3', source: 'Official training course (per attendee) 2,000' },
  { id: 'certification', name: 'Certification (per person)', points: 1000, kind: 'derived', category: 'program', derivedFrom: 'certification-entries', rule: 'R8', source: 'Certification (per person) 1,000' },
  { id: 'event-attendance', name: 'Full event attendance (conference + meetings)', points: 5000, kind: 'fixed', category: 'program', rule: 'R3', source: 'Full event attendance (conference + meetings) 5,000' },
  { id: 'pipeline-share', name: '“Share your Pipeline” monthly', points: 1000, kind: 'fixed', category: 'program', limit: { count: 1, per: 'month' }, rule: 'R3', source: '“Share your Pipeline” monthly 1,000' },
  { id: 'partner-year', name: 'Partner year participation (max 3 years)', points: 1000, kind: 'derived', category: 'program', derivedFrom: 'partner-years', maxYears: 3, rule: 'R5', source: 'Partner year participation (max 3 years) 1,000/year' },
  { id: 'case-study', name: 'Case study published on exponential.earth', points: 1000, kind: 'fixed', category: 'program', rule: 'R3', source: 'Case study published on exponential.earth 1,000' },
  { id: 'customer-site', name: 'Customer site running Exponential', points: 1000, kind: 'fixed', category: 'program', rule: 'R3', source: 'Customer site running Exponential 1,000' },
  { id: 'customer-reference', name: 'Customer reference published', points: 500, kind: 'fixed', category: 'program', rule: 'R3', source: 'Customer reference published 500' },
  { id: 'article', name: 'Article (500–1500 words, FLOSS-licensed)', points: 500, kind: 'fixed', category: 'knowledge', evidence: { words: { min: 500, max: 1500 }, floss: true }, rule: 'R3', source: 'Article (500–1500 words, FLOSS-licensed) 500' },
  { id: 'press-release', name: 'Approved press release', points: 500, kind: 'fixed', category: 'program', rule: 'R3', source: 'Approved press release 500' },
  { id: 'tutorial', name: 'Tutorial (1500+ words)', points: 500, kind: 'fixed', category: 'knowledge', evidence: { words: { min: 1500 } }, rule: 'R3', source: 'Tutorial (1500+ words) 500' },
  { id: 'conference-talk', name: 'Conference presentation', points: 500, kind: 'fixed', category: 'knowledge', rule: 'R3', source: 'Conference presentation 500' },
  { id: 'powered-by-badge', name: '“Powered by Exponential” site badge', points: 500, kind: 'fixed', category: 'program', rule: 'R3', source: '“Powered by Exponential” site badge 500' },
  { id: 'bug-report', name: 'Bug report', points: 50, kind: 'fixed', category: 'knowledge', rule: 'R3', source: 'Bug report 50' },
  { id: 'forum-post', name: 'Forum post', points: 10, kind: 'fixed', category: 'knowledge', rule: 'R3', source: 'Forum post 10' },
] as const satisfies readonly ActivityRow[]);

/** An activity id of the built-in program. */
export type ActivityId = (typeof activities)[number]['id'];
