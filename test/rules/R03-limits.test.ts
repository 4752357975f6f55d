/**
 * R3 limits and caps of activity rows, as a program defines them (issue #16):
 * at most n entries per calendar month, quarter, year or window, and at most
 * n points per period. The one place that decides is src/evaluate/limits.ts;
 * `evaluate` and every review of `reviewTimeline` go through it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineProgram, evaluate, exponentialProgram, parseLedger, reviewTimeline, type Program } from '../../src/index';
import { periodOf, settleRow, type LimitedEntry, type Settled } from '../../src/evaluate/limits';
import type { ActivityRow } from '../../src/program/types';
import { runs } from '../properties/arbitraries';

const day = (date: string): number => Number(date.replaceAll('-', ''));
const row = (fields: Partial<ActivityRow>): ActivityRow => ({ id: 'webinar', name: 'Webinar', points: 300, kind: 'fixed', category: 'program', rule: 'R3', source: 'Webinar 300', ...fields });
const approved = (date: string, worth = 300): LimitedEntry => ({ day: day(date), approved: true, worth });
const pending = (date: string, worth = 300): LimitedEntry => ({ day: day(date), approved: false, worth });
const settle = (limited: ActivityRow, entries: LimitedEntry[]): { figures: ReturnType<typeof settleRow>; decisions: Settled[] } => {
  const decisions: Settled[] = [];
  return { figures: settleRow(limited, entries, decisions), decisions };
};

describe('R3 limit periods', () => {
  it('puts the last day of a quarter and the first of the next in different buckets, and the quarter’s months in one', () => {
    expect(periodOf('quarter', day('2026-03-31'))).not.toBe(periodOf('quarter', day('2026-04-01')));
    expect(periodOf('quarter', day('2026-01-01'))).toBe(periodOf('quarter', day('2026-03-31')));
    expect(periodOf('quarter', day('2026-12-31'))).not.toBe(periodOf('quarter', day('2027-01-01')));
    expect(periodOf('quarter', day('2026-10-01'))).toBe(periodOf('quarter', day('2026-12-31')));
  });
  it('months, years and the window', () => {
    expect(periodOf('month', day('2026-01-31'))).not.toBe(periodOf('month', day('2026-02-01')));
    expect(periodOf('month', day('2026-02-01'))).toBe(periodOf('month', day('2026-02-28')));
    expect(periodOf('year', day('2026-12-31'))).not.toBe(periodOf('year', day('2027-01-01')));
    expect(periodOf('year', day('2026-01-01'))).toBe(periodOf('year', day('2026-12-31')));
    expect(periodOf('window', day('0001-01-01'))).toBe(periodOf('window', day('9999-12-31')));
  });
  it('property: two days share a quarter exactly when they share a year and (month − 1) ÷ 3', () => {
    const date = fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }));
    fc.assert(
      fc.property(date, date, ([y1, m1, d1], [y2, m2, d2]) => {
        const same = periodOf('quarter', y1 * 10000 + m1 * 100 + d1) === periodOf('quarter', y2 * 10000 + m2 * 100 + d2);
        expect(same).toBe(y1 === y2 && Math.floor((m1 - 1) / 3) === Math.floor((m2 - 1) / 3));
      }),
      runs(300),
    );
  });
});

describe('R3 count limits', () => {
  const quarterly = row({ limit: { count: 4, per: 'quarter' } });
  it('counts the first n of a period and leaves the (n + 1)th out; the next period starts over', () => {
    const entries = ['2026-01-05', '2026-02-05', '2026-03-05', '2026-03-30', '2026-03-31', '2026-04-01'].map((date) => approved(date));
    const { figures, decisions } = settle(quarterly, entries);
    expect(decisions.map((d) => d.limited)).toStrictEqual([false, false, false, false, true, false]);
    expect(figures).toStrictEqual({ approved: 5 * 300, pending: 0 });
  });
  it('approved entries take the places first; pending ones take what is left, in order', () => {
    const month = row({ limit: { count: 1, per: 'month' } });
    // A pending entry earlier than an approved one: the approved holds the month (as the 0.2 monthly kind did).
    expect(settle(month, [pending('2026-01-02'), approved('2026-01-20')]).decisions).toStrictEqual([
      { earned: 0, limited: true },
      { earned: 300, limited: false },
    ]);
    // Only pending entries: the earliest would hold it.
    expect(settle(month, [pending('2026-01-02'), pending('2026-01-20')])).toStrictEqual({
      figures: { approved: 0, pending: 300 },
      decisions: [
        { earned: 300, limited: false },
        { earned: 0, limited: true },
      ],
    });
    const two = row({ limit: { count: 2, per: 'window' } });
    expect(settle(two, [pending('2026-01-02'), approved('2026-03-01'), pending('2026-05-01')]).figures).toStrictEqual({ approved: 300, pending: 300 });
  });
});

describe('R3 points caps', () => {
  const capped = row({ id: 'forum-post', points: 10, cap: { points: 1000, per: 'year' } });
  it('the entry that crosses the cap counts for the points left under it; later ones for 0', () => {
    const entries = [approved('2026-01-01', 600), approved('2026-02-01', 600), approved('2026-03-01', 600)];
    const { figures, decisions } = settle(capped, entries);
    expect(decisions).toStrictEqual([
      { earned: 600, limited: false },
      { earned: 400, limited: false },
      { earned: 0, limited: false },
    ]);
    expect(figures.approved).toBe(1000);
  });
  it('reaching the cap exactly leaves nothing to cut; the next year starts over', () => {
    const { decisions } = settle(capped, [approved('2026-06-01', 1000), approved('2026-12-31', 1), approved('2027-01-01', 1000)]);
    expect(decisions.map((d) => d.earned)).toStrictEqual([1000, 0, 1000]);
  });
  it('pending entries earn from what approved ones left', () => {
    expect(settle(capped, [pending('2026-01-01', 700), approved('2026-05-01', 600)]).figures).toStrictEqual({ approved: 600, pending: 400 });
  });
  it('with a limit too, the cap counts only the entries the limit keeps', () => {
    const both = row({ limit: { count: 2, per: 'month' }, cap: { points: 500, per: 'quarter' } });
    const { decisions } = settle(both, [approved('2026-01-01', 300), approved('2026-01-02', 300), approved('2026-01-03', 300), approved('2026-02-01', 300)]);
    expect(decisions).toStrictEqual([
      { earned: 300, limited: false },
      { earned: 200, limited: false },
      { earned: 0, limited: true },
      { earned: 0, limited: false },
    ]);
  });
  it('property: per period, at most `count` entries count and at most `points` are earned; nothing earns more than it is worth', () => {
    const period = fc.constantFrom('month' as const, 'quarter' as const, 'year' as const, 'window' as const);
    const entry = fc.record({ day: fc.integer({ min: 20250101, max: 20271228 }).filter((d) => d % 100 >= 1 && d % 100 <= 28 && Math.floor(d / 100) % 100 >= 1 && Math.floor(d / 100) % 100 <= 12), approved: fc.boolean(), worth: fc.integer({ min: 1, max: 900 }) });
    fc.assert(
      fc.property(fc.option(fc.record({ count: fc.integer({ min: 1, max: 4 }), per: period }), { nil: undefined }), fc.option(fc.record({ points: fc.integer({ min: 1, max: 2000 }), per: period }), { nil: undefined }), fc.array(entry, { maxLength: 30 }), (limit, cap, unsorted) => {
        const entries = [...unsorted].sort((a, b) => a.day - b.day);
        const limited = row({ ...(limit === undefined ? {} : { limit }), ...(cap === undefined ? {} : { cap }) });
        const { figures, decisions } = settle(limited, entries);
        expect(decisions).toHaveLength(entries.length);
        const counted = new Map<number, number>();
        const earned = new Map<number, number>();
        let approvedSum = 0;
        entries.forEach((one, k) => {
          const decision = decisions[k] as Settled;
          expect(decision.earned).toBeGreaterThanOrEqual(0);
          expect(decision.earned).toBeLessThanOrEqual(one.worth);
          if (decision.limited) expect(decision.earned).toBe(0);
          if (one.approved) approvedSum += decision.earned;
          if (limit !== undefined && !decision.limited && one.approved) counted.set(periodOf(limit.per, one.day), (counted.get(periodOf(limit.per, one.day)) ?? 0) + 1);
          if (cap !== undefined && one.approved) earned.set(periodOf(cap.per, one.day), (earned.get(periodOf(cap.per, one.day)) ?? 0) + decision.earned);
          // Without limit or cap, every entry counts in full.
          if (limit === undefined && cap === undefined) expect(decision.earned).toBe(one.worth);
        });
        for (const n of counted.values()) expect(n).toBeLessThanOrEqual((limit as { count: number }).count);
        for (const points of earned.values()) expect(points).toBeLessThanOrEqual((cap as { points: number }).points);
        expect(figures.approved).toBe(approvedSum);
      }),
      runs(300),
    );
  });
});

/** The built-in program with the new rules added: a quarterly limit, a yearly cap, both on one row, a window limit, a yearly fee. */
function limitedProgram(): Program {
  const base = JSON.parse(JSON.stringify(exponentialProgram)) as { versions: Record<string, unknown>[] } & Record<string, unknown>;
  const version = base.versions[0] as Record<string, unknown> & { activities: Record<string, unknown>[] };
  version.activities = [
    ...version.activities,
    { id: 'webinar', name: 'Webinar', points: 300, kind: 'fixed', category: 'knowledge', limit: { count: 2, per: 'quarter' }, rule: 'R3', source: 'Webinar 300' },
    { id: 'forum-answer', name: 'Forum answer', points: 250, kind: 'fixed', category: 'knowledge', cap: { points: 1000, per: 'year' }, rule: 'R3', source: 'Forum answer 250' },
    { id: 'meetup', name: 'Meetup talk', points: 400, kind: 'minimum', category: 'program', limit: { count: 2, per: 'month' }, cap: { points: 1000, per: 'quarter' }, rule: 'R3', source: 'Meetup talk 400+' },
    { id: 'launch', name: 'Launch', points: 900, kind: 'fixed', category: 'program', limit: { count: 1, per: 'window' }, rule: 'R3', source: 'Launch 900' },
  ];
  version['fee'] = { amount: '500.00', period: 'year', currency: 'USD', rule: 'R11', source: 'A yearly fee of $500.' };
  return defineProgram({ ...base, id: 'limited-program' });
}

