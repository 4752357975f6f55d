// Issue #16: the program shapes defineProgram reads. Programs define their own certification kinds and
// categories, tiers list their requirements, activity rows carry limits and caps, the fee has a period;
// definitions in the 0.2 shape keep working, read as the new shape (docs/interpretation.md, "Programs and versions").
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defineProgram, exponentialProgram, type LedgerIssue } from '../../src/index';
import { thrownIssues } from '../helpers/ledger';

type Definition = { id: string; name: string; versions: Record<string, any>[]; [key: string]: unknown };

/** A mutable deep copy of the built-in program (the canonical shape), as plain JSON. */
function definition(): Definition {
  return JSON.parse(JSON.stringify(exponentialProgram));
}

/**
 * The built-in program as 0.2 wrote it: the tier, fee and pipeline-share rows of
 * `git show 50da314:src/program/{tiers,fee,activities}.ts`, and no kinds or categories.
 */
function legacyDefinition(): Definition {
  const input = definition();
  const version = input.versions[0]!;
  delete version['certificationKinds'];
  delete version['categories'];
  version['tiers'] = [
    { id: 'now', name: 'Now', points: 3000, revenue: null, profileCertifications: 0, salesCertifications: 0, rule: 'R9', source: 'Now 3,000 None None' },
    { id: 'starter', name: 'Starter', points: 4000, revenue: null, profileCertifications: 0, salesCertifications: 0, rule: 'R9', source: 'Starter 4,000 None None' },
    { id: 'basic', name: 'Basic', points: 5000, revenue: null, profileCertifications: 0, salesCertifications: 0, rule: 'R9', source: 'Basic 5,000 None None' },
    { id: 'professional', name: 'Professional', points: 8000, revenue: '7200.00', profileCertifications: 0, salesCertifications: 0, rule: 'R9', source: 'Professional 8,000 $7,200 USD None' },
    { id: 'silver', name: 'Silver', points: 20000, revenue: '12000.00', profileCertifications: 1, salesCertifications: 2, rule: 'R9', source: 'Silver 20,000 $12,000 USD 1 Profile + 2 Sales' },
    { id: 'gold', name: 'Gold', points: 50000, revenue: '18000.00', profileCertifications: 2, salesCertifications: 6, rule: 'R9', source: 'Gold 50,000 $18,000 USD 2 Profile + 6 Sales' },
    { id: 'platinum', name: 'Platinum', points: 200000, revenue: '30000.00', profileCertifications: 3, salesCertifications: 10, rule: 'R9', source: 'Platinum 200,000 $30,000 USD 3 Profile + 10 Sales' },
  ];
  version['activities'][6] = { id: 'pipeline-share', name: '“Share your Pipeline” monthly', points: 1000, kind: 'monthly', category: 'program', rule: 'R3', source: '“Share your Pipeline” monthly 1,000' };
  version['fee'] = { monthly: '45.00', period: 'month', currency: 'USD', rule: 'R11', source: 'A monthly subscription fee of $45 USD grants you initial access to the partner program.' };
  return input;
}

function issuesOf(input: unknown): LedgerIssue[] {
  return thrownIssues(() => defineProgram(input));
}

function found(input: unknown): string[] {
  return issuesOf(input).map((i) => `${i.path} ${i.code}`);
}

/** JSON text keeps key order: equal text is equal values in the same order. */
const text = (value: unknown) => JSON.stringify(value);

const cite = (rule: string) => ({ rule, source: 'Northwind Security Partner terms, 2027' });

/**
 * A program unlike Exponential's: a `security` kind, Platinum requiring the `solution-architect`
 * certification itself, at most 4 webinars a quarter, workshops earning at most 1,200 points a quarter,
 * forum posts at most 1,000 a year, and a yearly fee.
 */
