// What stops counting between asOf and by (src/plan/expiring.ts) at its edges: the first day of the window
// on `by`, a certification that expires on `by` or the day before, twins that earned nothing, and the order
// of the list (by leavesOn, then date, then input order; partner-year credits among the entries).
import { describe, expect, it } from 'vitest';
import { defineProgram, evaluate, exponentialProgram, leavesWindowOn, planUpgrade, type Program } from '../../src/index';
import { type RawLedger } from '../properties/arbitraries';

const ledger = (entries: Record<string, unknown>[], joinedOn = '2020-01-01'): RawLedger => ({ partner: { id: 'p', joinedOn }, entries });
const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const ASOF = '2026-06-30';
const BY = '2026-07-31';

describe('planUpgrade expiring at the edges of the window on by (R1)', () => {
  it('lists the entry of the day before the window on by, leaving on by itself, and not the one of its first day', () => {
    const from = evaluate(ledger([]), { asOf: BY }).window.from;
    const raw = ledger([
      { id: 'before', type: 'activity', date: plusDays(from, -1), activity: 'event-attendance' },
      { id: 'first', type: 'activity', date: from, activity: 'customer-site' },
    ]);
    const plan = planUpgrade(raw, { asOf: ASOF, by: BY, target: 'platinum' });
    expect(leavesWindowOn(plusDays(from, -1))).toBe(BY);
    expect(plan.expiring).toEqual([{ id: 'before', rule: 'R3', date: plusDays(from, -1), leavesOn: BY, points: 5000, reason: 'leaves-window' }]);
  });

  it('does not list a twin that earned nothing (already credited, R8), only the entry that held the credit', () => {
    const raw = ledger([
      { id: 'c1', type: 'certification', date: '2025-07-10', holder: 'jane', certification: 'developer' },
      { id: 'c2', type: 'certification', date: '2025-07-20', holder: 'jane', certification: 'developer' },
    ]);
    const now = evaluate(raw, { asOf: ASOF });
    expect(now.entries.map((e) => [e.outcome, e.points])).toEqual([['counted', 1000], ['counted', 0]]);
    const plan = planUpgrade(raw, { asOf: ASOF, by: BY, target: 'platinum' });
    expect(plan.expiring).toEqual([{ id: 'c1', rule: 'R8', date: '2025-07-10', leavesOn: '2026-07-10', points: 1000, reason: 'leaves-window' }]);
    expect(plan.expiring.reduce((sum, i) => sum + i.points, 0)).toBe(now.points.total - evaluate(raw, { asOf: BY }).points.total);
  });
});

