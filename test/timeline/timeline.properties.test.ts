import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, parseLedger, reviewTimeline } from '../../src/index';
import { isoDate, ledgerArbitrary, runs } from '../properties/arbitraries';

describe('R12 timeline properties', () => {
  it('gives, at every month end, exactly what evaluate gives on that date (default policy)', () => {
    fc.assert(
      fc.property(ledgerArbitrary(60), isoDate, fc.integer({ min: 0, max: 30 }), fc.constantFrom('rolling-12-months', 'calendar-year', 'partnership-year'), (ledger, from, months, window) => {
        const to = new Date(Date.parse(`${from}T00:00:00Z`) + months * 31 * 86_400_000).toISOString().slice(0, 10);
        const parsed = parseLedger(ledger);
        if (!parsed.ok) throw new Error('generated ledger must be valid');
        const reviews = reviewTimeline(parsed.ledger, { from, to, window });
        for (const review of reviews) {
          const e = evaluate(ledger, { asOf: review.date, window });
          expect({ date: review.date, tier: review.tier, points: review.points, revenue: review.revenue, membership: review.membership, fee: review.fee }).toStrictEqual({
            date: e.asOf,
            tier: e.tier,
            points: e.points,
            revenue: e.revenue,
            membership: e.membership,
            fee: e.fee,
          });
        }
        reviews.forEach((review, i) => {
          if (i > 0) expect(review.previousTier).toBe(reviews[i - 1]!.tier);
        });
      }),
      runs(150),
    );
  });
});
