// Custom programs everywhere (SPEC §3.2): parseLedger validates ids and
// evidence fields against the program it is given, evaluate reads every
// number from that program, and the version in effect on asOf decides.
import { describe, expect, it } from 'vitest';
import { defineProgram, evaluate, exponentialProgram, parseLedger, ValidationError, type LedgerIssue } from '../../src/index';
import { ledger, outcomeOf, type RawEntry } from '../helpers/ledger';

type Definition = { id: string; name: string; versions: Record<string, any>[] };

function definition(): Definition {
  return JSON.parse(JSON.stringify(exponentialProgram));
}

const cite = (rule: string) => ({ rule, source: 'Acme Partner Network terms, 2026' });

/** A small custom program: three tiers, its own activities, certifications and a EUR fee. */
function acmeDefinition(): Definition {
  return {
    id: 'acme-partner-network',
    name: 'Acme Partner Network',
    versions: [
      {
        version: '2026.1',
        effectiveFrom: '2026-01-01',
        currency: 'EUR',
        membershipTier: 'bronze',
        renewalTier: 'silver',
        tiers: [
          { id: 'bronze', name: 'Bronze', points: 1000, revenue: null, profileCertifications: 0, salesCertifications: 0, ...cite('R9') },
          { id: 'silver', name: 'Silver', points: 2000, revenue: '500.00', profileCertifications: 0, salesCertifications: 0, ...cite('R9') },
          { id: 'gold', name: 'Gold', points: 4000, revenue: '1000.00', profileCertifications: 1, salesCertifications: 0, ...cite('R9') },
        ],
        activities: [
          { id: 'webinar', name: 'Webinar hosted', points: 750, kind: 'fixed', category: 'program', ...cite('R3') },
          { id: 'blog-post', name: 'Blog post', points: 300, kind: 'fixed', category: 'knowledge', evidence: { words: { min: 300 } }, ...cite('R3') },
          { id: 'integration', name: 'Integration built', points: 1500, kind: 'minimum', category: 'program', ...cite('R3') },
          { id: 'cert-credit', name: 'Certification', points: 200, kind: 'derived', category: 'program', derivedFrom: 'certification-entries', ...cite('R8') },
          { id: 'loyalty', name: 'Partner year', points: 250, kind: 'derived', category: 'program', derivedFrom: 'partner-years', maxYears: 1, ...cite('R5') },
        ],
        certifications: [{ id: 'cloud-architect', name: 'Cloud Architect', kind: 'profile', ...cite('R8') }],
        fee: { monthly: '30.00', period: 'month', currency: 'EUR', ...cite('R11') },
      },
    ],
  };
}

const acme = defineProgram(acmeDefinition());

function issuesUnder(input: unknown, program = acme): LedgerIssue[] {
  const result = parseLedger(input, { program });
  if (result.ok) throw new Error('expected the ledger to be refused');
  return [...result.issues];
}

const partner = { joinedOn: '2025-08-01' };

