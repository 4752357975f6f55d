import { describe, expect, it } from 'vitest';
import { defineProgram, evaluate, explainEvaluation, exponentialProgram, ValidationError } from '../../src/index';
import { specLedger } from '../fixtures/specLedger';

// The SPEC §3 sample ledger, with the adjustment still pending.
const sample = specLedger();
sample.entries[9] = { ...sample.entries[9], status: 'pending' };

describe('explainEvaluation', () => {
  it('tells the tier and why, the next tier, what leaves next, and the fee position, citing rules', () => {
    const text = explainEvaluation(evaluate(sample, { asOf: '2026-06-30' }));
    expect(text.split('\n')).toEqual([
      'Basic as of 2026-06-30 (R9): 14,940 points (5,000 needed).',
      'Next: Professional needs $5,999.50 more revenue ($1,200.50 of $7,200.00) (R9).',
      'Next to leave the window: what was earned on 2026-01-10 (r1: $1,200.50 of revenue) no longer counts from 2027-01-10 (R1).',
      "The next certification to expire: jane's developer, valid through 2027-05-31 (R8).",
      '-50 points await approval (R7).',
      'Membership is active through points, no fee required (R10); the fee is waived; next anniversary 2027-03-15 (R11).',
    ]);
  });

  it('renders Markdown as a list', () => {
    const md = explainEvaluation(evaluate(sample, { asOf: '2026-06-30' }), { format: 'markdown' });
    expect(md.split('\n').every((line) => line.startsWith('- '))).toBe(true);
    const pro = explainEvaluation(
      evaluate({ partner: { id: 'p', joinedOn: '2020-01-01' }, entries: [{ id: 'r', type: 'revenue', date: '2026-06-01', amount: '8000.00', source: 'subscription' }] }, { asOf: '2026-06-30' }),
    );
    expect(pro.split('\n')[0]).toBe('Professional as of 2026-06-30 (R9): 8,000 points (8,000 needed) and $8,000.00 revenue ($7,200.00 needed).');
    expect(pro).toContain('Next: Silver needs 12,000 more points (8,000 of 20,000), $4,000.00 more revenue ($8,000.00 of $12,000.00), 1 more profile certification and 2 more sales certifications (R9).');
  });

  it('explains no tier, a due fee and the shortfall to the first tier', () => {
    const text = explainEvaluation(evaluate({ partner: { id: 'p', joinedOn: '2026-01-01' }, entries: [] }, { asOf: '2026-12-31' }));
    expect(text).toContain('No tier as of 2026-12-31 (R9): 1,000 points, 2,000 short of the first tier.');
    expect(text).toContain('Next: Now needs 2,000 more points (1,000 of 3,000) (R9).');
    expect(text).toContain('Membership is not active (R10); the fee of $45.00 a month is due; next anniversary 2027-01-01 (R11).');
  });

  it('refuses what is not an evaluation', () => {
    expect(() => explainEvaluation({} as never)).toThrow(ValidationError);
    expect(() => explainEvaluation(evaluate(sample, { asOf: '2026-06-30' }), { format: 'pdf' as never })).toThrow(ValidationError);
  });
});