function securityDefinition(): Definition {
  return {
    id: 'northwind-security',
    name: 'Northwind Security Partners',
    versions: [
      {
        version: '2027.1',
        effectiveFrom: '2027-01-01',
        currency: 'EUR',
        membershipTier: 'registered',
        renewalTier: 'gold',
        certificationKinds: [
          { id: 'technical', name: 'Technical', source: 'Technical certifications' },
          { id: 'security', name: 'Security', rule: 'R8', source: 'Security certifications' },
        ],
        categories: [
          { id: 'enablement', name: 'Enablement' },
          { id: 'community', name: 'Community', rule: 'R3', source: 'Community activities' },
        ],
        tiers: [
          { id: 'registered', name: 'Registered', requirements: [{ type: 'points', min: 500 }], ...cite('R9') },
          { id: 'gold', name: 'Gold', requirements: [{ type: 'points', min: 5000 }, { type: 'revenue', min: '10000.00' }, { type: 'certifications', kind: 'security', min: 2 }], ...cite('R9') },
          {
            id: 'platinum',
            name: 'Platinum',
            requirements: [{ type: 'points', min: 20000 }, { type: 'revenue', min: '25000.00' }, { type: 'certifications', kind: 'security', min: 4 }, { type: 'certifications', kind: 'technical', min: 1 }, { type: 'certification', certification: 'solution-architect', min: 1 }],
            ...cite('R9'),
          },
        ],
        activities: [
          { id: 'webinar', name: 'Webinar hosted', points: 400, kind: 'fixed', category: 'enablement', limit: { count: 4, per: 'quarter' }, ...cite('R3') },
          { id: 'forum-post', name: 'Forum post', points: 20, kind: 'fixed', category: 'community', cap: { points: 1000, per: 'year' }, ...cite('R3') },
          { id: 'threat-report', name: 'Threat report', points: 1500, kind: 'minimum', category: 'community', limit: { count: 2, per: 'window' }, cap: { points: 4000, per: 'window' }, ...cite('R3') },
          { id: 'workshop', name: 'Workshop (per attendee)', points: 100, kind: 'per-attendee', category: 'enablement', cap: { points: 1200, per: 'quarter' }, ...cite('R3') },
          { id: 'certification', name: 'Certification', points: 500, kind: 'derived', category: 'enablement', derivedFrom: 'certification-entries', ...cite('R8') },
        ],
        certifications: [
          { id: 'solution-architect', name: 'Solution Architect', kind: 'technical', ...cite('R8') },
          { id: 'incident-responder', name: 'Incident Responder', kind: 'security', ...cite('R8') },
          { id: 'pen-tester', name: 'Penetration Tester', kind: 'security', ...cite('R8') },
        ],
        fee: { amount: '600.00', period: 'year', currency: 'EUR', ...cite('R11') },
      },
    ],
  };
}