describe('parseLedger with a custom program', () => {
  it('accepts the activity and certification ids of that program', () => {
    const result = parseLedger(
      ledger([
        { id: 'a1', type: 'activity', date: '2026-03-01', activity: 'webinar' },
        { id: 'c1', type: 'certification', date: '2026-03-01', holder: 'ana', certification: 'cloud-architect' },
      ]),
      { program: acme },
    );
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('refuses an activity the program lacks, naming the entry and the program', () => {
    const issues = issuesUnder(ledger([{ id: 'a1', type: 'activity', date: '2026-03-01', activity: 'forum-post' }]));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'entries[0].activity', code: 'unknown-activity' });
    expect(issues[0]!.message).toContain('"forum-post"');
    expect(issues[0]!.message).toContain('Acme Partner Network');
  });

  it('refuses the custom ids under the built-in program', () => {
    const result = parseLedger(ledger([{ id: 'a1', type: 'activity', date: '2026-03-01', activity: 'webinar' }]));
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual(['unknown-activity']);
  });

  it('refuses a certification outside the catalogue, listing the catalogue', () => {
    const issues = issuesUnder(ledger([{ id: 'c1', type: 'certification', date: '2026-03-01', holder: 'ana', certification: 'developer' }]));
    expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual(['entries[0].certification unknown-certification']);
    expect(issues[0]!.message).toContain('cloud-architect');
  });

  it('checks evidence fields and derived rows against the program rows', () => {
    const issues = issuesUnder(
      ledger([
        { id: 'a1', type: 'activity', date: '2026-03-01', activity: 'blog-post', words: 400, floss: true },
        { id: 'a2', type: 'activity', date: '2026-03-01', activity: 'webinar', words: 400 },
        { id: 'a3', type: 'activity', date: '2026-03-01', activity: 'loyalty' },
        { id: 'a4', type: 'activity', date: '2026-03-01', activity: 'integration', points: 1499 },
        { id: 'a5', type: 'activity', date: '2026-03-01', activity: 'webinar', points: 800 },
      ]),
    );
    expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual([
      'entries[0].floss field-not-applicable',
      'entries[1].words field-not-applicable',
      'entries[2].activity derived-activity',
      'entries[3].points below-minimum',
      'entries[4].points field-not-applicable',
    ]);
  });

  it('refuses a program that defineProgram did not return', () => {
    const result = parseLedger(ledger([]), { program: acmeDefinition() as never });
    expect(result.ok ? [] : result.issues.map((i) => `${i.path} ${i.code}`)).toEqual(['program invalid-program']);
  });
});

