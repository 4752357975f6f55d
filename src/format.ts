/**
 * Figures as a person reads them, for generated Markdown and sentences
 * (`describeProgram`, `diffPrograms`, `explainEvaluation`, `planUpgrade`):
 * fixed `en` grouping, never the host locale, and always on the decimal
 * strings of results, never on floats.
 */

/**
 * An integer with thousands separators.
 * @example
 * formatCount(200000) //=> '200,000'
 */
export function formatCount(value: number): string {
  const sign = value < 0 ? '-' : '';
  return sign + String(Math.abs(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function groupAmount(text: string): { sign: string; grouped: string } {
  const negative = text.startsWith('-');
  const [whole = '0', fraction] = (negative ? text.slice(1) : text).split('.');
  return { sign: negative ? '-' : '', grouped: `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction === undefined ? '' : `.${fraction}`}` };
}

/**
 * A canonical decimal amount with thousands separators and its currency label after it.
 * @example
 * formatAmount('12000.00', 'USD') //=> '12,000.00 USD'
 */
export function formatAmount(text: string, currency: string): string {
  const { sign, grouped } = groupAmount(text);
  return `${sign}${grouped} ${currency}`;
}

/**
 * A decimal amount as a sentence writes it: `$` for USD, the label after it otherwise.
 * @example
 * formatMoney('7200.00', 'USD') //=> '$7,200.00'
 * formatMoney('-12.5', 'EUR') //=> '-12.5 EUR'
 */
export function formatMoney(amount: string, currency: string): string {
  if (currency !== 'USD') return formatAmount(amount, currency);
  const { sign, grouped } = groupAmount(amount);
  return `${sign}$${grouped}`;
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

/** A Markdown table cell: pipes escaped, line breaks flattened. */
export function cell(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
