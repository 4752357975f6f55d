import { describe, expect, it } from 'vitest';
import { evaluate, type WindowKind } from '../../src/index';
import { ledger } from '../helpers/ledger';

const credit = (date: string) => ({ rule: 'R5', date, points: 1000 });

function derivedOf(joinedOn: string, asOf: string, window?: WindowKind) {
  const ev = evaluate(ledger([], { joinedOn }), window === undefined ? { asOf } : { asOf, window });
  expect(ev.points.byCategory['partner-year']).toBe(ev.derived.length * 1000);
  expect(ev.points.total).toBe(ev.derived.length * 1000);
  expect(ev.entries).toEqual([]);
  return ev.derived;
}

describe('R5 partner year', () => {
  describe('join dates around the rolling window', () => {
    it.each([
      // joinedOn, asOf, credits
      ['2025-06-16', '2026-06-15', ['2025-06-16']], // join on the first day of the window
      ['2025-06-15', '2026-06-15', ['2026-06-15']], // join the day before: its first anniversary is the last day
      ['2025-06-16', '2026-06-16', ['2026-06-16']],
      ['2026-06-15', '2026-06-15', ['2026-06-15']], // joined on the review date
      ['2026-06-16', '2026-06-15', []], // joins tomorrow
      ['2027-01-01', '2026-06-15', []], // joins later
      ['2025-12-01', '2026-11-30', ['2025-12-01']], // month-end window, first day
      ['2025-11-30', '2026-11-30', ['2026-11-30']],
      ['2024-03-10', '2026-06-15', ['2026-03-10']], // third year
      ['2023-03-10', '2026-06-15', []], // fourth year: no credit
      ['2023-06-16', '2026-06-15', ['2025-06-16']], // third year's credit on the window's first day
      ['2023-06-15', '2026-06-15', []], // third year's credit the day before the window; 2026-06-15 starts the fourth
    ])('joined %s, review %s → %j', (joinedOn, asOf, dates) => {
      expect(derivedOf(joinedOn, asOf)).toEqual(dates.map(credit));
    });
  });

  describe('at most three years', () => {
    it('credits on joinedOn, +1 year, +2 years, and never a fourth', () => {
      expect(derivedOf('2020-01-01', '2020-12-31')).toEqual([credit('2020-01-01')]);
      expect(derivedOf('2020-01-01', '2021-12-31')).toEqual([credit('2021-01-01')]);
      expect(derivedOf('2020-01-01', '2022-12-31')).toEqual([credit('2022-01-01')]);
      expect(derivedOf('2020-01-01', '2023-01-01')).toEqual([]);
      expect(derivedOf('2020-01-01', '2023-12-31')).toEqual([]);
    });

    it('the partnership-year window holds exactly the anniversary it starts on, for three years only', () => {
      expect(derivedOf('2024-05-10', '2024-05-10', 'partnership-year')).toEqual([credit('2024-05-10')]);
      expect(derivedOf('2024-05-10', '2026-01-01', 'partnership-year')).toEqual([credit('2025-05-10')]);
      expect(derivedOf('2024-05-10', '2027-05-09', 'partnership-year')).toEqual([credit('2026-05-10')]);
      expect(derivedOf('2024-05-10', '2027-05-10', 'partnership-year')).toEqual([]);
    });

    it('the calendar-year window counts the anniversary only from 1 January', () => {
      expect(derivedOf('2025-06-16', '2026-06-15', 'calendar-year')).toEqual([]);
      expect(derivedOf('2025-06-16', '2026-06-16', 'calendar-year')).toEqual([credit('2026-06-16')]);
      expect(derivedOf('2025-01-01', '2026-01-01', 'calendar-year')).toEqual([credit('2026-01-01')]);
      expect(derivedOf('2024-12-31', '2025-12-30', 'calendar-year')).toEqual([]);
      expect(derivedOf('2024-12-31', '2025-12-31', 'calendar-year')).toEqual([credit('2025-12-31')]);
    });
  });

  describe('29 February join date: anniversaries on 28 February in common years', () => {
    it.each([
      ['2024-02-29', [credit('2024-02-29')]], // window 2023-03-01 … 2024-02-29
      ['2025-02-27', [credit('2024-02-29')]], // window 2024-02-28 … 2025-02-27
      ['2025-02-28', [credit('2025-02-28')]], // window 2024-03-01 … 2025-02-28
      ['2026-02-27', [credit('2025-02-28')]], // window 2025-02-28 … 2026-02-27
      ['2026-02-28', [credit('2026-02-28')]], // third year, from the join date: addYears(2024-02-29, 2)
      ['2027-02-27', [credit('2026-02-28')]],
      ['2027-02-28', []], // fourth year
      ['2028-02-29', []],
    ])('joined 2024-02-29, review %s', (asOf, expected) => {
      expect(derivedOf('2024-02-29', asOf)).toEqual(expected);
    });
  });

  it('the credit counts toward the total, tier and the partner-year category', () => {
    const ev = evaluate(ledger([{ id: 'e', type: 'activity', date: '2026-01-10', activity: 'event-attendance' }], { joinedOn: '2025-09-01' }), {
      asOf: '2026-06-15',
    });
    expect(ev.derived).toEqual([credit('2025-09-01')]);
    expect(ev.points.byCategory).toEqual({ revenue: 0, knowledge: 0, program: 5000, certification: 0, 'partner-year': 1000, bonus: 0, special: 0, adjustment: 0 });
    expect(ev.points.total).toBe(6000);
    expect(ev.tier).toBe('basic');
    expect(ev.entries).toHaveLength(1);
  });

  it('a timestamp joinedOn is reduced to its UTC date first', () => {
    expect(derivedOf('2025-06-15T23:00:00-01:00', '2026-06-15')).toEqual([credit('2025-06-16')]);
    expect(derivedOf('2025-06-16T00:30:00+01:00', '2026-06-15')).toEqual([credit('2026-06-15')]);
  });
});

describe('R5 partner year: before joinedOn', () => {
  it('a partnership-year review before joining has no credit', () => {
    const ev = evaluate(ledger([], { joinedOn: '2026-03-15' }), { asOf: '2025-06-01', window: 'partnership-year' });
    expect(ev.window).toEqual({ from: '2025-03-15', to: '2025-06-01' });
    expect(ev.derived).toEqual([]);
  });

  it('the join date itself is credited only once it is reached', () => {
    const l = ledger([], { joinedOn: '2026-03-15' });
    expect(evaluate(l, { asOf: '2026-03-14' }).derived).toEqual([]);
    expect(evaluate(l, { asOf: '2026-03-15' }).derived).toEqual([credit('2026-03-15')]);
    expect(evaluate(l, { asOf: '2026-03-15', window: 'calendar-year' }).derived).toEqual([credit('2026-03-15')]);
  });
});

describe('R5 partner year: the end of the calendar', () => {
  it.each([
    ['9999-06-01', '9999-06-01'],
    ['9998-06-01', '9999-06-01'],
    ['9999-12-31', '9999-12-31'],
  ])('joined %s, review 9999-12-31: one credit on %s; anniversaries beyond 9999-12-31 are not clamped into the window', (joinedOn, date) => {
    expect(derivedOf(joinedOn, '9999-12-31')).toEqual([credit(date)]);
  });
});
