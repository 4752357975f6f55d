// Hostile and extreme input: each gets a clear issue or a correct result,
// never a crash, a hang, an untyped error or a polluted prototype.
import { describe, expect, it } from 'vitest';
import { evaluate, parseLedger, planUpgrade, reviewTimeline, ValidationError } from '../../src/index';

const partner = { id: 'p', joinedOn: '2020-01-01' };
const codesOf = (input: unknown) => {
  const result = parseLedger(input);
  return result.ok ? [] : result.issues.map((i) => `${i.path} ${i.code}`);
};

describe('adversarial input', () => {
  it('evaluates a 1,000,000-entry ledger correctly', () => {
    const entries = Array.from({ length: 1_000_000 }, (_, i) => ({ id: `e${i}`, type: 'activity', date: i % 2 === 0 ? '2026-05-01' : '2024-05-01', activity: 'forum-post' }));
    const parsed = parseLedger({ partner, entries });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const result = evaluate(parsed.ledger, { asOf: '2026-06-30' });
    expect(result.entries).toHaveLength(1_000_000);
    expect(result.points.byCategory.knowledge).toBe(500_000 * 10);
    expect(result.entries[1]).toEqual({ id: 'e1', outcome: 'excluded', points: 0, rule: 'R1', reason: 'outside-window' });
  }, 120_000);

  it('refuses 10 MB ids and free text with too-long, and keeps 10 MB meta strings', () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    expect(codesOf({ partner, entries: [{ id: big, type: 'time', date: '2026-01-01', minutes: 5, category: 'program', description: big }] })).toEqual([
      'entries[0].id too-long',
      'entries[0].description too-long',
    ]);
    const ok = parseLedger({ partner, entries: [{ id: 'a', type: 'time', date: '2026-01-01', minutes: 5, category: 'program', meta: { blob: big } }] });
    expect(ok.ok).toBe(true);
  });

  it('refuses a timestamp or a date of 10 MB without scanning it', () => {
    expect(codesOf({ partner, entries: [{ id: 'a', type: 'time', date: `2026-01-01T${'0'.repeat(10_000_000)}`, minutes: 5, category: 'program' }] })).toEqual(['entries[0].date invalid-date']);
  });

  it('bounds meta depth with a clear issue and no stack overflow, even 100,000 levels deep', () => {
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) deep = { d: deep };
    expect(codesOf({ partner, meta: deep, entries: [] })[0]).toMatch(/^meta(\.d)+ too-deep$/);
  });

  it.each([
    ['points beyond 2^53', { type: 'bonus', points: 2 ** 60, reason: 'x' }, 'entries[0].points invalid-integer'],
    ['minutes beyond 2^53', { type: 'time', minutes: Number.MAX_SAFE_INTEGER + 2, category: 'program' }, 'entries[0].minutes invalid-integer'],
    ['an amount beyond a billion', { type: 'revenue', amount: 1e15, source: 'subscription' }, 'entries[0].amount invalid-amount'],
    ['an exponent string', { type: 'revenue', amount: '1e3', source: 'subscription' }, 'entries[0].amount invalid-amount'],
    ['a huge exponent string', { type: 'revenue', amount: '1e999', source: 'subscription' }, 'entries[0].amount invalid-amount'],
    ['NaN', { type: 'revenue', amount: Number.NaN, source: 'subscription' }, 'entries[0].amount invalid-amount'],
    ['a bigint', { type: 'bonus', points: 10n, reason: 'x' }, 'entries[0].points invalid-type'],
    ['a look-alike type (Cyrillic е)', { type: 'revenu\u0435', amount: '1', source: 'subscription' }, 'entries[0].type unknown-entry-type'],
    ['a look-alike activity (full-width)', { type: 'activity', activity: 'ａrticle' }, 'entries[0].activity unknown-activity'],
    ['an activity with a zero-width space', { type: 'activity', activity: 'article\u200b' }, 'entries[0].activity unknown-activity'],
    ['an extreme offset past the last date', { type: 'bonus', points: 1, reason: 'x', date: '9999-12-31T23:00:00-23:59' }, 'entries[0].date invalid-date'],
  ])('%s is a clear issue', (_, fields, expected) => {
    expect(codesOf({ partner, entries: [{ id: 'a', date: '2026-01-01', ...fields }] })).toEqual([expected]);
  });

  it('counts -0 adjustments and -0 amounts as zero', () => {
    const result = evaluate(
      { partner, entries: [{ id: 'a', type: 'adjustment', date: '2026-01-01', points: -0, reason: 'x' }, { id: 'r', type: 'revenue', date: '2026-01-01', amount: -0, source: 'subscription' }] },
      { asOf: '2026-06-30' },
    );
    expect(Object.is(result.points.byCategory.adjustment, 0)).toBe(true);
    expect(Object.is(result.entries[0]!.points, 0)).toBe(true);
    expect(result.revenue.total).toBe('0.00');
    expect(result.entries[1]).toMatchObject({ amount: '0.00' });
  });

  it('takes extreme but valid offsets to their UTC date', () => {
    const result = evaluate(
      { partner, entries: [{ id: 'a', type: 'bonus', points: 1, reason: 'x', date: '2026-06-30T23:59:59-23:59' }] },
      { asOf: '2026-07-01' },
    );
    expect(result.entries[0]).toMatchObject({ outcome: 'counted' });
    expect(evaluate({ partner, entries: [{ id: 'a', type: 'bonus', points: 1, reason: 'x', date: '2026-06-30T23:59:59-23:59' }] }, { asOf: '2026-06-30' }).entries[0]).toMatchObject({ reason: 'after-as-of' });
  });

  it('reviews on 0001-01-31 and 9999-12-31 work', () => {
    const first = evaluate({ partner: { id: 'p', joinedOn: '0001-01-01' }, entries: [{ id: 'a', type: 'bonus', points: 5, reason: 'x', date: '0001-01-02' }] }, { asOf: '0001-01-31' });
    expect(first.window).toEqual({ from: '0001-01-01', to: '0001-01-31' });
    expect(first.points.total).toBe(1005);
    const last = evaluate({ partner: { id: 'p', joinedOn: '9999-01-01' }, entries: [] }, { asOf: '9999-12-31' });
    // The next anniversary, 10000-01-01, is beyond the calendar: null, not a clamped 9999-12-31 (SPEC §3).
    expect(last.fee.nextAnniversary).toBeNull();
    expect(reviewTimeline({ partner, entries: [] }, { from: '9999-11-01', to: '9999-12-31' }).map((r) => r.date)).toEqual(['9999-11-30', '9999-12-31']);
    expect(planUpgrade({ partner, entries: [] }, { asOf: '9999-12-31' }).reachable).toBe(true);
  });

  it('turns throwing getters and proxies into issues, never a throw', () => {
    const hostile = { partner, get entries(): never { throw new Error('boom'); } };
    const result = parseLedger(hostile);
    expect(result.ok).toBe(false);
    expect(() => evaluate(hostile, { asOf: '2026-06-30' })).toThrow(ValidationError);
    const proxy = new Proxy({}, { get: () => { throw new TypeError('trap'); }, ownKeys: () => { throw new TypeError('trap'); } });
    expect(parseLedger(proxy).ok).toBe(false);
    expect(() => evaluate(proxy, { asOf: '2026-06-30' })).toThrow(ValidationError);
  });

  it('never pollutes prototypes, whatever key a payload uses', () => {
    const payload = JSON.parse(
      '{"partner":{"id":"p","joinedOn":"2020-01-01","meta":{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}}}},' +
        '"entries":[{"id":"__proto__","type":"bonus","date":"2026-01-01","points":1,"reason":"x","meta":{"__proto__":{"polluted":3}}}],' +
        '"meta":{"prototype":{"polluted":4}}}',
    );
    const parsed = parseLedger(payload);
    expect(parsed.ok).toBe(true);
    const result = evaluate(payload, { asOf: '2026-06-30' });
    expect(result.entries[0]).toMatchObject({ id: '__proto__', outcome: 'counted' });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(parsed.ok ? parsed.ledger.partner.meta : null)).toBe(Object.prototype);
  });
});