describe('evaluate with a custom program', () => {
  const entries: RawEntry[] = [
    { id: 'r1', type: 'revenue', date: '2026-02-01', amount: '500.00', source: 'direct-sale' },
    { id: 'a1', type: 'activity', date: '2026-02-10', activity: 'webinar' },
    { id: 'a2', type: 'activity', date: '2026-02-11', activity: 'blog-post', words: 299 },
    { id: 'a3', type: 'activity', date: '2026-02-12', activity: 'blog-post', words: 300 },
    { id: 'c1', type: 'certification', date: '2026-02-13', holder: 'ana', certification: 'cloud-architect' },
    { id: 'f1', type: 'fee-payment', date: '2026-01-01', months: 12, amount: '540.00' },
    { id: 'f2', type: 'fee-payment', date: '2026-01-01', months: 12, amount: '360.00' },
  ];

  it('reads every number from the program: points, derived credits, tiers, fee', () => {
    const result = evaluate(ledger(entries, partner), { asOf: '2026-06-30', program: acme });
    expect(result.program).toMatchObject({ id: 'acme-partner-network', version: '2026.1' });
    expect(outcomeOf(result, 'a1')).toMatchObject({ outcome: 'counted', points: 750 });
    expect(outcomeOf(result, 'a2')).toMatchObject({ outcome: 'excluded', reason: 'evidence-not-met' });
    expect(outcomeOf(result, 'a3')).toMatchObject({ outcome: 'counted', points: 300 });
    expect(outcomeOf(result, 'c1')).toMatchObject({ outcome: 'counted', points: 200 });
    expect(outcomeOf(result, 'f1')).toMatchObject({ outcome: 'excluded', reason: 'fee-amount-mismatch' });
    expect(outcomeOf(result, 'f2')).toMatchObject({ outcome: 'counted', points: 0 });
    // maxYears 1: only the join date itself (2025-08-01) earns the 250, and it is in the window.
    expect(result.derived.map((d) => [d.date, d.points])).toEqual([['2025-08-01', 250]]);
    // 500 revenue + 750 + 300 + 200 + 250 = 2,000: Silver exactly at its threshold.
    expect(result.points.total).toBe(2000);
    expect(result.tier).toBe('silver');
    expect(result.tierName).toBe('Silver');
    expect(result.nextTier).toMatchObject({ tier: 'gold', shortfall: { points: 2000, revenue: '500.00', profileCertifications: 0, salesCertifications: 0 } });
    expect(result.requirements.map((r) => r.tier)).toEqual(['bronze', 'silver', 'gold']);
  });

  it('one point under a custom threshold is the tier below', () => {
    const under = entries.filter((e) => e['id'] !== 'a3').concat({ id: 'a4', type: 'activity', date: '2026-02-12', activity: 'blog-post', words: 300 }, { id: 'x1', type: 'adjustment', date: '2026-02-14', points: -1, reason: 'correction' });
    const result = evaluate(ledger(under, partner), { asOf: '2026-06-30', program: acme });
    expect(result.points.total).toBe(1999);
    expect(result.tier).toBe('bronze');
  });

  it('uses the membershipTier for the points path and the program fee when due', () => {
    const member = evaluate(ledger([{ id: 'a1', type: 'activity', date: '2026-02-10', activity: 'webinar' }], partner), { asOf: '2026-06-30', program: acme });
    // 750 + the 250 loyalty credit = 1,000: Bronze, the membership tier.
    expect(member.membership).toMatchObject({ active: true, basis: 'basic-points' });
    const due = evaluate(ledger([], partner), { asOf: '2026-06-30', program: acme });
    expect(due.membership.active).toBe(false);
    expect(due.fee).toMatchObject({ status: 'due', amountDue: '30.00', period: 'month', annualAmount: '360.00' });
  });

  it('re-parses a ledger parsed for another program', () => {
    const parsedForDefault = parseLedger(ledger([{ id: 'a1', type: 'activity', date: '2026-03-01', activity: 'forum-post' }]));
    expect(parsedForDefault.ok).toBe(true);
    if (!parsedForDefault.ok) return;
    expect(evaluate(parsedForDefault.ledger, { asOf: '2026-06-30' }).points.total).toBe(10);
    let thrown: unknown;
    try {
      evaluate(parsedForDefault.ledger, { asOf: '2026-06-30', program: acme });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as ValidationError).issues.map((i) => `${i.path} ${i.code}`)).toEqual(['entries[0].activity unknown-activity']);

    const parsedForAcme = parseLedger(ledger([{ id: 'a1', type: 'activity', date: '2026-03-01', activity: 'webinar' }]), { program: acme });
    expect(parsedForAcme.ok).toBe(true);
    if (!parsedForAcme.ok) return;
    expect(() => evaluate(parsedForAcme.ledger, { asOf: '2026-06-30' })).toThrow(ValidationError);
    expect(evaluate(parsedForAcme.ledger, { asOf: '2026-06-30', program: acme }).points.byCategory.program).toBe(750);
  });

  it('a program without derived rows credits nothing for certifications and partner years', () => {
    const bare = acmeDefinition();
    bare.versions[0]!['activities'] = bare.versions[0]!['activities'].filter((row: { kind: string }) => row.kind !== 'derived');
    const program = defineProgram(bare);
    const result = evaluate(ledger([{ id: 'c1', type: 'certification', date: '2026-02-13', holder: 'ana', certification: 'cloud-architect' }], partner), { asOf: '2026-06-30', program });
    expect(outcomeOf(result, 'c1').points).toBe(0);
    expect(result.derived).toEqual([]);
    expect(result.certifications.profile).toBe(1);
  });
});

/** The built-in program plus a 2027 version: Silver at 25,000, a new `webinar` row, `forum-post` dropped, a $50 fee. */
function reformDefinition(): Definition {
  const input = definition();
  const later = JSON.parse(JSON.stringify(input.versions[0]));
  later.version = '2027.1';
  later.effectiveFrom = '2027-01-01';
  later.tiers[4].requirements[0].min = 25000;
  later.activities = later.activities.filter((row: { id: string }) => row.id !== 'forum-post');
  later.activities.push({ id: 'webinar', name: 'Webinar', points: 750, kind: 'fixed', category: 'knowledge', rule: 'R3', source: 'Webinar 750' });
  later.fee.amount = '50.00';
  input.versions.push(later);
  return input;
}

const reform = defineProgram(reformDefinition());

