import { describe, expect, it } from 'vitest';
import { evaluate, explainEvaluation, ValidationError } from '../../src/index';

const sample = {
  partner: { id: 'acme', name: 'Acme Digital', joinedOn: '2023-03-15' },
  entries: [
    { id: 'r1', type: 'revenue', date: '2026-01-10', amount: '1200.50', source: 'direct-sale' },
    { id: 'a1', type: 'activity', date: '2026-02-03', activity: 'article', words: 900, floss: true },
    { id: 'a2', type: 'activity', date: '2026-03-01', activity: 'training-course', quantity: 3 },
    { id: 'a3', type: 'activity', date: '2026-04-01', activity: 'premium-project', points: 6500 },
    { id: 't1', type: 'time', date: '2026-04-02', minutes: 90, category: 'program' },
    { id: 'c1', type: 'certification', date: '2025-06-01', holder: 'jane', certification: 'developer', expiresOn: '2027-05-31' },
    { id: 'b1', type: 'bonus', date: '2026-05-01', points: 250, reason: 'strategic launch', relatesTo: 'a3' },
    { id: 's1', type: 'special', date: '2026-05-02', points: 400, description: 'translation of the admin UI' },
    { id: 'f1', type: 'fee-payment', date: '2026-01-01', months: 12, amount: '540.00' },
    { id: 'x1', type: 'adjustment', date: '2026-06-01', points: -50, reason: 'duplicate forum post', status: 'pending' },
  ],
};

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
