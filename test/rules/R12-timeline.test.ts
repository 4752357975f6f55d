import { describe, expect, it } from 'vitest';
import { columnsOf, requirementOf } from '../helpers/tiers';
import { defineProgram, evaluate, exponentialProgram, reviewTimeline, ValidationError, type Program, type TierPolicy } from '../../src/index';

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
      [{ from: '2026-01-01', to: '2026-06-30', policy: { graceReviews: 0 } }, 'policy.graceReviews', 'invalid-value'],
      [{ from: '2026-01-01', to: '2026-06-30', policy: { graceReviews: 2, extra: 1 } }, 'policy.extra', 'unknown-field'],
      [{ from: '2026-01-01', to: '2026-06-30', policy: {} }, 'policy.graceReviews', 'missing-field'],
      [{ from: '2026-01-01', to: '2026-06-30', policy: ['one-step-up'] }, 'policy', 'invalid-type'],
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

describe('R12 policies across program versions: state by tier id', () => {
  type Version = Record<string, any>;
  /**
   * The built-in version in effect until 2025-12-31, then a 2026 version made
   * from it by `change` (tiers dropped or moved): a custom two-version program.
   */
  function twoVersions(change: (version: Version) => void): Program {
    const first: Version = JSON.parse(JSON.stringify(exponentialProgram.versions[0]));
    const second: Version = JSON.parse(JSON.stringify(first));
    second.version = '2026.1';
    second.effectiveFrom = '2026-01-01';
    change(second);
    return defineProgram({ id: 'two-versions', name: 'Two versions', versions: [first, second] });
  }
  const dropTiers = (...ids: string[]) => (version: Version) => {
    version.tiers = version.tiers.filter((tier: { id: string }) => !ids.includes(tier.id));
    if (ids.includes(version.membershipTier)) version.membershipTier = version.tiers[0].id;
    if (ids.includes(version.renewalTier)) version.renewalTier = version.tiers[0].id;
  };
  const tiersOf = (program: Program, date: string) => [...program.versions].reverse().find((v) => v.effectiveFrom <= date)!.tiers.map((t) => t.id);
  const policies: TierPolicy[] = ['highest-met', 'one-step-up', { graceReviews: 2 }, { graceReviews: 3 }, { graceReviews: 12 }];

  // Basic on points alone (event 5,000) in 2025; 5,000 points stay in the window until 2026-06-15.
  const basicOnly = ledger([event('e1', '2025-06-15')], '2020-01-01');
  // Professional (5,000 + 7,200 revenue points, $7,200) in 2025, in the window until 2026-06-15.
  const professional = ledger([event('e1', '2025-06-15'), revenue('r1', '2025-06-15', '7200.00')], '2020-01-01');

  it('a graced tier the later version lacks falls at once to the tier met, never to the tier at its old index', () => {
    // 2026 drops Basic: index 2, Basic's in 2025, is Professional in 2026, which needs $7,200 this partner never had.
    const program = twoVersions(dropTiers('basic'));
    for (const graceReviews of [2, 3, 12]) {
      const reviews = reviewTimeline(basicOnly, { from: '2025-11-01', to: '2026-03-31', program, policy: { graceReviews } });
      expect(reviews.map((r) => [r.date, r.tier, r.change])).toEqual([
        ['2025-11-30', 'basic', null],
        ['2025-12-31', 'basic', null],
        // Starter (4,000) is what 5,000 points meet under 2026; Basic is gone: a fall, judged by 2025's ranks.
        ['2026-01-31', 'starter', 'down'],
        ['2026-02-28', 'starter', null],
        ['2026-03-31', 'starter', null],
      ]);
      for (const review of reviews) expect(review.tier).toBe(evaluate(basicOnly, { asOf: review.date, program }).tier);
    }
  });

  it('keeps a held tier by id when a later version drops a tier below it (its index moves)', () => {
    // 2026 drops Starter: Professional moves from index 3 to 2, and index 3 is Silver.
    const program = twoVersions(dropTiers('starter'));
    const plain = reviewTimeline(professional, { from: '2025-12-01', to: '2026-07-31', program });
    expect(plain.map((r) => [r.date, r.tier, r.change])).toEqual([
      ['2025-12-31', 'professional', null],
      ['2026-01-31', 'professional', null],
      ['2026-02-28', 'professional', null],
      ['2026-03-31', 'professional', null],
      ['2026-04-30', 'professional', null],
      ['2026-05-31', 'professional', null],
      ['2026-06-30', null, 'down'],
      ['2026-07-31', null, null],
    ]);
    // A grace of 3 keeps Professional (not Silver) for the two reviews below it, then falls to what is met.
    const graced = reviewTimeline(professional, { from: '2025-12-01', to: '2026-09-30', program, policy: { graceReviews: 3 } });
    expect(graced.map((r) => r.tier)).toEqual(['professional', 'professional', 'professional', 'professional', 'professional', 'professional', 'professional', 'professional', null, null]);
    expect(graced.map((r) => r.change)).toEqual([null, null, null, null, null, null, null, null, 'down', null]);
  });

  it("the default policy reports the fall when the later version lacks the tier held: 'down', never null or 'up'", () => {
    // 2026 keeps only Silver and above: Professional falls to no tier.
    const top = twoVersions(dropTiers('now', 'starter', 'basic', 'professional'));
    expect(reviewTimeline(professional, { from: '2025-12-01', to: '2026-01-31', program: top }).map((r) => [r.tier, r.previousTier, r.change])).toEqual([
      ['professional', 'professional', null],
      [null, 'professional', 'down'],
    ]);
    // 2026 drops Professional: Basic (index 2 in both) is a fall from Professional (index 3 in 2025).
    const noProfessional = twoVersions(dropTiers('professional'));
    expect(reviewTimeline(professional, { from: '2026-01-01', to: '2026-01-31', program: noProfessional })[0]).toMatchObject({ tier: 'basic', previousTier: 'professional', change: 'down' });
  });

  it("judges change by the ranks of the version in effect at the later review when it has both tiers (reordered tiers)", () => {
    // 2026 swaps the thresholds of Starter and Basic, and their order: Basic 4,000 below Starter 5,000.
    const program = twoVersions((version) => {
      const [now, starter, basic, ...rest] = version.tiers;
      version.tiers = [now, { ...basic, points: 4000, source: 'Basic 4,000' }, { ...starter, points: 5000, source: 'Starter 5,000' }, ...rest];
    });
    // 4,500 points: Starter in 2025 (rank 1), Basic in 2026 (rank 1, below Starter there).
    const l = ledger([event('e1', '2025-06-15'), { id: 'x', type: 'adjustment', date: '2025-06-15', points: -500, reason: 'correction' }]);
    const reviews = reviewTimeline(l, { from: '2025-12-01', to: '2026-02-28', program });
    expect(reviews.map((r) => [r.tier, r.change])).toEqual([
      ['starter', null],
      ['basic', 'down'],
      ['basic', null],
    ]);
    // A grace of 2 keeps Starter (a tier of 2026 too) through the one review below it.
    expect(reviewTimeline(l, { from: '2025-12-01', to: '2026-02-28', program, policy: { graceReviews: 2 } }).map((r) => r.tier)).toEqual(['starter', 'starter', 'basic']);
  });

  describe('change between tier tables that share neither tier: by requirements, never by list position', () => {
    const gold = exponentialProgram.versions[0].tiers.find((tier) => tier.id === 'gold')!;
    const professionalRow = exponentialProgram.versions[0].tiers.find((tier) => tier.id === 'professional')!;
    /** v1 the built-in version; v2 (from 2025-06-01) the tiers given. */
    const fromJune = (tiers: Version[], membershipTier: string, renewalTier: string) => {
      const first: Version = JSON.parse(JSON.stringify(exponentialProgram.versions[0]));
      const second: Version = { ...JSON.parse(JSON.stringify(first)), version: '2025.2', effectiveFrom: '2025-06-01', tiers, membershipTier, renewalTier };
      return defineProgram({ id: 'reshaped', name: 'Reshaped', versions: [first, second] });
    };
    const basic = JSON.parse(JSON.stringify(exponentialProgram.versions[0].tiers[2]));
    // Elite: Gold's points and revenue, no certifications (position 1 of 2; Professional is position 3 of 7).
    const elite = { ...JSON.parse(JSON.stringify(gold)), id: 'elite', name: 'Elite', profileCertifications: 0, salesCertifications: 0 };
    // 40,000 + 20,000 revenue points and $20,000, no certification: Professional under v1, Elite under v2.
    const rich = ledger([{ id: 'p1', type: 'activity', date: '2025-03-10', activity: 'premium-project', points: 40000 }, revenue('r1', '2025-03-10', '20000.00')], '2024-01-01');
    const changes = (program: Program, l = rich) => reviewTimeline(l, { from: '2025-05-01', to: '2025-07-31', program }).map((r) => `${r.date} ${r.previousTier}->${r.tier} ${r.change}`);

    it('Professional → Elite is up: Elite requires more points than Professional (50,000 > 8,000)', () => {
      const program = fromJune([basic, elite], 'basic', 'elite');
      expect(requirementOf(program.versions[1]!.tiers[1]!, 'points')).toBeGreaterThan(requirementOf(professionalRow, 'points'));
      expect(changes(program)).toEqual(['2025-05-31 professional->professional null', '2025-06-30 professional->elite up', '2025-07-31 elite->elite null']);
    });

    it('a rename with the same requirements is no change; at the same place with other requirements it is a move', () => {
      const tiers = JSON.parse(JSON.stringify(exponentialProgram.versions[0].tiers));
      tiers[3].id = 'pro';
      expect(changes(fromJune(tiers, 'basic', 'pro'))).toEqual(['2025-05-31 professional->professional null', '2025-06-30 professional->pro null', '2025-07-31 pro->pro null']);
      // Pro at Professional's place but asking 9,000 points: a climb, though the list position is the same.
      const harder = JSON.parse(JSON.stringify(tiers));
      harder[3].points = 9000;
      expect(changes(fromJune(harder, 'basic', 'pro'))[1]).toBe('2025-06-30 professional->pro up');
      // Asking less revenue with the same points: a fall (points equal, then revenue decides).
      const easier = JSON.parse(JSON.stringify(tiers));
      easier[3].revenue = '7000.00';
      expect(changes(fromJune(easier, 'basic', 'pro'))[1]).toBe('2025-06-30 professional->pro down');
    });

    it('matches a requirement order computed from the rows for every pair of tiers across the tables', () => {
      const program = fromJune([basic, elite], 'basic', 'elite');
      const key = columnsOf;
      const v1 = program.versions[0]!.tiers;
      const v2 = program.versions[1]!.tiers;
      // Each v1 tier without certifications held in May, then each v2 tier v1 lacks in June (entry "a" is in May's window, not in June's).
      let compared = 0;
      for (const before of v1.filter((tier) => requirementOf(tier, 'certifications', 'profile') === 0 && (requirementOf(tier, 'revenue') === 0 || tier.id === 'professional'))) {
        for (const after of v2.filter((tier) => !v1.some((row) => row.id === tier.id))) {
          const l = ledger([
            { id: 'a', type: 'adjustment', date: '2024-06-15', points: requirementOf(before, 'points'), reason: 'may' },
            revenue('r', '2024-06-15', requirementOf(before, 'revenue').toFixed(2)),
            { id: 'b', type: 'adjustment', date: '2025-06-15', points: requirementOf(after, 'points'), reason: 'june' },
            revenue('s', '2025-06-15', requirementOf(after, 'revenue').toFixed(2)),
          ], '2015-01-01'); // no partner-year credit in either window
          const reviews = reviewTimeline(l, { from: '2025-05-31', to: '2025-06-30', program });
          const [a, b] = [key(before), key(after)];
          const sign = Math.sign(b[0]! - a[0]! || b[1]! - a[1]! || b[2]! - a[2]! || b[3]! - a[3]!);
          expect([reviews[0]!.tier, reviews[1]!.tier]).toEqual([before.id, after.id]);
          expect(reviews[1]!.change, `${before.id} -> ${after.id}`).toBe(sign > 0 ? 'up' : sign < 0 ? 'down' : null);
          compared++;
        }
      }
      expect(compared).toBeGreaterThanOrEqual(3);
    });
  });

  it('under every policy, each review holds a tier of the version in effect, one met then or held before, and change follows the ranks', () => {
    const programs = [twoVersions(dropTiers('basic')), twoVersions(dropTiers('starter')), twoVersions(dropTiers('now', 'starter', 'basic', 'professional')), twoVersions(dropTiers('professional'))];
    const ledgers = [basicOnly, professional, ledger([event('e1', '2025-03-10'), event('e2', '2025-09-10'), revenue('r1', '2025-11-10', '9000.00'), event('e3', '2026-02-10')])];
    for (const program of programs) {
      for (const l of ledgers) {
        for (const policy of policies) {
          const reviews = reviewTimeline(l, { from: '2025-06-01', to: '2026-12-31', program, policy });
          const seen = new Set<string | null>([reviews[0]!.previousTier]);
          for (const review of reviews) {
            const tiers = tiersOf(program, review.date);
            const met = evaluate(l, { asOf: review.date, program }).tier;
            if (review.tier !== null) expect(tiers, `${review.date} ${JSON.stringify(policy)}`).toContain(review.tier);
            // Never a tier that was neither met now nor held at an earlier review (one-step-up may also climb through a lower one).
            if (policy === 'highest-met') expect(review.tier).toBe(met);
            else if (policy !== 'one-step-up') expect([met, ...seen]).toContain(review.tier);
            seen.add(review.tier);
            // change: by the ranks of the version in effect when it has both tiers; a tier it lacks is never "no change".
            const rank = (tier: string | null) => (tier === null ? -1 : tiers.indexOf(tier));
            if (review.previousTier === null || tiers.includes(review.previousTier)) {
              const difference = rank(review.tier) - rank(review.previousTier);
              expect(review.change).toBe(difference > 0 ? 'up' : difference < 0 ? 'down' : null);
            } else expect(review.change).not.toBeNull();
          }
        }
      }
    }
  });
});


