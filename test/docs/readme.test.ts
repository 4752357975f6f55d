// The README's usage example, as written there.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, parseLedger } from '../../src/index';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('gives the two set-up commands first', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toMatch(/\nnpm test\s/);
  });

  it('shows results the library gives', () => {
    const ledger = {
      partner: { id: 'acme', name: 'Acme Digital', joinedOn: '2023-03-15' },
      entries: [
        { id: 'r1', type: 'revenue', date: '2026-01-10', amount: '7200.00', source: 'direct-sale' },
        { id: 'a1', type: 'activity', date: '2026-02-03', activity: 'event-attendance' },
      ],
    };
    const result = evaluate(ledger, { asOf: '2026-06-30' });
    expect(result.tier).toBe('professional');
    expect(result.points.total).toBe(12_200);
    expect(result.nextTier?.shortfall).toEqual({ points: 7800, revenue: '4800.00', profileCertifications: 1, salesCertifications: 2 });
    expect(result.entries[0]).toEqual({ id: 'r1', outcome: 'counted', points: 0, rule: 'R2', amount: '7200.00' });
    expect(readme).toContain("result.tier;               // 'professional'");
  });

  it('documents a ledger format that parses', () => {
    const json = /### Ledger format\s+```json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(json).toBeDefined();
    expect(parseLedger(JSON.parse(json!)).ok).toBe(true);
  });
});

describe('README timelines and plans', () => {
  it('shows the figures the library gives for the sample integrator', async () => {
    const { planUpgrade, reviewTimeline } = await import('../../src/index');
    const integrator = JSON.parse(readFileSync(new URL('../../examples/ledgers/professional-integrator.json', import.meta.url), 'utf8'));
    const reviews = reviewTimeline(integrator, { from: '2026-06-01', to: '2027-05-31' });
    expect(reviews).toHaveLength(12);
    expect(reviews.find((r) => r.date === '2027-01-31')).toMatchObject({ tier: 'basic', previousTier: 'professional', change: 'down' });
    const plan = planUpgrade(integrator, { asOf: '2026-11-30', target: 'silver', by: '2026-12-31' });
    expect(plan.shortfall).toEqual({ points: 320, revenue: '4499.50', profileCertifications: 1, salesCertifications: 2 });
    expect(plan.entries.map((e) => e.type)).toEqual(['revenue', 'certification', 'certification', 'certification']);
    expect(readme).toContain("plan.shortfall; // { points: 320, revenue: '4499.50', profileCertifications: 1, salesCertifications: 2 }");
  });
});
