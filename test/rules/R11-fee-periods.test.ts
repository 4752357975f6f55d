/** R11 with a program's fee period (issue #16): a fee per month, quarter or year. */
import { describe, expect, it } from 'vitest';
import { defineProgram, evaluate, exponentialProgram, type Program } from '../../src/index';
import { multiplyMoney, parseMoney, type Money } from '../../src/money/money';

function withFee(amount: string, period: 'month' | 'quarter' | 'year'): Program {
  const base = JSON.parse(JSON.stringify(exponentialProgram)) as { versions: Record<string, unknown>[] } & Record<string, unknown>;
  (base.versions[0] as Record<string, unknown>)['fee'] = { amount, period, currency: 'USD', rule: 'R11', source: `A fee of $${amount} per ${period}.` };
  return defineProgram({ ...base, id: `fee-${period}` });
}

const months = { month: 1, quarter: 3, year: 12 } as const;
const payment = (id: string, date: string, m: number, amount: string) => ({ id, type: 'fee-payment', date, months: m, amount });
const ledger = (...entries: unknown[]) => ({ partner: { id: 'p', joinedOn: '2026-01-01' }, entries });

describe('R11 fee periods', () => {
  for (const [period, fee] of [['month', '45.00'], ['quarter', '120.00'], ['year', '500.00']] as const) {
    const program = withFee(fee, period);
    const per = months[period];
    const amount = parseMoney(fee) as Money;
    it(`${period}: one period of the fee pays, and covers ${per} month(s) to the day before`, () => {
      const result = evaluate(ledger(payment('f', '2026-01-01', per, fee)), { asOf: '2026-01-01', program });
      expect(result.entries[0]).toStrictEqual({ id: 'f', outcome: 'counted', points: 0, rule: 'R11', amount: fee });
      expect(result.fee.status).toBe('paid');
      const end = new Date(Date.UTC(2026, per, 1) - 86_400_000).toISOString().slice(0, 10);
      expect(result.fee.paidThrough).toBe(end);
      const after = evaluate(ledger(payment('f', '2026-01-01', per, fee)), { asOf: new Date(Date.UTC(2026, per, 1)).toISOString().slice(0, 10), program });
      expect(after.fee).toMatchObject({ status: 'due', amountDue: fee, period, annualAmount: multiplyMoney(amount, 12 / per).text });
    });
    it(`${period}: two periods pay twice the fee; a cent off, or months that are not whole periods, do not`, () => {
      const twice = multiplyMoney(amount, 2).text;
      const result = evaluate(
        ledger(payment('two', '2026-01-01', 2 * per, twice), payment('off', '2026-01-02', per, multiplyMoney(amount, 1).text.replace(/\d$/, (d) => String((Number(d) + 1) % 10))), ...(per > 1 ? [payment('part', '2026-01-03', per + 1, fee)] : [])),
        { asOf: '2026-01-05', program },
      );
      expect(result.entries.map((entry) => [entry.id, entry.outcome, entry.outcome === 'excluded' ? entry.reason : undefined])).toStrictEqual([
        ['two', 'counted', undefined],
        ['off', 'excluded', 'fee-amount-mismatch'],
        ...(per > 1 ? [['part', 'excluded', 'fee-amount-mismatch']] : []),
      ]);
    });
  }
  it('the built-in program still reads its fee per month', () => {
    expect(evaluate(ledger(), { asOf: '2026-02-01' }).fee).toMatchObject({ status: 'due', amountDue: '45.00', period: 'month', annualAmount: '540.00' });
  });
});
