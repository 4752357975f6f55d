import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/index';
import { issuesOf, ledger, outcomeOf } from '../helpers/ledger';

const asOf = '2026-06-15';
let n = 0;
const rev = (amount: unknown, extra: Record<string, unknown> = {}) => ({ id: `r${(n += 1)}`, type: 'revenue', date: '2026-01-10', amount, source: 'direct-sale', ...extra });
const event = { id: 'ev', type: 'activity', date: '2026-02-01', activity: 'event-attendance' }; // 5,000 points

function professionalCheck(ev: ReturnType<typeof evaluate>) {
  const professional = ev.requirements.find((r) => r.tier === 'professional');
  return professional?.checks.find((c) => c.kind === 'revenue');
}

describe('R2 revenue', () => {
  describe('exact decimal sums', () => {
    it('7199.90 + 0.07 + 0.03 is exactly 7200.00 and meets Professional when the points allow', () => {
      const ev = evaluate(ledger([rev('7199.90'), rev(0.07), rev('0.03'), event]), { asOf });
      expect(ev.revenue).toEqual({ total: '7200.00', points: 7200 });
      expect(ev.points.total).toBe(12200);
      expect(ev.points.byCategory.revenue).toBe(7200);
      expect(professionalCheck(ev)).toEqual({ kind: 'revenue', required: '7200.00', actual: '7200.00', met: true, shortfall: '0.00' });
      expect(ev.tier).toBe('professional');
      expect(ev.tierName).toBe('Professional');
    });

    it('7199.99 does not meet the $7,200 minimum: one cent short', () => {
      const ev = evaluate(ledger([rev('7199.99'), event]), { asOf });
      expect(ev.revenue).toEqual({ total: '7199.99', points: 7199 });
      expect(ev.points.total).toBe(12199);
      expect(professionalCheck(ev)).toEqual({ kind: 'revenue', required: '7200.00', actual: '7199.99', met: false, shortfall: '0.01' });
      expect(ev.tier).toBe('basic');
      expect(ev.nextTier).toEqual({
        tier: 'professional',
        tierName: 'Professional',
        shortfall: { points: 0, revenue: '0.01', profileCertifications: 0, salesCertifications: 0 },
      });
    });

    it('a refund that takes the sum one cent under the minimum fails it', () => {
      const ev = evaluate(ledger([rev('8000.00'), rev('-800.01'), event]), { asOf });
      expect(ev.revenue).toEqual({ total: '7199.99', points: 7199 });
      expect(ev.tier).toBe('basic');
    });

    it('binary-float sums do not leak: ten times 0.10 is 1.00', () => {
      const ev = evaluate(ledger(Array.from({ length: 10 }, () => rev(0.1))), { asOf });
      expect(ev.revenue).toEqual({ total: '1.00', points: 1 });
    });

    it('amounts with more than two decimals are summed exactly (10 decimals)', () => {
      const ev = evaluate(ledger([rev('7199.9999999999'), event]), { asOf });
      expect(ev.revenue.points).toBe(7199);
      expect(ev.revenue.total).toBe('7199.9999999999');
      expect(professionalCheck(ev)).toEqual({ kind: 'revenue', required: '7200.00', actual: '7199.9999999999', met: false, shortfall: '0.0000000001' });
      expect(ev.tier).toBe('basic');
    });

    it('sub-cent amounts that add up to whole dollars meet the minimum', () => {
      const ev = evaluate(ledger([rev('7199.995'), rev('0.005'), event]), { asOf });
      expect(ev.revenue.points).toBe(7200);
      expect(ev.revenue.total).toMatch(/^7200\.00+$/);
      expect(professionalCheck(ev)?.met).toBe(true);
      expect(ev.tier).toBe('professional');
    });

    it('100,000 of the largest amounts sum exactly beyond 2^53 cents', () => {
      const ev = evaluate(ledger(Array.from({ length: 100_000 }, (_, i) => rev('999999999.99', { id: `big${i}` }))), { asOf });
      expect(ev.revenue).toEqual({ total: '99999999999000.00', points: 99999999999000 });
      expect(ev.points.total).toBe(99999999999000);
    });

    it('past 2^53 cents, one cent still counts', () => {
      const entries = Array.from({ length: 100_000 }, (_, i) => rev('999999999.99', { id: `big${i}` }));
      const ev = evaluate(ledger([...entries, rev('0.01', { id: 'cent' })]), { asOf });
      expect(ev.revenue).toEqual({ total: '99999999999000.01', points: 99999999999000 });
      expect(ev.requirements.find((r) => r.tier === 'platinum')?.checks.find((c) => c.kind === 'revenue')).toMatchObject({ actual: '99999999999000.01', met: true });
    });

    it('a hundred of the largest amounts sum exactly', () => {
      const ev = evaluate(ledger(Array.from({ length: 100 }, () => rev('999999999.99'))), { asOf });
      expect(ev.revenue.total).toBe('99999999999.00');
      expect(ev.revenue.points).toBe(99999999999);
    });
  });

  describe('points = floor(max(0, sum)), floored on the sum', () => {
    it.each([
      [['0.99'], '0.99', 0],
      [['0.60', '0.60'], '1.20', 1],
      [['0.50', '0.50', '0.50'], '1.50', 1],
      [['1234.56', '0.50'], '1235.06', 1235],
      [['5000'], '5000.00', 5000],
      [['4999.99'], '4999.99', 4999],
      [['0'], '0.00', 0],
    ])('%j sums to %s = %i points', (amounts, total, points) => {
      const ev = evaluate(ledger(amounts.map((a) => rev(a))), { asOf });
      expect(ev.revenue).toEqual({ total, points });
      expect(ev.points.byCategory.revenue).toBe(points);
      expect(ev.points.total).toBe(points);
    });

    it('4,999.99 of revenue is 4,999 points: Starter, not Basic', () => {
      const ev = evaluate(ledger([rev('4999.99')]), { asOf });
      expect(ev.tier).toBe('starter');
      expect(ev.membership.bases).not.toContain('basic-points');
    });

    it('an empty ledger has 0.00 revenue and 0 points', () => {
      expect(evaluate(ledger([]), { asOf }).revenue).toEqual({ total: '0.00', points: 0 });
    });
  });

  describe('refunds and net-negative revenue', () => {
    it('a net refund is 0 revenue points, never negative points, and does not fail "None" tiers', () => {
      const ev = evaluate(ledger([rev('100.00'), rev('-250.00'), event]), { asOf });
      expect(ev.revenue).toEqual({ total: '-150.00', points: 0 });
      expect(ev.points.byCategory.revenue).toBe(0);
      expect(ev.points.total).toBe(5000);
      expect(ev.tier).toBe('basic');
      for (const tier of ['now', 'starter', 'basic']) {
        const req = ev.requirements.find((r) => r.tier === tier);
        expect(req?.met, tier).toBe(true);
        expect(req?.checks.map((c) => c.kind), tier).toEqual(['points']);
      }
      expect(professionalCheck(ev)).toEqual({ kind: 'revenue', required: '7200.00', actual: '-150.00', met: false, shortfall: '7350.00' });
    });

    it('refund outcomes carry their negative amount and 0 points', () => {
      const ev = evaluate(ledger([{ id: 'refund', type: 'revenue', date: '2026-03-01', amount: -30, source: 'subscription' }]), { asOf });
      expect(ev.entries).toEqual([{ id: 'refund', outcome: 'counted', points: 0, rule: 'R2', amount: '-30.00' }]);
    });
  });

  describe('outcomes', () => {
    it('each counted revenue entry carries its canonical amount and 0 points, in input order', () => {
      const ev = evaluate(
        ledger([
          { id: 'a', type: 'revenue', date: '2026-01-10', amount: '1200.50', source: 'direct-sale' },
          { id: 'b', type: 'revenue', date: '2026-01-11', amount: 1200.5, source: 'project-licensing' },
          { id: 'c', type: 'revenue', date: '2026-01-12', amount: '99', source: 'subscription' },
          { id: 'd', type: 'revenue', date: '2026-01-13', amount: '0.125', source: 'subscription' },
        ]),
        { asOf },
      );
      expect(ev.entries).toEqual([
        { id: 'a', outcome: 'counted', points: 0, rule: 'R2', amount: '1200.50' },
        { id: 'b', outcome: 'counted', points: 0, rule: 'R2', amount: '1200.50' },
        { id: 'c', outcome: 'counted', points: 0, rule: 'R2', amount: '99.00' },
        { id: 'd', outcome: 'counted', points: 0, rule: 'R2', amount: '0.125' },
      ]);
      expect(ev.revenue.total).toBe('2500.125');
      expect(ev.revenue.points).toBe(2500);
    });

    it('numbers and strings are the same amount', () => {
      const asNumbers = evaluate(ledger([rev(1200.5, { id: 'x' }), rev(-0.25, { id: 'y' })]), { asOf });
      const asStrings = evaluate(ledger([rev('1200.50', { id: 'x' }), rev('-0.25', { id: 'y' })]), { asOf });
      expect(asNumbers.revenue).toEqual({ total: '1200.25', points: 1200 });
      expect(asNumbers.revenue).toEqual(asStrings.revenue);
      expect(asNumbers.entries).toEqual(asStrings.entries);
    });

    it('revenue counts only inside the window', () => {
      const ev = evaluate(ledger([rev('1000', { id: 'old', date: '2025-06-15' }), rev('1000', { id: 'first', date: '2025-06-16' })]), { asOf });
      expect(outcomeOf(ev, 'old')).toMatchObject({ id: 'old', outcome: 'excluded', points: 0, rule: 'R1', reason: 'outside-window' });
      expect(outcomeOf(ev, 'first')).toEqual({ id: 'first', outcome: 'counted', points: 0, rule: 'R2', amount: '1000.00' });
      expect(ev.revenue).toEqual({ total: '1000.00', points: 1000 });
    });

    it('rejected revenue is excluded by R7 and not summed', () => {
      const ev = evaluate(ledger([rev('500', { id: 'no', status: 'rejected' }), rev('10')]), { asOf });
      expect(outcomeOf(ev, 'no')).toMatchObject({ id: 'no', outcome: 'excluded', points: 0, rule: 'R7', reason: 'rejected' });
      expect(ev.revenue).toEqual({ total: '10.00', points: 10 });
    });

    it('pending revenue is not in the total; points.pending shows what its amount would add to the floored sum', () => {
      const ev = evaluate(ledger([rev('100.50'), rev('0.50', { id: 'later', status: 'pending' })]), { asOf });
      expect(outcomeOf(ev, 'later')).toMatchObject({ id: 'later', outcome: 'pending', rule: 'R7', reason: 'pending-approval' });
      expect(ev.revenue).toEqual({ total: '100.50', points: 100 });
      expect(ev.points.total).toBe(100);
      expect(ev.points.pending).toBe(1);
    });

    it('fee payments never count as revenue', () => {
      const ev = evaluate(ledger([{ id: 'f', type: 'fee-payment', date: '2026-01-01', months: 12, amount: '540.00' }]), { asOf });
      expect(ev.revenue).toEqual({ total: '0.00', points: 0 });
      expect(ev.points.total).toBe(0);
    });
  });

  describe('amount validation', () => {
    it('a JSON number with 10 decimals is taken exactly', () => {
      const ev = evaluate(ledger([rev(0.1234567891, { id: 'a' }), rev(0.0000000009, { id: 'b' })]), { asOf });
      expect(outcomeOf(ev, 'a')).toEqual({ id: 'a', outcome: 'counted', points: 0, rule: 'R2', amount: '0.1234567891' });
      expect(outcomeOf(ev, 'b')).toEqual({ id: 'b', outcome: 'counted', points: 0, rule: 'R2', amount: '0.0000000009' });
      expect(ev.revenue.total).toBe('0.12345679');
    });

    it.each(['999999999.99', '-999999999.99', '0.0000000001', 1e-7, -0])('accepts %j', (amount) => {
      const ev = evaluate(ledger([rev(amount, { id: 'a' })]), { asOf });
      expect(outcomeOf(ev, 'a')).toMatchObject({ outcome: 'counted', rule: 'R2' });
    });

    it.each([
      '1000000000', // 10 integer digits
      '1000000000.00',
      '0.00000000001', // 11 decimals
      0.1 + 0.2, // float noise: send decimal strings
      '1e3',
      1e21,
      '1,200.00',
      ' 12',
      '12 ',
      '+5',
      '',
      'NaN',
      'Infinity',
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ].map((amount) => [typeof amount === 'number' ? String(amount) : JSON.stringify(amount), amount]))('refuses %s with invalid-amount at entries[0].amount', (_label, amount) => {
      expect(issuesOf(ledger([rev(amount)]))).toEqual([expect.objectContaining({ path: 'entries[0].amount', code: 'invalid-amount' })]);
    });

    it.each([
      [5e-11, '0.00000000005'],
      [1e-11, '0.00000000001'],
      [5e-324, `0.${'0'.repeat(323)}5`],
      [1e21, `1${'0'.repeat(21)}`],
    ])('refuses the number %s as it refuses the string of its decimal, never rounding it (#12)', (amount, decimal) => {
      const [byNumber] = issuesOf(ledger([rev(amount)]));
      const [byString] = issuesOf(ledger([rev(decimal)]));
      expect(byNumber).toMatchObject({ path: 'entries[0].amount', code: 'invalid-amount' });
      expect(byString).toMatchObject({ path: 'entries[0].amount', code: 'invalid-amount' });
      // One sentence: the value shown (the number, and the decimal it is), then the same rule.
      const rule = (message: string) => message.slice(message.indexOf(' is not a plain decimal amount'));
      expect(rule(byNumber!.message)).toBe(rule(byString!.message));
      expect(byNumber!.message).toContain(`${String(amount)} (the decimal ${decimal.slice(0, 64)}`);
    });

    it.each([
      [1e-10, '0.0000000001'],
      [1.5e-7, '0.00000015'],
      [-0, '0.00'],
    ])('counts the number %s exactly as the amount %s', (amount, text) => {
      const ev = evaluate(ledger([rev(amount, { id: 'a' })]), { asOf });
      expect(outcomeOf(ev, 'a')).toEqual({ id: 'a', outcome: 'counted', points: 0, rule: 'R2', amount: text });
    });

    it('refuses an unknown source', () => {
      expect(issuesOf(ledger([rev('10', { source: 'donation' })]))).toEqual([expect.objectContaining({ path: 'entries[0].source', code: 'invalid-value' })]);
    });

    it('requires amount and source', () => {
      const issues = issuesOf(ledger([{ id: 'r', type: 'revenue', date: '2026-01-10' }]));
      expect(issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'entries[0].amount', code: 'missing-field' }),
          expect.objectContaining({ path: 'entries[0].source', code: 'missing-field' }),
        ]),
      );
      expect(issues).toHaveLength(2);
    });
  });
});
