/**
 * Figures as a person reads them, for the sentences of `explainEvaluation`
 * and `planUpgrade`: grouped thousands, money with its currency, plurals.
 * Works on the decimal strings of results, never on floats.
 */

/**
 * An integer with grouped thousands.
 * @example
 * formatCount(12345) //=> '12,345'
 */
export function formatCount(value: number): string {
  const sign = value < 0 ? '-' : '';
  return sign + String(Math.abs(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A decimal amount with grouped thousands and its currency.
 * @example
 * formatMoney('7200.00', 'USD') //=> '$7,200.00'
 * formatMoney('-12.5', 'EUR') //=> '-12.5 EUR'
 */
export function formatMoney(amount: string, currency: string): string {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction] = (negative ? amount.slice(1) : amount).split('.');
  const grouped = `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction === undefined ? '' : `.${fraction}`}`;
  const sign = negative ? '-' : '';
  return currency === 'USD' ? `${sign}$${grouped}` : `${sign}${grouped} ${currency}`;
}

/**
 * `count` and the noun, singular or plural.
 * @example
 * plural(1, 'point') //=> '1 point'
 * plural(2500, 'point') //=> '2,500 points'
 */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${formatCount(count)} ${count === 1 ? noun : nouns}`;
}

/** Whether a decimal amount is zero. */
export function isZeroAmount(amount: string): boolean {
  return /^-?0+(\.0+)?$/.test(amount);
}
