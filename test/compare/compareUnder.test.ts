import { describe, expect, it } from 'vitest';
import { requirementOf } from '../helpers/tiers';
import { compareUnder, defineProgram, evaluate, exponentialProgram, parseLedger } from '../../src/index';
import { MAX_ISSUES } from '../../src/issues';
import { ledger, thrownIssues as issuesOf, type RawEntry } from '../helpers/ledger';

type Definition = { id: string; name: string; versions: Record<string, any>[] };

function definition(): Definition {
  return JSON.parse(JSON.stringify(exponentialProgram));
}

/** "What if the Silver threshold became 25,000?" — and Basic 4,500. */
const candidate = defineProgram(
  (() => {
    const input = definition();
    input.id = 'exponential-reform';
    input.versions[0]!['tiers'][4].points = 25000;
    input.versions[0]!['tiers'][2].points = 4500;
    return input;
  })(),
);

const silverRequirements: RawEntry[] = [
  { id: 'r1', type: 'revenue', date: '2026-06-01', amount: '12000.00', source: 'direct-sale' },
  { id: 'c1', type: 'certification', date: '2026-06-02', holder: 'ana', certification: 'developer' },
  { id: 'c2', type: 'certification', date: '2026-06-02', holder: 'ana', certification: 'sales-premium' },
  { id: 'c3', type: 'certification', date: '2026-06-02', holder: 'ben', certification: 'sales-newsletter' },
];

/** Silver requirements and `extra` more points (15,000 from revenue and certifications). */
function silverWith(id: string, name: string, extra: RawEntry[]) {
  return { partner: { id, name, joinedOn: '2020-01-01' }, entries: [...silverRequirements, ...extra] };
}

const event = (id: string): RawEntry => ({ id, type: 'activity', date: '2026-07-01', activity: 'event-attendance' });

const partners = [
  silverWith('kestrel', 'Kestrel', [event('e1')]), // 20,000: Silver → Professional
  silverWith('heron', 'Heron', [event('e1'), { id: 'x1', type: 'adjustment', date: '2026-07-02', points: 4999, reason: 'x' }]), // 24,999: Silver → Professional
  silverWith('osprey', 'Osprey', [event('e1'), { id: 'x1', type: 'adjustment', date: '2026-07-02', points: 5000, reason: 'x' }]), // 25,000: stays Silver
  ledger([{ id: 't1', type: 'time', date: '2026-07-01', minutes: 4600, category: 'program' }], { id: 'wren' }), // 4,600: Starter → Basic
  ledger([], { id: 'finch' }), // nothing: no tier under both
];

const AS_OF = '2026-12-31';

