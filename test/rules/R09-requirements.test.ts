/**
 * R8/R9 with program-defined certification kinds and requirement lists
 * (issue #16): a tier may require a count of valid pairs of any kind the
 * program defines, and a specific certification held by at least n holders.
 */
import { describe, expect, it } from 'vitest';
import { defineProgram, evaluate, exponentialProgram, reviewTimeline, type Program } from '../../src/index';

/** The built-in program plus a `cloud-security` kind with two certifications, which every tier above Now requires twice, with the Solution certification itself. */
function securityProgram(): Program {
  const base = JSON.parse(JSON.stringify(exponentialProgram)) as { versions: Record<string, unknown>[] } & Record<string, unknown>;
  const version = base.versions[0] as Record<string, unknown> & { tiers: { id: string; requirements: unknown[] }[]; certifications: unknown[]; certificationKinds: unknown[] };
  version.certificationKinds = [...version.certificationKinds, { id: 'cloud-security', name: 'Cloud security', rule: 'R8', source: 'Security certifications' }];
  version.certifications = [
    ...version.certifications,
    { id: 'sec-engineer', name: 'Security Engineer', kind: 'cloud-security', rule: 'R8', source: 'Security Engineer' },
    { id: 'sec-architect', name: 'Security Architect', kind: 'cloud-security', rule: 'R8', source: 'Security Architect' },
  ];
  // Every tier above Now requires 2 cloud-security pairs and the Solution certification itself.
  version.tiers = version.tiers.map((tier) =>
    tier.id === 'now' ? tier : { ...tier, requirements: [...tier.requirements, { type: 'certifications', kind: 'cloud-security', min: 2 }, { type: 'certification', certification: 'solution', min: 1 }] },
  );
  return defineProgram({ ...base, id: 'security-program' });
}

const cert = (id: string, holder: string, certification: string, date: string, expiresOn?: string) => ({ id, type: 'certification', holder, certification, date, ...(expiresOn === undefined ? {} : { expiresOn }) });

describe('R9 requirement lists: kinds and specific certifications', () => {
  const program = securityProgram();
  const ledger = {
    partner: { id: 'p', joinedOn: '2020-01-01' },
    entries: [
      { id: 'e1', type: 'activity', activity: 'event-attendance', date: '2026-03-01' },
      cert('c1', 'ann', 'sec-engineer', '2026-01-10'),
      // The same pair twice counts once; another certification of the kind is another pair.
      cert('c2', 'ann', 'sec-engineer', '2026-02-10'),
      cert('c3', 'ann', 'sec-architect', '2026-02-11', '2026-06-30'),
      cert('c4', 'bob', 'solution', '2026-01-15'),
    ],
  };
  it('counts distinct valid pairs per kind and holders of a required certification, with the result shapes of the issue', () => {
    const result = evaluate(ledger, { asOf: '2026-06-30', program });
    expect(result.certifications).toMatchObject({ profile: 1, sales: 0, 'cloud-security': 2 });
    expect(Object.keys(result.certifications)).toStrictEqual(['profile', 'sales', 'cloud-security', 'valid', 'expired']);
    const starter = result.requirements.find((tier) => tier.tier === 'starter');
    expect(starter?.checks).toStrictEqual([
      // 5,000 event points + 3 credited pairs × 1,000 (R8): c2 repeats c1's pair.
      { kind: 'points', required: 4000, actual: 5000 + 3 * 1000, met: true, shortfall: 0 },
      { kind: 'cloud-security-certifications', required: 2, actual: 2, met: true, shortfall: 0 },
      { kind: 'certification', certification: 'solution', required: 1, actual: 1, met: true, shortfall: 0 },
    ]);
    expect(result.tier).toBe('basic');
    expect(result.nextTier?.shortfall).toStrictEqual({ points: 0, revenue: '7200.00', profileCertifications: 0, salesCertifications: 0, cloudSecurityCertifications: 0, certifications: { solution: 0 } });
  });
  it('a required certification expiring on the review day still counts that day, not the day after', () => {
    expect(evaluate(ledger, { asOf: '2026-06-30', program }).tier).toBe('basic');
    const next = evaluate(ledger, { asOf: '2026-07-01', program });
    expect(next.tier).toBe('now');
    expect(next.requirements.find((tier) => tier.tier === 'starter')?.checks[1]).toStrictEqual({ kind: 'cloud-security-certifications', required: 2, actual: 1, met: false, shortfall: 1 });
    expect(next.nextTier?.shortfall).toMatchObject({ cloudSecurityCertifications: 1, certifications: { solution: 0 } });
  });
  it('a specific certification counts its distinct holders, not its entries', () => {
    const two = { ...ledger, entries: [...ledger.entries, cert('c5', 'bob', 'solution', '2026-02-15'), cert('c6', 'cy', 'solution', '2026-02-16')] };
    const check = (asOf: string) => evaluate(two, { asOf, program }).requirements[1]?.checks[2];
    expect(check('2026-06-30')).toStrictEqual({ kind: 'certification', certification: 'solution', required: 1, actual: 2, met: true, shortfall: 0 });
    expect(evaluate(two, { asOf: '2026-06-30', program }).certifications.profile).toBe(2);
  });
  it('the timeline reads the same requirements on every month end', () => {
    const reviews = reviewTimeline(ledger, { from: '2026-05-01', to: '2026-08-31', program });
    expect(reviews.map((review) => [review.date, review.tier])).toStrictEqual([
      ['2026-05-31', 'basic'],
      ['2026-06-30', 'basic'],
      ['2026-07-31', 'now'],
      ['2026-08-31', 'now'],
    ]);
  });
  it('the built-in program keeps its checks and shortfall keys', () => {
    const result = evaluate({ ...ledger, entries: ledger.entries.filter((entry) => !('certification' in entry) || entry.certification === 'solution') }, { asOf: '2026-06-30' });
    expect(Object.keys(result.certifications)).toStrictEqual(['profile', 'sales', 'valid', 'expired']);
    expect(Object.keys(result.nextTier?.shortfall ?? {})).toStrictEqual(['points', 'revenue', 'profileCertifications', 'salesCertifications']);
  });
});
