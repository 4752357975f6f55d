/**
 * Exact money (R2, R11). Amounts are parsed once into a canonical decimal
 * string and, when they have at most two decimals, integer cents. Arithmetic
 * runs on integer cents while every value is whole cents and the sums stay
 * safe integers, and on decimal.js otherwise: evaluators never import decimal.js.
 */
import Decimal from 'decimal.js';

/** An exact amount: its canonical text (at least two decimals) and integer cents, or `NaN` when it is not whole cents. */
export type Money = { readonly text: string; readonly cents: number };

/** The largest amount one entry may carry, in whole units (under one billion). */
export const MAX_AMOUNT_DIGITS = 9;
/** The most decimal places an amount may carry. */
export const MAX_AMOUNT_DECIMALS = 10;

// decimal.js rounds to 20 significant digits by default; sums of 10-decimal
// amounts need more. The clone is made on first use: nothing runs at import.
let ExactDecimal: typeof Decimal | undefined;
function exact(value: string | number): Decimal {
  ExactDecimal ??= Decimal.clone({ precision: 64, rounding: Decimal.ROUND_DOWN });
  return new ExactDecimal(value);
}

/**
 * A number as the decimal it is: its shortest round-trip form (`String`),
 * exponent written out, so `5e-11` is `"0.00000000005"` and `1e21` is
 * `"1000000000000000000000"`. Exact: the digits are moved, never rounded.
 * @param value - A finite number.
 * @returns Its plain decimal text (`-0` is `"0"`).
 * @example
 * decimalText(1.5e-7) //=> '0.00000015'
 */
export function decimalText(value: number): string {
  const raw = String(value);
  // Only very small and very large numbers are written with an exponent.
  if (!raw.includes('e')) return raw;
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(raw);
  if (m === null) return raw;
  const digits = `${m[2] as string}${m[3] ?? ''}`;
  // Where the decimal point falls in `digits` (≤ 0: before it, zeros first).
  const point = (m[2] as string).length + Number(m[4]);
  const text =
    point <= 0 ? `0.${'0'.repeat(-point)}${digits}` : point >= digits.length ? `${digits}${'0'.repeat(point - digits.length)}` : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return `${m[1] as string}${text}`;
}

/**
 * Reads an amount: a plain decimal string (`"1200.50"`, `"-30"`) or a finite
 * number, with at most 9 integer digits and 10 decimals. No exponents,
 * signs other than a leading `-`, spaces or thousands separators in a
 * string. A number is read as the decimal it is ({@link decimalText}) and then
 * checked exactly as that string would be: `5e-11` is refused as
 * `"0.00000000005"` is, never rounded to a neighbour.
 * @returns The exact amount, or `null` when the value is not one.
 * @example
 * parseMoney('1200.5') //=> { text: '1200.50', cents: 120050 }
 * parseMoney('1e3') //=> null
 * parseMoney(1.5e-7) //=> { text: '0.00000015', cents: NaN }
 * parseMoney(5e-11) //=> null (11 decimals)
 */
export function parseMoney(value: unknown): Money | null {
  if (typeof value === 'string') return readAmount(value);
  // Out of range either way, whatever its digits: no need to write out 1e308.
  if (typeof value === 'number' && Number.isFinite(value) && (value === 0 || Math.abs(value) >= 1e-11) && Math.abs(value) < 1e10) return readAmount(decimalText(value));
  return null;
}

/**
 * Reads `-?(0|[1-9]\d{0,8})(\.\d{1,10})?` by char code, with no regex: the
 * canonical text (the fraction without its trailing zeros, at least two
 * decimals, no sign on zero) and the cents (at most 11 digits: a safe integer).
 */
