import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareMoney, decimalText, floorUnits, MAX_AMOUNT_DECIMALS, MAX_AMOUNT_DIGITS, moneyShortfall, multiplyMoney, parseMoney, subtractMoney, sumMoney } from '../../src/money/money';

const m = (value: string | number) => {
  const money = parseMoney(value);
  if (money === null) throw new Error(`not money: ${value}`);
  return money;
};

describe('parseMoney', () => {
  it.each([
    ['1200.5', '1200.50', 120050],
    [1200.5, '1200.50', 120050],
    ['-30', '-30.00', -3000],
    ['0', '0.00', 0],
    ['-0', '0.00', 0],
    [-0, '0.00', 0],
    ['-0.00', '0.00', 0],
    ['540.000', '540.00', 54000],
    ['0.005', '0.005', Number.NaN],
    ['999999999.9999999999', '999999999.9999999999', Number.NaN],
    [1e-7, '0.0000001', Number.NaN],
    [0.07, '0.07', 7],
  ])('%j → %s', (input, text, cents) => {
    expect(parseMoney(input)).toEqual({ text, cents });
  });

  it.each(['1e3', '1,200.00', ' 12', '12 ', '+5', '.5', '5.', '0012', '1000000000', '1.12345678901', 'NaN', 'Infinity', '', '--1', '١٢'])(
    'refuses %j',
    (input) => expect(parseMoney(input)).toBeNull(),
  );

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e21, 0.1 + 0.2, 2 ** 53])('refuses the number %s', (input) => {
    expect(parseMoney(input)).toBeNull();
  });

  it.each([null, undefined, true, {}, [], 10n])('refuses %s', (input) => expect(parseMoney(input)).toBeNull());
});

describe('a number is read as the decimal it is, then checked as that string (#12: exact money)', () => {
  it.each([
    [1e-10, '0.0000000001'], // the smallest step of the largest scale accepted
    [-1e-10, '-0.0000000001'],
    [1.5e-7, '0.00000015'],
    [123456789.1, '123456789.10'],
    [999999999.9999999, '999999999.9999999'],
    [-0, '0.00'],
    [0.07, '0.07'],
  ])('accepts %s as %s', (input, text) => {
    expect(parseMoney(input)?.text).toBe(text);
    expect(parseMoney(input)).toEqual(parseMoney(decimalText(input)));
  });

  it.each([
    [5e-11, '0.00000000005'], // one decimal more than the largest scale
    [1e-11, '0.00000000001'],
    [1.5e-10, '0.00000000015'],
    [5e-324, `0.${'0'.repeat(323)}5`],
    [1e9, '1000000000'], // one integer digit more than the most
    [1e21, `1${'0'.repeat(21)}`],
    [0.1 + 0.2, '0.30000000000000004'],
  ])('refuses %s, as it refuses the string %s', (input, text) => {
    expect(decimalText(input)).toBe(text);
    expect(parseMoney(text)).toBeNull();
    expect(parseMoney(input)).toBeNull();
  });

  it('writes every finite number out exactly: the decimal reads back as the same number, and judges as its string', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = decimalText(value);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(text)).toBe(value === 0 ? 0 : value);
        expect(parseMoney(value)).toEqual(parseMoney(text));
      }),
      { numRuns: 2000 },
    );
    // Amounts on the accepted grid (up to the limits) round-trip as numbers too, when the number holds them.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** MAX_AMOUNT_DIGITS - 1 }), fc.integer({ min: 0, max: MAX_AMOUNT_DECIMALS }), fc.integer({ min: 0, max: 9999999999 }), (whole, scale, digits) => {
        const fraction = String(digits).padStart(10, '0').slice(0, scale);
        const text = scale === 0 ? String(whole) : `${whole}.${fraction}`;
        const value = Number(text);
        if (decimalText(value).replace(/\.?0+$/, '') !== text.replace(/\.?0+$/, '')) return; // not a double
        expect(parseMoney(value)).toEqual(parseMoney(text));
      }),
    );
  });
});

