/**
 * R11 Fee (SPEC §2 R11; docs/interpretation.md R11).
 * Independent, spec-driven: raw ledgers through the public API only.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, type Evaluation, type WindowKind } from '../../src/index';
import { outcomeOf } from '../helpers/ledger';

type Raw = Record<string, unknown>;

// Far-past join date: no partner-year credit (R5) in 2024–2028; anniversaries on 1 January.
const JOINED = '2010-01-01';

function run(entries: readonly Raw[], asOf: string, joinedOn = JOINED, window?: WindowKind): Evaluation {
  const input = { partner: { id: 'acme', joinedOn }, entries: [...entries] };
  return window === undefined ? evaluate(input, { asOf }) : evaluate(input, { asOf, window });
}
const feePayment = (id: string, date: string, months: number, amount: string | number, extra: Raw = {}): Raw => ({
  id, type: 'fee-payment', date, months, amount, ...extra,
});
const special = (id: string, date: string, points: number): Raw => ({ id, type: 'special', date, points, description: 'contribution' });
const revenue = (id: string, date: string, amount: string): Raw => ({ id, type: 'revenue', date, amount, source: 'direct-sale' });

const due = (nextAnniversary: string) => ({ status: 'due', amountDue: '45.00', period: 'month', annualAmount: '540.00', nextAnniversary });
const paid = (paidThrough: string, nextAnniversary: string) => ({ status: 'paid', paidThrough, nextAnniversary });

describe('R11 fee', () => {
  describe('payment coverage', () => {
    const year = [feePayment('f1', '2026-06-01', 12, '540.00')];

    it('covers 2026-06-01 × 12 months through 2027-05-31', () => {
      expect(run(year, '2026-06-01').fee).toEqual(paid('2027-05-31', '2027-01-01'));
      expect(run(year, '2027-05-31').fee).toEqual(paid('2027-05-31', '2028-01-01'));
    });

    it('is due the day after the coverage ends', () => {
      expect(run(year, '2027-06-01').fee).toEqual(due('2028-01-01'));
    });

    it('is due the day before the payment date (the payment is after the review date)', () => {
      const r = run(year, '2026-05-31');
      expect(r.fee).toEqual(due('2027-01-01'));
      expect(outcomeOf(r, 'f1')).toEqual({ id: 'f1', outcome: 'excluded', points: 0, rule: 'R1', reason: 'after-as-of', amount: '540.00' });
    });

    it('counts an approved payment with 0 points, rule R11, and never as revenue', () => {
      const r = run(year, '2026-06-30');
      expect(outcomeOf(r, 'f1')).toEqual({ id: 'f1', outcome: 'counted', points: 0, rule: 'R11', amount: '540.00' });
      expect(r.revenue).toEqual({ total: '0.00', points: 0 });
      expect(r.points.total).toEqual(0);
      expect(r.points.byCategory.revenue).toEqual(0);
    });

    it('keeps fee payments out of the revenue sum next to real revenue', () => {
      const r = run([...year, revenue('r1', '2026-06-02', '7199.99')], '2026-06-30');
      expect(r.revenue).toEqual({ total: '7199.99', points: 7199 });
    });

    it('uses date-fns month arithmetic: 2026-01-31 × 1 month covers through 2026-02-27', () => {
      const entries = [feePayment('f1', '2026-01-31', 1, '45.00')];
      expect(run(entries, '2026-02-27').fee).toEqual(paid('2026-02-27', '2027-01-01'));
      expect(run(entries, '2026-02-28').fee).toEqual(due('2027-01-01'));
    });

    it('covers from a leap day: 2024-02-29 × 12 months through 2025-02-27', () => {
      const entries = [feePayment('f1', '2024-02-29', 12, '540.00')];
      expect(run(entries, '2025-02-27').fee).toEqual(paid('2025-02-27', '2026-01-01'));
      expect(run(entries, '2025-02-28').fee).toEqual(due('2026-01-01'));
    });

    it('still covers when the payment is dated before the review window', () => {
      const r = run([feePayment('f1', '2025-01-01', 24, '1080.00')], '2026-12-31');
      expect(r.window).toEqual({ from: '2026-01-01', to: '2026-12-31' });
      expect(outcomeOf(r, 'f1')).toEqual({ id: 'f1', outcome: 'counted', points: 0, rule: 'R11', amount: '1080.00' });
      expect(r.fee).toEqual(paid('2026-12-31', '2027-01-01'));
    });

    it('does not cover with a pending or a rejected payment', () => {
      const pending = run([feePayment('f1', '2026-06-01', 1, '45.00', { status: 'pending' })], '2026-06-15');
      expect(pending.fee).toEqual(due('2027-01-01'));
      expect(outcomeOf(pending, 'f1')).toEqual({ id: 'f1', outcome: 'pending', points: 0, rule: 'R7', reason: 'pending-approval', amount: '45.00' });
      const rejected = run([feePayment('f1', '2026-06-01', 1, '45.00', { status: 'rejected' })], '2026-06-15');
      expect(rejected.fee).toEqual(due('2027-01-01'));
      expect(outcomeOf(rejected, 'f1')).toEqual({ id: 'f1', outcome: 'excluded', points: 0, rule: 'R7', reason: 'rejected', amount: '45.00' });
    });
  });

  describe('prepayment stacks', () => {
    it('starts a payment made during coverage the day after that coverage ends', () => {
      // f1 covers 2026-01-01 … 2026-12-31; f2, dated 2026-06-01, covers 2027-01-01 … 2027-06-30.
      const entries = [feePayment('f1', '2026-01-01', 12, '540.00'), feePayment('f2', '2026-06-01', 6, '270.00')];
      expect(run(entries, '2026-05-31').fee).toEqual(paid('2026-12-31', '2027-01-01'));
      expect(run(entries, '2026-06-01').fee).toEqual(paid('2027-06-30', '2027-01-01'));
      expect(run(entries, '2027-06-30').fee).toEqual(paid('2027-06-30', '2028-01-01'));
      expect(run(entries, '2027-07-01').fee).toEqual(due('2028-01-01'));
    });

    it('stacks from a shortened month: 2026-01-31 × 1 then 2026-02-10 × 1 covers 2026-02-28 … 2026-03-27', () => {
      const entries = [feePayment('f1', '2026-01-31', 1, '45.00'), feePayment('f2', '2026-02-10', 1, '45.00')];
      expect(run(entries, '2026-03-27').fee).toEqual(paid('2026-03-27', '2027-01-01'));
      expect(run(entries, '2026-03-28').fee).toEqual(due('2027-01-01'));
    });

    it('stacks a payment dated on the last covered day: it starts the next day', () => {
      // f1 covers 2026-01-01 … 2026-12-31; f2 (2026-12-31 × 1) covers 2027-01-01 … 2027-01-31, not … 2027-01-30.
      const entries = [feePayment('f1', '2026-01-01', 12, '540.00'), feePayment('f2', '2026-12-31', 1, '45.00')];
      expect(run(entries, '2027-01-31').fee).toEqual(paid('2027-01-31', '2028-01-01'));
      expect(run(entries, '2027-02-01').fee).toEqual(due('2028-01-01'));
    });

    it('stacks by date, whatever the input order', () => {
      const entries = [feePayment('f2', '2026-06-01', 6, '270.00'), feePayment('f1', '2026-01-01', 12, '540.00')];
      expect(run(entries, '2026-06-01').fee).toEqual(paid('2027-06-30', '2027-01-01'));
    });

    it('stacks three payments made on the same day', () => {
      const entries = [
        feePayment('f1', '2026-03-01', 1, '45.00'),
        feePayment('f2', '2026-03-01', 1, '45.00'),
        feePayment('f3', '2026-03-01', 1, '45.00'),
      ];
      expect(run(entries, '2026-03-15').fee).toEqual(paid('2026-05-31', '2027-01-01'));
      expect(run(entries, '2026-06-01').fee).toEqual(due('2027-01-01'));
    });

    it('reports the end of the contiguous run: back-to-back payments join', () => {
      const entries = [feePayment('f1', '2026-01-01', 6, '270.00'), feePayment('f2', '2026-07-01', 6, '270.00')];
      expect(run(entries, '2026-07-15').fee).toEqual(paid('2026-12-31', '2027-01-01'));
    });

    it('does not stack a payment made after a gap; the gap is due', () => {
      const entries = [feePayment('f1', '2026-01-01', 1, '45.00'), feePayment('f2', '2026-03-01', 1, '45.00')];
      expect(run(entries, '2026-01-31').fee).toEqual(paid('2026-01-31', '2027-01-01'));
      expect(run(entries, '2026-02-15').fee).toEqual(due('2027-01-01'));
      expect(run(entries, '2026-03-31').fee).toEqual(paid('2026-03-31', '2027-01-01'));
    });

    it('does not let a mismatched payment cover or push a later one', () => {
      const entries = [feePayment('f1', '2026-01-01', 12, '500.00'), feePayment('f2', '2026-02-01', 1, '45.00')];
      const r = run(entries, '2026-02-15');
      expect(r.fee).toEqual(paid('2026-02-28', '2027-01-01'));
      expect(run(entries, '2026-01-15').fee).toEqual(due('2027-01-01'));
    });
  });

  describe('amount must equal months × 45.00', () => {
    it('excludes 12 months for "500.00" with fee-amount-mismatch, rule R11', () => {
      const r = run([feePayment('f1', '2026-01-01', 12, '500.00')], '2026-06-30');
      expect(outcomeOf(r, 'f1')).toEqual({ id: 'f1', outcome: 'excluded', points: 0, rule: 'R11', reason: 'fee-amount-mismatch', amount: '500.00' });
      expect(r.fee).toEqual(due('2027-01-01'));
      expect(r.membership).toEqual({ active: false, basis: null, bases: [] });
    });

    it('excludes one cent over and one cent under', () => {
      const r = run(
        [feePayment('f1', '2026-06-01', 12, '540.01'), feePayment('f2', '2026-06-02', 1, '44.99')],
        '2026-06-30',
      );
      expect(r.entries.map((e) => [e.id, e.outcome, e.reason])).toEqual([
        ['f1', 'excluded', 'fee-amount-mismatch'],
        ['f2', 'excluded', 'fee-amount-mismatch'],
      ]);
      expect(r.fee.status).toEqual('due');
    });

    it('accepts the exact amount however it is written: 540, "540.0", "45"', () => {
      for (const [months, amount, canonical] of [[12, 540, '540.00'], [12, '540.0', '540.00'], [1, '45', '45.00']] as const) {
        const r = run([feePayment('f1', '2026-06-01', months, amount)], '2026-06-15');
        // Fee-payment outcomes carry their canonical amount, like revenue outcomes (an addition to §2.1's shape).
        expect(outcomeOf(r, 'f1')).toEqual({ id: 'f1', outcome: 'counted', points: 0, rule: 'R11', amount: canonical });
        expect(r.fee.status).toEqual('paid');
      }
    });
  });

  describe('the renewal waiver', () => {
    // Joined 2010-03-15; the anniversary A = 2026-03-15 reviews [2025-03-15, 2026-03-14].
    const J = '2010-03-15';
    const professionalYear: Raw[] = [revenue('r1', '2025-03-15', '7200.00'), special('s1', '2026-03-14', 800)];

    it('waives the fee from A through the day before the next anniversary', () => {
      // 2026-03-15 (= A): the window 2025-03-16 … 2026-03-15 holds only the 800 points.
      const onA = run(professionalYear, '2026-03-15', J);
      expect(onA.points.total).toEqual(800);
      expect(onA.fee).toEqual({ status: 'waived', basis: 'professional-renewal', waivedThrough: '2027-03-14', nextAnniversary: '2027-03-15' });
      const last = run(professionalYear, '2027-03-14', J);
      expect(last.points.total).toEqual(0);
      expect(last.fee).toEqual({ status: 'waived', basis: 'professional-renewal', waivedThrough: '2027-03-14', nextAnniversary: '2027-03-15' });
      expect(run(professionalYear, '2027-03-15', J).fee).toEqual(due('2028-03-15'));
    });

    it('does not waive on A − 1 day: the year is still under way (there the points path holds)', () => {
      const r = run(professionalYear, '2026-03-14', J);
      expect(r.points.total).toEqual(8000);
      expect(r.membership.bases).toEqual(['basic-points']);
      expect(r.fee).toEqual({ status: 'waived', basis: 'basic-points', nextAnniversary: '2026-03-15' });
    });

    it('counts an entry dated A − 1 day for the completed year, and one dated A for the next year only', () => {
      const late: Raw[] = [revenue('r1', '2025-03-15', '7200.00'), special('s1', '2026-03-15', 800)];
      const r = run(late, '2027-03-14', J);
      expect(r.points.total).toEqual(800);
      expect(r.fee).toEqual(due('2027-03-15'));
      expect(r.membership).toEqual({ active: false, basis: null, bases: [] });
    });

    it('does not count an entry dated A − 1 year − 1 day for the completed year', () => {
      const early: Raw[] = [revenue('r1', '2025-03-14', '7200.00'), special('s1', '2026-03-14', 800)];
      expect(run(early, '2026-12-01', J).fee).toEqual(due('2027-03-15'));
    });

    it('reviews that exact span whatever the window option', () => {
      for (const window of ['rolling-12-months', 'calendar-year', 'partnership-year'] as const) {
        const r = run(professionalYear, '2027-03-14', J, window);
        expect(r.fee).toEqual({ status: 'waived', basis: 'professional-renewal', waivedThrough: '2027-03-14', nextAnniversary: '2027-03-15' });
      }
    });

    it('needs the Professional revenue too: 8,000 points with 7,199.99 USD in the year waive nothing', () => {
      const short: Raw[] = [revenue('r1', '2025-03-15', '7199.99'), special('s1', '2026-03-14', 801)];
      expect(run(short, '2027-03-14', J).fee).toEqual(due('2027-03-15'));
    });

    it('reports waivedThrough and paidThrough beside a basic-points waiver', () => {
      const r = run(
        [...professionalYear, special('s2', '2026-06-01', 5000), feePayment('f1', '2026-06-01', 1, '45.00')],
        '2026-06-15',
        J,
      );
      expect(r.membership.bases).toEqual(['basic-points', 'professional-renewal', 'fee']);
      expect(r.fee).toEqual({
        status: 'waived',
        basis: 'basic-points',
        waivedThrough: '2027-03-14',
        paidThrough: '2026-06-30',
        nextAnniversary: '2027-03-15',
      });
    });

    it('reports paidThrough beside a renewal waiver', () => {
      const r = run([...professionalYear, feePayment('f1', '2026-06-01', 1, '45.00')], '2026-06-15', J);
      expect(r.fee).toEqual({
        status: 'waived',
        basis: 'professional-renewal',
        waivedThrough: '2027-03-14',
        paidThrough: '2026-06-30',
        nextAnniversary: '2027-03-15',
      });
    });
  });

  describe('first partnership year', () => {
    it('has no renewal waiver: Professional in the first year waives only through the points path', () => {
      // Joined 2026-01-15: 7,200.00 + 800 + the 1,000 partner-year credit = 9,000 points.
      const r = run([revenue('r1', '2026-02-01', '7200.00'), special('s1', '2026-02-02', 800)], '2026-06-30', '2026-01-15');
      expect(r.tier).toEqual('professional');
      expect(r.membership).toEqual({ active: true, basis: 'basic-points', bases: ['basic-points'] });
      expect(r.fee).toEqual({ status: 'waived', basis: 'basic-points', nextAnniversary: '2027-01-15' });
    });

    it('counts the partner-year credit of the reviewed year: 7,200.00 USD + 1,000 (R5) + 0 = 8,200 → waived', () => {
      // Joined 2025-01-15; the first year [2025-01-15, 2026-01-14] holds 7,200.00 USD
      // and the 2025-01-15 partner-year credit: Professional (8,200 points).
      const r = run([revenue('r1', '2025-02-01', '7200.00')], '2026-12-01', '2025-01-15');
      expect(r.fee).toEqual({ status: 'waived', basis: 'professional-renewal', waivedThrough: '2027-01-14', nextAnniversary: '2027-01-15' });
      // The same year of a partner in its 16th year has no credit: 7,200 points, due.
      const veteran = run([revenue('r1', '2025-02-01', '7200.00')], '2026-12-01', '2010-01-15');
      expect(veteran.fee).toEqual(due('2027-01-15'));
    });

    it('counts a certification credit earned in the reviewed year', () => {
      // Joined 2010-03-15; year [2025-03-15, 2026-03-14]: 7,200.00 USD + a certification earned in it.
      const entries: Raw[] = [
        revenue('r1', '2025-03-15', '7200.00'),
        { id: 'c1', type: 'certification', date: '2026-03-14', holder: 'jane', certification: 'developer' },
      ];
      expect(run(entries, '2027-03-14', '2010-03-15').fee).toEqual({
        status: 'waived', basis: 'professional-renewal', waivedThrough: '2027-03-14', nextAnniversary: '2027-03-15',
      });
    });

    it('is due in the first year without points or payment', () => {
      const r = run([special('s1', '2026-02-02', 3000)], '2026-06-30', '2026-01-15');
      expect(r.points.total).toEqual(4000);
      expect(r.fee).toEqual(due('2027-01-15'));
    });

    it('Professional reached in the first year waives the second year', () => {
      // Joined 2025-01-15; the first year [2025-01-15, 2026-01-14] had 7,200.00 + 800 + 1,000 (R5).
      const entries = [revenue('r1', '2025-02-01', '7200.00'), special('s1', '2025-02-02', 800)];
      // 2026-12-01: window 2025-12-02 … 2026-12-01 holds only the 2026-01-15 partner-year credit.
      const r = run(entries, '2026-12-01', '2025-01-15');
      expect(r.points.total).toEqual(1000);
      expect(r.fee).toEqual({ status: 'waived', basis: 'professional-renewal', waivedThrough: '2027-01-14', nextAnniversary: '2027-01-15' });
    });
  });

  describe('29 February join date', () => {
    // Joined 2020-02-29: anniversaries 2021-02-28, 2022-02-28, 2023-02-28, 2024-02-29, 2025-02-28, …
    const J = '2020-02-29';

    it('reviews [2023-02-28, 2024-02-28] at the 2024-02-29 anniversary and waives through 2025-02-27', () => {
      const entries = [revenue('r1', '2023-02-28', '7200.00'), special('s1', '2024-02-28', 800)];
      const r = run(entries, '2025-02-27', J);
      expect(r.fee).toEqual({ status: 'waived', basis: 'professional-renewal', waivedThrough: '2025-02-27', nextAnniversary: '2025-02-28' });
      expect(run(entries, '2025-02-28', J).fee).toEqual(due('2026-02-28'));
    });

    it('waives from the common-year anniversary 2025-02-28 through 2026-02-27', () => {
      // Year [2024-02-29, 2025-02-27] reviewed at 2025-02-28.
      const entries = [revenue('r1', '2024-02-29', '7200.00'), special('s1', '2025-02-27', 800)];
      const r = run(entries, '2026-02-27', J);
      expect(r.points.total).toEqual(0);
      expect(r.fee).toEqual({ status: 'waived', basis: 'professional-renewal', waivedThrough: '2026-02-27', nextAnniversary: '2026-02-28' });
    });

    it('does not count 2023-02-27 in the year that starts on 2023-02-28', () => {
      const entries = [revenue('r1', '2023-02-27', '7200.00'), special('s1', '2024-02-28', 800)];
      expect(run(entries, '2024-12-01', J).fee).toEqual(due('2025-02-28'));
    });

    it('reports the next anniversary on 29 February in a leap year', () => {
      expect(run([], '2027-06-01', J).fee.nextAnniversary).toEqual('2028-02-29');
      expect(run([], '2028-02-28', J).fee.nextAnniversary).toEqual('2028-02-29');
      expect(run([], '2028-02-29', J).fee.nextAnniversary).toEqual('2029-02-28');
    });
  });

  describe('due and nextAnniversary', () => {
    it('has the due shape', () => {
      expect(run([], '2026-06-30').fee).toEqual({
        status: 'due', amountDue: '45.00', period: 'month', annualAmount: '540.00', nextAnniversary: '2027-01-01',
      });
    });

    it('reports the first anniversary after the review date: on an anniversary, the following one', () => {
      expect(run([], '2026-01-01').fee.nextAnniversary).toEqual('2027-01-01');
      expect(run([], '2025-12-31').fee.nextAnniversary).toEqual('2026-01-01');
    });

    it('reports the first anniversary (k = 1) before and on the join date', () => {
      expect(run([], '2026-06-30', '2026-07-01').fee.nextAnniversary).toEqual('2027-07-01');
      expect(run([], '2026-07-01', '2026-07-01').fee.nextAnniversary).toEqual('2027-07-01');
    });
  });
});