describe('explainEvaluation: what leaves the window next', () => {
  it('names each source with its own points: an article and the partner-year credit (R5) on its date', () => {
    const raw = { partner: { id: 'p', joinedOn: '2025-03-01' }, entries: [{ id: 'a1', type: 'activity', date: '2025-03-01', activity: 'article', words: 900, floss: true }] };
    const evaluation = evaluate(raw, { asOf: '2025-06-30' });
    const article = evaluation.entries[0]!.points;
    const credit = evaluation.derived.find((c) => c.date === '2025-03-01')!.points;
    expect(evaluation.leavingNext).toMatchObject({ date: '2025-03-01', points: article + credit, entries: ['a1'] });
    expect(explainEvaluation(evaluation)).toContain(
      `Next to leave the window: what was earned on 2025-03-01 (a1: ${article} points; the partner-year credit (R5): ${credit.toLocaleString('en')} points) no longer counts from 2026-03-01 (R1).`,
    );
  });

  it('names several entries and revenue each with its own figures', () => {
    const raw = {
      partner: { id: 'p', joinedOn: '2020-01-01' },
      entries: [
        { id: 'f1', type: 'activity', date: '2026-01-10', activity: 'forum-post' },
        { id: 'r1', type: 'revenue', date: '2026-01-10', amount: '99.50', source: 'direct-sale' },
        { id: 'x1', type: 'adjustment', date: '2026-01-10', points: -30, reason: 'correction' },
      ],
    };
    expect(explainEvaluation(evaluate(raw, { asOf: '2026-06-30' }))).toContain('(f1: 10 points; r1: $99.50 of revenue; x1: -30 points) no longer counts from 2027-01-10 (R1).');
  });

  it('tells only the partner-year credit when no entry leaves with it', () => {
    const text = explainEvaluation(evaluate({ partner: { id: 'p', joinedOn: '2026-01-01' }, entries: [] }, { asOf: '2026-12-31' }));
    expect(text).toContain('what was earned on 2026-01-01 (the partner-year credit (R5): 1,000 points) no longer counts from 2027-01-01 (R1).');
  });

  it('says so beyond the calendar, never with a sentinel date', () => {
    const raw = { partner: { id: 'p', joinedOn: '9999-01-01' }, entries: [{ id: 'e1', type: 'activity', date: '9999-03-01', activity: 'event-attendance' }] };
    const evaluation = evaluate(raw, { asOf: '9999-06-30' });
    expect(evaluation.leavingNext?.on).toBeNull();
    expect(evaluation.fee.nextAnniversary).toBeNull();
    const text = explainEvaluation(evaluation);
    expect(text).not.toMatch(/9999-99|10000-|null|undefined/);
    expect(text).toContain('(the partner-year credit (R5): 1,000 points) counts in every review through 9999-12-31 (R1).');
    expect(text).toContain('no anniversary through 9999-12-31 (R11).');
    // Through JSON, as from a worker: the same sentences.
    expect(explainEvaluation(JSON.parse(JSON.stringify(evaluation)))).toBe(text);
  });
});

describe('explainEvaluation checks every field it reads, with its real type (#12)', () => {
  const ev = evaluate(sample, { asOf: '2026-06-30' });
  type Mutable = Record<string, any>;
  /** A deep copy of the evaluation, changed by `change`. */
  const changed = (change: (copy: Mutable) => void) => {
    const copy: Mutable = structuredClone(ev);
    change(copy);
    return copy;
  };
  const pathOf = (value: unknown, opts?: unknown) => {
    try {
      explainEvaluation(value as never, opts as never);
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).issues.map((i) => `${i.path} ${i.code}`);
    }
    return 'accepted';
  };
  // Professional's checks: [0] points, [1] revenue.
  const pro = 'evaluation.requirements[3].checks';

  it.each([
    ['a number in a revenue check', (c: Mutable) => (c.requirements[3].checks[1].actual = 1200.5), `${pro}[1].actual`],
    ['a number as required revenue', (c: Mutable) => (c.requirements[3].checks[1].required = 7200), `${pro}[1].required`],
    ['a number as a revenue shortfall', (c: Mutable) => (c.requirements[3].checks[1].shortfall = 5999.5), `${pro}[1].shortfall`],
    ['a string in a points check', (c: Mutable) => (c.requirements[3].checks[0].actual = '14940'), `${pro}[0].actual`],
    ['NaN points required', (c: Mutable) => (c.requirements[3].checks[0].required = Number.NaN), `${pro}[0].required`],
    ['an infinite shortfall', (c: Mutable) => (c.requirements[3].checks[0].shortfall = Number.POSITIVE_INFINITY), `${pro}[0].shortfall`],
    ['a fraction of a point', (c: Mutable) => (c.points.total = 14940.5), 'evaluation.points.total'],
    ['revenue that is not a decimal', (c: Mutable) => (c.revenue.total = '1,200.50'), 'evaluation.revenue.total'],
    ['the sentinel asOf', (c: Mutable) => (c.asOf = '9999-99-99'), 'evaluation.asOf'],
    ['an impossible asOf', (c: Mutable) => (c.asOf = '2026-02-30'), 'evaluation.asOf'],
    ['a timestamp as asOf', (c: Mutable) => (c.asOf = '2026-06-30T00:00:00Z'), 'evaluation.asOf'],
    ['no nextAnniversary', (c: Mutable) => delete c.fee.nextAnniversary, 'evaluation.fee.nextAnniversary'],
    ['a paidThrough that is no date', (c: Mutable) => (c.fee.paidThrough = 'soon'), 'evaluation.fee.paidThrough'],
    ['an amount due as a number', (c: Mutable) => Object.assign(c.fee, { status: 'due', amountDue: 45 }), 'evaluation.fee.amountDue'],
    ['an object among the entries leaving', (c: Mutable) => (c.leavingNext.entries[0] = { id: 'r1' }), 'evaluation.leavingNext.entries[0]'],
    ['a leaving date past the calendar', (c: Mutable) => (c.leavingNext.on = '9999-99-99'), 'evaluation.leavingNext.on'],
    ['leaving points that are NaN', (c: Mutable) => (c.leavingNext.points = Number.NaN), 'evaluation.leavingNext.points'],
    ['leaving revenue as a number', (c: Mutable) => (c.leavingNext.revenue = 1200.5), 'evaluation.leavingNext.revenue'],
    ['an outcome with infinite points', (c: Mutable) => (c.entries[1].points = Number.POSITIVE_INFINITY), 'evaluation.entries[1].points'],
    ['an outcome amount as a number', (c: Mutable) => (c.entries[0].amount = 1200.5), 'evaluation.entries[0].amount'],
    ['a derived credit on no date', (c: Mutable) => (c.derived = [{ rule: 'R5', date: 'x', points: 1000 }]), 'evaluation.derived[0].date'],
    ['an expiry that is no date', (c: Mutable) => (c.certifications.valid[0].expiresOn = '2027-02-30'), 'evaluation.certifications.valid[0].expiresOn'],
  ])('%s is an issue at its path', (_, change, path) => {
    expect(pathOf(changed(change))).toEqual([`${path} invalid-value`]);
  });

  it('accepts what evaluate returns, through JSON or structuredClone, null dates beyond the calendar included', () => {
    const dates = ['2026-06-30', '2026-01-31', '0001-01-31', '9999-12-31'];
    let beyond = 0;
    for (const asOf of dates) {
      for (const l of [sample, { partner: { id: 'p', joinedOn: '2026-01-01' }, entries: [] }]) {
        const evaluation = evaluate(l, { asOf });
        if (evaluation.fee.nextAnniversary === null) beyond++;
        const text = explainEvaluation(evaluation);
        expect(explainEvaluation(JSON.parse(JSON.stringify(evaluation)))).toBe(text);
        expect(explainEvaluation(structuredClone(evaluation))).toBe(text);
        expect(text).not.toMatch(/NaN|Infinity|undefined|\[object Object\]|9999-99-99/);
      }
    }
    expect(beyond).toBeGreaterThan(0);
  });

  it('refuses format null as it refuses null in every other option', () => {
    expect(pathOf(ev, { format: null })).toEqual(['format invalid-value']);
    expect(pathOf(ev, { format: undefined })).toBe('accepted');
  });
});