/** Silver on its requirements with 21,000 points, whatever the day of the review around New Year 2027. */
const nearSilver: RawEntry[] = [
  { id: 'r1', type: 'revenue', date: '2026-06-01', amount: '12000.00', source: 'direct-sale' },
  { id: 'c1', type: 'certification', date: '2026-06-02', holder: 'ana', certification: 'developer' },
  { id: 'c2', type: 'certification', date: '2026-06-02', holder: 'ana', certification: 'sales-premium' },
  { id: 'c3', type: 'certification', date: '2026-06-02', holder: 'ben', certification: 'sales-newsletter' },
  { id: 'a1', type: 'activity', date: '2026-06-03', activity: 'event-attendance' },
  { id: 'a2', type: 'activity', date: '2026-06-04', activity: 'case-study' },
];

describe('dated versions', () => {
  it('uses the version in effect on asOf: the day before effectiveFrom, and on it', () => {
    const raw = ledger(nearSilver);
    const before = evaluate(raw, { asOf: '2026-12-31', program: reform });
    const on = evaluate(raw, { asOf: '2027-01-01', program: reform });
    expect(before.points.total).toBe(21000);
    expect(on.points.total).toBe(21000);
    expect(before.program).toMatchObject({ id: 'exponential-partner-program', version: '2014.1' });
    expect(before.tier).toBe('silver');
    expect(on.program).toMatchObject({ id: 'exponential-partner-program', version: '2027.1' });
    expect(on.tier).toBe('professional');
    expect(on.nextTier).toMatchObject({ tier: 'silver', shortfall: { points: 4000 } });
  });

  it('uses the earliest version for a date before every version', () => {
    const program = defineProgram({ ...reformDefinition(), versions: reformDefinition().versions.map((v, i) => ({ ...v, effectiveFrom: i === 0 ? '2020-01-01' : v.effectiveFrom })) });
    expect(evaluate(ledger([]), { asOf: '2019-12-31', program }).program.version).toBe('2014.1');
  });

  it('parseLedger accepts ids known to any version', () => {
    const raw = ledger([
      { id: 'a1', type: 'activity', date: '2026-06-01', activity: 'webinar' },
      { id: 'a2', type: 'activity', date: '2027-06-01', activity: 'forum-post' },
    ]);
    expect(parseLedger(raw, { program: reform }).ok).toBe(true);
    expect(parseLedger(raw).ok).toBe(false);
  });

  it('excludes an activity added in a later version with not-in-program-version, and counts it once in effect', () => {
    const raw = ledger([{ id: 'w1', type: 'activity', date: '2026-12-15', activity: 'webinar' }]);
    expect(outcomeOf(evaluate(raw, { asOf: '2026-12-31', program: reform }), 'w1')).toEqual({ id: 'w1', outcome: 'excluded', points: 0, rule: 'R3', reason: 'not-in-program-version' });
    expect(outcomeOf(evaluate(raw, { asOf: '2027-01-01', program: reform }), 'w1')).toMatchObject({ outcome: 'counted', points: 750 });
  });

  it('gives one parsed ledger the points of the version in effect at each review (no outcome carried over)', () => {
    const input = definition();
    const later = JSON.parse(JSON.stringify(input.versions[0]));
    later.version = '2027.1';
    later.effectiveFrom = '2027-01-01';
    later.activities.find((row: { id: string }) => row.id === 'case-study').points = 1500;
    input.versions.push(later);
    const program = defineProgram(input);
    const parsed = parseLedger(ledger([{ id: 'cs', type: 'activity', date: '2026-12-15', activity: 'case-study' }]), { program });
    if (!parsed.ok) throw new Error('invalid');
    const points = (asOf: string) => outcomeOf(evaluate(parsed.ledger, { asOf, program }), 'cs').points;
    expect([points('2026-12-31'), points('2027-01-01'), points('2026-12-31')]).toEqual([1000, 1500, 1000]);
  });

  it('applies evidence a later version adds only from that version on', () => {
    const input = definition();
    const later = JSON.parse(JSON.stringify(input.versions[0]));
    later.version = '2027.1';
    later.effectiveFrom = '2027-01-01';
    const talk = later.activities.find((row: { id: string }) => row.id === 'conference-talk');
    talk.evidence = { words: { min: 300 } };
    input.versions.push(later);
    const program = defineProgram(input);
    const raw = ledger([
      { id: 'short', type: 'activity', date: '2026-12-15', activity: 'conference-talk', words: 100 },
      { id: 'long', type: 'activity', date: '2026-12-16', activity: 'conference-talk', words: 300 },
    ]);
    const before = evaluate(raw, { asOf: '2026-12-31', program });
    expect(before.entries.map((o) => [o.id, o.outcome, o.points])).toEqual([
      ['short', 'counted', 500],
      ['long', 'counted', 500],
    ]);
    const after = evaluate(raw, { asOf: '2027-01-01', program });
    expect(after.entries.map((o) => [o.id, o.outcome, o.points, o.reason])).toEqual([
      ['short', 'excluded', 0, 'evidence-not-met'],
      ['long', 'counted', 500, undefined],
    ]);
  });

  it('excludes an activity a later version dropped', () => {
    const raw = ledger([{ id: 'p1', type: 'activity', date: '2026-12-15', activity: 'forum-post' }]);
    expect(outcomeOf(evaluate(raw, { asOf: '2026-12-31', program: reform }), 'p1')).toMatchObject({ outcome: 'counted', points: 10 });
    expect(outcomeOf(evaluate(raw, { asOf: '2027-01-01', program: reform }), 'p1')).toMatchObject({ outcome: 'excluded', reason: 'not-in-program-version' });
  });

  it('checks a fee payment against the fee of the version in effect on its date', () => {
    const raw = ledger([
      { id: 'f1', type: 'fee-payment', date: '2026-12-31', months: 1, amount: '45.00' },
      { id: 'f2', type: 'fee-payment', date: '2027-01-01', months: 1, amount: '45.00' },
      { id: 'f3', type: 'fee-payment', date: '2027-01-02', months: 1, amount: '50.00' },
    ]);
    const result = evaluate(raw, { asOf: '2027-01-15', program: reform });
    expect(outcomeOf(result, 'f1').outcome).toBe('counted');
    expect(outcomeOf(result, 'f2')).toMatchObject({ outcome: 'excluded', reason: 'fee-amount-mismatch' });
    expect(outcomeOf(result, 'f3').outcome).toBe('counted');
    expect(evaluate(ledger([]), { asOf: '2027-01-15', program: reform }).fee).toMatchObject({ status: 'due', amountDue: '50.00', annualAmount: '600.00' });
  });
});

