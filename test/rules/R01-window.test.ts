import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, leavesWindowOn, parseLedger, reviewWindow, ValidationError, type WindowKind } from '../../src/index';
import { AFTER_END, anniversary, BEFORE_START, calendarDate, plusDays, plusMonths } from '../../src/dates/isoDate';
import { issuesOf, ledger, outcomeOf } from '../helpers/ledger';

const forum = (id: string, date: string, extra: Record<string, unknown> = {}) => ({ id, type: 'activity', date, activity: 'forum-post', ...extra });
const counted10 = (id: string) => ({ id, outcome: 'counted', points: 10, rule: 'R3' });
const outside = (id: string) => ({ id, outcome: 'excluded', points: 0, rule: 'R1', reason: 'outside-window' });
const afterAsOf = (id: string) => ({ id, outcome: 'excluded', points: 0, rule: 'R1', reason: 'after-as-of' });

function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
const pad = (n: number) => String(n).padStart(2, '0');

describe('R1 window', () => {
  describe('reviewWindow (rolling 12 months, the default)', () => {
    it.each([
      // The SPEC's own examples.
      ['2026-11-30', '2025-12-01'],
      ['2024-02-29', '2023-03-01'],
      ['2025-02-28', '2024-03-01'],
      ['2026-06-15', '2025-06-16'],
      // Not month-ends: the day after the same date 12 months earlier.
      ['2025-03-30', '2024-03-31'],
      ['2024-02-28', '2023-03-01'],
      ['2025-02-27', '2024-02-28'],
      ['2024-03-30', '2023-03-31'],
      ['2026-04-29', '2025-04-30'],
      ['2026-01-01', '2025-01-02'],
      ['2024-03-01', '2023-03-02'],
      // Month-ends: 12 whole months.
      ['2025-03-31', '2024-04-01'],
      ['2025-01-31', '2024-02-01'],
      ['2024-12-31', '2024-01-01'],
      ['2026-04-30', '2025-05-01'],
      ['2028-02-29', '2027-03-01'],
    ])('review on %s counts %s … that day', (asOf, from) => {
      expect(reviewWindow(asOf)).toEqual({ from, to: asOf });
      expect(reviewWindow(asOf, 'rolling-12-months')).toEqual({ from, to: asOf });
    });

    it('evaluate reports the same window and reviews as of D exactly (mid-month)', () => {
      const ev = evaluate(ledger([]), { asOf: '2026-06-15' });
      expect(ev.asOf).toBe('2026-06-15');
      expect(ev.window).toEqual({ from: '2025-06-16', to: '2026-06-15' });
    });
  });

  describe('the ends of the calendar (0001-01-01 … 9999-12-31)', () => {
    it('reviews on the last representable month-ends work', () => {
      expect(reviewWindow('9999-12-31')).toEqual({ from: '9999-01-01', to: '9999-12-31' });
      expect(reviewWindow('0001-12-31')).toEqual({ from: '0001-01-01', to: '0001-12-31' });
      const ev = evaluate(ledger([forum('last', '9999-12-31'), forum('first', '9999-01-01'), forum('before', '9998-12-31')], { joinedOn: '9999-06-01' }), {
        asOf: '9999-12-31',
      });
      expect(ev.window).toEqual({ from: '9999-01-01', to: '9999-12-31' });
      expect(ev.entries).toEqual([counted10('last'), counted10('first'), outside('before')]);
      expect(ev.points.byCategory.knowledge).toBe(20);
    });

    it('a review in year 1 works', () => {
      const ev = evaluate(ledger([forum('a', '0001-01-01')], { joinedOn: '0001-01-01' }), { asOf: '0001-12-31' });
      expect(ev.window).toEqual({ from: '0001-01-01', to: '0001-12-31' });
      expect(ev.entries).toEqual([counted10('a')]);
      expect(ev.derived).toEqual([{ rule: 'R5', date: '0001-01-01', points: 1000 }]);
    });
  });

  describe('calendar-year window', () => {
    it.each([
      ['2026-06-15', '2026-01-01'],
      ['2026-01-01', '2026-01-01'],
      ['2024-12-31', '2024-01-01'],
      ['2024-02-29', '2024-01-01'],
    ])('review on %s counts %s … that day', (asOf, from) => {
      expect(reviewWindow(asOf, 'calendar-year')).toEqual({ from, to: asOf });
    });

    it('evaluate with window calendar-year excludes 31 December of the year before', () => {
      const ev = evaluate(ledger([forum('dec31', '2025-12-31'), forum('jan1', '2026-01-01'), forum('d', '2026-06-15')]), {
        asOf: '2026-06-15',
        window: 'calendar-year',
      });
      expect(ev.window).toEqual({ from: '2026-01-01', to: '2026-06-15' });
      expect(ev.entries).toEqual([outside('dec31'), counted10('jan1'), counted10('d')]);
      expect(ev.points.total).toBe(20);
    });
  });

  describe('partnership-year window', () => {
    it.each([
      // joinedOn, asOf, from
      ['2023-03-15', '2026-03-14', '2025-03-15'],
      ['2023-03-15', '2026-03-15', '2026-03-15'],
      ['2023-03-15', '2026-12-31', '2026-03-15'],
      ['2023-03-15', '2023-03-15', '2023-03-15'],
      // Before joinedOn the anniversaries continue backwards (decision).
      ['2026-03-15', '2025-06-01', '2025-03-15'],
      ['2026-03-15', '2026-03-14', '2025-03-15'],
      ['2026-03-15', '2025-03-14', '2024-03-15'],
      // 29 February joins: addYears from the join date, 28 February in common years.
      ['2024-02-29', '2025-02-27', '2024-02-29'],
      ['2024-02-29', '2025-02-28', '2025-02-28'],
      ['2024-02-29', '2027-03-01', '2027-02-28'],
      ['2024-02-29', '2028-02-28', '2027-02-28'],
      ['2024-02-29', '2028-02-29', '2028-02-29'],
      ['2024-02-29', '2023-06-01', '2023-02-28'],
    ])('joined %s, review on %s counts %s … that day', (joinedOn, asOf, from) => {
      expect(reviewWindow(asOf, 'partnership-year', joinedOn)).toEqual({ from, to: asOf });
    });

    it('evaluate uses the partner joinedOn: the day before the anniversary is outside', () => {
      const ev = evaluate(ledger([forum('before', '2025-03-14'), forum('first', '2025-03-15'), forum('last', '2026-03-14')], { joinedOn: '2023-03-15' }), {
        asOf: '2026-03-14',
        window: 'partnership-year',
      });
      expect(ev.window).toEqual({ from: '2025-03-15', to: '2026-03-14' });
      expect(ev.entries).toEqual([outside('before'), counted10('first'), counted10('last')]);
    });

    it('evaluate with a 29 February join reviews from 28 February in a common year', () => {
      const ev = evaluate(ledger([forum('a', '2025-02-27'), forum('b', '2025-02-28')], { joinedOn: '2024-02-29' }), {
        asOf: '2025-06-30',
        window: 'partnership-year',
      });
      expect(ev.window).toEqual({ from: '2025-02-28', to: '2025-06-30' });
      expect(ev.entries).toEqual([outside('a'), counted10('b')]);
    });
  });

  describe('first and last day of the window', () => {
    it.each([
      // asOf, first day, day before
      ['2026-06-15', '2025-06-16', '2025-06-15'],
      ['2026-11-30', '2025-12-01', '2025-11-30'],
      ['2024-02-29', '2023-03-01', '2023-02-28'],
      ['2025-02-28', '2024-03-01', '2024-02-29'],
      ['2025-03-30', '2024-03-31', '2024-03-30'],
    ])('review on %s: %s counts, %s is outside-window, the day after is after-as-of', (asOf, first, before) => {
      const dayAfter = new Date(`${asOf}T12:00:00Z`);
      dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
      const after = dayAfter.toISOString().slice(0, 10);
      const ev = evaluate(ledger([forum('before', before), forum('first', first), forum('last', asOf), forum('after', after)]), { asOf });
      expect(ev.entries).toEqual([outside('before'), counted10('first'), counted10('last'), afterAsOf('after')]);
      expect(ev.points.total).toBe(20);
      expect(ev.points.byCategory.knowledge).toBe(20);
    });

    it('every entry type counts only inside the window (adjustments, bonus, special, time, revenue too)', () => {
      const asOf = '2026-06-15';
      const old = '2025-06-15';
      const ev = evaluate(
        ledger([
          { id: 'x', type: 'adjustment', date: old, points: 500, reason: 'correction' },
          { id: 'b', type: 'bonus', date: old, points: 250, reason: 'launch' },
          { id: 's', type: 'special', date: old, points: 400, description: 'translation' },
          { id: 't', type: 'time', date: old, minutes: 90, category: 'program' },
          { id: 'a', type: 'activity', date: old, activity: 'event-attendance' },
          { id: 'r', type: 'revenue', date: old, amount: '9000.00', source: 'direct-sale' },
        ]),
        { asOf },
      );
      for (const id of ['x', 'b', 's', 't', 'a']) expect(outcomeOf(ev, id)).toEqual(outside(id));
      expect(outcomeOf(ev, 'r')).toMatchObject(outside('r'));
      expect(ev.points.total).toBe(0);
      expect(ev.revenue).toEqual({ total: '0.00', points: 0 });
      expect(ev.points.byCategory).toEqual({ revenue: 0, knowledge: 0, program: 0, certification: 0, 'partner-year': 0, bonus: 0, special: 0, adjustment: 0 });
    });

    it('certifications and fee payments before the window are counted with 0 points (they look beyond it)', () => {
      const ev = evaluate(
        ledger([
          { id: 'c', type: 'certification', date: '2024-01-10', holder: 'jane', certification: 'developer' },
          { id: 'f', type: 'fee-payment', date: '2024-01-10', months: 12, amount: '540.00' },
        ]),
        { asOf: '2026-06-15' },
      );
      expect(outcomeOf(ev, 'c')).toEqual({ id: 'c', outcome: 'counted', points: 0, rule: 'R8', reason: 'earned-before-window' });
      expect(outcomeOf(ev, 'f')).toMatchObject({ id: 'f', outcome: 'counted', points: 0, rule: 'R11' });
      expect(ev.points.total).toBe(0);
      expect(ev.certifications.profile).toBe(1);
    });

    it('certifications and fee payments dated after asOf are after-as-of', () => {
      const ev = evaluate(
        ledger([
          { id: 'c', type: 'certification', date: '2026-06-16', holder: 'jane', certification: 'developer' },
          { id: 'f', type: 'fee-payment', date: '2026-06-16', months: 1, amount: '45.00' },
        ]),
        { asOf: '2026-06-15' },
      );
      expect(outcomeOf(ev, 'c')).toEqual(afterAsOf('c'));
      expect(outcomeOf(ev, 'f')).toMatchObject(afterAsOf('f'));
      expect(ev.certifications.profile).toBe(0);
    });
  });

  describe('precedence of exclusion reasons (decision)', () => {
    it('after-as-of beats rejected; rejected beats outside-window; pending outside the window is outside-window', () => {
      const ev = evaluate(
        ledger([
          forum('future-rejected', '2026-07-01', { status: 'rejected' }),
          forum('old-rejected', '2024-01-01', { status: 'rejected' }),
          forum('old-pending', '2024-01-01', { status: 'pending' }),
          forum('future-pending', '2026-07-01', { status: 'pending' }),
          forum('old-approved', '2024-01-01', { status: 'approved' }),
        ]),
        { asOf: '2026-06-15' },
      );
      expect(ev.entries).toEqual([
        afterAsOf('future-rejected'),
        { id: 'old-rejected', outcome: 'excluded', points: 0, rule: 'R7', reason: 'rejected' },
        outside('old-pending'),
        afterAsOf('future-pending'),
        outside('old-approved'),
      ]);
      expect(ev.points.pending).toBe(0);
    });
  });

  describe('RFC 3339 timestamps reduce to their UTC date', () => {
    it.each([
      ['2026-03-31T23:30:00-05:00', '2026-04-01'],
      ['2026-03-31T18:59:59-05:00', '2026-03-31'],
      ['2026-03-31T19:00:00-05:00', '2026-04-01'],
      ['2026-04-01T13:59:59+14:00', '2026-03-31'],
      ['2026-04-01T14:00:00+14:00', '2026-04-01'],
      ['2026-03-31T20:29:59-03:30', '2026-03-31'],
      ['2026-03-31T20:30:00-03:30', '2026-04-01'],
      ['2026-03-31T23:59:59Z', '2026-03-31'],
      ['2026-04-01T00:00:00Z', '2026-04-01'],
      ['2026-04-01T00:00:00.000+00:00', '2026-04-01'],
      ['2026-03-31t23:59:59.999z', '2026-03-31'],
      ['2026-04-01T00:30:00+01:00', '2026-03-31'],
      ['2024-02-28T22:00:00-03:00', '2024-02-29'],
      ['2025-02-28T22:00:00-03:00', '2025-03-01'],
      ['2026-12-31T23:00:00-01:00', '2027-01-01'],
    ])('%s is %s', (timestamp, date) => {
      const parsed = parseLedger(ledger([forum('f', timestamp)], { joinedOn: timestamp }));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.ledger.partner.joinedOn).toBe(date);
      expect(parsed.ledger.entries[0]?.date).toBe(date);
    });

    it('2026-03-31T23:30:00-05:00 counts in the April review, not the March one', () => {
      const l = ledger([forum('late', '2026-03-31T23:30:00-05:00'), forum('utc', '2026-03-31T23:59:59Z')]);
      expect(evaluate(l, { asOf: '2026-03-31' }).entries).toEqual([afterAsOf('late'), counted10('utc')]);
      expect(evaluate(l, { asOf: '2026-04-01' }).entries).toEqual([counted10('late'), counted10('utc')]);
      // The April 2027 month-end review starts 2026-04-01: 'late' is its first day, 'utc' the day before.
      expect(evaluate(l, { asOf: '2027-03-31' }).entries).toEqual([counted10('late'), outside('utc')]);
    });

    it('+14:00 and -03:30 offsets on the window edges', () => {
      const l = ledger([
        forum('kiri-before', '2025-06-16T13:59:59+14:00'), // 2025-06-15 UTC: outside
        forum('kiri-first', '2025-06-16T14:00:00+14:00'), // 2025-06-16 UTC: first day
        forum('nf-last', '2026-06-15T20:29:59-03:30'), // 2026-06-15 UTC: last day
        forum('nf-after', '2026-06-15T20:30:00-03:30'), // 2026-06-16 UTC: after asOf
      ]);
      expect(evaluate(l, { asOf: '2026-06-15' }).entries).toEqual([
        outside('kiri-before'),
        counted10('kiri-first'),
        counted10('nf-last'),
        afterAsOf('nf-after'),
      ]);
    });

    it.each([
      ['2026-03-31T23:30:00-05:00', { asOf: '2026-04-01', window: { from: '2025-04-02', to: '2026-04-01' } }],
      ['2026-04-01T02:00:00+14:00', { asOf: '2026-03-31', window: { from: '2025-04-01', to: '2026-03-31' } }],
      ['2026-06-15T00:00:00Z', { asOf: '2026-06-15', window: { from: '2025-06-16', to: '2026-06-15' } }],
    ])('asOf %s is reviewed as a calendar date', (asOf, expected) => {
      const ev = evaluate(ledger([forum('f', expected.window.from)]), { asOf });
      expect({ asOf: ev.asOf, window: ev.window }).toEqual(expected);
      expect(ev.entries).toEqual([counted10('f')]);
    });

    it.each([
      '2026-02-30',
      '2026-04-01T10:00:00', // no offset: not RFC 3339
      '2026-04-01T24:00:00Z',
      '2026-4-1',
      '9999-12-31T23:00:00-05:00', // UTC date in year 10000
    ])('an invalid asOf %s throws a ValidationError at path asOf', (asOf) => {
      let caught: unknown;
      try {
        evaluate(ledger([]), { asOf });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ValidationError);
      expect((caught as ValidationError).issues.map((i) => i.path)).toContain('asOf');
    });

    it.each<[string, unknown]>([
      ['a number', 20260615],
      ['null', null],
      ['a Date object', new Date('2026-06-15T00:00:00Z')],
      ['an empty string', ''],
    ])('asOf as %s throws a ValidationError at path asOf', (_name, asOf) => {
      let caught: unknown;
      try {
        evaluate(ledger([]), { asOf } as unknown as { asOf: string });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ValidationError);
      expect((caught as ValidationError).issues.map((i) => i.path)).toContain('asOf');
    });

    it('a timestamp date whose UTC date falls outside 0001–9999 is invalid-date', () => {
      expect(issuesOf(ledger([forum('f', '0001-01-01T00:30:00+01:00')]))).toEqual([
        expect.objectContaining({ path: 'entries[0].date', code: 'invalid-date' }),
      ]);
    });
  });

  describe('options', () => {
    it('asOf is required: the core never reads the clock', () => {
      let caught: unknown;
      try {
        evaluate(ledger([]), {} as { asOf: string });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ValidationError);
      expect((caught as ValidationError).issues.map((i) => i.path)).toContain('asOf');
    });

    it('an unknown window kind throws a ValidationError at path window', () => {
      let caught: unknown;
      try {
        evaluate(ledger([]), { asOf: '2026-06-15', window: 'fiscal-year' as WindowKind });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ValidationError);
      expect((caught as ValidationError).issues.map((i) => i.path)).toContain('window');
    });
  });
});

