/// <reference types="vite/client" />
// The example ledgers of `examples/ledgers/` (the `npm start` demo), evaluated
// as of 2026-11-30 (window 2025-12-01 … 2026-11-30). The expected figures are
// computed by hand from SPEC §2 and docs/interpretation.md, not taken from the
// implementation: this file cross-checks it.
import { describe, expect, it } from 'vitest';
import { ValidationError, evaluate, parseLedger } from '../src/index';
import type { Evaluation, Ledger, Shortfall } from '../src/index';
import broken from '../examples/ledgers/invalid/broken.json';

const AS_OF = '2026-11-30';

/** Every `*.json` directly in examples/ledgers/ (not `invalid/`), as the demo reads them. */
const files = import.meta.glob<unknown>('../examples/ledgers/*.json', { eager: true, import: 'default' });
const byName = new Map(Object.entries(files).map(([path, json]) => [path.slice(path.lastIndexOf('/') + 1), json]));

type Expected = {
  tier: string | null;
  tierName: string | null;
  total: number;
  pending: number;
  revenue: string;
  revenuePoints: number;
  byCategory: Evaluation['points']['byCategory'];
  profile: number;
  sales: number;
  membership: Evaluation['membership'];
  fee: Evaluation['fee'];
  nextTier: { tier: string; shortfall: Shortfall } | null;
  derived: { date: string; points: number }[];
  /** A few outcomes worth pinning: id → (outcome, points, reason). */
  outcomes: Record<string, { outcome: 'counted' | 'pending' | 'excluded'; points: number; reason?: string }>;
};

const zero = { revenue: 0, knowledge: 0, program: 0, certification: 0, 'partner-year': 0, bonus: 0, special: 0, adjustment: 0 };

