import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/index';
import { issuesOf, ledger, outcomeOf } from '../helpers/ledger';

const asOf = '2026-06-15';
const act = (id: string, activity: string, extra: Record<string, unknown> = {}) => ({ id, type: 'activity', date: '2026-03-10', activity, ...extra });
const counted = (id: string, points: number) => ({ id, outcome: 'counted', points, rule: 'R3' });
const limited = (id: string) => ({ id, outcome: 'excluded', points: 0, rule: 'R3', reason: 'monthly-limit' });
const noEvidence = (id: string) => ({ id, outcome: 'excluded', points: 0, rule: 'R3', reason: 'evidence-not-met' });
const zeroCategories = { revenue: 0, knowledge: 0, program: 0, certification: 0, 'partner-year': 0, bonus: 0, special: 0, adjustment: 0 };

describe('R3 activity table', () => {
  describe('every row', () => {
    it.each([
      ['premium-project', {}, 5000, 'program'],
      ['exponential-6-project', {}, 2500, 'program'],
      ['newsletter-project', {}, 2000, 'program'],
      ['training-course', { quantity: 1 }, 2000, 'program'],
      ['event-attendance', {}, 5000, 'program'],
      ['pipeline-share', {}, 1000, 'program'],
      ['case-study', {}, 1000, 'program'],
      ['customer-site', {}, 1000, 'program'],
      ['customer-reference', {}, 500, 'program'],
      ['article', {}, 500, 'knowledge'],
      ['press-release', {}, 500, 'program'],
      ['tutorial', {}, 500, 'knowledge'],
      ['conference-talk', {}, 500, 'knowledge'],
      ['powered-by-badge', {}, 500, 'program'],
      ['bug-report', {}, 50, 'knowledge'],
      ['forum-post', {}, 10, 'knowledge'],
    ] as const)('%s %j earns %i points in %s', (activity, extra, points, category) => {
      const ev = evaluate(ledger([act('a', activity, extra)]), { asOf });
      expect(ev.entries).toEqual([counted('a', points)]);
      expect(ev.points.byCategory).toEqual({ ...zeroCategories, [category]: points });
      expect(ev.points.total).toBe(points);
    });

    it('knowledge and program categories add up across rows', () => {
      const ev = evaluate(
        ledger([
          act('k1', 'article', { words: 900, floss: true }),
          act('k2', 'tutorial', { words: 2000 }),
          act('k3', 'forum-post'),
          act('k4', 'conference-talk'),
          act('k5', 'bug-report'),
          act('p1', 'case-study'),
          act('p2', 'press-release'),
          act('p3', 'customer-site'),
          act('p4', 'customer-site'),
        ]),
        { asOf },
      );
      expect(ev.points.byCategory).toEqual({ ...zeroCategories, knowledge: 500 + 500 + 10 + 500 + 50, program: 1000 + 500 + 1000 + 1000 });
      expect(ev.points.total).toBe(1560 + 3500);
    });

    it('an unknown activity is refused', () => {
      expect(issuesOf(ledger([act('a', 'webinar')]))).toEqual([expect.objectContaining({ path: 'entries[0].activity', code: 'unknown-activity' })]);
    });
  });

  describe('minimum ("+") rows', () => {
    it.each([
      ['premium-project', 5000],
      ['exponential-6-project', 2500],
      ['newsletter-project', 2000],
    ])('%s: absent points → the minimum %i; the minimum itself and more are awarded', (activity, min) => {
      const ev = evaluate(ledger([act('none', activity), act('exact', activity, { points: min }), act('more', activity, { points: min + 1500 })]), { asOf });
      expect(ev.entries).toEqual([counted('none', min), counted('exact', min), counted('more', min + 1500)]);
      expect(ev.points.byCategory.program).toBe(3 * min + 1500);
    });

    it.each([
      ['premium-project', 4999],
      ['exponential-6-project', 2499],
      ['newsletter-project', 1999],
    ])('%s with points %i is below-minimum', (activity, points) => {
      expect(issuesOf(ledger([act('a', activity, { points })]))).toEqual([expect.objectContaining({ path: 'entries[0].points', code: 'below-minimum' })]);
    });

    it('non-integer points on a "+" row are refused at entries[0].points', () => {
      const issues = issuesOf(ledger([act('a', 'premium-project', { points: 5000.5 })]));
      expect(issues).toHaveLength(1);
      expect(issues[0]?.path).toBe('entries[0].points');
    });

    it('6,500 awarded points on a premium project', () => {
      const ev = evaluate(ledger([act('a3', 'premium-project', { points: 6500 })]), { asOf });
      expect(ev.entries).toEqual([counted('a3', 6500)]);
      expect(ev.tier).toBe('basic');
    });
  });

  describe('training course: per attendee', () => {
    it.each([
      [1, 2000],
      [3, 6000],
      [10, 20000],
    ])('quantity %i earns %i', (quantity, points) => {
      expect(evaluate(ledger([act('t', 'training-course', { quantity })]), { asOf }).entries).toEqual([counted('t', points)]);
    });

    it('quantity is required', () => {
      expect(issuesOf(ledger([act('t', 'training-course')]))).toEqual([expect.objectContaining({ path: 'entries[0].quantity', code: 'missing-field' })]);
    });

    it.each([0, -1, 1.5])('quantity %j is not an integer ≥ 1', (quantity) => {
      expect(issuesOf(ledger([act('t', 'training-course', { quantity })]))).toEqual([expect.objectContaining({ path: 'entries[0].quantity', code: 'invalid-integer' })]);
    });

    it('quantity on another row and points on the training course are field-not-applicable', () => {
      expect(issuesOf(ledger([act('a', 'forum-post', { quantity: 2 }), act('b', 'training-course', { quantity: 2, points: 5000 })]))).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'entries[0].quantity', code: 'field-not-applicable' }),
          expect.objectContaining({ path: 'entries[1].points', code: 'field-not-applicable' }),
        ]),
      );
    });
  });

  describe('fixed rows: the table sets the points', () => {
    it.each(['forum-post', 'event-attendance', 'pipeline-share', 'tutorial', 'case-study'])('points on %s is field-not-applicable', (activity) => {
      expect(issuesOf(ledger([act('a', activity, { points: 500 })]))).toEqual([expect.objectContaining({ path: 'entries[0].points', code: 'field-not-applicable' })]);
    });
  });

  describe('evidence', () => {
    it.each([
      [{ words: 499, floss: true }, false],
      [{ words: 500, floss: true }, true],
      [{ words: 1500, floss: true }, true],
      [{ words: 1501, floss: true }, false],
      [{ words: 900, floss: false }, false],
      [{ words: 499 }, false],
      [{ words: 500 }, true],
      [{ words: 1500 }, true],
      [{ words: 1501 }, false],
      [{ floss: true }, true],
      [{ floss: false }, false],
      [{}, true],
    ])('article %j counts: %s', (evidence, counts) => {
      const ev = evaluate(ledger([act('a', 'article', evidence)]), { asOf });
      expect(ev.entries).toEqual([counts ? counted('a', 500) : noEvidence('a')]);
      expect(ev.points.total).toBe(counts ? 500 : 0);
    });

    it.each([
      [{ words: 1499 }, false],
      [{ words: 1500 }, true],
      [{ words: 100000 }, true],
      [{}, true],
    ])('tutorial %j counts: %s', (evidence, counts) => {
      const ev = evaluate(ledger([act('t', 'tutorial', evidence)]), { asOf });
      expect(ev.entries).toEqual([counts ? counted('t', 500) : noEvidence('t')]);
    });

    it('words is a non-negative integer and floss a boolean', () => {
      expect(
        issuesOf(ledger([act('a', 'article', { words: -1 }), act('b', 'article', { words: 1.5 }), act('c', 'tutorial', { words: '2000' }), act('d', 'article', { floss: 'yes' })])),
      ).toEqual([
        expect.objectContaining({ path: 'entries[0].words', code: 'invalid-integer' }),
        expect.objectContaining({ path: 'entries[1].words', code: 'invalid-integer' }),
        expect.objectContaining({ path: 'entries[2].words' }),
        expect.objectContaining({ path: 'entries[3].floss', code: 'invalid-type' }),
      ]);
    });

    it('evidence fields on rows without that evidence are field-not-applicable', () => {
      expect(
        issuesOf(
          ledger([
            act('a', 'forum-post', { words: 900 }),
            act('b', 'tutorial', { floss: true }),
            act('c', 'case-study', { floss: true }),
          ]),
        ),
      ).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'entries[0].words', code: 'field-not-applicable' }),
          expect.objectContaining({ path: 'entries[1].floss', code: 'field-not-applicable' }),
          expect.objectContaining({ path: 'entries[2].floss', code: 'field-not-applicable' }),
        ]),
      );
    });

    it('the window and rejection are reported before evidence (decision: precedence)', () => {
      const ev = evaluate(
        ledger([
          act('old', 'article', { words: 10, date: '2025-01-01' }),
          act('future', 'article', { words: 10, date: '2026-07-01' }),
          act('no', 'article', { words: 10, status: 'rejected' }),
        ]),
        { asOf },
      );
      expect(ev.entries).toEqual([
        { id: 'old', outcome: 'excluded', points: 0, rule: 'R1', reason: 'outside-window' },
        { id: 'future', outcome: 'excluded', points: 0, rule: 'R1', reason: 'after-as-of' },
        { id: 'no', outcome: 'excluded', points: 0, rule: 'R7', reason: 'rejected' },
      ]);
    });
  });

  describe('pipeline share: at most one per calendar month', () => {
    const pipe = (id: string, date: string, extra: Record<string, unknown> = {}) => act(id, 'pipeline-share', { date, ...extra });

    it('a second one in the same month is monthly-limit', () => {
      const ev = evaluate(ledger([pipe('p1', '2026-03-05'), pipe('p2', '2026-03-20')]), { asOf });
      expect(ev.entries).toEqual([counted('p1', 1000), limited('p2')]);
      expect(ev.points.total).toBe(1000);
    });

    it('the earliest by date is kept, whatever the input order; outcomes stay in input order', () => {
      const ev = evaluate(ledger([pipe('late', '2026-03-20'), pipe('mid', '2026-03-10'), pipe('early', '2026-03-01')]), { asOf });
      expect(ev.entries).toEqual([limited('late'), limited('mid'), counted('early', 1000)]);
    });

    it('on the same date, the first in input order is kept', () => {
      const ev = evaluate(ledger([pipe('first', '2026-03-10'), pipe('second', '2026-03-10')]), { asOf });
      expect(ev.entries).toEqual([counted('first', 1000), limited('second')]);
    });

    it('the last day of one month and the first of the next are two months', () => {
      const ev = evaluate(ledger([pipe('mar', '2026-03-31'), pipe('apr', '2026-04-01'), pipe('feb', '2026-02-28'), pipe('jan', '2026-01-31')]), { asOf });
      expect(ev.entries).toEqual([counted('mar', 1000), counted('apr', 1000), counted('feb', 1000), counted('jan', 1000)]);
    });

    it('the month is the UTC date’s month: 2026-03-31T23:30:00-05:00 is in April', () => {
      const ev = evaluate(ledger([pipe('apr15', '2026-04-15'), pipe('ts', '2026-03-31T23:30:00-05:00'), pipe('mar', '2026-03-30')]), { asOf });
      expect(ev.entries).toEqual([limited('apr15'), counted('ts', 1000), counted('mar', 1000)]);
    });

    it('the same month of two years in one window is two months', () => {
      const ev = evaluate(ledger([pipe('june25', '2025-06-20'), pipe('june26', '2026-06-10')]), { asOf });
      expect(ev.window).toEqual({ from: '2025-06-16', to: '2026-06-15' });
      expect(ev.entries).toEqual([counted('june25', 1000), counted('june26', 1000)]);
    });

    it('twelve months, one each, earn 12,000', () => {
      const entries = Array.from({ length: 12 }, (_, i) => pipe(`m${i}`, `2025-${String(i + 1).padStart(2, '0')}-15`));
      const ev = evaluate(ledger(entries), { asOf: '2025-12-31' });
      expect(ev.points.byCategory.program).toBe(12000);
    });

    it('a rejected earlier share does not use up the month', () => {
      const ev = evaluate(ledger([pipe('no', '2026-03-05', { status: 'rejected' }), pipe('yes', '2026-03-20')]), { asOf });
      expect(ev.entries).toEqual([{ id: 'no', outcome: 'excluded', points: 0, rule: 'R7', reason: 'rejected' }, counted('yes', 1000)]);
    });

    it('an earlier share before the window does not use up the month (the limit counts entries in the window)', () => {
      const ev = evaluate(ledger([pipe('old', '2025-06-10'), pipe('in', '2025-06-20')]), { asOf });
      expect(ev.entries).toEqual([{ id: 'old', outcome: 'excluded', points: 0, rule: 'R1', reason: 'outside-window' }, counted('in', 1000)]);
    });

    it('a later share after asOf is after-as-of, not monthly-limit', () => {
      const ev = evaluate(ledger([pipe('a', '2026-03-10'), pipe('b', '2026-03-20')]), { asOf: '2026-03-15' });
      expect(ev.entries).toEqual([counted('a', 1000), { id: 'b', outcome: 'excluded', points: 0, rule: 'R1', reason: 'after-as-of' }]);
    });

    it('a pending share in a month an approved one holds is monthly-limit, even when earlier (decision)', () => {
      const ev = evaluate(ledger([pipe('pend', '2026-03-05', { status: 'pending' }), pipe('ok', '2026-03-20')]), { asOf });
      expect(ev.entries).toEqual([limited('pend'), counted('ok', 1000)]);
      expect(ev.points.pending).toBe(0);
      expect(ev.points.total).toBe(1000);
    });

    it('of several pending shares in a free month only the first is pending (decision)', () => {
      const ev = evaluate(
        ledger([pipe('p2', '2026-03-20', { status: 'pending' }), pipe('p1', '2026-03-05', { status: 'pending' }), pipe('p3', '2026-04-02', { status: 'pending' })]),
        { asOf },
      );
      expect(ev.entries).toEqual([
        limited('p2'),
        { id: 'p1', outcome: 'pending', points: 1000, rule: 'R7', reason: 'pending-approval' },
        { id: 'p3', outcome: 'pending', points: 1000, rule: 'R7', reason: 'pending-approval' },
      ]);
      expect(ev.points.pending).toBe(2000);
      expect(ev.points.total).toBe(0);
    });
  });

  describe('derived rows may not be reported', () => {
    it('certification as an activity is derived-activity, saying it comes from certification entries', () => {
      const issues = issuesOf(ledger([act('c', 'certification')]));
      expect(issues).toEqual([expect.objectContaining({ path: 'entries[0].activity', code: 'derived-activity' })]);
      expect(issues[0]?.message).toMatch(/certification/i);
      expect(issues[0]?.message).toMatch(/R8|entr/i);
    });

    it('partner-year as an activity is derived-activity, saying it comes from joinedOn', () => {
      const issues = issuesOf(ledger([act('y', 'partner-year')]));
      expect(issues).toEqual([expect.objectContaining({ path: 'entries[0].activity', code: 'derived-activity' })]);
      expect(issues[0]?.message).toMatch(/R5|joinedOn|partnership year|join/i);
    });
  });

  describe('status', () => {
    it('a pending activity shows the points it would earn, under R7', () => {
      const ev = evaluate(ledger([act('p', 'premium-project', { points: 6000, status: 'pending' }), act('f', 'forum-post')]), { asOf });
      expect(outcomeOf(ev, 'p')).toEqual({ id: 'p', outcome: 'pending', points: 6000, rule: 'R7', reason: 'pending-approval' });
      expect(ev.points.pending).toBe(6000);
      expect(ev.points.total).toBe(10);
    });
  });
});