describe('a parsed ledger cannot be turned against its validation', () => {
  const raw = {
    partner,
    entries: [
      { id: 'a', type: 'activity', date: '2026-05-01', activity: 'event-attendance' },
      { id: 'b', type: 'activity', date: '2026-05-02', activity: 'forum-post' },
    ],
  };

  it('refuses in place changes; a changed copy is new input and is validated again', () => {
    const parsed = parseLedger(raw);
    if (!parsed.ok) throw new Error('invalid');
    const l = parsed.ledger;
    const before = evaluate(l, { asOf: '2026-06-30' });
    expect(() => (l.entries as unknown[]).push({ id: 'c', type: 'activity', date: '1999-01-01', activity: 'forum-post' })).toThrow(TypeError);
    expect(() => ((l.entries[1] as { date: string }).date = '2024-01-01')).toThrow(TypeError);
    expect(() => ((l.entries[1] as { points?: number }).points = 1e9)).toThrow(TypeError);
    expect(evaluate(l, { asOf: '2026-06-30' })).toEqual(before);
    const changed = { ...l, entries: l.entries.map((entry) => (entry.id === 'b' ? { ...entry, date: '2026-02-30' } : entry)) };
    expect(() => evaluate(changed, { asOf: '2026-06-30' })).toThrow(ValidationError);
    const moved = { ...l, entries: l.entries.map((entry) => (entry.id === 'b' ? { ...entry, date: '2024-01-01' } : entry)) };
    expect(evaluate(moved, { asOf: '2026-06-30' }).entries[1]).toEqual({ id: 'b', outcome: 'excluded', points: 0, rule: 'R1', reason: 'outside-window' });
    // A Proxy around a parsed ledger is not that ledger: it is read and validated like any input.
    expect(evaluate(new Proxy(l, {}), { asOf: '2026-06-30' })).toEqual(before);
  });
});

describe('a revoked Proxy anywhere in a ledger', () => {
  const revoked = (): object => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  };
  const unreadable = [{ path: '', code: 'invalid-type', message: "the input could not be read: TypeError: Cannot perform 'IsArray' on a proxy that has been revoked" }];

  it.each<[string, () => unknown]>([
    ['the ledger', () => revoked()],
    ['the partner', () => ({ partner: revoked(), entries: [] })],
    ['the entries', () => ({ partner, entries: revoked() })],
    ['an entry', () => ({ partner, entries: [revoked()] })],
    ['the partner’s meta', () => ({ partner: { ...partner, meta: revoked() }, entries: [] })],
    ['an entry’s meta', () => ({ partner, entries: [{ id: 'a', type: 'special', date: '2026-01-01', points: 1, description: 'd', meta: revoked() }] })],
    ['a value inside meta', () => ({ partner, meta: { a: [revoked()] }, entries: [] })],
  ])('in %s is one issue at the root, never a throw', (_name, input) => {
    expect(parseLedger(input())).toStrictEqual({ ok: false, issues: unreadable });
  });
});