describe('R8 certifications a program version lacks', () => {
  it('are excluded with not-in-program-version, approved or pending, and count for nothing', () => {
    const [first] = exponentialProgram.versions;
    const program = defineProgram({
      id: 'exponential-2027',
      name: 'Exponential Partner Program',
      versions: [
        first,
        { ...first, version: '2027.1', effectiveFrom: '2027-01-01', certifications: first.certifications.filter((c) => c.id !== 'sales-newsletter') },
      ],
    });
    const raw = {
      partner: { id: 'p', joinedOn: '2010-01-01' },
      entries: [
        { id: 'a', type: 'certification', date: '2026-12-01', holder: 'jane', certification: 'sales-newsletter' },
        { id: 'b', type: 'certification', date: '2026-12-02', holder: 'bob', certification: 'sales-newsletter', status: 'pending' },
        { id: 'c', type: 'certification', date: '2026-12-03', holder: 'ann', certification: 'sales-premium' },
      ],
    };
    const later = evaluate(raw, { asOf: '2027-01-31', program });
    expect(later.entries.slice(0, 2)).toEqual([
      { id: 'a', outcome: 'excluded', points: 0, rule: 'R8', reason: 'not-in-program-version' },
      { id: 'b', outcome: 'excluded', points: 0, rule: 'R8', reason: 'not-in-program-version' },
    ]);
    expect(later.certifications).toMatchObject({ sales: 1, profile: 0 });
    expect(later.points.byCategory.certification).toBe(1000);
    expect(later.points.pending).toBe(0);
    const earlier = evaluate(raw, { asOf: '2026-12-31', program });
    expect(earlier.certifications.sales).toBe(2);
    expect(earlier.points.byCategory.certification).toBe(2000);
  });
});
