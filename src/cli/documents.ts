/**
 * What the `describe --format pdf|html|markdown` and `statement` commands
 * call: render a document model in a format, name its file after the
 * partner id safely for every file system, and write it atomically (a
 * temporary name, then a rename), so a failed run leaves no half-written file.
 */
import { randomUUID } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { renderHtml, renderMarkdown, type DocumentModel } from '../index';
import type { PdfPaper, PdfWarning, RenderPdfOptions } from '../pdf/index';

/** The output formats of the document commands. */
export const documentFormats = ['pdf', 'html', 'markdown'] as const;
/** A document format. */
export type DocumentFormat = (typeof documentFormats)[number];

/** The file extension of each format. */
export const documentExtensions: Readonly<Record<DocumentFormat, string>> = { pdf: '.pdf', html: '.html', markdown: '.md' };

/** The PDF renderer of `@exponential/partner-program/pdf`. */
export type PdfRenderer = (doc: DocumentModel, opts?: RenderPdfOptions) => Promise<Uint8Array>;

/**
 * Loads the PDF renderer from the built `./pdf` entry beside the built CLI
 * (dist/pdf/index.js next to dist/cli/), only when a PDF is asked for: it
 * carries pdfkit and the font, which the other commands never load.
 */
export async function loadPdfRenderer(): Promise<PdfRenderer> {
  const url = new URL('../pdf/index.js', import.meta.url).href;
  const entry = (await import(url)) as { renderPdf: PdfRenderer };
  return entry.renderPdf;
}

/** Options of {@link renderDocument}. */
export type RenderDocumentOptions = {
  readonly format: DocumentFormat;
  /** PDF and HTML page size; default letter. */
  readonly paper?: PdfPaper;
  /** Font fallback warnings of the PDF renderer (the CLI prints them on stderr). */
  readonly onWarning?: (warning: PdfWarning) => void;
  /** The PDF renderer; default {@link loadPdfRenderer}'s. */
  readonly pdf?: PdfRenderer;
};

/** A document in a format: bytes for PDF, text for HTML and Markdown. */
export async function renderDocument(doc: DocumentModel, opts: RenderDocumentOptions): Promise<Uint8Array | string> {
  switch (opts.format) {
    case 'markdown':
      return renderMarkdown(doc);
    case 'html':
      return renderHtml(doc, opts.paper === undefined ? {} : { paper: opts.paper });
    case 'pdf': {
      const render = opts.pdf ?? (await loadPdfRenderer());
      return render(doc, { ...(opts.paper === undefined ? {} : { paper: opts.paper }), ...(opts.onWarning === undefined ? {} : { onWarning: opts.onWarning }) });
    }
  }
}

/**
 * Whether a PDF may go to this standard output: only when it is not a
 * terminal (binary on a terminal garbles it); the command then asks for `--out`.
 */
export function mayWriteBinaryTo(stream: { readonly isTTY?: boolean }): boolean {
  return stream.isTTY !== true;
}

/** The longest file name stem, in UTF-8 bytes: room for a `~hash`, an extension and a temporary suffix under the common 255-byte limit. */
export const MAX_STEM_BYTES = 120;

// Reserved on Windows (and `/` everywhere), plus C0/C1 controls and DEL.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f]/g;
// Windows device names, reserved with any extension and in any case (CON, con.txt, COM¹).
const DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

const utf8 = new TextEncoder();

/** FNV-1a 32 of the UTF-8 bytes, as 8 hex digits: a short, stable tag of an id. */
export function idHash(id: string): string {
  let hash = 0x811c9dc5;
  for (const byte of utf8.encode(id)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function truncateBytes(text: string, bytes: number): string {
  let out = '';
  let used = 0;
  for (const char of text) {
    const size = utf8.encode(char).length;
    if (used + size > bytes) break;
    out += char;
    used += size;
  }
  return out;
}

/**
 * A partner id as a file name stem that is safe on Linux, macOS and
 * Windows (the rule, in docs/guides/documents.md):
 * 1. Unicode NFC; `/ \ < > : " | ? *`, control characters and DEL become `_`;
 * 2. leading dots and spaces become `_` (no hidden files, no `..`), trailing ones too (Windows drops them);
 * 3. an empty id is `_`; a Windows device name (`CON`, `nul.txt`, `COM1`, …) gets a leading `_`;
 * 4. a stem longer than {@link MAX_STEM_BYTES} UTF-8 bytes is cut and tagged `~` + the id's 8-hex hash.
 * @example
 * safeFileName('acme/../etc') //=> 'acme_.._etc'
 * safeFileName('..') //=> '__'
 * safeFileName('CON') //=> '_CON'
 */
export function safeFileName(id: string): string {
  let stem = id.normalize('NFC').replace(UNSAFE, '_');
  stem = stem.replace(/^[. ]+/, (m) => '_'.repeat(m.length)).replace(/[. ]+$/, (m) => '_'.repeat(m.length));
  if (stem === '') stem = '_';
  if (DEVICE.test(stem)) stem = `_${stem}`;
  if (utf8.encode(stem).length > MAX_STEM_BYTES) stem = `${truncateBytes(stem, MAX_STEM_BYTES - 9)}~${idHash(id)}`;
  return stem;
}

/**
 * One file name per partner id, in order, with the format's extension.
 * Names are compared as case-insensitive file systems (Windows, macOS) do:
 * when two ids give the same name, the first keeps it and each later one is
 * told apart by `~` + its id's hash (then `-2`, `-3`, … in the unlikely case
 * that is taken too), so the same id twice (two ledgers of one partner) gets two names.
 * @example
 * documentFileNames(['Acme', 'acme', 'a/b', 'a:b'], 'pdf') //=> ['Acme.pdf', 'acme~<hash>.pdf', 'a_b.pdf', 'a_b~<hash>.pdf']
 */
export function documentFileNames(ids: readonly string[], format: DocumentFormat): string[] {
  const extension = documentExtensions[format];
  const taken = new Set<string>();
  const key = (stem: string) => `${stem}${extension}`.toLowerCase();
  return ids.map((id) => {
    let stem = safeFileName(id);
    if (taken.has(key(stem))) {
      const base = `${truncateBytes(stem, MAX_STEM_BYTES - 9)}~${idHash(id)}`;
      stem = base;
      for (let n = 2; taken.has(key(stem)); n++) stem = `${base}-${n}`;
    }
    taken.add(key(stem));
    return `${stem}${extension}`;
  });
}

/**
 * Writes a file atomically: to a temporary name in the same directory, then
 * renamed over the target, so readers see the old file or the whole new one,
 * and a failure leaves neither a half-written file nor the temporary one.
 */
export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.${randomUUID()}.tmp`);
  try {
    await writeFile(temporary, data, { flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** Options of {@link writeDocument}. */
export type WriteDocumentOptions = RenderDocumentOptions & {
  /** The file to write. */
  readonly file: string;
};

/**
 * Renders a document and writes it atomically to `file`.
 * @returns The file and what was written.
 */
export async function writeDocument(doc: DocumentModel, opts: WriteDocumentOptions): Promise<{ readonly file: string; readonly data: Uint8Array | string }> {
  const data = await renderDocument(doc, opts);
  await writeFileAtomic(opts.file, data);
  return { file: opts.file, data };
}