describe('defineProgram: the canonical shape', () => {
  it('gives the built-in program back deep-equal and in the same key order', () => {
    const program = defineProgram(exponentialProgram);
    expect(program).toEqual(exponentialProgram);
    expect(text(program)).toBe(text(exponentialProgram));
    expect(text(defineProgram(definition()))).toBe(text(exponentialProgram));
  });

  it('defines a program with a security kind, a required certification, a quarterly limit, caps and a yearly fee', () => {
    const input = securityDefinition();
    const program = defineProgram(input);
    const [version] = program.versions;
    expect(version.certificationKinds).toEqual([
      { id: 'technical', name: 'Technical', rule: 'R8', source: 'Technical certifications' },
      { id: 'security', name: 'Security', rule: 'R8', source: 'Security certifications' },
    ]);
    // A category's rule and source are optional: R3, and its name.
    expect(version.categories).toEqual([
      { id: 'enablement', name: 'Enablement', rule: 'R3', source: 'Enablement' },
      { id: 'community', name: 'Community', rule: 'R3', source: 'Community activities' },
    ]);
    expect(version.tiers[2]!.requirements.at(-1)).toEqual({ type: 'certification', certification: 'solution-architect', min: 1 });
    expect(version.activities[0]!.limit).toEqual({ count: 4, per: 'quarter' });
    expect(version.activities[1]!.cap).toEqual({ points: 1000, per: 'year' });
    expect(version.activities[3]!.cap).toEqual({ points: 1200, per: 'quarter' });
    expect(version.fee).toEqual({ amount: '600.00', period: 'year', currency: 'EUR', rule: 'R11', source: 'Northwind Security Partner terms, 2027' });
    // Canonical key order: the kinds' and categories' rule before source, as the built-in rows.
    expect(Object.keys(version.certificationKinds[0]!)).toEqual(['id', 'name', 'rule', 'source']);
    expect(Object.keys(version.categories[0]!)).toEqual(['id', 'name', 'rule', 'source']);
    expect(Object.keys(version.activities[2]!)).toEqual(['id', 'name', 'points', 'kind', 'category', 'limit', 'cap', 'rule', 'source']);
    expect(Object.keys(version)).toEqual(['version', 'effectiveFrom', 'currency', 'membershipTier', 'renewalTier', 'certificationKinds', 'categories', 'tiers', 'activities', 'certifications', 'fee']);
    expect(text(defineProgram(program))).toBe(text(program));
  });

  it('puts keys in the canonical order whatever order the definition wrote them in', () => {
    const input = securityDefinition();
    const reverse = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).reverse());
    const version = input.versions[0]!;
    const reordered = {
      ...input,
      versions: [
        reverse({
          ...version,
          tiers: version['tiers'].map((tier: Record<string, any>) => reverse({ ...tier, requirements: tier['requirements'].map(reverse) })),
          activities: version['activities'].map((row: Record<string, any>) => reverse({ ...row, ...(row['limit'] ? { limit: reverse(row['limit']) } : {}) })),
          certifications: version['certifications'].map(reverse),
          certificationKinds: version['certificationKinds'].map(reverse),
          fee: reverse(version['fee']),
        }),
      ],
    };
    expect(text(defineProgram(reordered))).toBe(text(defineProgram(input)));
  });

  it('accepts a kind that no tier requires, no kinds and no certifications at all, and no categories with no activity rows', () => {
    const input = securityDefinition();
    input.versions[0]!['certificationKinds'].push({ id: 'cloud', name: 'Cloud', source: 'Cloud' });
    expect(defineProgram(input).versions[0].certificationKinds.map((k) => k.id)).toEqual(['technical', 'security', 'cloud']);
    const bare = securityDefinition();
    const version = bare.versions[0]!;
    version['certificationKinds'] = [];
    version['certifications'] = [];
    version['categories'] = [];
    version['activities'] = [];
    version['tiers'] = [{ id: 'registered', name: 'Registered', requirements: [], ...cite('R9') }];
    version['renewalTier'] = 'registered';
    expect(defineProgram(bare).versions[0]).toMatchObject({ certificationKinds: [], categories: [], activities: [], tiers: [{ requirements: [] }] });
  });
});

