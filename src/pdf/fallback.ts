/// <reference path="./vendor.d.ts" />
/**
 * The PDF's character fallback: the embedded font covers Latin, Latin
 * Extended, Greek and Cyrillic; a character it has no glyph for (CJK, most
 * symbols outside it), or one from a script that needs right-to-left or
 * complex shaping the PDF layout does not do (Hebrew, Arabic, Syriac,
 * Thaana, N'Ko, the Indic and South-East Asian scripts, Tibetan, Mongolian),
 * is replaced by U+FFFD REPLACEMENT CHARACTER, and reported.
 */
import type { Font } from 'fontkit';

/** What replaces a character the PDF cannot show: U+FFFD �. */
export const PDF_FALLBACK_CHARACTER = '\uFFFD';

// Scripts whose text needs bidi reordering or complex shaping: shown wrong without it, so replaced.
const SHAPED: readonly (readonly [number, number])[] = [
  [0x0590, 0x08ff], // Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic, Arabic extensions
  [0x0900, 0x0dff], // Devanagari … Sinhala
  [0x0e00, 0x0fff], // Thai, Lao, Tibetan
  [0x1000, 0x109f], // Myanmar
  [0x1780, 0x18af], // Khmer, Mongolian
  [0xfb1d, 0xfdff], // Hebrew and Arabic presentation forms
  [0xfe70, 0xfeff], // Arabic presentation forms B, byte order mark
  [0x200e, 0x200f], // bidi marks
  [0x202a, 0x202e], // bidi embeddings and overrides
  [0x2066, 0x2069], // bidi isolates
];

function needsShaping(codePoint: number): boolean {
  for (const [from, to] of SHAPED) if (codePoint >= from && codePoint <= to) return true;
  return false;
}

/** Replaces what the fonts cannot show. */
export type CharacterFilter = {
  /** The text with every unsupported character (a whole code point) replaced by {@link PDF_FALLBACK_CHARACTER}. */
  readonly apply: (text: string) => string;
  /** The characters replaced so far, each once, in order of first appearance. */
  readonly replaced: ReadonlySet<string>;
};

/** A filter for text set in `fonts` (a character must be in all of them). */
export function characterFilter(fonts: readonly Font[]): CharacterFilter {
  const known = new Map<number, boolean>();
  const replaced = new Set<string>();
  const supported = (codePoint: number): boolean => {
    let ok = known.get(codePoint);
    if (ok === undefined) {
      ok = codePoint === 0x20 || (!needsShaping(codePoint) && fonts.every((font) => font.hasGlyphForCodePoint(codePoint)));
      known.set(codePoint, ok);
    }
    return ok;
  };
  const apply = (text: string): string => {
    let out = '';
    let changed = false;
    for (const char of text) {
      if (supported(char.codePointAt(0) as number)) out += char;
      else {
        out += PDF_FALLBACK_CHARACTER;
        changed = true;
        replaced.add(char);
      }
    }
    return changed ? out : text;
  };
  return { apply, replaced };
}

/** `U+5C71 山` for a warning. */
export function describeCharacter(char: string): string {
  return `U+${(char.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')} ${char}`;
}