const expected: Record<string, Expected> = {
  // Joined 2026-05-01. Window: partner year 1,000 (2026-05-01) + 9 forum posts 90 (nw-001 is
  // before the window) + 3 bug reports 150 + time 90 + 150 + conference talk 500 + revenue
  // 450.00 + 450.00 = 900 → 2,880 < 3,000: no tier. The pending tutorial would add 500.
  // Fee: 12 × 45.00 = 540.00 on 2026-05-01 covers through 2027-04-30.
  'new-fee-paying.json': {
    tier: null,
    tierName: null,
    total: 2880,
    pending: 500,
    revenue: '900.00',
    revenuePoints: 900,
    byCategory: { ...zero, revenue: 900, knowledge: 830, program: 150, 'partner-year': 1000 },
    profile: 0,
    sales: 0,
    membership: { active: true, basis: 'fee', bases: ['fee'] },
    fee: { status: 'paid', paidThrough: '2027-04-30', nextAnniversary: '2027-05-01' },
    nextTier: { tier: 'now', shortfall: { points: 120, revenue: '0.00', profileCertifications: 0, salesCertifications: 0 } },
    derived: [{ date: '2026-05-01', points: 1000 }],
    outcomes: {
      'nw-001': { outcome: 'excluded', points: 0, reason: 'outside-window' },
      'nw-002': { outcome: 'counted', points: 10 },
      'nw-003': { outcome: 'counted', points: 0 },
      'nw-014': { outcome: 'counted', points: 150 },
      'nw-020': { outcome: 'pending', points: 500, reason: 'pending-approval' },
    },
  },
  // Joined 2024-03-15: partner year 2026-03-15 = 1,000. Articles 820 + 1,200 + 1,450 words,
  // FLOSS = 1,500 (lc-021, 2,300 words: evidence-not-met; lc-002 before the window);
  // tutorials 2 × 500 = 1,000; 10 forum posts 100; 2 talks 1,000; 2 bug reports 100;
  // time 240 + 300 knowledge, 180 program. Knowledge 4,240 + program 180 + 1,000 = 5,420:
  // Basic. No revenue, so no partnership year reached Professional: no renewal waiver.
  'community-basic.json': {
    tier: 'basic',
    tierName: 'Basic',
    total: 5420,
    pending: 0,
    revenue: '0.00',
    revenuePoints: 0,
    byCategory: { ...zero, knowledge: 4240, program: 180, 'partner-year': 1000 },
    profile: 0,
    sales: 0,
    membership: { active: true, basis: 'basic-points', bases: ['basic-points'] },
    fee: { status: 'waived', basis: 'basic-points', nextAnniversary: '2027-03-15' },
    nextTier: { tier: 'professional', shortfall: { points: 2580, revenue: '7200.00', profileCertifications: 0, salesCertifications: 0 } },
    derived: [{ date: '2026-03-15', points: 1000 }],
    outcomes: {
      'lc-001': { outcome: 'counted', points: 0 },
      'lc-002': { outcome: 'excluded', points: 0, reason: 'outside-window' },
      'lc-004': { outcome: 'counted', points: 500 },
      'lc-008': { outcome: 'counted', points: 500 },
      'lc-019': { outcome: 'counted', points: 300 },
      'lc-021': { outcome: 'excluded', points: 0, reason: 'evidence-not-met' },
    },
  },
  // Joined 2023-06-01: its three partner years (2023, 2024, 2025) are all before the window.
  // Revenue 3,200.00 + 2,800.00 + 1,950.50 − 450.00 = 7,500.50 (bp-001 before the window)
  // → 7,500 points. Premium project 5,800; training course 2 × 2,000 = 4,000; pipeline
  // shares 2026-02-03 and 2026-06-09 = 2,000 (bp-006, the second in February: monthly-limit);
  // 5 forum posts 50; 2 bug reports 100; time 240. Total 19,690, revenue ≥ 7,200:
  // Professional (Silver: 310 points, 4,499.50 USD and the certifications short).
  // Renewal: the year 2025-06-01 … 2026-05-31 had 7,800.00 revenue and 24,670 points
  // (Professional), so the fee is waived 2026-06-01 … 2027-05-31 too.
  'professional-integrator.json': {
    tier: 'professional',
    tierName: 'Professional',
    total: 19690,
    pending: 0,
    revenue: '7500.50',
    revenuePoints: 7500,
    byCategory: { ...zero, revenue: 7500, knowledge: 150, program: 12040 },
    profile: 0,
    sales: 0,
    membership: { active: true, basis: 'basic-points', bases: ['basic-points', 'professional-renewal'] },
    fee: { status: 'waived', basis: 'basic-points', waivedThrough: '2027-05-31', nextAnniversary: '2027-06-01' },
    nextTier: { tier: 'silver', shortfall: { points: 310, revenue: '4499.50', profileCertifications: 1, salesCertifications: 2 } },
    derived: [],
    outcomes: {
      'bp-001': { outcome: 'excluded', points: 0, reason: 'outside-window' },
      'bp-002': { outcome: 'excluded', points: 0, reason: 'outside-window' },
      'bp-004': { outcome: 'counted', points: 0 },
      'bp-005': { outcome: 'counted', points: 1000 },
      'bp-006': { outcome: 'excluded', points: 0, reason: 'monthly-limit' },
      'bp-007': { outcome: 'counted', points: 5800 },
      'bp-011': { outcome: 'counted', points: 4000 },
      'bp-015': { outcome: 'counted', points: 0 },
    },
  },
  // Joined 2022-02-01 (no partner-year credit any more). Revenue 4,200.00 + 3,600.00 +
  // 2,950.75 + 2,400.00 − 300.00 = 12,850.75 → 12,850 points. Certifications earned in the
  // window: marta/developer, tom/sales-exponential-6 = 2,000 (md-001, md-002 earned before
  // it: 0). Activities: event 5,000; Exponential 6 project 3,000; newsletter project 2,000;
  // customer site 1,000 (md-022 rejected); badge 500; reference 500; 3 pipeline shares
  // 3,000; 2 articles 1,000; talk 500; 6 forum posts 60; time 300 + 150. Total 31,860.
  // Valid on 2026-11-30: profile marta/developer; sales marta/sales-premium,
  // tom/sales-exponential-6 (tom/sales-newsletter expired 2026-04-30) → Silver.
  // Pending: lena/design 1,000 + press release 500. Renewal on 2026-02-01: the year
  // 2025-02-01 … 2026-01-31 had 9,400.00 revenue and 17,420 points (Professional).
  'silver-agency.json': {
    tier: 'silver',
    tierName: 'Silver',
    total: 31860,
    pending: 1500,
    revenue: '12850.75',
    revenuePoints: 12850,
    byCategory: { ...zero, revenue: 12850, knowledge: 1710, program: 15300, certification: 2000 },
    profile: 1,
    sales: 2,
    membership: { active: true, basis: 'basic-points', bases: ['basic-points', 'professional-renewal'] },
    fee: { status: 'waived', basis: 'basic-points', waivedThrough: '2027-01-31', nextAnniversary: '2027-02-01' },
    nextTier: { tier: 'gold', shortfall: { points: 18140, revenue: '5149.25', profileCertifications: 1, salesCertifications: 4 } },
    derived: [],
    outcomes: {
      'md-001': { outcome: 'counted', points: 0, reason: 'earned-before-window' },
      'md-002': { outcome: 'counted', points: 0, reason: 'earned-before-window' },
      'md-003': { outcome: 'excluded', points: 0, reason: 'outside-window' },
      'md-008': { outcome: 'counted', points: 1000 },
      'md-015': { outcome: 'counted', points: 3000 },
      'md-022': { outcome: 'excluded', points: 0, reason: 'rejected' },
      'md-026': { outcome: 'counted', points: 2000 },
      'md-032': { outcome: 'pending', points: 1000, reason: 'pending-approval' },
      'md-034': { outcome: 'pending', points: 500, reason: 'pending-approval' },
    },
  },
  // Joined 2024-09-01: partner year 2026-09-01 = 1,000. Revenue 6,400.00 + 5,200.00 +
  // 3,875.25 + 4,100.00 + 2,650.00 − 1,200.00 = 21,025.25 → 21,025 (as-004 before the window).
  // Certifications credited in the window: david/design, anna/sales-premium,
  // anna/sales-exponential-6, chloe/sales-newsletter, ben/sales-newsletter,
  // chloe/sales-exponential-6, ben/sales-premium (renewal as-034) = 7,000; as-025 (chloe's
  // retake) already-credited; as-001, as-002 earned before the window.
  // Program: premium 9,000 + 5,000, event 5,000, training 3 × 2,000, case study 1,000,
  // 2 customer sites 2,000, 4 pipeline shares 4,000, time 480 = 32,480. Knowledge: tutorial
  // 500, 2 talks 1,000, 4 forum posts 40, bug report 50 = 1,590. Bonus 1,500, special 1,200,
  // adjustment −40. Total 65,755 ≥ 50,000, 21,025.25 ≥ 18,000, 2 profile + 6 sales → Gold.
  // Renewal on 2026-09-01: 2025-09-01 … 2026-08-31 is Gold (26,875.25 revenue).
  'gold-scale.json': {
    tier: 'gold',
    tierName: 'Gold',
    total: 65755,
    pending: 0,
    revenue: '21025.25',
    revenuePoints: 21025,
    byCategory: {
      revenue: 21025,
      knowledge: 1590,
      program: 32480,
      certification: 7000,
      'partner-year': 1000,
      bonus: 1500,
      special: 1200,
      adjustment: -40,
    },
    profile: 2,
    sales: 6,
    membership: { active: true, basis: 'basic-points', bases: ['basic-points', 'professional-renewal'] },
    fee: { status: 'waived', basis: 'basic-points', waivedThrough: '2027-08-31', nextAnniversary: '2027-09-01' },
    nextTier: { tier: 'platinum', shortfall: { points: 134245, revenue: '8974.75', profileCertifications: 1, salesCertifications: 4 } },
    derived: [{ date: '2026-09-01', points: 1000 }],
    outcomes: {
      'as-001': { outcome: 'counted', points: 0, reason: 'earned-before-window' },
      'as-002': { outcome: 'counted', points: 0, reason: 'earned-before-window' },
      'as-003': { outcome: 'excluded', points: 0, reason: 'outside-window' },
      'as-005': { outcome: 'excluded', points: 0, reason: 'outside-window' },
      'as-013': { outcome: 'counted', points: 9000 },
      'as-014': { outcome: 'counted', points: 1500 },
      'as-017': { outcome: 'counted', points: 6000 },
      'as-024': { outcome: 'counted', points: -40 },
      'as-025': { outcome: 'counted', points: 0, reason: 'already-credited' },
      'as-026': { outcome: 'counted', points: 1200 },
      'as-029': { outcome: 'counted', points: 5000 },
      'as-034': { outcome: 'counted', points: 1000 },
      'as-042': { outcome: 'counted', points: 50 },
    },
  },
};

