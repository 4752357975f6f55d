// Review finding 9 (#12): planUpgrade's plan is minimal — no planned entry can be removed — not
// the fewest entries; the docs say what is true. The planner itself is unchanged (a redesign is
// planned): this pins the words to the behaviour, so either changing alone fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, planUpgrade } from '../../src/index';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8').replace(/\s+/g, ' ');
const ledger = { partner: { id: 'p', joinedOn: '2020-01-01' }, entries: [{ id: 'r0', type: 'revenue', date: '2025-03-31', amount: '7000.00', source: 'direct-sale' }] };
const opts = { asOf: '2025-04-30', target: 'professional' } as const;

describe('planUpgrade: a minimal plan, not the fewest entries', () => {
  const plan = planUpgrade(ledger, opts);
  const tierWith = (entries: readonly unknown[]) => evaluate({ ...ledger, entries: [...ledger.entries, ...entries] }, { asOf: plan.by }).tier;

  it('reaches the target, and leaving out any planned entry does not', () => {
    expect(plan.reachable).toBe(true);
    expect(tierWith(plan.entries)).toBe('professional');
    plan.entries.forEach((_, i) => expect(tierWith(plan.entries.filter((__, j) => j !== i))).not.toBe('professional'));
  });

  it('is not always the fewest entries: here one revenue entry would do', () => {
    const one = { id: 'x1', type: 'revenue', date: plan.by, amount: '1000.00', source: 'direct-sale' };
    expect(tierWith([one])).toBe('professional');
    expect(plan.entries.length).toBeGreaterThan(1);
    // Revenue first, then activities (the documented order).
    expect(plan.entries.map((e) => e.type)).toEqual(['revenue', 'activity']);
  });

  it('the docs say so, and no longer promise the fewest entries', () => {
    const guide = read('docs/guides/planning.md');
    const source = read('src/plan/planUpgrade.ts');
    for (const text of [guide, source]) {
      expect(text).not.toContain('default: the fewest entries');
      expect(text).toMatch(/minimal \(no planned entry can be removed\)|no planned entry can be removed/);
    }
    expect(guide).toContain('Revenue and certifications are planned first, then activities');
    expect(read('docs/interpretation.md')).toContain('not the fewest entries possible');
  });
});
