/**
 * R7 Reporting status (SPEC §2 R7, §2.1; docs/interpretation.md R7).
 * Independent, spec-driven: raw ledgers through the public API only.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, type Evaluation } from '../../src/index';
import { outcomeOf } from '../helpers/ledger';

type Raw = Record<string, unknown>;

// A join date far in the past: no partner-year credit (R5) falls in the windows below.
const JOINED = '2010-01-01';
// Review date: a month end, so the window is 2025-07-01 … 2026-06-30.
const D = '2026-06-30';

function ledger(entries: readonly Raw[], joinedOn = JOINED) {
  return { partner: { id: 'acme', joinedOn }, entries: [...entries] };
}
function run(entries: readonly Raw[], asOf = D, joinedOn = JOINED): Evaluation {
  return evaluate(ledger(entries, joinedOn), { asOf });
}
const revenue = (id: string, date: string, amount: string | number, extra: Raw = {}): Raw => ({
  id, type: 'revenue', date, amount, source: 'direct-sale', ...extra,
});
const activity = (id: string, date: string, name: string, extra: Raw = {}): Raw => ({ id, type: 'activity', date, activity: name, ...extra });
const time = (id: string, date: string, minutes: number, category: 'knowledge' | 'program', extra: Raw = {}): Raw => ({
  id, type: 'time', date, minutes, category, ...extra,
});
const special = (id: string, date: string, points: number, extra: Raw = {}): Raw => ({
  id, type: 'special', date, points, description: 'special contribution', ...extra,
});
const bonus = (id: string, date: string, points: number, extra: Raw = {}): Raw => ({
  id, type: 'bonus', date, points, reason: 'strategic', ...extra,
});
const adjustment = (id: string, date: string, points: number, extra: Raw = {}): Raw => ({
  id, type: 'adjustment', date, points, reason: 'correction', ...extra,
});
const cert = (id: string, date: string, holder: string, certification: string, extra: Raw = {}): Raw => ({
  id, type: 'certification', date, holder, certification, ...extra,
});
const feePayment = (id: string, date: string, months: number, amount: string, extra: Raw = {}): Raw => ({
  id, type: 'fee-payment', date, months, amount, ...extra,
});

const zeroCategories = {
  revenue: 0, knowledge: 0, program: 0, certification: 0, 'partner-year': 0, bonus: 0, special: 0, adjustment: 0,
};
const categoryKeys = ['revenue', 'knowledge', 'program', 'certification', 'partner-year', 'bonus', 'special', 'adjustment'];

function sumValues(o: Readonly<Record<string, number>>): number {
  return Object.values(o).reduce((a, b) => a + b, 0);
}

describe('R7 reporting status', () => {
  describe('approved is the default', () => {
    it('counts an entry with no status like an approved one', () => {
      const r = run([special('s1', '2026-05-02', 400), special('s2', '2026-05-03', 300, { status: 'approved' })]);
      expect(r.entries).toEqual([
        { id: 's1', outcome: 'counted', points: 400, rule: 'R6' },
        { id: 's2', outcome: 'counted', points: 300, rule: 'R6' },
      ]);
      expect(r.points.total).toEqual(700);
      expect(r.points.pending).toEqual(0);
    });
  });

  describe('pending entries', () => {
    it('reports each pending entry with the points it would earn, rule R7, reason pending-approval', () => {
      const r = run([
        activity('a1', '2026-02-03', 'article', { words: 900, floss: true, status: 'pending' }),
        activity('a2', '2026-03-01', 'training-course', { quantity: 3, status: 'pending' }),
        activity('a3', '2026-04-01', 'premium-project', { points: 6500, status: 'pending' }),
        activity('a4', '2026-04-02', 'exponential-6-project', { status: 'pending' }),
        time('t1', '2026-04-03', 90, 'knowledge', { status: 'pending' }),
        bonus('b1', '2026-05-01', 250, { status: 'pending' }),
        special('s1', '2026-05-02', 400, { status: 'pending' }),
      ]);
      expect(r.entries).toEqual([
        { id: 'a1', outcome: 'pending', points: 500, rule: 'R7', reason: 'pending-approval' },
        { id: 'a2', outcome: 'pending', points: 6000, rule: 'R7', reason: 'pending-approval' },
        { id: 'a3', outcome: 'pending', points: 6500, rule: 'R7', reason: 'pending-approval' },
        { id: 'a4', outcome: 'pending', points: 2500, rule: 'R7', reason: 'pending-approval' },
        { id: 't1', outcome: 'pending', points: 90, rule: 'R7', reason: 'pending-approval' },
        { id: 'b1', outcome: 'pending', points: 250, rule: 'R7', reason: 'pending-approval' },
        { id: 's1', outcome: 'pending', points: 400, rule: 'R7', reason: 'pending-approval' },
      ]);
      expect(r.points).toEqual({ total: 0, pending: 16240, byCategory: zeroCategories });
      expect(r.tier).toBeNull();
    });

    it('keeps pending points out of the total and out of byCategory', () => {
      const r = run([special('s1', '2026-01-01', 3000), special('s2', '2026-01-02', 5000, { status: 'pending' })]);
      expect(r.points).toEqual({ total: 3000, pending: 5000, byCategory: { ...zeroCategories, special: 3000 } });
      expect(r.tier).toEqual('now');
      expect(r.membership.active).toEqual(false);
    });

    it('adds pending revenue whose cents cross a dollar of the floored sum: 100.60 + pending 0.50 → 1 point', () => {
      const r = run([revenue('r1', '2026-01-10', '100.60'), revenue('r2', '2026-01-11', '0.50', { status: 'pending' })]);
      expect(r.revenue).toEqual({ total: '100.60', points: 100 });
      expect(r.points.total).toEqual(100);
      expect(r.points.pending).toEqual(1);
      // Revenue outcomes carry their amount and 0 points: revenue points are floored on the sum (R2, §2.1).
      expect(outcomeOf(r, 'r2')).toEqual({ id: 'r2', outcome: 'pending', points: 0, rule: 'R7', reason: 'pending-approval', amount: '0.50' });
    });

    it('reports 0 pending for pending revenue that stays inside the same dollar: 100.60 + pending 0.39', () => {
      const r = run([revenue('r1', '2026-01-10', '100.60'), revenue('r2', '2026-01-11', '0.39', { status: 'pending' })]);
      expect(r.points.total).toEqual(100);
      expect(r.points.pending).toEqual(0);
    });

    it('counts pending revenue against a negative revenue sum: -50.00 approved + 80.00 pending → 30', () => {
      const r = run([
        special('s1', '2026-01-01', 1000),
        revenue('r1', '2026-01-10', '-50.00'),
        revenue('r2', '2026-01-11', '80.00', { status: 'pending' }),
      ]);
      expect(r.revenue).toEqual({ total: '-50.00', points: 0 });
      expect(r.points.total).toEqual(1000);
      expect(r.points.pending).toEqual(30);
    });

    it('reports only what lifts a negative total above 0: S = -700, P = 500 → pending 0', () => {
      const r = run([
        special('s1', '2026-01-01', 300),
        adjustment('x1', '2026-01-02', -1000),
        special('s2', '2026-01-03', 500, { status: 'pending' }),
      ]);
      expect(r.points.total).toEqual(0);
      expect(r.points.byCategory).toEqual({ ...zeroCategories, special: 300, adjustment: -1000 });
      expect(r.points.pending).toEqual(0);
    });

    it('reports only what lifts a negative total above 0: S = -700, P = 1000 → pending 300', () => {
      const r = run([
        special('s1', '2026-01-01', 300),
        adjustment('x1', '2026-01-02', -1000),
        special('s2', '2026-01-03', 1000, { status: 'pending' }),
      ]);
      expect(r.points.total).toEqual(0);
      expect(r.points.pending).toEqual(300);
    });

    it('reports a pending negative adjustment as a negative pending figure: max(0, 700) − max(0, 1000) = −300', () => {
      const r = run([special('s1', '2026-01-01', 1000), adjustment('x1', '2026-01-02', -300, { status: 'pending' })]);
      expect(outcomeOf(r, 'x1')).toEqual({ id: 'x1', outcome: 'pending', points: -300, rule: 'R7', reason: 'pending-approval' });
      expect(r.points.total).toEqual(1000);
      expect(r.points.pending).toEqual(-300);
    });

    it('reports 0 pending for a pending pipeline share in a month an approved one already holds', () => {
      const r = run([
        activity('p1', '2026-03-20', 'pipeline-share'),
        activity('p2', '2026-03-05', 'pipeline-share', { status: 'pending' }),
      ]);
      expect(r.points.total).toEqual(1000);
      // Approving p2 would not raise the total: March earns one pipeline share.
      expect(r.points.pending).toEqual(0);
    });

    it('excludes a pending entry outside the window (R1) and after the review date (R1), and reports none of their points', () => {
      const r = run([
        special('old', '2025-06-30', 700, { status: 'pending' }),
        special('first', '2025-07-01', 11, { status: 'pending' }),
        special('last', '2026-06-30', 22, { status: 'pending' }),
        special('future', '2026-07-01', 900, { status: 'pending' }),
      ]);
      expect(r.entries).toEqual([
        { id: 'old', outcome: 'excluded', points: 0, rule: 'R1', reason: 'outside-window' },
        { id: 'first', outcome: 'pending', points: 11, rule: 'R7', reason: 'pending-approval' },
        { id: 'last', outcome: 'pending', points: 22, rule: 'R7', reason: 'pending-approval' },
        { id: 'future', outcome: 'excluded', points: 0, rule: 'R1', reason: 'after-as-of' },
      ]);
      expect(r.points.pending).toEqual(33);
    });
  });

  describe('rejected entries', () => {
    it('excludes rejected entries with reason rejected, rule R7, 0 points', () => {
      const r = run([
        special('s1', '2026-05-02', 400, { status: 'rejected' }),
        activity('a1', '2026-02-01', 'case-study', { status: 'rejected' }),
        time('t1', '2026-02-02', 45, 'program', { status: 'rejected' }),
        adjustment('x1', '2026-02-03', -200, { status: 'rejected' }),
        special('s2', '2026-05-03', 100),
      ]);
      expect(r.entries).toEqual([
        { id: 's1', outcome: 'excluded', points: 0, rule: 'R7', reason: 'rejected' },
        { id: 'a1', outcome: 'excluded', points: 0, rule: 'R7', reason: 'rejected' },
        { id: 't1', outcome: 'excluded', points: 0, rule: 'R7', reason: 'rejected' },
        { id: 'x1', outcome: 'excluded', points: 0, rule: 'R7', reason: 'rejected' },
        { id: 's2', outcome: 'counted', points: 100, rule: 'R6' },
      ]);
      expect(r.points).toEqual({ total: 100, pending: 0, byCategory: { ...zeroCategories, special: 100 } });
    });

    it('leaves rejected revenue out of the revenue sum and out of pending', () => {
      const r = run([revenue('r1', '2026-01-10', '7200.00'), revenue('r2', '2026-01-11', '500.00', { status: 'rejected' })]);
      expect(r.revenue).toEqual({ total: '7200.00', points: 7200 });
      expect(r.points.pending).toEqual(0);
      expect(outcomeOf(r, 'r2')).toMatchObject({ outcome: 'excluded', points: 0, rule: 'R7', reason: 'rejected' });
    });

    it('reports a rejected entry before the window as rejected, one after the review date as after-as-of', () => {
      const r = run([
        special('s1', '2020-01-01', 400, { status: 'rejected' }),
        special('s2', '2026-07-01', 400, { status: 'rejected' }),
      ]);
      expect(r.entries).toEqual([
        { id: 's1', outcome: 'excluded', points: 0, rule: 'R7', reason: 'rejected' },
        { id: 's2', outcome: 'excluded', points: 0, rule: 'R1', reason: 'after-as-of' },
      ]);
    });
  });

  describe('adjustments', () => {
    it('counts a negative adjustment as signed points in the adjustment category', () => {
      const r = run([special('s1', '2026-01-01', 1000), adjustment('x1', '2026-06-01', -300)]);
      expect(outcomeOf(r, 'x1')).toEqual({ id: 'x1', outcome: 'counted', points: -300, rule: 'R7' });
      expect(r.points).toEqual({ total: 700, pending: 0, byCategory: { ...zeroCategories, special: 1000, adjustment: -300 } });
    });

    it('counts a positive adjustment', () => {
      const r = run([adjustment('x1', '2026-06-30', 3000)]);
      expect(outcomeOf(r, 'x1')).toEqual({ id: 'x1', outcome: 'counted', points: 3000, rule: 'R7' });
      expect(r.points.total).toEqual(3000);
      expect(r.tier).toEqual('now');
    });

    it('clamps the total at 0 while byCategory keeps the signed figures', () => {
      const r = run([special('s1', '2026-01-01', 100), adjustment('x1', '2026-01-02', -500)]);
      expect(r.points).toEqual({ total: 0, pending: 0, byCategory: { ...zeroCategories, special: 100, adjustment: -500 } });
      expect(r.tier).toBeNull();
    });

    it('brings the total to exactly 0 and one point above', () => {
      expect(run([special('s1', '2026-01-01', 500), adjustment('x1', '2026-01-02', -500)]).points.total).toEqual(0);
      expect(run([special('s1', '2026-01-01', 501), adjustment('x1', '2026-01-02', -500)]).points.total).toEqual(1);
    });

    it('can lower the total below a tier threshold: 5,000 − 1 → Starter', () => {
      const r = run([special('s1', '2026-01-01', 5000), adjustment('x1', '2026-01-02', -1)]);
      expect(r.points.total).toEqual(4999);
      expect(r.tier).toEqual('starter');
    });

    it('clamps revenue on its own before the categories are summed: −500.00 revenue + 300 special → 300, not −200', () => {
      const r = run([revenue('r1', '2026-01-10', '-500.00'), special('s1', '2026-01-11', 300)]);
      expect(r.revenue).toEqual({ total: '-500.00', points: 0 });
      expect(r.points).toEqual({ total: 300, pending: 0, byCategory: { ...zeroCategories, special: 300 } });
    });

    it('does not let an adjustment reach into revenue clamping: −500.00 revenue, +200 adjustment → 200', () => {
      const r = run([revenue('r1', '2026-01-10', '-500.00'), adjustment('x1', '2026-01-11', 200)]);
      expect(r.points).toEqual({ total: 200, pending: 0, byCategory: { ...zeroCategories, adjustment: 200 } });
    });

    it('counts an adjustment only inside the window (first day in, the day before out)', () => {
      const r = run([
        special('s1', '2026-01-01', 1000),
        adjustment('x1', '2025-06-30', -400),
        adjustment('x2', '2025-07-01', -100),
        adjustment('x3', '2026-07-01', -100),
      ]);
      expect(r.entries).toEqual([
        { id: 's1', outcome: 'counted', points: 1000, rule: 'R6' },
        { id: 'x1', outcome: 'excluded', points: 0, rule: 'R1', reason: 'outside-window' },
        { id: 'x2', outcome: 'counted', points: -100, rule: 'R7' },
        { id: 'x3', outcome: 'excluded', points: 0, rule: 'R1', reason: 'after-as-of' },
      ]);
      expect(r.points.total).toEqual(900);
    });
  });

  describe('byCategory', () => {
    it('has all eight keys, each 0, for an empty ledger', () => {
      const r = run([]);
      expect(Object.keys(r.points.byCategory).sort()).toEqual([...categoryKeys].sort());
      expect(r.points).toEqual({ total: 0, pending: 0, byCategory: zeroCategories });
    });

    it('has all eight keys when only one category earns', () => {
      const r = run([activity('f1', '2026-03-01', 'forum-post')]);
      expect(r.points.byCategory).toEqual({ ...zeroCategories, knowledge: 10 });
    });

    it('puts time points in the entry category and activity points in the row category', () => {
      const r = run([
        time('t1', '2026-01-01', 90, 'knowledge'),
        time('t2', '2026-01-02', 30, 'program'),
        activity('a1', '2026-01-03', 'bug-report'),
        activity('a2', '2026-01-04', 'conference-talk'),
        activity('a3', '2026-01-05', 'press-release'),
        activity('a4', '2026-01-06', 'customer-site'),
      ]);
      expect(r.points.byCategory).toEqual({ ...zeroCategories, knowledge: 90 + 50 + 500, program: 30 + 500 + 1000 });
    });
  });

  describe('accounting identity', () => {
    // joinedOn 2024-09-10: partner-year credits on 2024-09-10 (before the window),
    // 2025-09-10 (in it) and 2026-09-10 (after D). Window 2025-07-01 … 2026-06-30.
    const mixed: Raw[] = [
      revenue('r1', '2025-08-01', '1200.50'),
      revenue('r2', '2026-01-01', '-200.75'),
      activity('a1', '2025-10-01', 'article', { words: 900, floss: true }),
      activity('a2', '2026-03-01', 'training-course', { quantity: 2 }),
      time('t1', '2026-04-02', 90, 'knowledge'),
      time('t2', '2026-04-03', 30, 'program'),
      cert('c1', '2026-02-01', 'jane', 'developer'),
      bonus('b1', '2026-05-01', 250, { relatesTo: 'a2' }),
      special('s1', '2026-05-02', 400),
      adjustment('x1', '2026-06-01', -50),
      feePayment('f1', '2026-01-01', 12, '540.00'),
      activity('p1', '2026-06-02', 'forum-post', { status: 'pending' }),
      activity('j1', '2026-06-03', 'case-study', { status: 'rejected' }),
      special('o1', '2025-06-30', 999),
      special('z1', '2026-07-01', 999),
    ];

    it('gives the hand-computed outcomes, categories and totals', () => {
      const r = run(mixed, D, '2024-09-10');
      expect(r.entries).toEqual([
        { id: 'r1', outcome: 'counted', points: 0, rule: 'R2', amount: '1200.50' },
        { id: 'r2', outcome: 'counted', points: 0, rule: 'R2', amount: '-200.75' },
        { id: 'a1', outcome: 'counted', points: 500, rule: 'R3' },
        { id: 'a2', outcome: 'counted', points: 4000, rule: 'R3' },
        { id: 't1', outcome: 'counted', points: 90, rule: 'R4' },
        { id: 't2', outcome: 'counted', points: 30, rule: 'R4' },
        { id: 'c1', outcome: 'counted', points: 1000, rule: 'R8' },
        { id: 'b1', outcome: 'counted', points: 250, rule: 'R6' },
        { id: 's1', outcome: 'counted', points: 400, rule: 'R6' },
        { id: 'x1', outcome: 'counted', points: -50, rule: 'R7' },
        { id: 'f1', outcome: 'counted', points: 0, rule: 'R11', amount: '540.00' },
        { id: 'p1', outcome: 'pending', points: 10, rule: 'R7', reason: 'pending-approval' },
        { id: 'j1', outcome: 'excluded', points: 0, rule: 'R7', reason: 'rejected' },
        { id: 'o1', outcome: 'excluded', points: 0, rule: 'R1', reason: 'outside-window' },
        { id: 'z1', outcome: 'excluded', points: 0, rule: 'R1', reason: 'after-as-of' },
      ]);
      expect(r.derived).toEqual([{ rule: 'R5', date: '2025-09-10', points: 1000 }]);
      expect(r.revenue).toEqual({ total: '999.75', points: 999 });
      expect(r.points).toEqual({
        total: 8219,
        pending: 10,
        byCategory: {
          revenue: 999,
          knowledge: 590,
          program: 4030,
          certification: 1000,
          'partner-year': 1000,
          bonus: 250,
          special: 400,
          adjustment: -50,
        },
      });
    });

    it('holds: Σ counted outcome points + Σ derived + revenue points = Σ byCategory; total = max(0, Σ)', () => {
      const cases: Array<{ entries: Raw[]; joinedOn: string }> = [
        { entries: mixed, joinedOn: '2024-09-10' },
        { entries: [...mixed, adjustment('x9', '2026-06-15', -20000)], joinedOn: '2024-09-10' },
        { entries: [revenue('r1', '2026-01-01', '-10.00'), special('s1', '2026-01-02', 5)], joinedOn: '2025-12-01' },
        { entries: [], joinedOn: '2026-06-30' },
      ];
      for (const { entries, joinedOn } of cases) {
        const r = run(entries, D, joinedOn);
        const counted = r.entries.filter((e) => e.outcome === 'counted').reduce((a, e) => a + e.points, 0);
        const derived = r.derived.reduce((a, d) => a + d.points, 0);
        const sum = sumValues(r.points.byCategory);
        expect(counted + derived + r.revenue.points).toEqual(sum);
        expect(r.points.total).toEqual(Math.max(0, sum));
        expect(r.points.byCategory.revenue).toEqual(r.revenue.points);
        expect(r.points.byCategory['partner-year']).toEqual(derived);
      }
    });

    it('clamps the total of the mixed ledger at 0 once a large claw-back is added', () => {
      const r = run([...mixed, adjustment('x9', '2026-06-15', -20000)], D, '2024-09-10');
      expect(r.points.byCategory.adjustment).toEqual(-20050);
      expect(r.points.total).toEqual(0);
      // The pending forum post cannot lift a total that is 11,781 below zero.
      expect(r.points.pending).toEqual(0);
    });
  });
});