describe('explainEvaluation under programs of other shapes (#16)', () => {
  const base = JSON.parse(JSON.stringify(exponentialProgram)) as { versions: Record<string, any>[] } & Record<string, unknown>;
  const version = base.versions[0]!;
  version['certificationKinds'] = [...version['certificationKinds'], { id: 'cloud-security', name: 'Cloud security', source: 'Cloud security' }];
  version['certifications'] = [...version['certifications'], { id: 'sec-pro', name: 'Security Pro', kind: 'cloud-security', rule: 'R8', source: 'Security Pro' }];
  // Now requires nothing; Starter 2 cloud-security pairs and the Solution certification itself.
  version['tiers'][0].requirements = [];
  version['tiers'][1].requirements = [...version['tiers'][1].requirements, { type: 'certifications', kind: 'cloud-security', min: 2 }, { type: 'certification', certification: 'solution', min: 1 }];
  for (const tier of version['tiers'].slice(2)) tier.requirements = [...tier.requirements, { type: 'certifications', kind: 'cloud-security', min: 2 }, { type: 'certification', certification: 'solution', min: 1 }];
  const program = defineProgram({ ...base, id: 'shapes' });
  const ledger = { partner: { id: 'p', joinedOn: '2020-01-01' }, entries: [{ id: 'c1', type: 'certification', date: '2026-01-10', holder: 'ann', certification: 'sec-pro' }] };

  it('a tier without requirements says so; a kind and a certification required by name read in words', () => {
    const text = explainEvaluation(evaluate(ledger, { asOf: '2026-06-30', program })).split('\n');
    expect(text[0]).toBe('Now as of 2026-06-30 (R9): it has no requirements.');
    // 1,000 points (one credited pair, R8) of Starter's 4,000; one of two cloud-security pairs; no holder of solution.
    expect(text[1]).toBe('Next: Starter needs 3,000 more points (1,000 of 4,000), 1 more cloud security certification and 1 more holder of solution (R9).');
  });
});