const limitedActivity = fc.oneof(
  fc.record({ activity: fc.constantFrom('webinar', 'forum-answer', 'launch', 'pipeline-share') }),
  fc.record({ activity: fc.constant('meetup'), points: fc.integer({ min: 400, max: 700 }) }),
);
const limitedEntry = fc.tuple(limitedActivity, fc.integer({ min: 0, max: 1000 }), fc.constantFrom('approved', 'approved', 'pending', 'rejected')).map(([fields, offset, status]) => ({
  type: 'activity',
  ...fields,
  date: new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10),
  status,
}));

describe('R3 limits and caps in evaluate and the timeline', () => {
  const program = limitedProgram();
  it('records each limit’s own reason and a capped entry’s points', () => {
    const ledger = {
      partner: { id: 'p', joinedOn: '2020-01-01' },
      entries: [
        { id: 'w1', type: 'activity', activity: 'webinar', date: '2026-01-10' },
        { id: 'w2', type: 'activity', activity: 'webinar', date: '2026-03-31' },
        { id: 'w3', type: 'activity', activity: 'webinar', date: '2026-03-31' },
        { id: 'w4', type: 'activity', activity: 'webinar', date: '2026-04-01' },
        { id: 'f1', type: 'activity', activity: 'forum-answer', date: '2026-01-01' },
        { id: 'f2', type: 'activity', activity: 'forum-answer', date: '2026-01-02' },
        { id: 'f3', type: 'activity', activity: 'forum-answer', date: '2026-01-03' },
        { id: 'f4', type: 'activity', activity: 'forum-answer', date: '2026-01-04' },
        { id: 'f5', type: 'activity', activity: 'forum-answer', date: '2026-01-05' },
        { id: 'l1', type: 'activity', activity: 'launch', date: '2026-02-01' },
        { id: 'l2', type: 'activity', activity: 'launch', date: '2026-05-01' },
      ],
    };
    const result = evaluate(ledger, { asOf: '2026-06-30', program });
    const outcome = (id: string) => result.entries.find((entry) => entry.id === id);
    expect(outcome('w3')).toStrictEqual({ id: 'w3', outcome: 'excluded', points: 0, rule: 'R3', reason: 'quarterly-limit' });
    expect(outcome('w4')).toStrictEqual({ id: 'w4', outcome: 'counted', points: 300, rule: 'R3' });
    expect(outcome('f4')).toStrictEqual({ id: 'f4', outcome: 'counted', points: 250, rule: 'R3' });
    expect(outcome('f5')).toStrictEqual({ id: 'f5', outcome: 'counted', points: 0, rule: 'R3', reason: 'points-cap' });
    expect(outcome('l2')).toStrictEqual({ id: 'l2', outcome: 'excluded', points: 0, rule: 'R3', reason: 'window-limit' });
    expect(result.points.byCategory.knowledge).toBe(3 * 300 + 1000);
    expect(result.points.byCategory.program).toBe(900);
    // A year later the first launch has left the window: the second one takes the window's one place.
    const later = evaluate(ledger, { asOf: '2027-03-31', program });
    expect(later.entries.find((entry) => entry.id === 'l2')).toStrictEqual({ id: 'l2', outcome: 'counted', points: 900, rule: 'R3' });
  });
  it('property: every month end of a timeline gives exactly what evaluate gives on it', () => {
    fc.assert(
      fc.property(fc.array(limitedEntry, { maxLength: 40 }), fc.constantFrom('rolling-12-months', 'calendar-year', 'partnership-year'), (bodies, window) => {
        const ledger = { partner: { id: 'p', joinedOn: '2024-05-15' }, entries: bodies.map((body, index) => ({ id: `e${index}`, ...body })) };
        const parsed = parseLedger(ledger, { program });
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
        for (const review of reviewTimeline(parsed.ledger, { from: '2025-01-01', to: '2028-03-31', window, program })) {
          const e = evaluate(parsed.ledger, { asOf: review.date, window, program });
          expect({ date: review.date, tier: review.tier, points: review.points }).toStrictEqual({ date: e.asOf, tier: e.tier, points: e.points });
          // The outcomes add up to the figures: what counted entries earn is the activity categories' points.
          const counted = e.entries.filter((entry) => entry.outcome === 'counted').reduce((sum, entry) => sum + entry.points, 0);
          expect(counted).toBe((e.points.byCategory.knowledge ?? 0) + (e.points.byCategory.program ?? 0));
          const pendingPoints = e.entries.filter((entry) => entry.outcome === 'pending').reduce((sum, entry) => sum + entry.points, 0);
          expect(pendingPoints).toBe(e.points.pending);
        }
      }),
      runs(40),
    );
  });
});
