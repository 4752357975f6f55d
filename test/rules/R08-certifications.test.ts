/**
 * R8 Certifications (SPEC §2 R8; docs/interpretation.md R8).
 * Independent, spec-driven: raw ledgers through the public API only.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, parseLedger, ValidationError, type Evaluation, type HeldCertification } from '../../src/index';
import { outcomeOf } from '../helpers/ledger';

type Raw = Record<string, unknown>;

// Far-past join date: no partner-year credit (R5) in the windows below.
const JOINED = '2010-01-01';
// Month-end review date: window 2025-07-01 … 2026-06-30.
const D = '2026-06-30';

function ledger(entries: readonly Raw[], joinedOn = JOINED) {
  return { partner: { id: 'acme', joinedOn }, entries: [...entries] };
}
function run(entries: readonly Raw[], asOf = D, joinedOn = JOINED): Evaluation {
  return evaluate(ledger(entries, joinedOn), { asOf });
}
const cert = (id: string, date: string, holder: string, certification: string, extra: Raw = {}): Raw => ({
  id, type: 'certification', date, holder, certification, ...extra,
});
const revenue = (id: string, date: string, amount: string): Raw => ({ id, type: 'revenue', date, amount, source: 'subscription' });
const special = (id: string, date: string, points: number): Raw => ({ id, type: 'special', date, points, description: 'x' });

function sorted(list: readonly HeldCertification[]): HeldCertification[] {
  return [...list].sort((a, b) => `${a.holder}/${a.certification}`.localeCompare(`${b.holder}/${b.certification}`));
}

describe('R8 certifications', () => {
  describe('validity on the review date', () => {
    it('is valid when earned on the review date itself, and earns its 1,000', () => {
      const r = run([cert('c1', D, 'jane', 'developer')]);
      expect(r.certifications).toEqual({
        profile: 1,
        sales: 0,
        valid: [{ holder: 'jane', certification: 'developer', date: D }],
        expired: [],
      });
      expect(outcomeOf(r, 'c1')).toEqual({ id: 'c1', outcome: 'counted', points: 1000, rule: 'R8' });
      expect(r.points.byCategory.certification).toEqual(1000);
      expect(r.points.total).toEqual(1000);
    });

    it('is not valid when earned the day after the review date (after-as-of, R1)', () => {
      const r = run([cert('c1', '2026-07-01', 'jane', 'developer')]);
      expect(r.certifications).toEqual({ profile: 0, sales: 0, valid: [], expired: [] });
      expect(outcomeOf(r, 'c1')).toEqual({ id: 'c1', outcome: 'excluded', points: 0, rule: 'R1', reason: 'after-as-of' });
      expect(r.points.total).toEqual(0);
    });

    it('is valid on its expiresOn day (inclusive)', () => {
      const r = run([cert('c1', '2024-01-01', 'jane', 'developer', { expiresOn: D })]);
      expect(r.certifications).toEqual({
        profile: 1,
        sales: 0,
        valid: [{ holder: 'jane', certification: 'developer', date: '2024-01-01', expiresOn: D }],
        expired: [],
      });
    });

    it('is expired the day after expiresOn (expiresOn = D − 1)', () => {
      const r = run([cert('c1', '2024-01-01', 'jane', 'developer', { expiresOn: '2026-06-29' })]);
      expect(r.certifications).toEqual({
        profile: 0,
        sales: 0,
        valid: [],
        expired: [{ holder: 'jane', certification: 'developer', date: '2024-01-01', expiresOn: '2026-06-29' }],
      });
      // Approved, dated before the window: counted with 0 points (validity looks beyond the window).
      expect(outcomeOf(r, 'c1')).toEqual({ id: 'c1', outcome: 'counted', points: 0, rule: 'R8', reason: 'earned-before-window' });
    });

    it('expires on a leap day: expiresOn 2024-02-29 is valid on 2024-02-29, expired on 2024-03-01', () => {
      const entries = [cert('c1', '2023-03-01', 'jane', 'design', { expiresOn: '2024-02-29' })];
      expect(run(entries, '2024-02-29').certifications.profile).toEqual(1);
      const after = run(entries, '2024-03-01');
      expect(after.certifications.profile).toEqual(0);
      expect(after.certifications.expired).toEqual([
        { holder: 'jane', certification: 'design', date: '2023-03-01', expiresOn: '2024-02-29' },
      ]);
    });

    it('still credits 1,000 for a certification earned in the window that has since expired', () => {
      const r = run([cert('c1', '2025-08-01', 'jane', 'developer', { expiresOn: '2026-01-01' })]);
      expect(outcomeOf(r, 'c1')).toEqual({ id: 'c1', outcome: 'counted', points: 1000, rule: 'R8' });
      expect(r.certifications.profile).toEqual(0);
      expect(r.certifications.valid).toEqual([]);
      expect(r.certifications.expired).toEqual([
        { holder: 'jane', certification: 'developer', date: '2025-08-01', expiresOn: '2026-01-01' },
      ]);
    });

    it('lists a pair once in valid, with the entry that keeps it valid longest (no expiry first)', () => {
      const r = run([
        cert('c1', '2024-01-01', 'jane', 'developer', { expiresOn: '2026-12-31' }),
        cert('c2', '2023-01-01', 'jane', 'developer'),
        cert('c3', '2025-01-01', 'jane', 'developer', { expiresOn: '2027-06-30' }),
      ]);
      expect(r.certifications).toEqual({
        profile: 1,
        sales: 0,
        valid: [{ holder: 'jane', certification: 'developer', date: '2023-01-01' }],
        expired: [],
      });
    });

    it('lists a pair once in valid, with the latest expiresOn when every entry expires', () => {
      const r = run([
        cert('c1', '2024-01-01', 'jane', 'developer', { expiresOn: '2026-12-31' }),
        cert('c3', '2025-01-01', 'jane', 'developer', { expiresOn: '2027-06-30' }),
        cert('c2', '2023-01-01', 'jane', 'developer', { expiresOn: '2025-01-01' }),
      ]);
      expect(r.certifications.valid).toEqual([
        { holder: 'jane', certification: 'developer', date: '2025-01-01', expiresOn: '2027-06-30' },
      ]);
      expect(r.certifications.expired).toEqual([]);
    });

    it('does not let an entry earned after the review date lengthen validity', () => {
      const r = run([
        cert('c1', '2024-01-01', 'jane', 'developer', { expiresOn: '2026-12-31' }),
        cert('c2', '2026-07-01', 'jane', 'developer'),
      ]);
      expect(r.certifications.valid).toEqual([
        { holder: 'jane', certification: 'developer', date: '2024-01-01', expiresOn: '2026-12-31' },
      ]);
    });

    it('lists an expired pair once, with its latest-expiring entry', () => {
      const r = run([
        cert('c1', '2023-01-01', 'jane', 'solution', { expiresOn: '2025-03-31' }),
        cert('c2', '2024-01-01', 'jane', 'solution', { expiresOn: '2026-03-31' }),
      ]);
      expect(r.certifications.valid).toEqual([]);
      expect(r.certifications.expired).toEqual([
        { holder: 'jane', certification: 'solution', date: '2024-01-01', expiresOn: '2026-03-31' },
      ]);
    });
  });

  describe('distinct (holder, certification) pairs', () => {
    it('counts two holders of one certification as two pairs', () => {
      const r = run([cert('c1', '2024-01-01', 'jane', 'developer'), cert('c2', '2024-01-01', 'john', 'developer')]);
      expect(r.certifications.profile).toEqual(2);
      expect(sorted(r.certifications.valid)).toEqual([
        { holder: 'jane', certification: 'developer', date: '2024-01-01' },
        { holder: 'john', certification: 'developer', date: '2024-01-01' },
      ]);
    });

    it('counts one holder with two certifications as two pairs', () => {
      const r = run([cert('c1', '2024-01-01', 'jane', 'developer'), cert('c2', '2024-01-01', 'jane', 'design')]);
      expect(r.certifications.profile).toEqual(2);
    });

    it('counts the same pair entered twice as one', () => {
      const r = run([cert('c1', '2024-01-01', 'jane', 'developer'), cert('c2', '2025-01-01', 'jane', 'developer')]);
      expect(r.certifications.profile).toEqual(1);
      expect(r.certifications.valid).toHaveLength(1);
    });

    it('counts profile and sales certifications apart, all six ids', () => {
      const r = run([
        cert('c1', '2024-01-01', 'jane', 'developer'),
        cert('c2', '2024-01-01', 'jane', 'design'),
        cert('c3', '2024-01-01', 'jane', 'solution'),
        cert('c4', '2024-01-01', 'jane', 'sales-premium'),
        cert('c5', '2024-01-01', 'jane', 'sales-exponential-6'),
        cert('c6', '2024-01-01', 'jane', 'sales-newsletter'),
        cert('c7', '2024-01-01', 'john', 'sales-premium'),
      ]);
      expect(r.certifications.profile).toEqual(3);
      expect(r.certifications.sales).toEqual(4);
      expect(r.certifications.valid).toHaveLength(7);
      expect(r.certifications.expired).toEqual([]);
    });
  });

  describe('the 1,000-point credit', () => {
    it('credits a pair once per window; a later entry for the same pair is already-credited', () => {
      const r = run([cert('c1', '2025-09-01', 'jane', 'developer'), cert('c2', '2026-03-01', 'jane', 'developer')]);
      expect(r.entries).toEqual([
        { id: 'c1', outcome: 'counted', points: 1000, rule: 'R8' },
        { id: 'c2', outcome: 'counted', points: 0, rule: 'R8', reason: 'already-credited' },
      ]);
      expect(r.points.byCategory.certification).toEqual(1000);
      expect(r.points.total).toEqual(1000);
    });

    it('credits the earliest entry by date, whatever the input order', () => {
      const r = run([cert('c2', '2026-03-01', 'jane', 'developer'), cert('c1', '2025-09-01', 'jane', 'developer')]);
      expect(r.entries).toEqual([
        { id: 'c2', outcome: 'counted', points: 0, rule: 'R8', reason: 'already-credited' },
        { id: 'c1', outcome: 'counted', points: 1000, rule: 'R8' },
      ]);
    });

    it('credits the first in input order when two entries share a date', () => {
      const r = run([cert('cB', '2026-01-01', 'jane', 'developer'), cert('cA', '2026-01-01', 'jane', 'developer')]);
      expect(r.entries).toEqual([
        { id: 'cB', outcome: 'counted', points: 1000, rule: 'R8' },
        { id: 'cA', outcome: 'counted', points: 0, rule: 'R8', reason: 'already-credited' },
      ]);
    });

    it('credits each distinct pair: two holders, two certifications → 3,000 for three pairs', () => {
      const r = run([
        cert('c1', '2026-01-01', 'jane', 'developer'),
        cert('c2', '2026-01-01', 'john', 'developer'),
        cert('c3', '2026-01-02', 'jane', 'sales-premium'),
        cert('c4', '2026-01-03', 'john', 'developer'),
      ]);
      expect(r.entries.map((e) => e.points)).toEqual([1000, 1000, 1000, 0]);
      expect(r.points.byCategory.certification).toEqual(3000);
    });

    it('marks an entry earned the day before the window earned-before-window (0 points), still valid', () => {
      const r = run([cert('c1', '2025-06-30', 'jane', 'developer')]);
      expect(r.entries).toEqual([{ id: 'c1', outcome: 'counted', points: 0, rule: 'R8', reason: 'earned-before-window' }]);
      expect(r.certifications.profile).toEqual(1);
      expect(r.certifications.valid).toEqual([{ holder: 'jane', certification: 'developer', date: '2025-06-30' }]);
      expect(r.points.total).toEqual(0);
    });

    it('credits an entry earned on the first day of the window', () => {
      const r = run([cert('c1', '2025-07-01', 'jane', 'developer')]);
      expect(r.entries).toEqual([{ id: 'c1', outcome: 'counted', points: 1000, rule: 'R8' }]);
    });

    it('credits a re-certification in the window even though the pair was earned before it', () => {
      const r = run([cert('c0', '2024-01-01', 'jane', 'developer'), cert('c1', '2026-01-01', 'jane', 'developer')]);
      expect(r.entries).toEqual([
        { id: 'c0', outcome: 'counted', points: 0, rule: 'R8', reason: 'earned-before-window' },
        { id: 'c1', outcome: 'counted', points: 1000, rule: 'R8' },
      ]);
      expect(r.certifications.profile).toEqual(1);
    });

    it('credits again in a later window: the same pair earned in two different 12-month windows', () => {
      const entries = [cert('c1', '2024-09-01', 'jane', 'developer'), cert('c2', '2025-09-01', 'jane', 'developer')];
      // 2025-08-31 → window 2024-09-01 … 2025-08-31: only c1 in it.
      expect(run(entries, '2025-08-31').entries).toEqual([
        { id: 'c1', outcome: 'counted', points: 1000, rule: 'R8' },
        { id: 'c2', outcome: 'excluded', points: 0, rule: 'R1', reason: 'after-as-of' },
      ]);
      // 2025-09-01 → window 2024-09-02 … 2025-09-01: c1 earned before it, c2 credited.
      expect(run(entries, '2025-09-01').entries).toEqual([
        { id: 'c1', outcome: 'counted', points: 0, rule: 'R8', reason: 'earned-before-window' },
        { id: 'c2', outcome: 'counted', points: 1000, rule: 'R8' },
      ]);
    });
  });

  describe('status', () => {
    it('a pending certification is not valid; its 1,000 shows in points.pending', () => {
      const r = run([cert('c1', '2026-01-01', 'jane', 'developer', { status: 'pending' })]);
      expect(r.entries).toEqual([{ id: 'c1', outcome: 'pending', points: 1000, rule: 'R7', reason: 'pending-approval' }]);
      expect(r.certifications).toEqual({ profile: 0, sales: 0, valid: [], expired: [] });
      expect(r.points.total).toEqual(0);
      expect(r.points.pending).toEqual(1000);
    });

    it('a pending certification of a pair already credited in the window would earn 0', () => {
      const r = run([
        cert('c1', '2025-09-01', 'jane', 'developer'),
        cert('c2', '2026-01-01', 'jane', 'developer', { status: 'pending' }),
      ]);
      expect(outcomeOf(r, 'c2')).toEqual({ id: 'c2', outcome: 'pending', points: 0, rule: 'R7', reason: 'pending-approval' });
      expect(r.points.pending).toEqual(0);
      expect(r.points.total).toEqual(1000);
    });

    it('a pending certification dated before the approved one of its pair adds nothing to points.pending', () => {
      const r = run([
        cert('c1', '2025-09-01', 'jane', 'developer', { status: 'pending' }),
        cert('c2', '2026-01-01', 'jane', 'developer'),
      ]);
      expect(outcomeOf(r, 'c2')).toEqual({ id: 'c2', outcome: 'counted', points: 1000, rule: 'R8' });
      expect(outcomeOf(r, 'c1')).toEqual({ id: 'c1', outcome: 'pending', points: 0, rule: 'R7', reason: 'pending-approval' });
      expect(r.points.total).toEqual(1000);
      expect(r.points.pending).toEqual(0);
    });

    it('two pending certifications of one pair would earn 1,000 together, not 2,000', () => {
      const r = run([
        cert('c1', '2025-09-01', 'jane', 'developer', { status: 'pending' }),
        cert('c2', '2026-01-01', 'jane', 'developer', { status: 'pending' }),
      ]);
      expect(r.entries.map((e) => e.outcome)).toEqual(['pending', 'pending']);
      expect(r.points.pending).toEqual(1000);
    });

    it('a pending certification does not stand in for a sales requirement', () => {
      const base = [
        revenue('r1', '2026-01-01', '12000.00'),
        special('s1', '2026-01-02', 8000),
        cert('c1', '2024-01-01', 'jane', 'developer'),
        cert('c2', '2024-01-01', 'jane', 'sales-premium'),
      ];
      const r = run([...base, cert('c3', '2024-01-01', 'jane', 'sales-newsletter', { status: 'pending' })]);
      expect(r.certifications.sales).toEqual(1);
      expect(r.tier).toEqual('professional');
    });

    it('a rejected certification counts for nothing: no validity, no credit, not listed', () => {
      const r = run([cert('c1', '2026-01-01', 'jane', 'developer', { status: 'rejected' })]);
      expect(r.entries).toEqual([{ id: 'c1', outcome: 'excluded', points: 0, rule: 'R7', reason: 'rejected' }]);
      expect(r.certifications).toEqual({ profile: 0, sales: 0, valid: [], expired: [] });
      expect(r.points).toEqual({
        total: 0,
        pending: 0,
        byCategory: { revenue: 0, knowledge: 0, program: 0, certification: 0, 'partner-year': 0, bonus: 0, special: 0, adjustment: 0 },
      });
    });

    it('a rejected entry does not use up the credit of its pair', () => {
      const r = run([
        cert('c1', '2025-09-01', 'jane', 'developer', { status: 'rejected' }),
        cert('c2', '2026-01-01', 'jane', 'developer'),
      ]);
      expect(r.entries).toEqual([
        { id: 'c1', outcome: 'excluded', points: 0, rule: 'R7', reason: 'rejected' },
        { id: 'c2', outcome: 'counted', points: 1000, rule: 'R8' },
      ]);
    });
  });

  describe('Silver needs 1 profile + 2 sales', () => {
    // 12,000.00 revenue (12,000 points) + 8,000 special = 20,000 points; certifications
    // earned before the window (0 points each), so the point figure stays exact.
    const base = [revenue('r1', '2026-01-01', '12000.00'), special('s1', '2026-01-02', 8000)];

    it('reaches Silver with exactly 1 profile and 2 sales pairs', () => {
      const r = run([
        ...base,
        cert('c1', '2024-01-01', 'jane', 'developer'),
        cert('c2', '2024-01-01', 'jane', 'sales-premium'),
        cert('c3', '2024-01-01', 'john', 'sales-newsletter'),
      ]);
      expect(r.points.total).toEqual(20000);
      expect(r.certifications.profile).toEqual(1);
      expect(r.certifications.sales).toEqual(2);
      expect(r.tier).toEqual('silver');
      expect(r.tierName).toEqual('Silver');
    });

    it('reaches Silver with two holders of the same sales certification', () => {
      const r = run([
        ...base,
        cert('c1', '2024-01-01', 'jane', 'developer'),
        cert('c2', '2024-01-01', 'jane', 'sales-premium'),
        cert('c3', '2024-01-01', 'john', 'sales-premium'),
      ]);
      expect(r.certifications.sales).toEqual(2);
      expect(r.tier).toEqual('silver');
    });

    it('one sales pair short → Professional; the Silver check shows a shortfall of 1', () => {
      const r = run([
        ...base,
        cert('c1', '2024-01-01', 'jane', 'developer'),
        cert('c2', '2024-01-01', 'jane', 'sales-premium'),
        cert('c3', '2024-01-01', 'jane', 'sales-premium'),
      ]);
      expect(r.certifications.sales).toEqual(1);
      expect(r.tier).toEqual('professional');
      const silver = r.requirements.find((q) => q.tier === 'silver');
      expect(silver?.met).toEqual(false);
      expect(silver?.checks.find((c) => c.kind === 'sales-certifications')).toEqual({
        kind: 'sales-certifications', required: 2, actual: 1, met: false, shortfall: 1,
      });
    });

    it('no profile certification → Professional', () => {
      const r = run([
        ...base,
        cert('c2', '2024-01-01', 'jane', 'sales-premium'),
        cert('c3', '2024-01-01', 'jane', 'sales-newsletter'),
      ]);
      expect(r.certifications.profile).toEqual(0);
      expect(r.tier).toEqual('professional');
    });

    it('a sales certification that expired the day before does not count → Professional', () => {
      const r = run([
        ...base,
        cert('c1', '2024-01-01', 'jane', 'developer'),
        cert('c2', '2024-01-01', 'jane', 'sales-premium'),
        cert('c3', '2024-01-01', 'john', 'sales-newsletter', { expiresOn: '2026-06-29' }),
      ]);
      expect(r.certifications.sales).toEqual(1);
      expect(r.tier).toEqual('professional');
    });
  });

  describe('validation', () => {
    it('refuses expiresOn before date with invalid-range', () => {
      const result = parseLedger(ledger([cert('c1', '2026-01-02', 'jane', 'developer', { expiresOn: '2026-01-01' })]));
      expect(result.ok).toEqual(false);
      if (!result.ok) {
        expect(result.issues).toEqual([expect.objectContaining({ path: 'entries[0].expiresOn', code: 'invalid-range' })]);
      }
    });

    it('accepts expiresOn equal to date (valid for that one day)', () => {
      const input = ledger([cert('c1', '2026-06-30', 'jane', 'developer', { expiresOn: '2026-06-30' })]);
      expect(parseLedger(input).ok).toEqual(true);
      expect(evaluate(input, { asOf: D }).certifications.profile).toEqual(1);
      expect(evaluate(input, { asOf: '2026-07-01' }).certifications.profile).toEqual(0);
    });

    it('refuses an unknown certification id with unknown-certification', () => {
      const result = parseLedger(ledger([cert('c1', '2026-01-01', 'jane', 'sales-enterprise')]));
      expect(result.ok).toEqual(false);
      if (!result.ok) {
        expect(result.issues).toEqual([expect.objectContaining({ path: 'entries[0].certification', code: 'unknown-certification' })]);
      }
    });

    it('makes evaluate throw a ValidationError for either problem', () => {
      const input = ledger([
        cert('c1', '2026-01-01', 'jane', 'sales-enterprise'),
        cert('c2', '2026-01-02', 'jane', 'developer', { expiresOn: '2026-01-01' }),
      ]);
      let caught: unknown;
      try {
        evaluate(input, { asOf: D });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ValidationError);
      const codes = (caught as ValidationError).issues.map((i) => `${i.path} ${i.code}`).sort();
      expect(codes).toEqual(['entries[0].certification unknown-certification', 'entries[1].expiresOn invalid-range']);
    });
  });
});

describe('R8 which entry stands for a pair, and the order of the lists', () => {
  it('lists a pair once, with the entry valid longest: no expiry first, then the latest expiry, then the latest date', () => {
    const noExpiry = run([
      cert('c1', '2024-01-10', 'jane', 'developer', { expiresOn: '2027-12-31' }),
      cert('c2', '2025-01-10', 'jane', 'developer'),
      cert('c3', '2025-03-10', 'jane', 'developer', { expiresOn: '2028-01-31' }),
    ]);
    expect(noExpiry.certifications.valid).toEqual([{ holder: 'jane', certification: 'developer', date: '2025-01-10' }]);
    const twoWithout = run([cert('c1', '2024-01-10', 'jane', 'developer'), cert('c2', '2025-01-10', 'jane', 'developer')]);
    expect(twoWithout.certifications.valid).toEqual([{ holder: 'jane', certification: 'developer', date: '2025-01-10' }]);
    const withoutFirst = run([cert('c1', '2024-01-10', 'jane', 'developer'), cert('c2', '2025-01-10', 'jane', 'developer', { expiresOn: '2099-12-31' })]);
    expect(withoutFirst.certifications.valid).toEqual([{ holder: 'jane', certification: 'developer', date: '2024-01-10' }]);
    const latestExpiry = run([
      cert('c1', '2025-01-10', 'jane', 'developer', { expiresOn: '2028-01-31' }),
      cert('c2', '2025-03-10', 'jane', 'developer', { expiresOn: '2027-12-31' }),
    ]);
    expect(latestExpiry.certifications.valid).toEqual([{ holder: 'jane', certification: 'developer', date: '2025-01-10', expiresOn: '2028-01-31' }]);
    const sameExpiry = run([
      cert('c1', '2025-03-10', 'jane', 'developer', { expiresOn: '2027-12-31' }),
      cert('c2', '2025-01-10', 'jane', 'developer', { expiresOn: '2027-12-31' }),
    ]);
    expect(sameExpiry.certifications.valid).toEqual([{ holder: 'jane', certification: 'developer', date: '2025-03-10', expiresOn: '2027-12-31' }]);
  });

  it('lists an expired pair with its latest-expiring entry, and not at all while another entry keeps it valid', () => {
    const lapsed = run([
      cert('c1', '2023-01-10', 'jane', 'developer', { expiresOn: '2025-12-31' }),
      cert('c2', '2023-02-10', 'jane', 'developer', { expiresOn: '2026-03-31' }),
      cert('c3', '2023-03-10', 'jane', 'developer', { expiresOn: '2024-12-31' }),
    ]);
    expect(lapsed.certifications.expired).toEqual([{ holder: 'jane', certification: 'developer', date: '2023-02-10', expiresOn: '2026-03-31' }]);
    const renewed = run([cert('c1', '2023-01-10', 'jane', 'developer', { expiresOn: '2025-12-31' }), cert('c2', '2025-12-01', 'jane', 'developer')]);
    expect(renewed.certifications.expired).toEqual([]);
    expect(renewed.certifications.valid).toHaveLength(1);
  });

  it('orders both lists by holder, then certification, whatever the input order', () => {
    const result = run([
      cert('c1', '2025-08-01', 'zoe', 'developer'),
      cert('c2', '2025-08-01', 'adam', 'sales-premium'),
      cert('c3', '2025-08-01', 'adam', 'design'),
      cert('c4', '2024-01-01', 'zoe', 'solution', { expiresOn: '2025-01-01' }),
      cert('c5', '2024-01-01', 'bob', 'solution', { expiresOn: '2025-01-01' }),
      cert('c6', '2025-08-01', 'yan', 'sales-newsletter'),
      cert('c7', '2025-08-01', 'bea', 'solution'),
      cert('c8', '2025-08-01', 'adam', 'developer'),
      cert('c9', '2025-08-01', 'mo', 'design'),
    ]);
    expect(result.certifications.valid.map((c) => `${c.holder}/${c.certification}`)).toEqual([
      'adam/design',
      'adam/developer',
      'adam/sales-premium',
      'bea/solution',
      'mo/design',
      'yan/sales-newsletter',
      'zoe/developer',
    ]);
    expect(result.certifications.expired.map((c) => `${c.holder}/${c.certification}`)).toEqual(['bob/solution', 'zoe/solution']);
  });

  it('shows a pending certification earned on the first day of the window as 1,000 pending points', () => {
    const result = run([cert('p1', '2025-07-01', 'jane', 'developer', { status: 'pending' })]);
    expect(outcomeOf(result, 'p1')).toEqual({ id: 'p1', outcome: 'pending', points: 1000, rule: 'R7', reason: 'pending-approval' });
    const before = run([cert('p1', '2025-06-30', 'jane', 'developer', { status: 'pending' })]);
    expect(outcomeOf(before, 'p1')).toEqual({ id: 'p1', outcome: 'pending', points: 0, rule: 'R7', reason: 'pending-approval' });
  });
});
