/**
 * Text clean-up every renderer applies before its own escaping: ledger text
 * is free-form, so control characters and line breaks must not reach a
 * format where they mean structure.
 */

/** The character shown in place of a control character (and, in PDF, of a character the font lacks). */
export const REPLACEMENT_CHARACTER = '\uFFFD';

// C0 and C1 controls except tab and line breaks, which are flattened to spaces instead.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * One line of plain text: line breaks and tabs become spaces, other control
 * characters the replacement character.
 * @example
 * plainLine('a\nb\u0007') //=> 'a b\uFFFD'
 */
export function plainLine(text: string): string {
  return text.replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' ').replace(CONTROLS, REPLACEMENT_CHARACTER);
}
