/**
 * The plain-number baseline of the benchmarks (bench/baseline.mjs) must
 * compute the same points total and tier as `evaluate` on the generated
 * ledgers, or the speed ratio would compare different work.
 */
import { describe, expect, it } from 'vitest';
import { baselineEvaluate, baselineWindow, prepareBaseline } from '../../bench/baseline.mjs';
import { AS_OF, generateBatch, generateLedger } from '../../bench/generate.mjs';
import { evaluate, parseLedger, reviewWindow } from '../../src/index';

const dayKey = (iso: string) => Number(iso.replaceAll('-', ''));

describe('bench baseline', () => {
  it('generates valid ledgers, the same for the same seed', () => {
    for (const size of [0, 1, 10, 100, 1000, 5000]) {
      const result = parseLedger(generateLedger(size, 7));
      expect(result.ok, JSON.stringify(result.ok ? null : result.issues.slice(0, 3))).toBe(true);
    }
    expect(generateLedger(50, 3)).toEqual(generateLedger(50, 3));
    expect(generateLedger(50, 3)).not.toEqual(generateLedger(50, 4));
  });

  it('mixes every entry type, status and outcome', () => {
    const ledger = generateLedger(5000, 1);
    const types = new Set(ledger.entries.map((e) => e.type));
    expect([...types].sort()).toEqual(['activity', 'adjustment', 'bonus', 'certification', 'fee-payment', 'revenue', 'special', 'time']);
    const result = evaluate(ledger, { asOf: AS_OF });
    const reasons = new Set(result.entries.map((e) => e.reason ?? e.outcome));
    for (const reason of ['counted', 'pending-approval', 'rejected', 'outside-window', 'after-as-of', 'monthly-limit', 'evidence-not-met', 'already-credited', 'earned-before-window']) {
      expect(reasons, reason).toContain(reason);
    }
    expect(result.derived.length).toBeGreaterThan(0);
  });

  it('uses the R1 window', () => {
    for (const asOf of ['2026-06-30', '2026-06-15', '2024-02-29', '2025-02-28', '2024-02-28', '2026-11-30', '2026-12-31', '2026-01-31', '2025-03-31']) {
      const window = reviewWindow(asOf);
      expect(baselineWindow(asOf)).toEqual({ from: dayKey(window.from), to: dayKey(window.to) });
    }
  });

  it('computes the same total and tier as evaluate', () => {
    const ledgers = [
      ...[0, 1, 10, 100, 1000, 10_000].map((size) => generateLedger(size, size + 1)),
      ...generateBatch(200, 100, 1000),
      ...generateBatch(20, 2000, 5000),
    ];
    const tiers = new Set<string | null>();
    for (const raw of ledgers) {
      const parsed = parseLedger(raw);
      if (!parsed.ok) throw new Error('generated ledger is invalid');
      const prepared = prepareBaseline(parsed.ledger);
      for (const asOf of [AS_OF, '2026-03-15', '2025-12-31', '2026-09-30', '2025-09-14']) {
        const lib = evaluate(parsed.ledger, { asOf });
        const base = baselineEvaluate(prepared, asOf);
        expect({ total: base.total, tier: base.tier }, `${raw.partner.id} × ${raw.entries.length} on ${asOf}`).toEqual({ total: lib.points.total, tier: lib.tier });
        expect(base.facts.profile).toBe(lib.certifications.profile);
        expect(base.facts.sales).toBe(lib.certifications.sales);
        tiers.add(lib.tier);
      }
    }
    // The comparison covers low, middle and top tiers, and no tier at all.
    expect(tiers.size).toBeGreaterThanOrEqual(4);
  });
});
