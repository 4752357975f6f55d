import { describe, expect, it } from 'vitest';
import { evaluate, ValidationError } from '../../src/index';
import { issuesOf, ledger, outcomeOf } from '../helpers/ledger';

const asOf = '2026-06-15';
const premium = (extra: Record<string, unknown> = {}) => ({ id: 'a3', type: 'activity', date: '2026-04-01', activity: 'premium-project', points: 6500, ...extra });
const bonus = (extra: Record<string, unknown> = {}) => ({ id: 'b1', type: 'bonus', date: '2026-05-01', points: 250, reason: 'strategic launch', ...extra });
const special = (extra: Record<string, unknown> = {}) => ({ id: 's1', type: 'special', date: '2026-05-02', points: 400, description: 'translation of the admin UI', ...extra });
const bonusCounted = { id: 'b1', outcome: 'counted', points: 250, rule: 'R6' };

describe('R6 bonus and special', () => {
  describe('bonus', () => {
    it('counts its points in the bonus category', () => {
      const ev = evaluate(ledger([premium(), bonus({ relatesTo: 'a3' })]), { asOf });
      expect(ev.entries).toEqual([{ id: 'a3', outcome: 'counted', points: 6500, rule: 'R3' }, bonusCounted]);
      expect(ev.points.byCategory.bonus).toBe(250);
      expect(ev.points.byCategory.program).toBe(6500);
      expect(ev.points.total).toBe(6750);
    });

    it('relatesTo is optional', () => {
      expect(evaluate(ledger([bonus()]), { asOf }).entries).toEqual([bonusCounted]);
    });

    it('relatesTo may name a later entry', () => {
      expect(evaluate(ledger([bonus({ relatesTo: 'a3' }), premium()]), { asOf }).entries[0]).toEqual(bonusCounted);
    });

    it('relatesTo must name an entry of the ledger: unknown-reference', () => {
      expect(issuesOf(ledger([premium(), bonus({ relatesTo: 'a4' })]))).toEqual([expect.objectContaining({ path: 'entries[1].relatesTo', code: 'unknown-reference' })]);
    });

    it('ids are matched exactly (case-sensitive)', () => {
      expect(issuesOf(ledger([premium(), bonus({ relatesTo: 'A3' })]))).toEqual([expect.objectContaining({ path: 'entries[1].relatesTo', code: 'unknown-reference' })]);
    });

    it('evaluate throws a ValidationError carrying the unknown-reference issue', () => {
      let caught: unknown;
      try {
        evaluate(ledger([bonus({ relatesTo: 'nope' })]), { asOf });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ValidationError);
      expect((caught as ValidationError).issues).toEqual([expect.objectContaining({ path: 'entries[0].relatesTo', code: 'unknown-reference' })]);
    });

    it('counts on its own status even when the related entry is rejected', () => {
      const ev = evaluate(ledger([premium({ status: 'rejected' }), bonus({ relatesTo: 'a3' })]), { asOf });
      expect(ev.entries).toEqual([{ id: 'a3', outcome: 'excluded', points: 0, rule: 'R7', reason: 'rejected' }, bonusCounted]);
      expect(ev.points.total).toBe(250);
    });

    it('counts when the related entry is pending', () => {
      const ev = evaluate(ledger([premium({ status: 'pending' }), bonus({ relatesTo: 'a3' })]), { asOf });
      expect(outcomeOf(ev, 'b1')).toEqual(bonusCounted);
      expect(ev.points.total).toBe(250);
      expect(ev.points.pending).toBe(6500);
    });

    it('counts on its own date even when the related entry is outside the window or after asOf', () => {
      const ev = evaluate(
        ledger([premium({ date: '2024-01-01' }), bonus({ relatesTo: 'a3' }), premium({ id: 'later', date: '2026-07-01' }), bonus({ id: 'b2', relatesTo: 'later' })]),
        { asOf },
      );
      expect(ev.entries).toEqual([
        { id: 'a3', outcome: 'excluded', points: 0, rule: 'R1', reason: 'outside-window' },
        bonusCounted,
        { id: 'later', outcome: 'excluded', points: 0, rule: 'R1', reason: 'after-as-of' },
        { id: 'b2', outcome: 'counted', points: 250, rule: 'R6' },
      ]);
      expect(ev.points.total).toBe(500);
    });

    it('counts when the related entry fails its evidence or the monthly limit', () => {
      const ev = evaluate(
        ledger([
          { id: 'art', type: 'activity', date: '2026-03-01', activity: 'article', words: 10 },
          bonus({ relatesTo: 'art' }),
          { id: 'p1', type: 'activity', date: '2026-03-01', activity: 'pipeline-share' },
          { id: 'p2', type: 'activity', date: '2026-03-02', activity: 'pipeline-share' },
          bonus({ id: 'b2', relatesTo: 'p2' }),
        ]),
        { asOf },
      );
      expect(outcomeOf(ev, 'art')).toMatchObject({ outcome: 'excluded', reason: 'evidence-not-met' });
      expect(outcomeOf(ev, 'p2')).toMatchObject({ outcome: 'excluded', reason: 'monthly-limit' });
      expect(outcomeOf(ev, 'b1')).toEqual(bonusCounted);
      expect(outcomeOf(ev, 'b2')).toEqual({ id: 'b2', outcome: 'counted', points: 250, rule: 'R6' });
      expect(ev.points.byCategory.bonus).toBe(500);
    });

    it('is itself excluded outside the window, even when the related entry counts', () => {
      const ev = evaluate(ledger([premium(), bonus({ relatesTo: 'a3', date: '2025-06-15' })]), { asOf });
      expect(outcomeOf(ev, 'b1')).toEqual({ id: 'b1', outcome: 'excluded', points: 0, rule: 'R1', reason: 'outside-window' });
      expect(outcomeOf(ev, 'a3')).toEqual({ id: 'a3', outcome: 'counted', points: 6500, rule: 'R3' });
      expect(ev.points.byCategory.bonus).toBe(0);
    });

    it('pending and rejected bonuses follow R7', () => {
      const ev = evaluate(ledger([premium(), bonus({ relatesTo: 'a3', status: 'pending' }), bonus({ id: 'b2', status: 'rejected' })]), { asOf });
      expect(outcomeOf(ev, 'b1')).toEqual({ id: 'b1', outcome: 'pending', points: 250, rule: 'R7', reason: 'pending-approval' });
      expect(outcomeOf(ev, 'b2')).toEqual({ id: 'b2', outcome: 'excluded', points: 0, rule: 'R7', reason: 'rejected' });
      expect(ev.points.pending).toBe(250);
      expect(ev.points.byCategory.bonus).toBe(0);
    });

    it.each([0, -5, 2.5])('points %j is not an integer > 0', (points) => {
      expect(issuesOf(ledger([bonus({ points })]))).toEqual([expect.objectContaining({ path: 'entries[0].points', code: 'invalid-integer' })]);
    });

    it('reason and points are required', () => {
      const issues = issuesOf(ledger([{ id: 'b', type: 'bonus', date: '2026-05-01' }]));
      expect(issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'entries[0].points', code: 'missing-field' }),
          expect.objectContaining({ path: 'entries[0].reason', code: 'missing-field' }),
        ]),
      );
      expect(issues).toHaveLength(2);
    });
  });

  describe('special', () => {
    it('counts its points in the special category', () => {
      const ev = evaluate(ledger([special()]), { asOf });
      expect(ev.entries).toEqual([{ id: 's1', outcome: 'counted', points: 400, rule: 'R6' }]);
      expect(ev.points.byCategory).toEqual({ revenue: 0, knowledge: 0, program: 0, certification: 0, 'partner-year': 0, bonus: 0, special: 400, adjustment: 0 });
      expect(ev.points.total).toBe(400);
    });

    it('bonus and special together reach a tier: 4,750 + 250 = Basic', () => {
      const ev = evaluate(ledger([special({ points: 4750 }), bonus()]), { asOf });
      expect(ev.points.total).toBe(5000);
      expect(ev.tier).toBe('basic');
    });

    it.each([0, -1, 0.5])('points %j is not an integer > 0', (points) => {
      expect(issuesOf(ledger([special({ points })]))).toEqual([expect.objectContaining({ path: 'entries[0].points', code: 'invalid-integer' })]);
    });

    it('description is required', () => {
      expect(issuesOf(ledger([{ id: 's', type: 'special', date: '2026-05-02', points: 10 }]))).toEqual([
        expect.objectContaining({ path: 'entries[0].description', code: 'missing-field' }),
      ]);
    });

    it('relatesTo and reason are not fields of a special entry', () => {
      const issues = issuesOf(ledger([premium(), special({ relatesTo: 'a3', reason: 'x' })]));
      expect(issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'entries[1].relatesTo', code: 'unknown-field' }),
          expect.objectContaining({ path: 'entries[1].reason', code: 'unknown-field' }),
        ]),
      );
      expect(issues).toHaveLength(2);
    });
  });
});

describe('R6 bonus and special: bounds', () => {
  it('points are at most 1,000,000,000', () => {
    expect(evaluate(ledger([bonus({ points: 1_000_000_000 }), special({ points: 1_000_000_000 })]), { asOf }).points.total).toBe(2_000_000_000);
    expect(issuesOf(ledger([bonus({ points: 1_000_000_001 }), special({ points: 1_000_000_001 })]))).toEqual([
      expect.objectContaining({ path: 'entries[0].points', code: 'invalid-integer' }),
      expect.objectContaining({ path: 'entries[1].points', code: 'invalid-integer' }),
    ]);
  });

  it('a bonus may relate to any entry type, including a fee payment or another bonus', () => {
    const ev = evaluate(
      ledger([
        { id: 'f', type: 'fee-payment', date: '2026-01-01', months: 1, amount: '45.00' },
        bonus({ relatesTo: 'f' }),
        bonus({ id: 'b2', relatesTo: 'b1' }),
      ]),
      { asOf },
    );
    expect(ev.points.byCategory.bonus).toBe(500);
  });
});
