/**
 * R9 Tiers (SPEC §2 R9, §3 Evaluation; docs/interpretation.md R9).
 * Independent, spec-driven: raw ledgers through the public API only.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, type Evaluation } from '../../src/index';

type Raw = Record<string, unknown>;

// Far-past join date: no partner-year credit (R5) in the window 2025-07-01 … 2026-06-30.
const JOINED = '2010-01-01';
const D = '2026-06-30';

const profileIds = ['developer', 'design', 'solution'] as const;
const salesIds = ['sales-premium', 'sales-exponential-6', 'sales-newsletter'] as const;

/**
 * A ledger with exactly `points` points, `revenue` USD of revenue (its floor is part
 * of the points) and the given numbers of distinct valid profile and sales pairs,
 * all certifications earned before the window (0 points each, still valid).
 */
function profileLedger(points: number, revenue: string | null, profile: number, sales: number): Raw[] {
  const entries: Raw[] = [];
  let rest = points;
  if (revenue !== null) {
    entries.push({ id: 'rev', type: 'revenue', date: '2026-01-15', amount: revenue, source: 'direct-sale' });
    rest -= Math.max(0, Math.floor(Number(revenue)));
  }
  if (rest < 0) throw new Error('revenue points exceed the point target');
  if (rest > 0) entries.push({ id: 'sp', type: 'special', date: '2026-02-01', points: rest, description: 'fill' });
  for (let i = 0; i < profile; i++) {
    entries.push({ id: `p${i}`, type: 'certification', date: '2024-01-01', holder: `pro${Math.floor(i / 3)}`, certification: profileIds[i % 3] });
  }
  for (let i = 0; i < sales; i++) {
    entries.push({ id: `s${i}`, type: 'certification', date: '2024-01-01', holder: `sel${Math.floor(i / 3)}`, certification: salesIds[i % 3] });
  }
  return entries;
}
function run(entries: readonly Raw[], asOf = D): Evaluation {
  return evaluate({ partner: { id: 'acme', joinedOn: JOINED }, entries: [...entries] }, { asOf });
}
function at(points: number, revenue: string | null = null, profile = 0, sales = 0): Evaluation {
  return run(profileLedger(points, revenue, profile, sales));
}

const tierNames: Record<string, string> = {
  now: 'Now', starter: 'Starter', basic: 'Basic', professional: 'Professional', silver: 'Silver', gold: 'Gold', platinum: 'Platinum',
};