describe('planUpgrade expiring: certifications that expire (R8)', () => {
  const cert = (id: string, holder: string, expiresOn: string) => ({ id, type: 'certification', date: '2025-01-10', holder, certification: 'developer', expiresOn });

  it('lists a certification that expires before by or on asOf, not one that expires on by or was expired on asOf', () => {
    const raw = ledger([
      cert('on-by', 'ann', BY),
      cert('day-before-by', 'bob', plusDays(BY, -1)),
      cert('on-as-of', 'cy', ASOF),
      cert('before-as-of', 'dee', plusDays(ASOF, -1)),
    ]);
    const valid = (asOf: string) => evaluate(raw, { asOf }).certifications.valid.map((c) => c.holder).sort();
    expect(valid(ASOF)).toEqual(['ann', 'bob', 'cy']);
    expect(valid(BY)).toEqual(['ann']);
    const plan = planUpgrade(raw, { asOf: ASOF, by: BY, target: 'platinum' });
    // The first day it no longer counts is the day after expiresOn: never after by.
    expect(plan.expiring).toEqual([
      { id: 'on-as-of', rule: 'R8', date: '2025-01-10', leavesOn: plusDays(ASOF, 1), points: 0, reason: 'certification-expires' },
      { id: 'day-before-by', rule: 'R8', date: '2025-01-10', leavesOn: BY, points: 0, reason: 'certification-expires' },
    ]);
    expect(plan.steps).toContain(`Certification day-before-by expires on ${plusDays(BY, -1)}: renew it (R8).`);
    expect(plan.steps).toContain(`Certification on-as-of expires on ${ASOF}: renew it (R8).`);
  });

  it('names the counted entry whatever the input order, never a rejected or pending twin after it', () => {
    const twin = cert('', 'jane', '2026-07-15');
    const raw = ledger([
      { ...twin, id: 'c-approved' },
      { ...twin, id: 'c-rejected', status: 'rejected' },
      { ...twin, id: 'c-pending', status: 'pending' },
    ]);
    const plan = planUpgrade(raw, { asOf: ASOF, by: BY, target: 'platinum' });
    expect(plan.expiring.filter((i) => i.reason === 'certification-expires').map((i) => i.id)).toEqual(['c-approved']);
  });

  it('does not list a certification another entry of the pair keeps valid on by', () => {
    const raw = ledger([cert('old', 'jane', '2026-07-15'), { id: 'renewed', type: 'certification', date: '2026-07-01', holder: 'jane', certification: 'developer', expiresOn: '2028-07-01' }]);
    const plan = planUpgrade(raw, { asOf: ASOF, by: BY, target: 'platinum' });
    expect(evaluate(raw, { asOf: BY }).certifications.valid.map((c) => c.holder)).toEqual(['jane']);
    expect(plan.expiring.filter((i) => i.reason === 'certification-expires')).toEqual([]);
  });
});

describe('planUpgrade expiring: the order of the list', () => {
  it('sorts by leavesOn, then date, then input order, with partner-year credits among the entries (calendar-year window)', () => {
    // Every 2026 entry leaves the calendar-year window on 2027-01-01: only the dates order them.
    const raw = ledger(
      [
        { id: 'late', type: 'activity', date: '2026-11-20', activity: 'article', words: 600, floss: true },
        { id: 'early', type: 'activity', date: '2026-02-03', activity: 'customer-site' },
        { id: 'mid', type: 'activity', date: '2026-05-05', activity: 'forum-post' },
        { id: 'mid2', type: 'activity', date: '2026-05-05', activity: 'bug-report' },
      ],
      '2024-04-10',
    );
    const window = 'calendar-year';
    const now = evaluate(raw, { asOf: '2026-12-31', window });
    expect(now.derived.map((c) => c.date)).toEqual(['2026-04-10']);
    const plan = planUpgrade(raw, { asOf: '2026-12-31', by: '2027-01-31', window, target: 'platinum' });
    expect(plan.expiring.map((i) => [i.id, i.date, i.leavesOn])).toEqual([
      ['early', '2026-02-03', '2027-01-01'],
      ['R5', '2026-04-10', '2027-01-01'],
      ['mid', '2026-05-05', '2027-01-01'],
      ['mid2', '2026-05-05', '2027-01-01'],
      ['late', '2026-11-20', '2027-01-01'],
    ]);
    expect(plan.expiring.reduce((sum, i) => sum + i.points, 0)).toBe(now.points.total - evaluate(raw, { asOf: '2027-01-31', window }).points.total);
  });

  it('puts an earlier leavesOn first whatever the input order (rolling window)', () => {
    const raw = ledger([
      { id: 'b', type: 'activity', date: '2025-07-20', activity: 'customer-site' },
      { id: 'a', type: 'activity', date: '2025-07-03', activity: 'event-attendance' },
    ]);
    const plan = planUpgrade(raw, { asOf: ASOF, by: BY, target: 'platinum' });
    expect(plan.expiring.map((i) => [i.id, i.leavesOn])).toEqual([
      ['a', '2026-07-03'],
      ['b', '2026-07-20'],
    ]);
  });
});

/** The built-in program with one more activity row (a copy through defineProgram). */
function withRow(row: Record<string, unknown>): Program {
  const base = JSON.parse(JSON.stringify(exponentialProgram)) as { versions: { activities: unknown[] }[] };
  const version = base.versions[0]!;
  return defineProgram({ ...base, id: 'with-row', versions: [{ ...version, activities: [...version.activities, row] }] } as never);
}

