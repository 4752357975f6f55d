import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { activities, certifications, defineProgram, evaluate, exponentialProgram, feePolicy, rules, tiers } from '../../src/index';
import { getProgramSchema } from '../../src/program/schema';

const programText = readFileSync(new URL('../fixtures/partner-program.txt', import.meta.url), 'utf8');
const lines = programText.split('\n').map((line) => line.replace(/^\s*•\s*/, '').trim());

/** "5,000+" → 5000 */
function number(text: string): number {
  return Number(text.replace(/[,+$]/g, ''));
}

describe('exponentialProgram', () => {
  it('is a valid program definition', () => {
    const result = getProgramSchema().safeParse(exponentialProgram);
    expect(result.success ? [] : result.error.issues).toEqual([]);
    expect(result.data).toEqual(exponentialProgram);
  });

  it('passes through defineProgram unchanged (all invariants hold), and evaluates the same', () => {
    const defined = defineProgram(exponentialProgram);
    expect(defined).toEqual(exponentialProgram);
    const ledger = { partner: { id: 'p', joinedOn: '2024-01-01' }, entries: [{ id: 'r1', type: 'revenue', date: '2026-01-10', amount: '7200.00', source: 'direct-sale' }] };
    expect(evaluate(ledger, { asOf: '2026-06-30', program: defined })).toEqual(evaluate(ledger, { asOf: '2026-06-30' }));
  });

  it('has one version with 7 tiers, 18 activity rows, 6 certifications and the $45 fee', () => {
    expect(exponentialProgram.versions).toHaveLength(1);
    const [version] = exponentialProgram.versions;
    expect(version.tiers).toHaveLength(7);
    expect(version.activities).toHaveLength(18);
    expect(version.certifications).toHaveLength(6);
    expect(version.fee.monthly).toBe('45.00');
    expect(version.membershipTier).toBe('basic');
    expect(version.renewalTier).toBe('professional');
  });

  it('cites a program line verbatim on every row', () => {
    const rows = [...activities, ...tiers, ...certifications, feePolicy];
    for (const row of rows) expect(lines, `${row.source} (${row.rule})`).toContain(row.source.replace(/^\s*•\s*/, ''));
    for (const rule of rules) for (const source of rule.sources) expect(programText.replace(/\s+/g, ' ')).toContain(source);
  });

  it('has unique ids in every table', () => {
    for (const table of [activities, tiers, certifications]) {
      const ids = table.map((row) => row.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});

describe('R3 activity table matches the program text', () => {
  it.each(activities.map((row) => [row.id, row] as const))('%s', (_, row) => {
    // The source line ends with the points: "5,000+", "2,000", "1,000/year".
    const m = /([\d,]+)(\+|\/year)?$/.exec(row.source);
    expect(m).not.toBeNull();
    expect(number(m![1]!)).toBe(row.points);
    expect(row.kind === 'minimum').toBe(m![2] === '+');
    expect(row.rule).toBe(row.kind === 'derived' ? (row.id === 'certification' ? 'R8' : 'R5') : 'R3');
  });

  it('puts exactly the knowledge-sharing rows in the knowledge category', () => {
    const knowledge = activities.filter((row) => row.category === 'knowledge').map((row) => row.id);
    expect(knowledge.sort()).toEqual(['article', 'bug-report', 'conference-talk', 'forum-post', 'tutorial']);
  });

  it('has the kinds of the SPEC', () => {
    const kinds = Object.fromEntries(activities.map((row) => [row.id, row.kind]));
    expect(kinds).toMatchObject({
      'premium-project': 'minimum',
      'exponential-6-project': 'minimum',
      'newsletter-project': 'minimum',
      'training-course': 'per-attendee',
      certification: 'derived',
      'partner-year': 'derived',
      'pipeline-share': 'monthly',
      'event-attendance': 'fixed',
    });
  });
});

describe('R9 tier table matches the program text', () => {
  it.each(tiers.map((row) => [row.id, row] as const))('%s', (_, row) => {
    const line = lines.find((candidate) => candidate.startsWith(`${row.name} `));
    expect(line).toBe(row.source);
    const m = /^(\w+) ([\d,]+) (None|\$[\d,]+ USD) (None|(\d+) Profile \+ (\d+) Sales)$/.exec(row.source);
    expect(m).not.toBeNull();
    expect(number(m![2]!)).toBe(row.points);
    expect(row.revenue).toBe(m![3] === 'None' ? null : `${number(m![3]!.replace(' USD', ''))}.00`);
    expect(row.profileCertifications).toBe(m![5] === undefined ? 0 : Number(m![5]));
    expect(row.salesCertifications).toBe(m![6] === undefined ? 0 : Number(m![6]));
  });

  it('lists the tiers lowest first with non-decreasing requirements', () => {
    expect(tiers.map((row) => row.id)).toEqual(['now', 'starter', 'basic', 'professional', 'silver', 'gold', 'platinum']);
    for (let i = 1; i < tiers.length; i++) {
      const [a, b] = [tiers[i - 1]!, tiers[i]!];
      expect(b.points).toBeGreaterThan(a.points);
      expect(Number(b.revenue ?? 0)).toBeGreaterThanOrEqual(Number(a.revenue ?? 0));
      expect(b.profileCertifications).toBeGreaterThanOrEqual(a.profileCertifications);
      expect(b.salesCertifications).toBeGreaterThanOrEqual(a.salesCertifications);
    }
  });
});

describe('R8 certification catalogue', () => {
  it('has three profile and three sales certifications', () => {
    expect(certifications.filter((row) => row.kind === 'profile').map((row) => row.id)).toEqual(['developer', 'design', 'solution']);
    expect(certifications.filter((row) => row.kind === 'sales').map((row) => row.id)).toEqual(['sales-premium', 'sales-exponential-6', 'sales-newsletter']);
  });
});

describe('R11 fee policy', () => {
  it('is $45 a month, citing the program', () => {
    expect(feePolicy).toMatchObject({ monthly: '45.00', period: 'month', currency: 'USD', rule: 'R11' });
    expect(feePolicy.source).toContain('$45 USD');
  });
});