function readAmount(raw: string): Money | null {
  const sign = raw.charCodeAt(0) === 45 ? 1 : 0; // '-'
  const point = raw.indexOf('.');
  const end = point === -1 ? raw.length : point;
  // One leading 0 at most, 1–9 integer digits, 1–10 decimals after a point.
  if (end === sign || end - sign > MAX_AMOUNT_DIGITS || (end - sign > 1 && raw.charCodeAt(sign) === 48) || raw.length - end === 1 || raw.length - end > MAX_AMOUNT_DECIMALS + 1) return null;
  let significant = end + 1;
  for (let at = sign; at < raw.length; at++) {
    const code = raw.charCodeAt(at);
    if (at === end) continue;
    if (code < 48 || code > 57) return null;
    if (at > end && code !== 48) significant = at + 1;
  }
  const whole = raw.slice(sign, end);
  const fraction = raw.slice(end + 1, significant);
  const minus = sign === 1 && (fraction !== '' || whole !== '0') ? '-' : '';
  const decimals = fraction.padEnd(2, '0');
  return { text: `${minus}${whole}.${decimals}`, cents: fraction.length <= 2 ? Number(`${minus}${whole}${decimals}`) : Number.NaN };
}

/** Money from integer cents. */
export function moneyFromCents(cents: number): Money {
  const negative = cents < 0;
  const digits = String(Math.abs(cents)).padStart(3, '0');
  const text = `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
  return { text, cents };
}

function moneyFromDecimal(value: Decimal): Money {
  const places = value.decimalPlaces();
  // abs() drops the sign of a negative zero.
  const text = (value.isZero() ? value.abs() : value).toFixed(Math.max(2, places));
  const cents = places <= 2 && value.abs().lte(Number.MAX_SAFE_INTEGER / 100) ? value.times(100).toNumber() : Number.NaN;
  return { text, cents };
}

const ZERO: Money = { text: '0.00', cents: 0 };

/** Zero. */
export function zeroMoney(): Money {
  return ZERO;
}

/**
 * Sums amounts exactly: on integer cents while that is exact, else decimal.js.
 * @example
 * sumMoney([parseMoney('7199.90')!, parseMoney(0.07)!, parseMoney('0.03')!]).text //=> '7200.00'
 */
export function sumMoney(values: readonly Money[]): Money {
  let cents = 0;
  let whole = true;
  for (const value of values) {
    cents += value.cents;
    // NaN (not whole cents) fails this test too.
    if (!(cents <= Number.MAX_SAFE_INTEGER && cents >= -Number.MAX_SAFE_INTEGER)) {
      whole = false;
      break;
    }
  }
  if (whole) return moneyFromCents(cents);
  let sum = exact(0);
  for (const value of values) sum = sum.plus(value.text);
  return moneyFromDecimal(sum);
}

/** Compares two amounts: -1, 0 or 1. */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  if (Number.isFinite(a.cents) && Number.isFinite(b.cents)) return a.cents < b.cents ? -1 : a.cents > b.cents ? 1 : 0;
  return exact(a.text).comparedTo(b.text) as -1 | 0 | 1;
}

/** `a − b`, exactly. */
export function subtractMoney(a: Money, b: Money): Money {
  // NaN (not whole cents) is not a safe integer either.
  const cents = a.cents - b.cents;
  if (Number.isSafeInteger(cents)) return moneyFromCents(cents);
  return moneyFromDecimal(exact(a.text).minus(b.text));
}

/** `value × factor` for an integer factor, exactly. */
export function multiplyMoney(value: Money, factor: number): Money {
  const cents = value.cents * factor;
  if (Number.isSafeInteger(cents)) return moneyFromCents(cents);
  return moneyFromDecimal(exact(value.text).times(factor));
}

/**
 * Whole units of a positive amount, rounded down; 0 for zero or less (R2: revenue points).
 * @example
 * floorUnits(parseMoney('7199.99')!) //=> 7199
 */
export function floorUnits(value: Money): number {
  if (Number.isFinite(value.cents)) return value.cents <= 0 ? 0 : (value.cents - (value.cents % 100)) / 100;
  const d = exact(value.text);
  return d.lte(0) ? 0 : d.floor().toNumber();
}

/** The shortfall `required − actual`, or zero when `actual` meets it. */
export function moneyShortfall(required: Money, actual: Money): Money {
  return compareMoney(actual, required) >= 0 ? ZERO : subtractMoney(required, actual);
}