describe('defineProgram: the 0.2 shape (read as the new one)', () => {
  it('reads the built-in program as 0.2 wrote it as exactly the built-in program, key order included', () => {
    const program = defineProgram(legacyDefinition());
    expect(program).toEqual(exponentialProgram);
    expect(text(program)).toBe(text(exponentialProgram));
  });

  it('reads examples/programs/exponential-2027.json (a 0.2 definition): its first version is the built-in one', () => {
    const raw = JSON.parse(readFileSync(new URL('../../examples/programs/exponential-2027.json', import.meta.url), 'utf8'));
    const program = defineProgram(raw);
    expect(text(program.versions[0])).toBe(text(exponentialProgram.versions[0]));
    expect(program.versions).toHaveLength(raw.versions.length);
  });

  it('a 0.2 tier: points always, revenue unless null, each certification count above 0', () => {
    const input = legacyDefinition();
    const tiers = input.versions[0]!['tiers'];
    tiers[0] = { ...tiers[0], points: 0, revenue: '0.00' };
    // Starter, Basic and Professional with one profile certification (the tiers above have more).
    for (const tier of tiers.slice(1, 4)) tier.profileCertifications = 1;
    const [version] = defineProgram(input).versions;
    expect(version.tiers[0]!.requirements).toEqual([{ type: 'points', min: 0 }, { type: 'revenue', min: '0.00' }]);
    expect(version.tiers[1]!.requirements).toEqual([{ type: 'points', min: 4000 }, { type: 'certifications', kind: 'profile', min: 1 }]);
    expect(version.tiers[2]!.requirements).toEqual([{ type: 'points', min: 5000 }, { type: 'certifications', kind: 'profile', min: 1 }]);
    expect(version.tiers[4]!.requirements).toEqual(exponentialProgram.versions[0].tiers[4]!.requirements);
    expect(Object.keys(version.tiers[4]!)).toEqual(['id', 'name', 'requirements', 'rule', 'source']);
  });

  it('a 0.2 tier keeps all four of its fields required, at their paths', () => {
    const input = legacyDefinition();
    delete input.versions[0]!['tiers'][4].revenue;
    delete input.versions[0]!['tiers'][4].salesCertifications;
    expect(found(input)).toEqual(['versions[0].tiers[4].revenue missing-field', 'versions[0].tiers[4].salesCertifications missing-field']);
  });

  it('the activity kind "monthly" is "fixed" with at most one entry a month, the limit before rule and source', () => {
    const program = defineProgram(legacyDefinition());
    const row = program.versions[0].activities[6]!;
    expect(row).toEqual({ id: 'pipeline-share', name: '“Share your Pipeline” monthly', points: 1000, kind: 'fixed', category: 'program', limit: { count: 1, per: 'month' }, rule: 'R3', source: '“Share your Pipeline” monthly 1,000' });
    expect(Object.keys(row)).toEqual(['id', 'name', 'points', 'kind', 'category', 'limit', 'rule', 'source']);
  });

  it('"monthly" with a cap keeps the cap; with a limit of its own it is refused at the limit', () => {
    const capped = legacyDefinition();
    capped.versions[0]!['activities'][6].cap = { points: 2000, per: 'quarter' };
    expect(defineProgram(capped).versions[0].activities[6]).toMatchObject({ kind: 'fixed', limit: { count: 1, per: 'month' }, cap: { points: 2000, per: 'quarter' } });
    const limited = legacyDefinition();
    limited.versions[0]!['activities'][6].limit = { count: 2, per: 'month' };
    const issues = issuesOf(limited);
    expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual(['versions[0].activities[6].limit field-not-applicable']);
    expect(issues[0]!.message).toContain('kind "fixed"');
  });

  it('the 0.2 fee: monthly is the amount per month, its period "month" or left out, never another', () => {
    const input = legacyDefinition();
    delete input.versions[0]!['fee'].period;
    expect(defineProgram(input).versions[0].fee).toEqual(exponentialProgram.versions[0].fee);
    input.versions[0]!['fee'].period = 'quarter';
    expect(found(input)).toEqual(['versions[0].fee.period invalid-value']);
    const zero = legacyDefinition();
    zero.versions[0]!['fee'].monthly = '0.00';
    const issues = issuesOf(zero);
    expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual(['versions[0].fee.monthly invalid-amount']);
    expect(issues[0]!.message).toBe('the monthly fee must be more than 0.00');
  });

  it('without certificationKinds or categories a version has the built-in ones', () => {
    const input = definition();
    delete input.versions[0]!['certificationKinds'];
    delete input.versions[0]!['categories'];
    const [version] = defineProgram(input).versions;
    expect(version.certificationKinds).toEqual(exponentialProgram.versions[0].certificationKinds);
    expect(version.categories).toEqual(exponentialProgram.versions[0].categories);
    // Then only profile and sales certifications, and only knowledge and program rows.
    input.versions[0]!['certifications'][0].kind = 'security';
    input.versions[0]!['activities'][0].category = 'enablement';
    expect(found(input)).toEqual(['versions[0].activities[0].category invalid-value', 'versions[0].certifications[0].kind invalid-value']);
  });

  it('a tier of the new form may carry 0.2 fields: each sets its requirement (a spread copy of a built-in tier with one field changed)', () => {
    const [now, starter, basic, professional, silver, gold, platinum] = exponentialProgram.versions[0].tiers;
    const tiers = [
      now,
      { ...starter, points: 4500 },
      // A count where there was none is added after the requirements of the fields before it; "None" and 0 remove one.
      { ...basic, salesCertifications: 1 },
      { ...professional, revenue: null, salesCertifications: 1 },
      { ...silver, profileCertifications: 0, salesCertifications: 2 },
      gold,
      platinum,
    ];
    const program = defineProgram({ ...exponentialProgram, versions: [{ ...exponentialProgram.versions[0], tiers }] });
    expect(program.versions[0].tiers.map((tier) => tier.requirements)).toStrictEqual([
      now!.requirements,
      [{ type: 'points', min: 4500 }],
      [{ type: 'points', min: 5000 }, { type: 'certifications', kind: 'sales', min: 1 }],
      [{ type: 'points', min: 8000 }, { type: 'certifications', kind: 'sales', min: 1 }],
      [{ type: 'points', min: 20000 }, { type: 'revenue', min: '12000.00' }, { type: 'certifications', kind: 'sales', min: 2 }],
      gold!.requirements,
      platinum!.requirements,
    ]);
    // The normalised tier has the new form only.
    expect(Object.keys(program.versions[0].tiers[1]!)).toStrictEqual(['id', 'name', 'requirements', 'rule', 'source']);
  });

  it('the 0.2 "monthly" on a fee of the new form sets the amount per month; on a fee of another period it is an issue', () => {
    const fee = exponentialProgram.versions[0].fee;
    const monthly = defineProgram({ ...exponentialProgram, versions: [{ ...exponentialProgram.versions[0], fee: { ...fee, monthly: '50.00' } }] });
    expect(monthly.versions[0].fee).toStrictEqual({ amount: '50.00', period: 'month', currency: 'USD', rule: 'R11', source: fee.source });
    const yearly = { ...exponentialProgram, versions: [{ ...exponentialProgram.versions[0], fee: { ...fee, period: 'year', monthly: '50.00' } }] };
    expect(found(yearly)).toEqual(['versions[0].fee.monthly invalid-value']);
  });

  it('reports 0.2 tier issues at the 0.2 fields: order, and a kind the catalogue lacks', () => {
    const input = legacyDefinition();
    const tiers = input.versions[0]!['tiers'];
    tiers[4].points = 7999;
    tiers[5].revenue = '11999.99';
    tiers[5].profileCertifications = 0;
    tiers[6].salesCertifications = 5;
    tiers[3].revenue = null;
    expect(found(input)).toEqual([
      'versions[0].tiers[4].points unordered-tiers',
      'versions[0].tiers[5].revenue unordered-tiers',
      'versions[0].tiers[5].profileCertifications unordered-tiers',
      'versions[0].tiers[6].salesCertifications unordered-tiers',
    ]);
    const noRevenue = legacyDefinition();
    noRevenue.versions[0]!['tiers'][4].revenue = null;
    expect(found(noRevenue)).toEqual(['versions[0].tiers[4].revenue unordered-tiers']);
    const noSales = legacyDefinition();
    noSales.versions[0]!['certifications'] = noSales.versions[0]!['certifications'].filter((c: { kind: string }) => c.kind === 'profile');
    expect(found(noSales)).toEqual([4, 5, 6].map((i) => `versions[0].tiers[${i}].salesCertifications missing-certification-kind`));
  });

  it('mixes 0.2 and canonical tiers in one table, compared with each other', () => {
    const input = definition();
    const tiers = input.versions[0]!['tiers'];
    tiers[5] = { id: 'gold', name: 'Gold', points: 50000, revenue: '18000.00', profileCertifications: 2, salesCertifications: 1, rule: 'R9', source: 'Gold' };
    expect(found(input)).toEqual(['versions[0].tiers[5].salesCertifications unordered-tiers']);
    tiers[5].salesCertifications = 6;
    expect(defineProgram(input).versions[0].tiers[5]!.requirements).toEqual(exponentialProgram.versions[0].tiers[5]!.requirements);
  });

  it('an activity keeps its kind across versions with "monthly" read as "fixed"', () => {
    const input = legacyDefinition();
    const later = JSON.parse(JSON.stringify(definition().versions[0]));
    later.version = '2027.1';
    later.effectiveFrom = '2027-01-01';
    input.versions.push(later);
    // 0.2 "monthly" in 2014.1, "fixed" with a limit in 2027.1: the same kind.
    expect(defineProgram(input).versions[1]!.activities[6]).toEqual(exponentialProgram.versions[0].activities[6]);
    later.activities[6].kind = 'minimum';
    const issues = issuesOf(input);
    expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual(['versions[1].activities[6].kind inconsistent-row']);
    expect(issues[0]!.message).toContain('"minimum" here but "fixed" at versions[0].activities[6]');
  });
});

