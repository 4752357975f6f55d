import { describe, expect, it } from 'vitest';
import { evaluate, reviewTimeline, ValidationError } from '../../src/index';

type Raw = Record<string, unknown>;
const ledger = (entries: Raw[], joinedOn = '2020-01-01') => ({ partner: { id: 'p', joinedOn }, entries });
const event = (id: string, date: string) => ({ id, type: 'activity', date, activity: 'event-attendance' });
const revenue = (id: string, date: string, amount: string) => ({ id, type: 'revenue', date, amount, source: 'direct-sale' });

describe('R12 monthly review timeline', () => {
  it('reviews every month end in [from, to], February of leap and common years included', () => {
    const dates = reviewTimeline(ledger([]), { from: '2023-12-15', to: '2024-03-31' }).map((r) => r.date);
    expect(dates).toEqual(['2023-12-31', '2024-01-31', '2024-02-29', '2024-03-31']);
    const common = reviewTimeline(ledger([]), { from: '2025-02-28', to: '2025-02-28' }).map((r) => r.date);
    expect(common).toEqual(['2025-02-28']);
    expect(reviewTimeline(ledger([]), { from: '2025-02-01', to: '2025-02-27' })).toEqual([]);
  });

  it('drops a large revenue entry on the exact month end it leaves the window (forecast)', () => {
    // 2025-06-30 is inside every review up to 2026-05-31 (window 2025-06-01 … 2026-05-31) and outside 2026-06-30's.
    const l = ledger([revenue('big', '2025-06-30', '7200.00'), event('e1', '2025-06-30')]);
    const reviews = reviewTimeline(l, { from: '2026-04-01', to: '2026-07-31' });
    expect(reviews.map((r) => [r.date, r.tier, r.change, r.revenue.total])).toEqual([
      ['2026-04-30', 'professional', null, '7200.00'],
      ['2026-05-31', 'professional', null, '7200.00'],
      ['2026-06-30', null, 'down', '0.00'],
      ['2026-07-31', null, null, '0.00'],
    ]);
    expect(reviews[0]!.previousTier).toBe('professional');
  });

  it('gives the first review the tier of the month end before it as previousTier', () => {
    const l = ledger([event('e1', '2026-02-10')]);
    const [first] = reviewTimeline(l, { from: '2026-02-01', to: '2026-02-28' });
    expect(first).toMatchObject({ date: '2026-02-28', tier: 'basic', previousTier: null, change: 'up' });
  });

  it('equals evaluate on each review date, membership through the fee path included', () => {
    const l = ledger([{ id: 'f1', type: 'fee-payment', date: '2026-01-15', months: 3, amount: '135.00' }, event('e1', '2026-03-01')], '2026-01-15');
    const reviews = reviewTimeline(l, { from: '2026-01-01', to: '2026-06-30' });
    expect(reviews.map((r) => [r.date, r.membership.basis, r.fee.status])).toEqual([
      ['2026-01-31', 'fee', 'paid'],
      ['2026-02-28', 'fee', 'paid'],
      ['2026-03-31', 'basic-points', 'waived'],
      ['2026-04-30', 'basic-points', 'waived'],
      ['2026-05-31', 'basic-points', 'waived'],
      ['2026-06-30', 'basic-points', 'waived'],
    ]);
    for (const review of reviews) {
      const e = evaluate(l, { asOf: review.date });
      expect(review.fee).toEqual(e.fee);
      expect(review.membership).toEqual(e.membership);
      expect(review.points).toEqual(e.points);
    }
    // Coverage 2026-01-15 … 2026-04-14 shows as paidThrough while it covers the review date.
    expect(reviews[2]!.fee.paidThrough).toBe('2026-04-14');
    expect(reviews[3]!.fee.paidThrough).toBeUndefined();
  });

  it('sums sub-cent and very large revenue exactly, as evaluate does', () => {
    const l = ledger([
      revenue('a', '2026-01-10', '7199.995'),
      revenue('b', '2026-02-10', '0.005'),
      revenue('c', '2026-03-10', '999999999.99'),
      revenue('d', '2026-04-10', '-999999999.99'),
      { ...revenue('p', '2026-03-15', '0.0049'), status: 'pending' },
      event('e', '2026-01-10'),
    ]);
    const reviews = reviewTimeline(l, { from: '2026-01-01', to: '2027-04-30' });
    for (const review of reviews) {
      const e = evaluate(l, { asOf: review.date });
      expect([review.date, review.revenue, review.points, review.tier]).toEqual([e.asOf, e.revenue, e.points, e.tier]);
    }
    expect(reviews.find((r) => r.date === '2026-02-28')).toMatchObject({ tier: 'professional', revenue: { total: '7200.00', points: 7200 } });
  });

  it('checks certifications at every review: Silver figures without them stay Professional', () => {
    const l = ledger([
      revenue('r', '2026-01-10', '12000.00'),
      event('e1', '2026-01-10'),
      event('e2', '2026-02-10'),
      { id: 'c1', type: 'certification', date: '2026-03-15', holder: 'ann', certification: 'developer' },
      { id: 'c2', type: 'certification', date: '2026-03-15', holder: 'ann', certification: 'sales-premium' },
      { id: 'c3', type: 'certification', date: '2026-04-15', holder: 'bob', certification: 'sales-premium', expiresOn: '2026-05-20' },
    ]);
    const reviews = reviewTimeline(l, { from: '2026-02-01', to: '2026-06-30' });
    expect(reviews.map((r) => [r.date, r.tier])).toEqual([
      ['2026-02-28', 'professional'],
      ['2026-03-31', 'professional'],
      ['2026-04-30', 'silver'],
      ['2026-05-31', 'professional'],
      ['2026-06-30', 'professional'],
    ]);
    for (const review of reviews) expect(review.tier).toBe(evaluate(l, { asOf: review.date }).tier);
    // Two sales certifications without a profile one: never Silver.
    const noProfile = ledger([
      revenue('r', '2026-01-10', '12000.00'),
      event('e1', '2026-01-10'),
      event('e2', '2026-02-10'),
      { id: 'c1', type: 'certification', date: '2026-03-15', holder: 'ann', certification: 'sales-newsletter' },
      { id: 'c2', type: 'certification', date: '2026-03-15', holder: 'bob', certification: 'sales-premium' },
    ]);
    expect(reviewTimeline(noProfile, { from: '2026-03-01', to: '2026-04-30' }).map((r) => r.tier)).toEqual(['professional', 'professional']);
  });

  describe('policies', () => {
    // 60,000 points and $30,000 from one month: Basic by points alone would be … platinum needs certifications, so Professional.
    const rising = ledger([revenue('r', '2026-01-05', '30000.00'), event('e1', '2026-01-05')], '2025-01-01');

    it("'one-step-up' rises at most one tier per review from the partner's first month end", () => {
      const reviews = reviewTimeline(rising, { from: '2026-01-01', to: '2026-05-31', policy: 'one-step-up' });
      expect(reviews.map((r) => r.tier)).toEqual(['now', 'starter', 'basic', 'professional', 'professional']);
      expect(reviewTimeline(rising, { from: '2026-01-01', to: '2026-05-31' }).map((r) => r.tier)).toEqual(Array(5).fill('professional'));
    });

    it("'one-step-up' falls as the default does", () => {
      const reviews = reviewTimeline(rising, { from: '2026-12-01', to: '2027-02-28', policy: 'one-step-up' });
      expect(reviews.map((r) => [r.tier, r.change])).toEqual([
        ['professional', null],
        [null, 'down'],
        [null, null],
      ]);
    });

    it('{ graceReviews: 2 } keeps a tier through one review below it and drops on the second', () => {
      const l = ledger([revenue('r', '2025-06-15', '7200.00'), event('e1', '2025-06-15'), event('e2', '2025-08-10')], '2025-01-01');
      const graced = reviewTimeline(l, { from: '2026-05-01', to: '2026-09-30', policy: { graceReviews: 2 } });
      const plain = reviewTimeline(l, { from: '2026-05-01', to: '2026-09-30' });
      expect(plain.map((r) => r.tier)).toEqual(['professional', 'basic', 'basic', null, null]);
      expect(graced.map((r) => r.tier)).toEqual(['professional', 'professional', 'basic', 'basic', null]);
      expect(graced.map((r) => r.change)).toEqual([null, null, 'down', null, 'down']);
    });

    it('{ graceReviews: 1 } is the default policy', () => {
      const a = reviewTimeline(rising, { from: '2025-12-01', to: '2027-03-31', policy: { graceReviews: 1 } });
      const b = reviewTimeline(rising, { from: '2025-12-01', to: '2027-03-31' });
      expect(a).toEqual(b);
    });

    it("a review's tier never depends on from", () => {
      const long = reviewTimeline(rising, { from: '2025-01-01', to: '2026-06-30', policy: 'one-step-up' });
      const short = reviewTimeline(rising, { from: '2026-03-01', to: '2026-06-30', policy: 'one-step-up' });
      expect(short).toEqual(long.slice(-4));
    });
  });

  describe('bad input', () => {
    it.each([
      [{ from: '2026-06-01', to: '2026-01-01' }, 'to', 'invalid-range'],
      [{ from: '2026-02-30', to: '2026-06-30' }, 'from', 'invalid-date'],
      [{ to: '2026-06-30' }, 'from', 'missing-field'],
      [{ from: '2026-01-01', to: '2026-06-30', policy: 'lowest' }, 'policy', 'invalid-value'],
      [{ from: '2026-01-01', to: '2026-06-30', policy: { graceReviews: 0 } }, 'policy', 'invalid-value'],
      [{ from: '2026-01-01', to: '2026-06-30', asOf: '2026-01-01' }, 'asOf', 'unknown-field'],
    ])('%j → %s %s', (opts, path, code) => {
      try {
        reviewTimeline(ledger([]), opts as never);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).issues).toContainEqual(expect.objectContaining({ path, code }));
      }
    });

    it('refuses an invalid ledger with every issue', () => {
      expect(() => reviewTimeline({ partner: {}, entries: [{}] }, { from: '2026-01-01', to: '2026-02-01' })).toThrow(ValidationError);
    });
  });
});