describe('compareUnder', () => {
  const comparison = compareUnder(partners, { asOf: AS_OF, base: exponentialProgram, candidate });

  it('gives each partner its tier under both programs, in input order', () => {
    expect(comparison.asOf).toBe(AS_OF);
    expect(comparison.partners.map((p) => [p.partner, p.base.tier, p.candidate.tier, p.move])).toEqual([
      ['kestrel', 'silver', 'professional', 'down'],
      ['heron', 'silver', 'professional', 'down'],
      ['osprey', 'silver', 'silver', 'same'],
      ['wren', 'starter', 'basic', 'up'],
      ['finch', null, null, 'same'],
    ]);
    expect(comparison.partners[0]).toEqual({
      partner: 'kestrel',
      name: 'Kestrel',
      base: { tier: 'silver', tierName: 'Silver', points: 20000, program: { id: 'exponential-partner-program', version: '2014.1' } },
      candidate: { tier: 'professional', tierName: 'Professional', points: 20000, program: { id: 'exponential-reform', version: '2014.1' } },
      move: 'down',
    });
    expect('name' in comparison.partners[3]!).toBe(false);
  });

  it('matches evaluate under each program', () => {
    partners.forEach((raw, index) => {
      expect(comparison.partners[index]!.base.tier).toBe(evaluate(raw, { asOf: AS_OF }).tier);
      expect(comparison.partners[index]!.candidate.tier).toBe(evaluate(raw, { asOf: AS_OF, program: candidate }).tier);
    });
  });

  it('counts and summarises the moves', () => {
    expect(comparison.counts).toEqual({ up: 1, down: 2, same: 2 });
    expect(comparison.summary).toBe('2 move down from Silver to Professional, 1 moves up from Starter to Basic; 2 stay.');
  });

  it('says when nobody moves, or there is nobody', () => {
    expect(compareUnder(partners, { asOf: AS_OF, base: exponentialProgram, candidate: exponentialProgram }).summary).toBe('Nobody moves; 5 stay.');
    expect(compareUnder([partners[0]], { asOf: AS_OF, base: exponentialProgram, candidate: exponentialProgram }).summary).toBe('Nobody moves; 1 stays.');
    expect(compareUnder([], { asOf: AS_OF, base: exponentialProgram, candidate }).summary).toBe('No partners to compare.');
  });

  it('is symmetric: swapping the programs swaps up and down', () => {
    const swapped = compareUnder(partners, { asOf: AS_OF, base: candidate, candidate: exponentialProgram });
    expect(swapped.counts).toEqual({ up: 2, down: 1, same: 2 });
    expect(swapped.summary).toBe('1 moves down from Basic to Starter, 2 move up from Professional to Silver; 2 stay.');
  });

  it('accepts parsed ledgers (re-parsed for the other program) and raw definitions', () => {
    const parsed = partners.map((raw) => {
      const result = parseLedger(raw);
      if (!result.ok) throw new Error('invalid');
      return result.ledger;
    });
    const again = compareUnder(parsed, { asOf: AS_OF, base: definition(), candidate });
    expect(again.partners.map((p) => p.move)).toEqual(comparison.partners.map((p) => p.move));
  });

  it('uses each program version in effect on asOf (a later reform moves nobody before it starts)', () => {
    const input = definition();
    const later = JSON.parse(JSON.stringify(input.versions[0]));
    later.version = '2027.1';
    later.effectiveFrom = '2027-01-01';
    later.tiers[4].points = 25000;
    input.versions.push(later);
    const dated = defineProgram(input);
    const before = compareUnder(partners.slice(0, 1), { asOf: '2026-12-31', base: exponentialProgram, candidate: dated });
    const on = compareUnder(partners.slice(0, 1), { asOf: '2027-01-01', base: exponentialProgram, candidate: dated });
    expect(before.partners[0]!.move).toBe('same');
    expect(on.partners[0]).toMatchObject({ move: 'down', candidate: { program: { version: '2027.1' } } });
  });

  it('passes the window option on', () => {
    const calendar = compareUnder(partners.slice(0, 1), { asOf: '2027-01-31', base: exponentialProgram, candidate, window: 'calendar-year' });
    // The calendar year 2027 holds none of the 2026 entries.
    expect(calendar.partners[0]!.base.points).toBe(0);
  });

  describe('bad input: one ValidationError with every issue', () => {
    it('reports every option issue at once', () => {
      const issues = issuesOf(() => compareUnder(partners, { asOf: '2026-13-01', base: { id: 'x' }, window: 'weekly', extra: 1 } as never));
      expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual([
        'extra unknown-field',
        'asOf invalid-date',
        'window invalid-value',
        'base.name missing-field',
        'base.versions missing-field',
        'candidate missing-field',
      ]);
    });

    it('requires asOf and an array of ledgers', () => {
      expect(issuesOf(() => compareUnder(partners, { base: exponentialProgram, candidate } as never)).map((i) => `${i.path} ${i.code}`)).toEqual(['asOf missing-field']);
      expect(issuesOf(() => compareUnder({} as never, { asOf: AS_OF, base: exponentialProgram, candidate })).map((i) => `${i.path} ${i.code}`)).toEqual(['ledgers invalid-type']);
      expect(issuesOf(() => compareUnder(partners, null as never)).map((i) => i.code)).toEqual(['invalid-type']);
    });

    it('reports the issues of every ledger under its index, once even when both programs refuse it', () => {
      const bad = [
        partners[0],
        ledger([{ id: 'a1', type: 'activity', date: '2026-03-01', activity: 'webinar' }]),
        { partner: { id: 'p' } },
      ];
      const issues = issuesOf(() => compareUnder(bad, { asOf: AS_OF, base: exponentialProgram, candidate }));
      expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual(['ledgers[1].entries[0].activity unknown-activity', 'ledgers[2].partner.joinedOn missing-field', 'ledgers[2].entries missing-field']);
    });

    it('reports a ledger the candidate alone refuses', () => {
      const custom = defineProgram(
        (() => {
          const input = definition();
          input.versions[0]!['activities'] = input.versions[0]!['activities'].filter((row: { id: string }) => row.id !== 'forum-post');
          return input;
        })(),
      );
      const issues = issuesOf(() => compareUnder([ledger([{ id: 'f1', type: 'activity', date: '2026-03-01', activity: 'forum-post' }])], { asOf: AS_OF, base: exponentialProgram, candidate: custom }));
      expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual(['ledgers[0].entries[0].activity unknown-activity']);
    });
  });
});