function parseOk(json: unknown): Ledger {
  const parsed = parseLedger(json);
  if (!parsed.ok) throw new Error(`expected a valid ledger:\n${parsed.issues.map((i) => `${i.path}: ${i.message} [${i.code}]`).join('\n')}`);
  return parsed.ledger;
}

describe('example ledgers', () => {
  it('has an expectation for every example ledger, and an example for every expectation', () => {
    expect([...byName.keys()].sort()).toEqual(Object.keys(expected).sort());
  });

  describe.each(Object.keys(expected).sort())('%s', (name) => {
    const want = expected[name]!;
    const json = () => byName.get(name) as { partner: unknown; entries: { id: string }[] };

    it('parses', () => {
      const parsed = parseLedger(json());
      expect(parsed.ok ? [] : parsed.issues).toEqual([]);
      expect(parsed.ok).toBe(true);
    });

    it('has 15–60 entries with unique ids', () => {
      const ids = json().entries.map((e) => e.id);
      expect(ids.length).toBeGreaterThanOrEqual(15);
      expect(ids.length).toBeLessThanOrEqual(60);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it(`evaluates as of ${AS_OF} to the hand-computed tier`, () => {
      const result = evaluate(parseOk(json()), { asOf: AS_OF });
      expect(result.window).toEqual({ from: '2025-12-01', to: '2026-11-30' });
      expect(result.tier).toBe(want.tier);
      expect(result.tierName).toBe(want.tierName);
    });

    it('has the hand-computed points, revenue and certifications', () => {
      const result = evaluate(parseOk(json()), { asOf: AS_OF });
      expect(result.points.byCategory).toEqual(want.byCategory);
      expect(result.points.total).toBe(want.total);
      expect(result.points.pending).toBe(want.pending);
      expect(result.revenue).toEqual({ total: want.revenue, points: want.revenuePoints });
      expect(result.certifications.profile).toBe(want.profile);
      expect(result.certifications.sales).toBe(want.sales);
      expect(result.derived.map(({ date, points }) => ({ date, points }))).toEqual(want.derived);
    });

    it('has the hand-computed membership, fee and next tier', () => {
      const result = evaluate(parseOk(json()), { asOf: AS_OF });
      expect(result.membership).toEqual(want.membership);
      expect(result.fee).toEqual(want.fee);
      if (want.nextTier === null) expect(result.nextTier).toBeNull();
      else {
        expect(result.nextTier?.tier).toBe(want.nextTier.tier);
        expect(result.nextTier?.shortfall).toEqual(want.nextTier.shortfall);
      }
    });

    it('gives every entry one outcome, in input order, and accounts for every point', () => {
      const result = evaluate(parseOk(json()), { asOf: AS_OF });
      expect(result.entries.map((o) => o.id)).toEqual(json().entries.map((e) => e.id));
      for (const [id, outcome] of Object.entries(want.outcomes)) {
        const actual = result.entries.find((o) => o.id === id);
        expect(actual, id).toMatchObject(outcome);
        if (outcome.reason === undefined && outcome.outcome === 'counted') expect(actual?.reason, id).toBeUndefined();
      }
      const counted = result.entries.filter((o) => o.outcome === 'counted').reduce((sum, o) => sum + o.points, 0);
      const derived = result.derived.reduce((sum, d) => sum + d.points, 0);
      const categories = Object.values(result.points.byCategory).reduce((sum, p) => sum + p, 0);
      expect(counted + derived + result.revenue.points).toBe(categories);
      expect(result.points.total).toBe(Math.max(0, categories));
    });
  });
});

describe('the invalid example (examples/ledgers/invalid/broken.json)', () => {
  it('reports every planted issue with its path', () => {
    const parsed = parseLedger(broken);
    expect(parsed.ok).toBe(false);
    const issues = parsed.ok ? [] : parsed.issues;
    const found = issues.map(({ path, code }) => ({ path, code }));
    expect(found).toEqual(
      expect.arrayContaining([
        { path: 'entries[1].note', code: 'unknown-field' },
        { path: 'entries[2].date', code: 'invalid-date' },
        { path: 'entries[3].amount', code: 'invalid-amount' },
        { path: 'entries[4].id', code: 'duplicate-id' },
        { path: 'entries[5].relatesTo', code: 'unknown-reference' },
        { path: 'entries[6].activity', code: 'derived-activity' },
      ]),
    );
    for (const i of issues) expect(i.message.length).toBeGreaterThan(0);
  });

  it('names the earlier entry in the duplicate-id issue', () => {
    const parsed = parseLedger(broken);
    const duplicate = parsed.ok ? undefined : parsed.issues.find((i) => i.code === 'duplicate-id');
    expect(duplicate?.message).toContain('entries[0]');
  });

  it('makes evaluate throw one ValidationError with the same issues', () => {
    const parsed = parseLedger(broken);
    let thrown: unknown;
    try {
      evaluate(broken, { asOf: AS_OF });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as ValidationError).issues).toEqual(parsed.ok ? [] : parsed.issues);
  });
});