describe('R9 tiers', () => {
  describe('each threshold exactly, and one point under', () => {
    const cases: Array<{ tier: string; below: string | null; points: number; revenue: string | null; profile: number; sales: number }> = [
      { tier: 'now', below: null, points: 3000, revenue: null, profile: 0, sales: 0 },
      { tier: 'starter', below: 'now', points: 4000, revenue: null, profile: 0, sales: 0 },
      { tier: 'basic', below: 'starter', points: 5000, revenue: null, profile: 0, sales: 0 },
      { tier: 'professional', below: 'basic', points: 8000, revenue: '7200.00', profile: 0, sales: 0 },
      { tier: 'silver', below: 'professional', points: 20000, revenue: '12000.00', profile: 1, sales: 2 },
      { tier: 'gold', below: 'silver', points: 50000, revenue: '18000.00', profile: 2, sales: 6 },
      { tier: 'platinum', below: 'gold', points: 200000, revenue: '30000.00', profile: 3, sales: 10 },
    ];
    for (const c of cases) {
      it(`${c.points} points → ${c.tier}; ${c.points - 1} → ${String(c.below)}`, () => {
        const met = at(c.points, c.revenue, c.profile, c.sales);
        expect(met.points.total).toEqual(c.points);
        expect(met.tier).toEqual(c.tier);
        expect(met.tierName).toEqual(tierNames[c.tier]);
        const under = at(c.points - 1, c.revenue, c.profile, c.sales);
        expect(under.points.total).toEqual(c.points - 1);
        expect(under.tier).toEqual(c.below);
        expect(under.tierName).toEqual(c.below === null ? null : tierNames[c.below]);
      });
    }
  });

  describe('revenue one cent under', () => {
    const cases = [
      { tier: 'professional', below: 'basic', points: 8000, revenue: '7199.99', profile: 0, sales: 0 },
      { tier: 'silver', below: 'professional', points: 20000, revenue: '11999.99', profile: 1, sales: 2 },
      { tier: 'gold', below: 'silver', points: 50000, revenue: '17999.99', profile: 2, sales: 6 },
      { tier: 'platinum', below: 'gold', points: 200000, revenue: '29999.99', profile: 3, sales: 10 },
    ];
    for (const c of cases) {
      it(`${c.revenue} USD misses ${c.tier} → ${c.below}`, () => {
        const r = at(c.points, c.revenue, c.profile, c.sales);
        expect(r.points.total).toEqual(c.points);
        expect(r.tier).toEqual(c.below);
        const check = r.requirements.find((q) => q.tier === c.tier)?.checks.find((k) => k.kind === 'revenue');
        expect(check).toMatchObject({ kind: 'revenue', actual: c.revenue, met: false, shortfall: '0.01' });
      });
    }

    it('half a cent under: 7199.995 USD misses Professional by "0.005"', () => {
      const r = at(8000, '7199.995');
      expect(r.revenue).toEqual({ total: '7199.995', points: 7199 });
      expect(r.tier).toEqual('basic');
      expect(r.nextTier?.shortfall).toEqual({ points: 0, revenue: '0.005', profileCertifications: 0, salesCertifications: 0 });
    });

    it('7199.90 + 0.07 + 0.03 is exactly 7200.00 and meets Professional', () => {
      const r = run([
        { id: 'r1', type: 'revenue', date: '2026-01-01', amount: '7199.90', source: 'direct-sale' },
        { id: 'r2', type: 'revenue', date: '2026-01-02', amount: '0.07', source: 'project-licensing' },
        { id: 'r3', type: 'revenue', date: '2026-01-03', amount: 0.03, source: 'subscription' },
        { id: 'sp', type: 'special', date: '2026-01-04', points: 800, description: 'fill' },
      ]);
      expect(r.revenue).toEqual({ total: '7200.00', points: 7200 });
      expect(r.tier).toEqual('professional');
    });
  });

  describe('certifications one short', () => {
    const cases = [
      { tier: 'silver', below: 'professional', points: 20000, revenue: '12000.00', profile: 0, sales: 2 },
      { tier: 'silver', below: 'professional', points: 20000, revenue: '12000.00', profile: 1, sales: 1 },
      { tier: 'gold', below: 'silver', points: 50000, revenue: '18000.00', profile: 1, sales: 6 },
      { tier: 'gold', below: 'silver', points: 50000, revenue: '18000.00', profile: 2, sales: 5 },
      { tier: 'platinum', below: 'gold', points: 200000, revenue: '30000.00', profile: 2, sales: 10 },
      { tier: 'platinum', below: 'gold', points: 200000, revenue: '30000.00', profile: 3, sales: 9 },
    ];
    for (const c of cases) {
      it(`${c.profile} profile + ${c.sales} sales misses ${c.tier} → ${c.below}`, () => {
        const r = at(c.points, c.revenue, c.profile, c.sales);
        expect(r.certifications.profile).toEqual(c.profile);
        expect(r.certifications.sales).toEqual(c.sales);
        expect(r.tier).toEqual(c.below);
        expect(r.requirements.find((q) => q.tier === c.tier)?.met).toEqual(false);
      });
    }
  });

  describe('each tier is checked on its own; the highest met wins', () => {
    it('60,000 points and 7,200.00 USD: points meet Gold but revenue stops Silver and above → Professional', () => {
      const r = at(60000, '7200.00', 3, 10);
      expect(r.tier).toEqual('professional');
      expect(r.requirements.map((q) => [q.tier, q.met])).toEqual([
        ['now', true], ['starter', true], ['basic', true], ['professional', true],
        ['silver', false], ['gold', false], ['platinum', false],
      ]);
      const gold = r.requirements.find((q) => q.tier === 'gold');
      expect(gold?.checks.map((k) => [k.kind, k.met])).toEqual([
        ['points', true], ['revenue', false], ['profile-certifications', true], ['sales-certifications', true],
      ]);
    });

    it('Platinum revenue and certifications with 8,000 points → Professional', () => {
      const r = run([
        { id: 'rev', type: 'revenue', date: '2026-01-15', amount: '30000.00', source: 'direct-sale' },
        { id: 'x', type: 'adjustment', date: '2026-01-16', points: -22000, reason: 'claw-back' },
        ...profileLedger(0, null, 3, 10),
      ]);
      expect(r.points.total).toEqual(8000);
      expect(r.revenue.total).toEqual('30000.00');
      expect(r.tier).toEqual('professional');
    });

    it('a net refund does not fail tiers whose revenue is "None": 3,000 points, −100.00 USD → Now', () => {
      const r = run([
        { id: 'rev', type: 'revenue', date: '2026-01-15', amount: '-100.00', source: 'direct-sale' },
        { id: 'sp', type: 'special', date: '2026-02-01', points: 3000, description: 'fill' },
      ]);
      expect(r.tier).toEqual('now');
      expect(r.requirements.find((q) => q.tier === 'now')).toEqual({
        tier: 'now', met: true, checks: [{ kind: 'points', required: 3000, actual: 3000, met: true, shortfall: 0 }],
      });
      expect(r.requirements.find((q) => q.tier === 'professional')?.checks.find((k) => k.kind === 'revenue')).toEqual({
        kind: 'revenue', required: '7200.00', actual: '-100.00', met: false, shortfall: '7300.00',
      });
    });

    it('no tier below 3,000 points: tier and tierName null, every requirement unmet', () => {
      const r = at(2999);
      expect(r.tier).toBeNull();
      expect(r.tierName).toBeNull();
      expect(r.requirements.map((q) => q.met)).toEqual([false, false, false, false, false, false, false]);
    });
  });

  describe('requirements', () => {
    it('has one entry per tier, lowest first, with checks only for stated requirements', () => {
      const r = at(8000, '7200.00');
      expect(r.requirements).toEqual([
        { tier: 'now', met: true, checks: [{ kind: 'points', required: 3000, actual: 8000, met: true, shortfall: 0 }] },
        { tier: 'starter', met: true, checks: [{ kind: 'points', required: 4000, actual: 8000, met: true, shortfall: 0 }] },
        { tier: 'basic', met: true, checks: [{ kind: 'points', required: 5000, actual: 8000, met: true, shortfall: 0 }] },
        {
          tier: 'professional',
          met: true,
          checks: [
            { kind: 'points', required: 8000, actual: 8000, met: true, shortfall: 0 },
            { kind: 'revenue', required: '7200.00', actual: '7200.00', met: true, shortfall: '0.00' },
          ],
        },
        {
          tier: 'silver',
          met: false,
          checks: [
            { kind: 'points', required: 20000, actual: 8000, met: false, shortfall: 12000 },
            { kind: 'revenue', required: '12000.00', actual: '7200.00', met: false, shortfall: '4800.00' },
            { kind: 'profile-certifications', required: 1, actual: 0, met: false, shortfall: 1 },
            { kind: 'sales-certifications', required: 2, actual: 0, met: false, shortfall: 2 },
          ],
        },
        {
          tier: 'gold',
          met: false,
          checks: [
            { kind: 'points', required: 50000, actual: 8000, met: false, shortfall: 42000 },
            { kind: 'revenue', required: '18000.00', actual: '7200.00', met: false, shortfall: '10800.00' },
            { kind: 'profile-certifications', required: 2, actual: 0, met: false, shortfall: 2 },
            { kind: 'sales-certifications', required: 6, actual: 0, met: false, shortfall: 6 },
          ],
        },
        {
          tier: 'platinum',
          met: false,
          checks: [
            { kind: 'points', required: 200000, actual: 8000, met: false, shortfall: 192000 },
            { kind: 'revenue', required: '30000.00', actual: '7200.00', met: false, shortfall: '22800.00' },
            { kind: 'profile-certifications', required: 3, actual: 0, met: false, shortfall: 3 },
            { kind: 'sales-certifications', required: 10, actual: 0, met: false, shortfall: 10 },
          ],
        },
      ]);
    });

    it('reports a met certification check with shortfall 0 even when more are held', () => {
      const r = at(20000, '12000.00', 3, 4);
      expect(r.requirements.find((q) => q.tier === 'silver')).toEqual({
        tier: 'silver',
        met: true,
        checks: [
          { kind: 'points', required: 20000, actual: 20000, met: true, shortfall: 0 },
          { kind: 'revenue', required: '12000.00', actual: '12000.00', met: true, shortfall: '0.00' },
          { kind: 'profile-certifications', required: 1, actual: 3, met: true, shortfall: 0 },
          { kind: 'sales-certifications', required: 2, actual: 4, met: true, shortfall: 0 },
        ],
      });
    });

    it('uses the clamped points total as the points actual (never negative)', () => {
      const r = run([{ id: 'x', type: 'adjustment', date: '2026-01-16', points: -500, reason: 'claw-back' }]);
      expect(r.requirements[0]).toEqual({
        tier: 'now', met: false, checks: [{ kind: 'points', required: 3000, actual: 0, met: false, shortfall: 3000 }],
      });
    });
  });

  describe('nextTier', () => {
    it('is Now below Now, with the missing points and zeros elsewhere', () => {
      expect(at(1234).nextTier).toEqual({
        tier: 'now', tierName: 'Now', shortfall: { points: 1766, revenue: '0.00', profileCertifications: 0, salesCertifications: 0 },
      });
      expect(run([]).nextTier).toEqual({
        tier: 'now', tierName: 'Now', shortfall: { points: 3000, revenue: '0.00', profileCertifications: 0, salesCertifications: 0 },
      });
    });

    it('is the tier directly above; one cent of revenue short shows as "0.01" with points "met" as 0', () => {
      expect(at(8000, '7199.99').nextTier).toEqual({
        tier: 'professional',
        tierName: 'Professional',
        shortfall: { points: 0, revenue: '0.01', profileCertifications: 0, salesCertifications: 0 },
      });
    });

    it('one point short of Starter', () => {
      expect(at(3999).nextTier).toEqual({
        tier: 'starter', tierName: 'Starter', shortfall: { points: 1, revenue: '0.00', profileCertifications: 0, salesCertifications: 0 },
      });
    });

    it('from Basic with no revenue: Professional needs 3,000 points and 7200.00', () => {
      expect(at(5000).nextTier).toEqual({
        tier: 'professional',
        tierName: 'Professional',
        shortfall: { points: 3000, revenue: '7200.00', profileCertifications: 0, salesCertifications: 0 },
      });
    });

    it('from Silver exactly: Gold needs 30,000 points, 6000.00, 1 profile, 4 sales', () => {
      const r = at(20000, '12000.00', 1, 2);
      expect(r.tier).toEqual('silver');
      expect(r.nextTier).toEqual({
        tier: 'gold',
        tierName: 'Gold',
        shortfall: { points: 30000, revenue: '6000.00', profileCertifications: 1, salesCertifications: 4 },
      });
    });

    it('from Basic with a refund: the revenue shortfall counts from the negative sum', () => {
      const r = run([
        { id: 'rev', type: 'revenue', date: '2026-01-15', amount: '-0.50', source: 'direct-sale' },
        { id: 'sp', type: 'special', date: '2026-02-01', points: 19999, description: 'fill' },
      ]);
      expect(r.tier).toEqual('basic');
      expect(r.nextTier).toEqual({
        tier: 'professional',
        tierName: 'Professional',
        shortfall: { points: 0, revenue: '7200.50', profileCertifications: 0, salesCertifications: 0 },
      });
    });

    it('from Gold: Platinum shortfalls', () => {
      const r = at(199999, '30000.00', 3, 10);
      expect(r.tier).toEqual('gold');
      expect(r.nextTier).toEqual({
        tier: 'platinum',
        tierName: 'Platinum',
        shortfall: { points: 1, revenue: '0.00', profileCertifications: 0, salesCertifications: 0 },
      });
    });

    it('is null at Platinum', () => {
      const r = at(200000, '30000.00', 3, 10);
      expect(r.tier).toEqual('platinum');
      expect(r.tierName).toEqual('Platinum');
      expect(r.nextTier).toBeNull();
    });
  });
});
