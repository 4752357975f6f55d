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
