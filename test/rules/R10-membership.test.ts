/**
 * R10 Membership (SPEC §2 R10; docs/interpretation.md R10).
 * Independent, spec-driven: raw ledgers through the public API only.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, type Evaluation } from '../../src/index';

type Raw = Record<string, unknown>;

// Far-past join date: no partner-year credit (R5) in 2025–2027; anniversaries on 1 January.
const JOINED = '2010-01-01';
const D = '2026-06-30';

function run(entries: readonly Raw[], asOf = D, joinedOn = JOINED): Evaluation {
  return evaluate({ partner: { id: 'acme', joinedOn }, entries: [...entries] }, { asOf });
}
const special = (id: string, date: string, points: number, extra: Raw = {}): Raw => ({
  id, type: 'special', date, points, description: 'contribution', ...extra,
});
const revenue = (id: string, date: string, amount: string): Raw => ({ id, type: 'revenue', date, amount, source: 'direct-sale' });
const feePayment = (id: string, date: string, months: number, amount: string, extra: Raw = {}): Raw => ({
  id, type: 'fee-payment', date, months, amount, ...extra,
});

const inactive = { active: false, basis: null, bases: [] };
const due = (nextAnniversary: string) => ({ status: 'due', amountDue: '45.00', period: 'month', annualAmount: '540.00', nextAnniversary });

// A partner who reached Professional over the partnership year [2025-03-15, 2026-03-14]:
// 7,200.00 USD on its first day and 800 points on its last. Joined 2010-03-15.
const RENEWAL_JOINED = '2010-03-15';
const professionalYear: Raw[] = [revenue('r1', '2025-03-15', '7200.00'), special('s1', '2026-03-14', 800)];

describe('R10 membership', () => {
  describe('basic-points', () => {
    it('is active at exactly 5,000 points, basis basic-points', () => {
      const r = run([special('s1', '2026-01-01', 5000)]);
      expect(r.membership).toEqual({ active: true, basis: 'basic-points', bases: ['basic-points'] });
      expect(r.fee).toEqual({ status: 'waived', basis: 'basic-points', nextAnniversary: '2027-01-01' });
    });

    it('is inactive at 4,999 points, and the fee is due', () => {
      const r = run([special('s1', '2026-01-01', 4999)]);
      expect(r.membership).toEqual(inactive);
      expect(r.fee).toEqual(due('2027-01-01'));
      // The tier is still computed and reported.
      expect(r.tier).toEqual('starter');
    });

    it('counts revenue points: 5,000.00 USD → active; 4,999.99 USD → inactive', () => {
      expect(run([revenue('r1', '2026-01-01', '5000.00')]).membership).toEqual({ active: true, basis: 'basic-points', bases: ['basic-points'] });
      expect(run([revenue('r1', '2026-01-01', '4999.99')]).membership).toEqual(inactive);
    });

    it('uses the points of the rolling window: 5,000 on 2025-07-01 hold on 2026-06-30, not on 2026-07-01', () => {
      const entries = [special('s1', '2025-07-01', 5000)];
      expect(run(entries, '2026-06-30').membership).toEqual({ active: true, basis: 'basic-points', bases: ['basic-points'] });
      expect(run(entries, '2026-07-01').membership).toEqual(inactive);
    });

    it('does not count pending points', () => {
      const r = run([special('s1', '2026-01-01', 4000), special('s2', '2026-01-02', 1000, { status: 'pending' })]);
      expect(r.points.pending).toEqual(1000);
      expect(r.membership).toEqual(inactive);
    });
  });

  describe('fee', () => {
    it('is active on a day a payment covers, basis fee', () => {
      const r = run([feePayment('f1', '2026-06-01', 1, '45.00')]);
      expect(r.membership).toEqual({ active: true, basis: 'fee', bases: ['fee'] });
      expect(r.tier).toBeNull();
    });

    it('is inactive the day after the coverage ends', () => {
      const r = run([feePayment('f1', '2026-06-01', 1, '45.00')], '2026-07-01');
      expect(r.membership).toEqual(inactive);
    });

    it('lists basic-points before fee when both hold', () => {
      const r = run([special('s1', '2026-01-01', 5000), feePayment('f1', '2026-01-01', 12, '540.00')]);
      expect(r.membership).toEqual({ active: true, basis: 'basic-points', bases: ['basic-points', 'fee'] });
    });

    it('is not a basis when the payment amount does not match', () => {
      const r = run([feePayment('f1', '2026-06-01', 12, '500.00')]);
      expect(r.membership).toEqual(inactive);
    });
  });

  describe('professional-renewal', () => {
    it('is active through the next partnership year on the renewal waiver alone', () => {
      // 2027-03-14: window 2026-03-15 … 2027-03-14 holds none of the Professional year's entries.
      const r = run(professionalYear, '2027-03-14', RENEWAL_JOINED);
      expect(r.points.total).toEqual(0);
      expect(r.membership).toEqual({ active: true, basis: 'professional-renewal', bases: ['professional-renewal'] });
    });

    it('orders the bases basic-points, professional-renewal, fee', () => {
      const r = run(
        [...professionalYear, special('s2', '2027-01-01', 5000), feePayment('f1', '2027-03-01', 1, '45.00')],
        '2027-03-14',
        RENEWAL_JOINED,
      );
      expect(r.membership).toEqual({
        active: true,
        basis: 'basic-points',
        bases: ['basic-points', 'professional-renewal', 'fee'],
      });
    });

    it('puts professional-renewal before fee', () => {
      const r = run([...professionalYear, feePayment('f1', '2027-03-01', 1, '45.00')], '2027-03-14', RENEWAL_JOINED);
      expect(r.membership).toEqual({ active: true, basis: 'professional-renewal', bases: ['professional-renewal', 'fee'] });
    });

    it('ends at the next anniversary when the year under review did not reach Professional', () => {
      const r = run(professionalYear, '2027-03-15', RENEWAL_JOINED);
      expect(r.membership).toEqual(inactive);
    });
  });

  describe('before joinedOn', () => {
    it('is not a member even with 6,000 points: the points and tier still count, the fee is due', () => {
      const r = run([special('s1', '2026-06-01', 6000)], '2026-06-30', '2026-07-01');
      expect(r.points.total).toEqual(6000);
      expect(r.tier).toEqual('basic');
      expect(r.membership).toEqual(inactive);
      expect(r.fee).toMatchObject({ status: 'due', amountDue: '45.00', period: 'month', annualAmount: '540.00', nextAnniversary: '2027-07-01' });
    });

    it('is not a member even when a payment covers the day', () => {
      const r = run([special('s1', '2026-06-01', 6000), feePayment('f1', '2026-06-01', 1, '45.00')], '2026-06-30', '2026-07-01');
      expect(r.membership).toEqual(inactive);
      expect(r.fee.status).toEqual('due');
      expect(r.fee.amountDue).toEqual('45.00');
    });

    it('becomes a member on joinedOn itself: 4,000 points earned before joining + the 1,000 partner-year credit', () => {
      const entries = [special('s1', '2026-06-01', 4000)];
      const before = run(entries, '2026-06-29', '2026-06-30');
      expect(before.points.total).toEqual(4000);
      expect(before.membership).toEqual(inactive);
      const on = run(entries, '2026-06-30', '2026-06-30');
      expect(on.derived).toEqual([{ rule: 'R5', date: '2026-06-30', points: 1000 }]);
      expect(on.points.total).toEqual(5000);
      expect(on.membership).toEqual({ active: true, basis: 'basic-points', bases: ['basic-points'] });
    });
  });
});
