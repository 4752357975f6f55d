// A program unlike Exponential's, in the canonical 0.3 shape, for the tests of everything that shows a
// program or an evaluation (describeProgram, diffPrograms, the documents, the CLI, the dashboard): a
// `security` certification kind, a tier that requires a specific certification, a limit per quarter,
// caps per quarter and per year, a category of its own and a yearly fee.

/** The definition, as JSON would give it (a fresh copy each call: tests edit it). */
export function securityDefinition() {
  return {
    id: 'northwind-security',
    name: 'Northwind Security Partners',
    versions: [
      {
        version: '2027.1',
        effectiveFrom: '2027-01-01',
        currency: 'USD',
        membershipTier: 'registered',
        renewalTier: 'gold',
        certificationKinds: [
          { id: 'security', name: 'Security', rule: 'R8', source: 'Security Certifications' },
          { id: 'sales', name: 'Sales', rule: 'R8', source: 'Sales Certifications' },
        ],
        categories: [
          { id: 'community', name: 'Community', rule: 'R3', source: 'Community' },
          { id: 'enablement', name: 'Enablement', rule: 'R3', source: 'Enablement' },
        ],
        tiers: [
          { id: 'registered', name: 'Registered', requirements: [{ type: 'points', min: 1000 }], rule: 'R9', source: 'Registered 1,000' },
          {
            id: 'gold',
            name: 'Gold',
            requirements: [{ type: 'points', min: 10000 }, { type: 'revenue', min: '5000.00' }, { type: 'certifications', kind: 'security', min: 2 }],
            rule: 'R9',
            source: 'Gold 10,000 $5,000 2 certified security engineers',
          },
          {
            id: 'platinum',
            name: 'Platinum',
            requirements: [
              { type: 'points', min: 40000 },
              { type: 'revenue', min: '20000.00' },
              { type: 'certifications', kind: 'security', min: 4 },
              { type: 'certification', certification: 'solution-architect', min: 1 },
            ],
            rule: 'R9',
            source: 'Platinum 40,000 $20,000 4 security engineers and the Solution Architect certification',
          },
        ],
        activities: [
          { id: 'webinar', name: 'Webinar', points: 250, kind: 'fixed', category: 'community', limit: { count: 4, per: 'quarter' }, rule: 'R3', source: 'Webinar 250, at most 4 per quarter' },
          { id: 'forum-post', name: 'Forum post', points: 10, kind: 'fixed', category: 'community', cap: { points: 1000, per: 'year' }, rule: 'R3', source: 'Forum post 10, at most 1,000 points a year' },
          { id: 'workshop', name: 'Workshop (per attendee)', points: 500, kind: 'per-attendee', category: 'enablement', cap: { points: 3000, per: 'quarter' }, rule: 'R3', source: 'Workshop 500 per attendee, at most 3,000 points a quarter' },
          { id: 'summit', name: 'Partner summit', points: 2000, kind: 'fixed', category: 'enablement', limit: { count: 1, per: 'year' }, rule: 'R3', source: 'Partner summit 2,000 once a year' },
          { id: 'certification', name: 'Certification (per person)', points: 1000, kind: 'derived', category: 'enablement', derivedFrom: 'certification-entries', rule: 'R8', source: 'Certification (per person) 1,000' },
        ],
        certifications: [
          { id: 'security-analyst', name: 'Security Analyst Certification', kind: 'security', rule: 'R8', source: 'Security Analyst' },
          { id: 'security-engineer', name: 'Security Engineer Certification', kind: 'security', rule: 'R8', source: 'Security Engineer' },
          { id: 'solution-architect', name: 'Solution Architect Certification', kind: 'sales', rule: 'R8', source: 'Solution Architect' },
        ],
        fee: { amount: '500.00', period: 'year', currency: 'USD', rule: 'R11', source: 'A yearly fee of $500 USD grants access to the partner program.' },
      },
    ],
  };
}

/**
 * A partner of that program on 2027-06-30: 6,000.00 of revenue, five webinars in the second quarter
 * (the fifth past the limit), a workshop of 8 attendees (4,000 points, capped at 3,000 a quarter),
 * two security engineers and no Solution Architect: Gold, Platinum short of points, revenue, two
 * security pairs and the Solution Architect's one holder.
 */
export function securityLedger() {
  return {
    partner: { id: 'harbor', name: 'Harbor Secure', joinedOn: '2027-01-15' },
    entries: [
      { id: 'h1', type: 'revenue', date: '2027-02-10', amount: '6000.00', source: 'direct-sale' },
      { id: 'h2', type: 'activity', date: '2027-04-02', activity: 'webinar' },
      { id: 'h3', type: 'activity', date: '2027-04-09', activity: 'webinar' },
      { id: 'h4', type: 'activity', date: '2027-05-07', activity: 'webinar' },
      { id: 'h5', type: 'activity', date: '2027-05-21', activity: 'webinar' },
      { id: 'h6', type: 'activity', date: '2027-06-04', activity: 'webinar' },
      { id: 'h7', type: 'activity', date: '2027-05-12', activity: 'workshop', quantity: 8 },
      { id: 'h8', type: 'certification', date: '2027-03-01', holder: 'ana', certification: 'security-engineer', expiresOn: '2029-02-28' },
      { id: 'h9', type: 'certification', date: '2027-03-08', holder: 'ben', certification: 'security-analyst' },
      { id: 'h10', type: 'fee-payment', date: '2027-01-15', months: 12, amount: '500.00' },
    ],
  };
}
