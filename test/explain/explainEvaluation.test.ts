import { describe, expect, it } from 'vitest';
import { evaluate, explainEvaluation, ValidationError } from '../../src/index';
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