describe('compareUnder: the issue cap (#12)', () => {
  it('throws one capped list for all ledgers together: the first 1,000 issues, then the count of all', () => {
    const bad = { partner: { id: 'p', joinedOn: '2024-01-01' }, entries: Array.from({ length: 1500 }, (_, i) => ({ id: `e${i}`, type: 'forum-post', date: '2026-01-01' })) };
    const issues = issuesOf(() => compareUnder([bad, bad, bad], { asOf: AS_OF, base: exponentialProgram, candidate }));
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(issues.slice(0, MAX_ISSUES).map((i) => i.path)).toEqual(Array.from({ length: MAX_ISSUES }, (_, i) => `ledgers[0].entries[${i}].type`));
    expect(issues.at(-1)).toEqual({ path: '', code: 'too-many-issues', message: `4500 issues in all: the first ${MAX_ISSUES} are listed, 3500 more are not` });
  });
});

describe('compareUnder: moves between tier tables that share neither tier (#12)', () => {
  const gold = exponentialProgram.versions[0].tiers.find((tier) => tier.id === 'gold')!;
  const professional = exponentialProgram.versions[0].tiers.find((tier) => tier.id === 'professional')!;
  const withTiers = (tiers: Record<string, any>[], renewalTier: string) => {
    const input = definition();
    input.id = 'reshaped';
    Object.assign(input.versions[0]!, { tiers, membershipTier: 'basic', renewalTier });
    return defineProgram(input);
  };
  // 40,000 + 20,000 revenue points and $20,000, no certification: Professional under the built-in program.
  const rich = ledger([
    { id: 'p1', type: 'activity', date: '2026-03-10', activity: 'premium-project', points: 40000 },
    { id: 'r1', type: 'revenue', date: '2026-03-10', amount: '20000.00', source: 'direct-sale' },
  ]);
  const moveUnder = (program: ReturnType<typeof defineProgram>) => {
    const [row] = compareUnder([rich], { asOf: AS_OF, base: exponentialProgram, candidate: program }).partners;
    return `${row!.base.tier}->${row!.candidate.tier} ${row!.move}`;
  };

  it('ranks by requirements, not by place: Professional (3rd of 7) → Elite (2nd of 2, 50,000 + $18,000) is up', () => {
    const elite = { ...gold, id: 'elite', name: 'Elite', profileCertifications: 0, salesCertifications: 0 };
    expect(moveUnder(withTiers([exponentialProgram.versions[0].tiers[2], elite], 'elite'))).toBe('professional->elite up');
  });

  it('a rename with the same requirements stays; other requirements at the same place move', () => {
    const renamed = (change: Record<string, unknown>) => exponentialProgram.versions[0].tiers.map((tier) => (tier.id === 'professional' ? { ...tier, id: 'pro', ...change } : tier));
    expect(moveUnder(withTiers(renamed({}), 'pro'))).toBe('professional->pro same');
    expect(moveUnder(withTiers(renamed({ points: requirementOf(professional, 'points') + 1 }), 'pro'))).toBe('professional->pro up');
    expect(moveUnder(withTiers(renamed({ salesCertifications: 0, revenue: '7199.99' }), 'pro'))).toBe('professional->pro down');
  });
});