describe('R12 timeline options at their edges', () => {
  const none = ledger([], '2026-01-15');
  const issuesOf = (opts: Record<string, unknown>) => {
    try {
      reviewTimeline(none, opts as never);
      return [];
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return error.issues.map((found) => `${found.path} ${found.code}: ${found.message}`);
    }
  };
  const policyWords = '"policy" must be "highest-met", "one-step-up" or { graceReviews: n } with an integer n from 1 to 1200';

  it('"to" before "from" is one invalid-range at "to"; "from" equal to "to" is one review; a missing "from" is only its own issue', () => {
    expect(issuesOf({ from: '2026-06-30', to: '2026-01-31' })).toEqual(['to invalid-range: "to" (2026-01-31) is before "from" (2026-06-30)']);
    expect(reviewTimeline(none, { from: '2026-01-31', to: '2026-01-31' }).map((review) => review.date)).toEqual(['2026-01-31']);
    expect(issuesOf({ to: '2026-01-31' })).toEqual(['from missing-field: "from" is required: the review date, YYYY-MM-DD (the library never reads the clock)']);
  });

  it('graceReviews is an integer from 1 to 1200; anything else is an issue at its path with the words of the rule', () => {
    for (const graceReviews of [1, 1200]) expect(issuesOf({ from: '2026-01-01', to: '2026-02-28', policy: { graceReviews } })).toEqual([]);
    for (const graceReviews of [0, 1.5, 1201]) {
      expect(issuesOf({ from: '2026-01-01', to: '2026-02-28', policy: { graceReviews } })).toEqual([`policy.graceReviews invalid-value: "policy.graceReviews" must be an integer from 1 to 1200, received ${graceReviews}`]);
    }
    expect(issuesOf({ from: '2026-01-01', to: '2026-02-28', policy: {} })).toEqual([`policy.graceReviews missing-field: ${policyWords}`]);
    expect(issuesOf({ from: '2026-01-01', to: '2026-02-28', policy: 'bogus' })).toEqual([`policy invalid-value: ${policyWords}`]);
  });

  it('one-step-up applies from the first month end on or after joinedOn: from no tier it rises one tier per review', () => {
    // 5,000 event points from January: Basic is met on every review (R9); one step a review from nothing (R12).
    const joined = ledger([event('e1', '2026-01-20')], '2026-01-15');
    const reviews = reviewTimeline(joined, { from: '2026-01-01', to: '2026-03-31', policy: 'one-step-up' });
    expect(reviews.map((review) => [review.date, evaluate(joined, { asOf: review.date }).tier, review.tier])).toEqual([
      ['2026-01-31', 'basic', 'now'],
      ['2026-02-28', 'basic', 'starter'],
      ['2026-03-31', 'basic', 'basic'],
    ]);
  });

  it('a ledger out of date order: entries of one day keep their input order (a limit keeps the earliest by input)', () => {
    const base = JSON.parse(JSON.stringify(exponentialProgram));
    base.versions[0].activities.push({ id: 'meetup', name: 'Meetup talk', points: 400, kind: 'minimum', category: 'program', limit: { count: 2, per: 'month' }, rule: 'R3', source: 'Meetup talk 400+' });
    const program = defineProgram({ ...base, id: 'meetups' });
    const meetup = (id: string, date: string, points: number) => ({ id, type: 'activity', date, activity: 'meetup', points });
    // The later entry first, so the timeline sorts; three on 2026-03-10: the first two by input order count (R3).
    const l = ledger([event('late', '2026-04-02'), meetup('m1', '2026-03-10', 400), meetup('m2', '2026-03-10', 450), meetup('m3', '2026-03-10', 500)]);
    for (const review of reviewTimeline(l, { from: '2026-03-01', to: '2026-04-30', program })) {
      expect(review.points.byCategory.program, review.date).toBe(400 + 450 + (review.date >= '2026-04-02' ? 5000 : 0));
      expect(review.points).toEqual(evaluate(l, { asOf: review.date, program }).points);
    }
  });
});
