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

// C0 controls, DEL and C1 controls, and the Unicode line/paragraph separators
// and bidirectional embeddings, overrides and isolates: the characters that
// move the cursor, retitle or clear a terminal, break a line or a table row,
// or reorder what a reader sees.
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a ledger or a program made safe to print for a person: every
 * control character becomes its code point in `\u{…}` notation (lowercase
 * hex), so ESC is `\u{1b}` and a line break `\u{a}`; everything else is kept.
 * @param text - Any text.
 * @returns The text without a control character.
 * @example
 * escapeControls('Acme\u001b[2J') //=> 'Acme\\u{1b}[2J'
 * escapeControls('Zoë & Co') //=> 'Zoë & Co'
 */
export function escapeControls(text: string): string {
  return text.replace(controls, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

/**
 * Text for Markdown: control characters escaped as {@link escapeControls}
 * does, and the characters Markdown would read as syntax (a `|` that splits a
 * table cell, a `#` heading, emphasis, code, links, HTML) backslash-escaped,
 * so the text renders as itself in a table cell, a heading or a list item.
 * @param value - Any text.
 * @returns The text as a literal Markdown inline.
 * @example
 * cell('Now | then') //=> 'Now \\| then'
 * cell('# <b>Acme</b>') //=> '\\# \\<b\\>Acme\\</b\\>'
 */
export function cell(value: string): string {
  return escapeControls(value).replace(/[\\`*_[\]<>|#~]/g, '\\$&');
}