describe('defineProgram: the invariants of kinds, categories, requirements, limits and caps', () => {
  it('certification kinds: unique ids, citing R8 when they cite', () => {
    const input = securityDefinition();
    const kinds = input.versions[0]!['certificationKinds'];
    kinds.push({ id: 'security', name: 'Security again', source: 'x' });
    kinds[0].rule = 'R3';
    const issues = issuesOf(input);
    expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual(['versions[0].certificationKinds[0].rule invalid-value', 'versions[0].certificationKinds[2].id duplicate-id']);
    expect(issues[1]!.message).toContain('versions[0].certificationKinds[1].id');
  });

  it('certification kinds: not "valid" or "expired" (the totals of certifications); "validated" is fine', () => {
    for (const id of ['valid', 'expired']) {
      const input = securityDefinition();
      input.versions[0]!['certificationKinds'].push({ id, name: id, source: id });
      expect(found(input), id).toEqual(['versions[0].certificationKinds[2].id invalid-value']);
    }
    const input = securityDefinition();
    input.versions[0]!['certificationKinds'].push({ id: 'validated', name: 'Validated', source: 'x' }, { id: 'expired-soon', name: 'x', source: 'x' });
    expect(() => defineProgram(input)).not.toThrow();
  });

  it('an unknown kind or certification in one tier is its own issue only: the tiers above it get no order issue for it', () => {
    const input = securityDefinition();
    const tiers = input.versions[0]!['tiers'];
    tiers[0].requirements.push({ type: 'certifications', kind: 'nope', min: 1 }, { type: 'certification', certification: 'nothing', min: 1 });
    expect(found(input)).toEqual(['versions[0].tiers[0].requirements[1].kind missing-certification-kind', 'versions[0].tiers[0].requirements[2].certification unknown-certification']);
  });

  it('a hole in a requirement list (plain JS) is an issue at its index, never a TypeError', () => {
    const input = securityDefinition();
    // eslint-disable-next-line no-sparse-arrays
    input.versions[0]!['tiers'][0].requirements = [, { type: 'points', min: 100 }];
    const issues = issuesOf(input);
    expect(issues.map((i) => i.path)).toContain('versions[0].tiers[0].requirements[0]');
    expect(issues.every((i) => !i.message.includes('TypeError'))).toBe(true);
  });

  it('kinds and categories: not digits only (a result object would list the key first); a digit beside a letter is fine', () => {
    const kinds = securityDefinition();
    kinds.versions[0]!['certificationKinds'].push({ id: '2024', name: 'Class of 2024', source: 'x' });
    kinds.versions[0]!['categories'].push({ id: '7', name: 'Seven' });
    expect(found(kinds)).toEqual(['versions[0].certificationKinds[2].id invalid-value', 'versions[0].categories[2].id invalid-value']);
    const fine = securityDefinition();
    fine.versions[0]!['certificationKinds'].push({ id: 'k2024', name: 'Class of 2024', source: 'x' });
    fine.versions[0]!['categories'].push({ id: '7-a', name: 'Seven' });
    expect(() => defineProgram(fine)).not.toThrow();
  });

  it('certification kinds: no two with the same shortfall key ("a-1" and "a1" are both a1Certifications)', () => {
    const input = securityDefinition();
    input.versions[0]!['certificationKinds'].push({ id: 'cloud-1', name: 'x', source: 'x' }, { id: 'cloud1', name: 'x', source: 'x' }, { id: 'cloud-one', name: 'x', source: 'x' });
    const issues = issuesOf(input);
    expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual(['versions[0].certificationKinds[3].id duplicate-id']);
    expect(issues[0]!.message).toContain('"cloud1Certifications" of versions[0].certificationKinds[2].id');
  });

  it('categories: unique ids citing R3, none of the six fixed keys of byCategory (R7)', () => {
    for (const id of ['revenue', 'certification', 'partner-year', 'bonus', 'special', 'adjustment']) {
      const input = securityDefinition();
      input.versions[0]!['categories'].push({ id, name: id });
      expect(found(input), id).toEqual(['versions[0].categories[2].id invalid-value']);
    }
    const input = securityDefinition();
    input.versions[0]!['categories'].push({ id: 'community', name: 'Again' }, { id: 'bonuses', name: 'Bonuses', rule: 'R4' });
    expect(found(input)).toEqual(['versions[0].categories[2].id duplicate-id', 'versions[0].categories[3].rule invalid-value']);
    const fine = securityDefinition();
    fine.versions[0]!['categories'].push({ id: 'bonuses', name: 'Bonuses' }, { id: 'revenue-share', name: 'Revenue share' });
    expect(() => defineProgram(fine)).not.toThrow();
  });

  it('a catalogue row names a kind of its version; an activity row a category of it', () => {
    const input = securityDefinition();
    input.versions[0]!['certifications'][1].kind = 'profile';
    input.versions[0]!['activities'][1].category = 'knowledge';
    const issues = issuesOf(input);
    expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual(['versions[0].activities[1].category invalid-value', 'versions[0].certifications[1].kind invalid-value']);
    expect(issues[0]!.message).toBe('"knowledge" is not a category of this version (versions[0].categories: "enablement", "community")');
    expect(issues[1]!.message).toBe('"profile" is not a certification kind of this version (versions[0].certificationKinds: "technical", "security")');
  });

  it('a tier requiring a kind its version does not define, or one without a catalogue certification, or a certification not in the catalogue', () => {
    const input = securityDefinition();
    const platinum = input.versions[0]!['tiers'][2].requirements;
    platinum[3].kind = 'cloud'; // not a kind
    platinum[4].certification = 'cloud-architect'; // not in the catalogue
    input.versions[0]!['certificationKinds'].push({ id: 'cloud', name: 'x', source: 'x' });
    expect(found(input)).toEqual(['versions[0].tiers[2].requirements[3].kind missing-certification-kind', 'versions[0].tiers[2].requirements[4].certification unknown-certification']);
    input.versions[0]!['certifications'].push({ id: 'cloud-architect', name: 'Cloud Architect', kind: 'cloud', ...cite('R8') });
    expect(() => defineProgram(input)).not.toThrow();
  });

  it('tier order counts every kind and named certification: one fewer below is refused, equal is fine', () => {
    const input = securityDefinition();
    const tiers = input.versions[0]!['tiers'];
    tiers[2].requirements[2].min = 1; // security: below Gold's 2
    expect(found(input)).toEqual(['versions[0].tiers[2].requirements[2].min unordered-tiers']);
    tiers[2].requirements[2].min = 2;
    expect(() => defineProgram(input)).not.toThrow();
    // Gold requiring the architect too, Platinum only as many: fine; Platinum without the requirement: refused.
    tiers[1].requirements.push({ type: 'certification', certification: 'solution-architect', min: 1 });
    expect(() => defineProgram(input)).not.toThrow();
    tiers[2].requirements.splice(4, 1);
    const issues = issuesOf(input);
    expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual(['versions[0].tiers[2].requirements unordered-tiers']);
    expect(issues[0]!.message).toBe('"platinum" requires 0 holders of "solution-architect", fewer than "gold" below it (1): tiers go lowest first with non-decreasing requirements');
  });

  it('limits and caps: a positive integer count or points, per month, quarter, year or window, at their paths', () => {
    for (const per of ['month', 'quarter', 'year', 'window']) {
      const input = securityDefinition();
      input.versions[0]!['activities'][0].limit = { count: 1, per };
      input.versions[0]!['activities'][1].cap = { points: 1, per };
      expect(defineProgram(input).versions[0].activities[0]!.limit, per).toEqual({ count: 1, per });
    }
    const input = securityDefinition();
    const rows = input.versions[0]!['activities'];
    rows[0].limit = { count: 0, per: 'week' };
    rows[1].cap = { points: 1.5, per: 'monthly' };
    rows[2].limit = { per: 'year' };
    rows[2].cap = { points: 10, per: 'year', extra: 1 };
    rows[3].limit = { count: '4', per: 'quarter' };
    expect(found(input)).toEqual([
      'versions[0].activities[0].limit.count invalid-integer',
      'versions[0].activities[0].limit.per invalid-value',
      'versions[0].activities[1].cap.points invalid-integer',
      'versions[0].activities[1].cap.per invalid-value',
      'versions[0].activities[2].limit.count missing-field',
      'versions[0].activities[2].cap.extra unknown-field',
      'versions[0].activities[3].limit.count invalid-type',
    ]);
  });

  it('limits and caps go on reported rows (minimum, per-attendee, fixed), never on derived ones', () => {
    const input = securityDefinition();
    input.versions[0]!['activities'][4].limit = { count: 1, per: 'year' };
    input.versions[0]!['activities'][4].cap = { points: 1000, per: 'year' };
    const issues = issuesOf(input);
    expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual(['versions[0].activities[4].limit field-not-applicable', 'versions[0].activities[4].cap field-not-applicable']);
  });

  it('a row that cannot be read is one issue, not a cascade of references to it', () => {
    const cases: [string, (v: Record<string, any>) => void, string[]][] = [
      ['a kind that is no object', (v) => (v['certificationKinds'][0] = 7), ['versions[0].certificationKinds[0] invalid-type']],
      ['a kind without an id', (v) => delete v['certificationKinds'][1].id, ['versions[0].certificationKinds[1].id missing-field']],
      ['a category list that is no list', (v) => (v['categories'] = null), ['versions[0].categories invalid-type']],
      ['a requirement without its kind', (v) => delete v['tiers'][1].requirements[2].kind, ['versions[0].tiers[1].requirements[2].kind missing-field']],
      ['requirements that are no list', (v) => (v['tiers'][1].requirements = {}), ['versions[0].tiers[1].requirements invalid-type']],
      ['no fee', (v) => delete v['fee'], ['versions[0].fee missing-field']],
      ['a fee that is no object', (v) => (v['fee'] = 600), ['versions[0].fee invalid-type']],
    ];
    for (const [what, edit, expected] of cases) {
      const input = securityDefinition();
      edit(input.versions[0]!);
      expect(found(input), what).toEqual(expected);
    }
  });

  it('the fee period is month, quarter or year, and a 0.2 fee in a version of its own next to a new one', () => {
    const input = securityDefinition();
    const later = JSON.parse(JSON.stringify(input.versions[0]));
    later.version = '2028.1';
    later.effectiveFrom = '2028-01-01';
    later.fee = { monthly: '55.00', currency: 'EUR', ...cite('R11') };
    input.versions.push(later);
    const program = defineProgram(input);
    expect(program.versions.map((v) => [v.fee.amount, v.fee.period])).toEqual([
      ['600.00', 'year'],
      ['55.00', 'month'],
    ]);
  });
});