describe('parseMoney reads the documented format exactly (char-code reader against the pattern)', () => {
  // The format as docs/interpretation.md states it, read the slow way: the oracle the reader must equal.
  const pattern = new RegExp(`^(-?)(0|[1-9]\\d{0,${MAX_AMOUNT_DIGITS - 1}})(?:\\.(\\d{1,${MAX_AMOUNT_DECIMALS}}))?$`);
  function byPattern(raw: string): { text: string; cents: number } | null {
    const match = pattern.exec(raw);
    if (match === null) return null;
    const fraction = (match[3] ?? '').replace(/0+$/, '').padEnd(2, '0');
    const whole = match[2] as string;
    const sign = match[1] === '-' && !(whole === '0' && fraction === '00') ? '-' : '';
    return { text: `${sign}${whole}.${fraction}`, cents: fraction.length === 2 ? Number(`${sign}${whole}${fraction}`) : Number.NaN };
  }
  const digit = fc.constantFrom(...'0123456789');
  const char = fc.constantFrom(...'0123456789.-+e ,', '٣', '\u0000');
  const amountText = fc.oneof(
    // Near the format: sign, whole digits, a point and decimals, each of any length around the limits.
    fc.tuple(fc.constantFrom('', '-', '+', '--'), fc.array(digit, { maxLength: 11 }), fc.constantFrom('', '.', ','), fc.array(digit, { maxLength: 12 })).map(([sign, whole, point, fraction]) => `${sign}${whole.join('')}${point}${fraction.join('')}`),
    fc.array(char, { maxLength: 14 }).map((chars) => chars.join('')),
  );

  it('property: any text gives what the pattern gives (null, or the same text and cents)', () => {
    fc.assert(
      fc.property(amountText, (raw) => {
        expect(parseMoney(raw)).toStrictEqual(byPattern(raw));
      }),
      { numRuns: 5000 },
    );
  });

  it.each(['', '-', '.', '0.', '.5', '05', '-05', '+1', ' 1', '1 ', '1.2.3', '1e3', '1234567890', '1.12345678901', '٣', '0x10', '1,000'])('%j is not an amount', (raw) => {
    expect(byPattern(raw)).toBeNull();
    expect(parseMoney(raw)).toBeNull();
  });

  it.each<[string, string, number]>([
    ['123456789', '123456789.00', 12345678900],
    ['-123456789.99', '-123456789.99', -12345678999],
    ['0.1234567890', '0.123456789', Number.NaN],
    ['1.050', '1.05', 105],
    ['1.500', '1.50', 150],
    ['-0.0000000000', '0.00', 0],
    ['7.001', '7.001', Number.NaN],
  ])('%j reads as %j, %d cents', (raw, text, cents) => {
    expect(parseMoney(raw)).toStrictEqual({ text, cents });
    expect(byPattern(raw)).toStrictEqual({ text, cents });
  });
});

describe('exact arithmetic', () => {
  it('sums 7199.90 + 0.07 + 0.03 to exactly 7200.00', () => {
    const sum = sumMoney([m('7199.90'), m(0.07), m('0.03')]);
    expect(sum.text).toBe('7200.00');
    expect(compareMoney(sum, m('7200.00'))).toBe(0);
  });

  it('falls back to decimals for sub-cent amounts', () => {
    expect(sumMoney([m('0.005'), m('0.005'), m('1.00')]).text).toBe('1.01');
    expect(sumMoney([m('0.001'), m('-0.001')]).text).toBe('0.00');
    expect(compareMoney(m('7199.995'), m('7200.00'))).toBe(-1);
    expect(floorUnits(m('7199.999'))).toBe(7199);
  });

  it('keeps integer cents only for whole-cent results (the fast path never sees a fraction of a cent)', () => {
    expect(sumMoney([m('0.005'), m('0.001')])).toEqual({ text: '0.006', cents: Number.NaN });
    expect(sumMoney([m('0.005'), m('0.005')])).toEqual({ text: '0.01', cents: 1 });
    expect(subtractMoney(m('0.005'), m('0.001')).cents).toBeNaN();
    expect(multiplyMoney(m('0.005'), 3)).toEqual({ text: '0.015', cents: Number.NaN });
    const huge = sumMoney(Array.from({ length: 100_000 }, () => m('999999999.99')));
    expect(huge.cents).toBeNaN();
    expect(huge.text).toBe('99999999999000.00');
  });

  it('stays exact beyond the safe-integer range of cents', () => {
    const big = Array.from({ length: 200_000 }, () => m('999999999.99'));
    expect(sumMoney(big).text).toBe('199999999998000.00');
  });

  it('floors whole units, never below zero', () => {
    expect(floorUnits(m('7199.99'))).toBe(7199);
    expect(floorUnits(m('-0.50'))).toBe(0);
    expect(floorUnits(m('0.99'))).toBe(0);
    expect(floorUnits(m('1.00'))).toBe(1);
  });

  it('subtracts, multiplies and measures shortfalls exactly', () => {
    expect(subtractMoney(m('7200'), m('7199.99')).text).toBe('0.01');
    expect(multiplyMoney(m('45.00'), 12).text).toBe('540.00');
    expect(moneyShortfall(m('7200'), m('7200.00')).text).toBe('0.00');
    expect(moneyShortfall(m('7200'), m('-10')).text).toBe('7210.00');
    expect(moneyShortfall(m('7200'), m('7199.995')).text).toBe('0.005');
  });

  it('sums in any order to the same exact result', () => {
    const amount = fc.tuple(fc.integer({ min: -999_999_999, max: 999_999_999 }), fc.integer({ min: 0, max: 999 })).map(([whole, milli]) => m(`${whole}.${String(milli).padStart(3, '0')}`));
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 30 }), (values) => {
        expect(sumMoney([...values].reverse()).text).toBe(sumMoney(values).text);
      }),
    );
  });
});
