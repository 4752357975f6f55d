/**
 * Number and money formatting for the generated Markdown and sentences:
 * fixed `en` grouping, never the host locale (output must not depend on it).
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

/**
 * A canonical decimal amount with thousands separators and its currency label.
 * @example
 * formatAmount('12000.00', 'USD') //=> '12,000.00 USD'
 */
export function formatAmount(text: string, currency: string): string {
  const negative = text.startsWith('-');
  const [whole = '0', fraction] = (negative ? text.slice(1) : text).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`} ${currency}`;
}

/** A Markdown table cell: pipes escaped, line breaks flattened. */
export function cell(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
