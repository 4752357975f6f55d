/// <reference path="./vendor.d.ts" />
/**
 * The embedded font family, DejaVu Sans Condensed (regular and bold, from the
 * `dejavu-fonts-ttf` package): Latin, Latin Extended, Greek and Cyrillic,
 * with € and the typographic punctuation. The font files are bundled into
 * this entry as base64 by tsup (never read from a file system, so the entry
 * runs in a browser too) and decoded once, on the first PDF.
 */
import { create, type Font } from 'fontkit';
import boldBase64 from 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf';
import regularBase64 from 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf';

/** The family name, for documentation and warnings. */
export const FONT_FAMILY = 'DejaVu Sans Condensed';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 to bytes, without `atob` or `Buffer` (the core reads no globals). */
export function decodeBase64(text: string): Uint8Array {
  const values = new Uint8Array(128).fill(255);
  for (let i = 0; i < ALPHABET.length; i++) values[ALPHABET.charCodeAt(i)] = i;
  const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let count = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    bits = (bits << 6) | (values[clean.charCodeAt(i)] as number);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out[o++] = (bits >> count) & 0xff;
    }
  }
  return out.subarray(0, o);
}

let fonts: { readonly regular: Font; readonly bold: Font } | undefined;

/** The two faces, parsed on first use and then shared (fontkit fonts are read-only). */
export function embeddedFonts(): { readonly regular: Font; readonly bold: Font } {
  fonts ??= { regular: create(decodeBase64(regularBase64)), bold: create(decodeBase64(boldBase64)) };
  return fonts;
}