describe('R12 monthly review (month-end windows)', () => {
  it('every month-end review of 2023–2026 counts exactly 12 whole months', () => {
    for (let year = 2023; year <= 2026; year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        const asOf = `${year}-${pad(month)}-${pad(lastDayOf(year, month))}`;
        const fromMonth = month === 12 ? 1 : month + 1;
        const fromYear = month === 12 ? year : year - 1;
        expect(reviewWindow(asOf), asOf).toEqual({ from: `${fromYear}-${pad(fromMonth)}-01`, to: asOf });
      }
    }
  });

  it('the month-end review counts the whole month a mid-month review splits', () => {
    const l = ledger([forum('a', '2025-06-01'), forum('b', '2025-06-15'), forum('c', '2025-06-16')]);
    expect(evaluate(l, { asOf: '2026-05-31' }).points.total).toBe(30);
    expect(evaluate(l, { asOf: '2026-06-15' }).points.total).toBe(10);
    expect(evaluate(l, { asOf: '2026-06-30' }).points.total).toBe(0);
  });
});

describe('R1 what leaves the window next', () => {
  it.each([
    ['2025-06-15', '2026-06-15'],
    ['2025-06-30', '2026-06-30'],
    ['2024-02-29', '2025-02-28'],
    ['2023-02-28', '2024-02-28'],
    ['2025-01-31', '2026-01-31'],
    ['2024-03-30', '2025-03-30'],
  ])('an entry dated %s counts through the day before %s', (date, on) => {
    expect(leavesWindowOn(date)).toBe(on);
    expect(reviewWindow(on).from > date).toBe(true);
    const dayBefore = new Date(Date.parse(`${on}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(reviewWindow(dayBefore).from <= date).toBe(true);
  });

  it('leaves a calendar-year window on 1 January and a partnership-year window on the next anniversary', () => {
    expect(leavesWindowOn('2025-06-15', 'calendar-year')).toBe('2026-01-01');
    expect(leavesWindowOn('2025-06-15', 'partnership-year', '2023-03-15')).toBe('2026-03-15');
  });

  it('reports the earliest counted items, their points, revenue and when they leave', () => {
    const ev = evaluate(
      {
        partner: { id: 'p', joinedOn: '2020-01-01' },
        entries: [
          { id: 'late', type: 'activity', date: '2026-05-01', activity: 'case-study' },
          { id: 'r', type: 'revenue', date: '2025-08-01', amount: '99.99', source: 'subscription' },
          { id: 'early', type: 'activity', date: '2025-08-01', activity: 'article' },
          { id: 'gone', type: 'activity', date: '2025-06-01', activity: 'article' },
          { id: 'p1', type: 'activity', date: '2025-07-01', activity: 'article', status: 'pending' },
        ],
      },
      { asOf: '2026-06-30' },
    );
    expect(ev.leavingNext).toEqual({ date: '2025-08-01', on: '2026-08-01', points: 500, revenue: '99.99', entries: ['r', 'early'] });
  });

  it('counts a partner-year credit among what leaves, and is null when nothing counts', () => {
    const ev = evaluate({ partner: { id: 'p', joinedOn: '2025-09-10' }, entries: [] }, { asOf: '2026-06-30' });
    expect(ev.leavingNext).toEqual({ date: '2025-09-10', on: '2026-09-10', points: 1000, revenue: '0.00', entries: [] });
    expect(evaluate({ partner: { id: 'p', joinedOn: '2020-01-01' }, entries: [] }, { asOf: '2026-06-30' }).leavingNext).toBeNull();
  });
});

describe('R1 leavesWindowOn is exact on every day', () => {
  it('for every date of 2019–2030, the window of leavesWindowOn starts after it and the window of the day before does not', () => {
    const day = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    for (let date = '2019-01-01'; date < '2031-01-01'; date = day(date, 1)) {
      const on = leavesWindowOn(date) as string;
      if (!(reviewWindow(on).from > date && reviewWindow(day(on, -1)).from <= date)) throw new Error(`${date}: ${on}`);
    }
  });
});

/** Whether `text` is a real calendar date YYYY-MM-DD, 0001-01-01 … 9999-12-31 (the 400-year cycle keeps leap years). */
function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(2000 + (year % 400), month, 0)).getUTCDate();
}

/** Every string in a result that is shaped like a date (digits-dash-digits-dash-digits). */
function dateLikeStrings(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string' && /^\d+-\d+-\d+$/.test(value)) found.push(value);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) dateLikeStrings(item, found);
  return found;
}

describe('R1 beyond the calendar: results carry only real dates, null past 9999-12-31', () => {
  const kinds = ['rolling-12-months', 'calendar-year', 'partnership-year'] as const;
  const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

  it('calendarDate, the one helper every computed result date goes through, keeps real dates and turns the rest into null', () => {
    for (const real of ['0001-01-01', '2024-02-29', '9999-12-31']) expect(calendarDate(real)).toBe(real);
    for (const beyond of [AFTER_END, BEFORE_START, plusMonths('9999-06-15', 12), anniversary('9999-02-28', 1), plusDays('9999-12-31', 1), '0000-06-15', '10000-01-01']) {
      expect(calendarDate(beyond), beyond).toBeNull();
    }
  });

  it.each([
    ['9999-06-15', 'rolling-12-months', undefined, null],
    ['9999-01-01', 'rolling-12-months', undefined, null],
    ['9998-12-31', 'rolling-12-months', undefined, '9999-12-31'],
    ['9999-06-15', 'calendar-year', undefined, null],
    ['9998-06-15', 'calendar-year', undefined, '9999-01-01'],
    ['9999-07-01', 'partnership-year', '2000-07-01', null],
    ['9999-06-30', 'partnership-year', '2000-07-01', '9999-07-01'],
  ] as const)('leavesWindowOn(%s, %s, %s) is %s', (date, kind, joinedOn, on) => {
    expect(leavesWindowOn(date, kind, joinedOn)).toBe(on);
  });

  it('for every day of 9998–9999 and every window kind: a real date whose window starts after the entry, or null when every review through 9999-12-31 still counts it', () => {
    const joinedOn = '2000-02-29';
    for (const kind of kinds) {
      // (JavaScript writes the day after 9999-12-31 as "+010000-01-01": stop on the last day.)
      for (let date = '9998-01-01'; ; date = nextDay(date)) {
        const on = leavesWindowOn(date, kind, joinedOn);
        if (on === null) {
          if (!(reviewWindow('9999-12-31', kind, joinedOn).from <= date)) throw new Error(`${kind} ${date}: null, yet it has left by 9999-12-31`);
        } else if (!isCalendarDate(on) || !(reviewWindow(on, kind, joinedOn).from > date)) throw new Error(`${kind} ${date}: ${on}`);
        if (date === '9999-12-31') break;
      }
    }
  });

  it('starts a window reaching back before 0001-01-01 on 0001-01-01', () => {
    expect(reviewWindow('0001-06-15')).toEqual({ from: '0001-01-01', to: '0001-06-15' });
    expect(reviewWindow('0001-06-15', 'partnership-year', '0001-09-01')).toEqual({ from: '0001-01-01', to: '0001-06-15' });
    expect(evaluate(ledger([]), { asOf: '0001-06-15' }).window).toEqual({ from: '0001-01-01', to: '0001-06-15' });
  });

  it('evaluate: leavingNext.on and the fee dates are null past 9999-12-31, never the sentinel nor a clamped 9999-12-31', () => {
    const raw = ledger(
      [
        { id: 'e1', type: 'activity', date: '9999-03-01', activity: 'event-attendance' },
        { id: 'f1', type: 'fee-payment', date: '9999-06-01', months: 12, amount: '540.00' },
      ],
      { joinedOn: '9999-01-01' },
    );
    const ev = evaluate(raw, { asOf: '9999-06-30' });
    expect(ev.leavingNext).toMatchObject({ date: '9999-01-01', on: null });
    expect(ev.fee).toMatchObject({ paidThrough: null, nextAnniversary: null });
    for (const text of dateLikeStrings(ev)) expect(isCalendarDate(text), text).toBe(true);
    // A renewal waiver that runs past the calendar: Professional over 9998-06-01 … 9999-05-31.
    const renewed = ledger([{ id: 'r1', type: 'revenue', date: '9998-07-01', amount: '8000.00', source: 'direct-sale' }], { joinedOn: '9998-06-01' });
    expect(evaluate(renewed, { asOf: '9999-06-30' }).fee).toMatchObject({ waivedThrough: null, nextAnniversary: null });
    // Within the calendar the same dates are real: the anniversary of 9999-12-31 is null only for what passes it.
    expect(evaluate(ledger([], { joinedOn: '9998-12-31' }), { asOf: '9999-06-30' }).fee.nextAnniversary).toBe('9999-12-31');
  });
});

describe('R1 reviewWindow and leavesWindowOn validate their arguments as evaluate does', () => {
  // The positional parameters are named as paths: `asOf` (reviewWindow) or `date` (leavesWindowOn), `window` (the kind, as evaluate's option) and `joinedOn`.
  const issuesOfCall = (call: () => unknown) => {
    try {
      call();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).issues.map((i) => `${i.path} ${i.code}`);
    }
    throw new Error('expected a ValidationError');
  };
  const untypedWindow = reviewWindow as (...args: unknown[]) => unknown;
  const untypedLeaves = leavesWindowOn as (...args: unknown[]) => unknown;
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const notDates: [string, unknown][] = [
    ['garbage', 'garbage'],
    ['an impossible date', '2026-02-30'],
    ['month 13', '2026-13-01'],
    ['year 0', '0000-06-15'],
    ['a number', 20260331],
    ['a BigInt', 20260331n],
    ['null', null],
    ['a Date', new Date(Date.UTC(2026, 2, 31))],
    ['a Proxy that throws', new Proxy({}, { get: () => { throw new Error('trap'); } })],
    ['a revoked Proxy', revoked.proxy],
    ['an empty string', ''],
    ['a timestamp without a zone', '2026-03-31T23:30:00'],
  ];

  it.each(notDates)('%s is invalid-date at asOf (reviewWindow) and at date (leavesWindowOn)', (_, value) => {
    expect(issuesOfCall(() => untypedWindow(value))).toEqual(['asOf invalid-date']);
    expect(issuesOfCall(() => untypedLeaves(value))).toEqual(['date invalid-date']);
    // The same value is refused by evaluate at its option asOf, with the same code.
    expect(issuesOfCall(() => evaluate(ledger([]), { asOf: value } as never))).toEqual(['asOf invalid-date']);
  });

  it('a missing date is missing-field, as evaluate says of a missing asOf', () => {
    expect(issuesOfCall(() => untypedWindow())).toEqual(['asOf missing-field']);
    expect(issuesOfCall(() => untypedLeaves(undefined, 'calendar-year'))).toEqual(['date missing-field']);
  });

  it.each([['fiscal-year'], ['Rolling-12-Months'], [12], [null], [1n]])('window kind %s is invalid-value at window, never a silent rolling window', (kind) => {
    expect(issuesOfCall(() => untypedWindow('2026-06-15', kind))).toEqual(['window invalid-value']);
    expect(issuesOfCall(() => untypedLeaves('2026-06-15', kind))).toEqual(['window invalid-value']);
  });

  it("'partnership-year' without joinedOn is missing-field at joinedOn; a bad joinedOn is invalid-date there, whatever the kind", () => {
    expect(issuesOfCall(() => reviewWindow('2026-06-15', 'partnership-year'))).toEqual(['joinedOn missing-field']);
    expect(issuesOfCall(() => leavesWindowOn('2026-06-15', 'partnership-year'))).toEqual(['joinedOn missing-field']);
    expect(issuesOfCall(() => reviewWindow('2026-06-15', 'partnership-year', '2023-02-29'))).toEqual(['joinedOn invalid-date']);
    expect(issuesOfCall(() => leavesWindowOn('2026-06-15', 'calendar-year', 'soon'))).toEqual(['joinedOn invalid-date']);
  });

  it('reports every bad argument in one ValidationError', () => {
    expect(issuesOfCall(() => untypedWindow('garbage', 'fiscal-year', 5))).toEqual(['asOf invalid-date', 'window invalid-value', 'joinedOn invalid-date']);
    expect(issuesOfCall(() => untypedLeaves(undefined, 'partnership-year'))).toEqual(['date missing-field', 'joinedOn missing-field']);
  });

  it("reduces a timestamp to its UTC date: reviewWindow('2026-03-31T23:30:00-05:00') is evaluate's window for that asOf", () => {
    const asOf = '2026-03-31T23:30:00-05:00';
    expect(reviewWindow(asOf)).toEqual(evaluate(ledger([]), { asOf }).window);
    // 2026-04-01 is not a month end: the window starts the day after 2025-04-01.
    expect(reviewWindow(asOf)).toEqual({ from: '2025-04-02', to: '2026-04-01' });
    expect(leavesWindowOn('2025-06-30T22:00:00-03:00')).toBe(leavesWindowOn('2025-07-01'));
  });

  it('property: for any timestamp, window kind and join date, reviewWindow equals evaluate’s window, and both helpers equal their calls on the UTC date', () => {
    const day = fc.date({ min: new Date(Date.UTC(1970, 0, 2)), max: new Date(Date.UTC(2100, 11, 30)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const offset = fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }));
    const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }));
    const two = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(day, time, offset, fc.constantFrom(...(['rolling-12-months', 'calendar-year', 'partnership-year'] as const)), day, (date, [h, m, sec], [sign, oh, om], kind, joinedOn) => {
        const stamp = `${date}T${two(h)}:${two(m)}:${two(sec)}${sign}${two(oh)}:${two(om)}`;
        const utc = new Date(Date.parse(stamp)).toISOString().slice(0, 10);
        const window = reviewWindow(stamp, kind, joinedOn);
        expect(window).toEqual(reviewWindow(utc, kind, joinedOn));
        expect(window).toEqual(evaluate(ledger([], { joinedOn }), { asOf: stamp, window: kind }).window);
        expect(leavesWindowOn(stamp, kind, joinedOn)).toBe(leavesWindowOn(utc, kind, joinedOn));
      }),
      { numRuns: 200 },
    );
  });
});

