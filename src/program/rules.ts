import { deepFreeze } from './deepFreeze';
import type { RuleId } from './types';

/** One rule of the rulebook: its id, a title, and the program sentences it encodes (verbatim). */
export type Rule = { readonly id: RuleId; readonly title: string; readonly sources: readonly string[] };

/**
 * The rulebook R1–R12 (SPEC §2). Evaluation outcomes cite these ids; the
 * quotes live here once, and on the table rows. Deep-frozen.
 */
export const rules = /* @__PURE__ */ deepFreeze([
  { id: 'R1', title: 'Window', sources: ['Partner Tier Points / Year Min. Revenue Certifications Required', 'Partner tiers are reviewed monthly.'] },
  { id: 'R2', title: 'Revenue', sources: ['1 point per $1 USD earned by exponential.earth via your direct sales, project licensing, or subscriptions.'] },
  { id: 'R3', title: 'Activity table', sources: ['Sample Point-Generating Activities'] },
  { id: 'R4', title: 'Time', sources: ['1 Point ≈ 1 USD in revenue or 1 minute of value-added activity.'] },
  { id: 'R5', title: 'Partner year', sources: ['Partner year participation (max 3 years) 1,000/year'] },
  { id: 'R6', title: 'Bonus and special', sources: ['Some strategic activities may receive bonus points due to their higher impact on the ecosystem.', 'New ideas or impactful activities not listed? Let us know—we’ll evaluate and reward on a case-by-case basis.'] },
  { id: 'R7', title: 'Reporting status', sources: ['External activities (e.g., events, customer projects, press coverage) must be submitted via the Partner Center using a quick reporting form.'] },
  { id: 'R8', title: 'Certifications', sources: ['For Silver tier and above, partners must hold valid certifications:', 'Certification (per person) 1,000'] },
  { id: 'R9', title: 'Tiers', sources: ['You will always be placed in the highest tier for which you meet the requirements.'] },
  { id: 'R10', title: 'Membership', sources: ['Two Ways to Become a Partner', 'Partners who generate 5,000 points annually through activity or revenue qualify for Basic status automatically, with no fee required.'] },
  { id: 'R11', title: 'Fee', sources: ['A monthly subscription fee of $45 USD grants you initial access to the partner program.', 'To maintain active status, partners who do not reach the Professional level annually must pay this fee again each year.'] },
  { id: 'R12', title: 'Monthly review', sources: ['Partner tiers are reviewed monthly.'] },
] as const satisfies readonly Rule[]);