describe('planUpgrade expiring: what stands in for a leaving credit, and what does not', () => {
  const fall = (raw: RawLedger, asOf: string, by: string, program?: Program) => {
    const opts = program === undefined ? {} : { program };
    return evaluate(raw, { asOf, ...opts }).points.total - evaluate(raw, { asOf: by, ...opts }).points.total;
  };

  it('a rejected twin still in the window does not take over a certification credit (R8)', () => {
    const raw = ledger([
      { id: 'c1', type: 'certification', date: '2025-07-10', holder: 'jane', certification: 'developer' },
      { id: 'c2', type: 'certification', date: '2026-02-01', holder: 'jane', certification: 'developer', status: 'rejected' },
    ]);
    const plan = planUpgrade(raw, { asOf: ASOF, by: BY, target: 'platinum' });
    expect(fall(raw, ASOF, BY)).toBe(1000);
    expect(plan.expiring).toEqual([{ id: 'c1', rule: 'R8', date: '2025-07-10', leavesOn: '2026-07-10', points: 1000, reason: 'leaves-window' }]);
  });

  it('a pending entry of the month does not stand in for a leaving entry under the monthly limit (R3)', () => {
    // By 2026-07-15 the window starts on 2025-07-16: p1 leaves, p2 (same month, pending) stays and does not count.
    const raw = ledger([
      { id: 'p1', type: 'activity', date: '2025-07-05', activity: 'pipeline-share' },
      { id: 'p2', type: 'activity', date: '2025-07-20', activity: 'pipeline-share', status: 'pending' },
    ]);
    const plan = planUpgrade(raw, { asOf: ASOF, by: '2026-07-15', target: 'platinum' });
    expect(fall(raw, ASOF, '2026-07-15')).toBe(1000);
    expect(plan.expiring).toEqual([{ id: 'p1', rule: 'R3', date: '2025-07-05', leavesOn: '2026-07-05', points: 1000, reason: 'leaves-window' }]);
  });

  const capped = (per: string) => withRow({ id: 'webinar', name: 'Webinar', points: 300, kind: 'fixed', category: 'knowledge', cap: { points: 1000, per }, rule: 'R3', source: `Webinar 300, up to 1,000 a ${per}` });
  const webinar = (id: string, date: string) => ({ id, type: 'activity', date, activity: 'webinar' });

  it('an entry of the capped year before the window on asOf takes nothing back (R3)', () => {
    const program = capped('year');
    // 2025: w0 is out of the window on asOf; w1..w4 earn 300, 300, 300, 100. When w1 leaves, w4 earns 300: the row loses 100.
    const raw = ledger([webinar('w0', '2025-05-01'), webinar('w1', '2025-07-05'), webinar('w2', '2025-09-10'), webinar('w3', '2025-10-10'), webinar('w4', '2025-11-10')]);
    const plan = planUpgrade(raw, { asOf: ASOF, by: BY, target: 'platinum', program });
    expect(fall(raw, ASOF, BY, program)).toBe(100);
    expect(plan.expiring).toEqual([{ id: 'w1', rule: 'R3', date: '2025-07-05', leavesOn: '2026-07-05', points: 100, reason: 'leaves-window' }]);
  });

  it('an entry dated by takes the cap points a leaving entry leaves (R3, a cap per window)', () => {
    const program = capped('window');
    // On asOf w1..w4 earn 300, 300, 300, 100; on by w1 has left and w5 (dated by) earns the 100: the total does not fall.
    const raw = ledger([webinar('w1', '2025-07-05'), webinar('w2', '2025-09-10'), webinar('w3', '2025-10-10'), webinar('w4', '2025-11-10'), webinar('w5', BY)]);
    expect(fall(raw, ASOF, BY, program)).toBe(0);
    const plan = planUpgrade(raw, { asOf: ASOF, by: BY, target: 'platinum', program });
    expect(plan.expiring).toEqual([]);
  });
});