describe('R3 activity table: more boundaries', () => {
  const pipe = (id: string, date: string, extra: Record<string, unknown> = {}) => act(id, 'pipeline-share', { date, ...extra });

  it('a pending share keeps a month whose approved share is after asOf', () => {
    const ev = evaluate(ledger([pipe('pend', '2026-03-05', { status: 'pending' }), pipe('ok', '2026-03-20')]), { asOf: '2026-03-15' });
    expect(ev.entries).toEqual([
      { id: 'pend', outcome: 'pending', points: 1000, rule: 'R7', reason: 'pending-approval' },
      { id: 'ok', outcome: 'excluded', points: 0, rule: 'R1', reason: 'after-as-of' },
    ]);
    expect(ev.points.pending).toBe(1000);
  });

  it('a rejected share and a pending share: the pending one is pending', () => {
    const ev = evaluate(ledger([pipe('no', '2026-03-01', { status: 'rejected' }), pipe('pend', '2026-03-05', { status: 'pending' })]), { asOf });
    expect(ev.entries).toEqual([
      { id: 'no', outcome: 'excluded', points: 0, rule: 'R7', reason: 'rejected' },
      { id: 'pend', outcome: 'pending', points: 1000, rule: 'R7', reason: 'pending-approval' },
    ]);
  });

  it('two timestamps on the same UTC date are the same date: input order decides, not the time of day', () => {
    const ev = evaluate(ledger([pipe('evening', '2026-03-10T20:00:00Z'), pipe('morning', '2026-03-10T01:00:00Z')]), { asOf });
    expect(ev.entries).toEqual([counted('evening', 1000), limited('morning')]);
  });

  it('points on a "+" row are at most 1,000,000,000', () => {
    expect(evaluate(ledger([act('a', 'premium-project', { points: 1_000_000_000 })]), { asOf }).points.total).toBe(1_000_000_000);
    expect(issuesOf(ledger([act('a', 'premium-project', { points: 1_000_000_001 })]))).toEqual([expect.objectContaining({ path: 'entries[0].points', code: 'invalid-integer' })]);
  });

  it('quantity is at most 1,000,000', () => {
    expect(evaluate(ledger([act('t', 'training-course', { quantity: 1_000_000 })]), { asOf }).points.total).toBe(2_000_000_000);
    expect(issuesOf(ledger([act('t', 'training-course', { quantity: 1_000_001 })]))).toEqual([expect.objectContaining({ path: 'entries[0].quantity', code: 'invalid-integer' })]);
  });
});

describe('R3 pipeline share across the window start', () => {
  it('an approved share before the window does not hold the month against a pending one inside it', () => {
    const ev = evaluate(
      ledger([
        act('old', 'pipeline-share', { date: '2025-06-10' }),
        act('pend', 'pipeline-share', { date: '2025-06-20', status: 'pending' }),
      ]),
      { asOf },
    );
    expect(ev.entries).toEqual([
      { id: 'old', outcome: 'excluded', points: 0, rule: 'R1', reason: 'outside-window' },
      { id: 'pend', outcome: 'pending', points: 1000, rule: 'R7', reason: 'pending-approval' },
    ]);
    expect(ev.points.pending).toBe(1000);
  });
});
