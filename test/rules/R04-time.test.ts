import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/index';
import { issuesOf, ledger } from '../helpers/ledger';

const asOf = '2026-06-15';
const time = (id: string, minutes: unknown, category: unknown, extra: Record<string, unknown> = {}) => ({ id, type: 'time', date: '2026-04-02', minutes, category, ...extra });
const zeroCategories = { revenue: 0, knowledge: 0, program: 0, certification: 0, 'partner-year': 0, bonus: 0, special: 0, adjustment: 0 };

describe('R4 time', () => {
  it('points = minutes, credited to the entry’s category', () => {
    const ev = evaluate(ledger([time('t1', 90, 'program', { description: 'campaign' }), time('t2', 1, 'knowledge'), time('t3', 45, 'knowledge')]), { asOf });
    expect(ev.entries).toEqual([
      { id: 't1', outcome: 'counted', points: 90, rule: 'R4' },
      { id: 't2', outcome: 'counted', points: 1, rule: 'R4' },
      { id: 't3', outcome: 'counted', points: 45, rule: 'R4' },
    ]);
    expect(ev.points.byCategory).toEqual({ ...zeroCategories, program: 90, knowledge: 46 });
    expect(ev.points.total).toBe(136);
  });

  it('time and activity points share a category', () => {
    const ev = evaluate(
      ledger([time('t', 2990, 'knowledge'), { id: 'f', type: 'activity', date: '2026-04-03', activity: 'forum-post' }, time('p', 1000, 'program')]),
      { asOf },
    );
    expect(ev.points.byCategory).toEqual({ ...zeroCategories, knowledge: 3000, program: 1000 });
    expect(ev.tier).toBe('starter');
  });

  it('4,999 minutes is Starter, 5,000 minutes is Basic (one point under)', () => {
    expect(evaluate(ledger([time('t', 4999, 'program')]), { asOf }).tier).toBe('starter');
    expect(evaluate(ledger([time('t', 5000, 'program')]), { asOf }).tier).toBe('basic');
  });

  it('the largest minutes value is accepted (1,000,000,000)', () => {
    const ev = evaluate(ledger([time('t', 1_000_000_000, 'program')]), { asOf });
    expect(ev.points.total).toBe(1_000_000_000);
  });

  it('a pending time entry shows its minutes as pending points, under R7', () => {
    const ev = evaluate(ledger([time('t', 120, 'program', { status: 'pending' })]), { asOf });
    expect(ev.entries).toEqual([{ id: 't', outcome: 'pending', points: 120, rule: 'R7', reason: 'pending-approval' }]);
    expect(ev.points).toEqual({ total: 0, pending: 120, byCategory: zeroCategories });
  });

  it('a rejected or out-of-window time entry earns nothing', () => {
    const ev = evaluate(ledger([time('r', 120, 'program', { status: 'rejected' }), time('o', 120, 'program', { date: '2025-06-15' })]), { asOf });
    expect(ev.entries).toEqual([
      { id: 'r', outcome: 'excluded', points: 0, rule: 'R7', reason: 'rejected' },
      { id: 'o', outcome: 'excluded', points: 0, rule: 'R1', reason: 'outside-window' },
    ]);
  });

  describe('validation', () => {
    it.each([0, -5, 1.5, 1_000_000_001])('minutes %j is invalid-integer', (minutes) => {
      expect(issuesOf(ledger([time('t', minutes, 'program')]))).toEqual([expect.objectContaining({ path: 'entries[0].minutes', code: 'invalid-integer' })]);
    });

    it('minutes as a string is refused at entries[0].minutes', () => {
      const issues = issuesOf(ledger([time('t', '90', 'program')]));
      expect(issues.map((i) => i.path)).toEqual(['entries[0].minutes']);
    });

    it('category is required and is knowledge or program', () => {
      expect(issuesOf(ledger([{ id: 't', type: 'time', date: '2026-04-02', minutes: 5 }]))).toEqual([
        expect.objectContaining({ path: 'entries[0].category', code: 'missing-field' }),
      ]);
      expect(issuesOf(ledger([time('t', 5, 'marketing')]))).toEqual([expect.objectContaining({ path: 'entries[0].category', code: 'invalid-value' })]);
    });

    it('minutes is required', () => {
      expect(issuesOf(ledger([{ id: 't', type: 'time', date: '2026-04-02', category: 'program' }]))).toEqual([
        expect.objectContaining({ path: 'entries[0].minutes', code: 'missing-field' }),
      ]);
    });

    it('a description of 10,000 characters is accepted, 10,001 is too-long', () => {
      expect(evaluate(ledger([time('t', 5, 'program', { description: 'x'.repeat(10_000) })]), { asOf }).points.total).toBe(5);
      expect(issuesOf(ledger([time('t', 5, 'program', { description: 'x'.repeat(10_001) })]))).toEqual([
        expect.objectContaining({ path: 'entries[0].description', code: 'too-long' }),
      ]);
    });

    it('points on a time entry are an unknown field (the minutes set them)', () => {
      expect(issuesOf(ledger([time('t', 5, 'program', { points: 5 })]))).toEqual([expect.objectContaining({ path: 'entries[0].points', code: 'unknown-field' })]);
    });
  });
});
