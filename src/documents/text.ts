/**
 * Text clean-up every renderer applies before its own escaping: ledger and
 * program text is free-form, so control characters and line breaks must not
 * reach a format where they mean structure, and bidirectional controls must
 * not reorder what a reader sees. The characters are those `escapeControls`
 * (src/format.ts) escapes in the command line's output; documents show
 * U+FFFD in their place (a test keeps the two sets equal).
 */

/** The character shown in place of a control character (and, in PDF, of a character the font lacks). */
export const REPLACEMENT_CHARACTER = '\uFFFD';

// C0 and C1 controls and DEL, except tab and line breaks, which are flattened to spaces instead.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
const BIDI = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * One line of plain text: line breaks and tabs become spaces, other control
 * characters and the bidirectional controls the replacement character.
 * @param text - Any text.
 * @param bidi - `'keep'` leaves the bidirectional controls for the PDF font filter, which replaces them too and reports them.
 * @example
 * plainLine('a\nb\u0007') //=> 'a b\uFFFD'
 * plainLine('abc\u202Efed') //=> 'abc\uFFFDfed'
 */
export function plainLine(text: string, bidi: 'replace' | 'keep' = 'replace'): string {
  const line = text.replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' ').replace(CONTROLS, REPLACEMENT_CHARACTER);
  return bidi === 'keep' ? line : line.replace(BIDI, REPLACEMENT_CHARACTER);
}
