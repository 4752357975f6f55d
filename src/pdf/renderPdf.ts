/// <reference path="./vendor.d.ts" />
import PDFDocument from 'pdfkit';
import { toBytes } from 'pdfkit/output';
import { ValidationError, type LedgerIssue } from '../issues';
import { utcMidnight } from '../dates/isoDate';
import { readDocument } from '../documents/readDocument';
import { plainLine } from '../documents/text';
import { describeValue, readObject } from '../readOptions';
import type { DocumentBlock, DocumentModel, DocumentSection, DocumentTable } from '../documents/types';
import { characterFilter, describeCharacter, PDF_FALLBACK_CHARACTER } from './fallback';
import { embeddedFonts, FONT_FAMILY } from './fonts';

/** The paper sizes: US Letter (8.5 × 11 in) and ISO A4 (210 × 297 mm). */
export type PdfPaper = 'letter' | 'a4';

/** A warning of {@link renderPdf}: characters the embedded font cannot show were replaced. */
export type PdfWarning = {
  readonly code: 'unsupported-characters';
  readonly message: string;
  /** Each replaced character once, in order of first appearance. */
  readonly characters: readonly string[];
};

/** Options of {@link renderPdf}. */
export type RenderPdfOptions = {
  /** `letter` (default) or `a4`. */
  readonly paper?: PdfPaper;
  /** Called once per document when characters were replaced by the fallback (the CLI prints it on stderr). */
  readonly onWarning?: (warning: PdfWarning) => void;
};

const PAPER = { letter: 'LETTER', a4: 'A4' } as const;
const MARGIN = { top: 56, bottom: 60, left: 50, right: 50 };
const SIZE = { title: 19, subtitle: 9.5, h2: 14, h3: 11.5, body: 9.5, table: 7.8, footer: 7.5 };
const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#bbbbbb';
const HEAD_FILL = '#ececec';
const STRIPE = '#f7f7f7';
const PAD = { x: 3.5, y: 2.6 };

type Pdf = InstanceType<typeof PDFDocument>;
type Face = 'regular' | 'bold';

/**
 * String widths at the table size, cached per face: a long entries table
 * repeats the same dates, types, outcomes and rule ids thousands of times,
 * and each measure is a font layout.
 */
function widthCache(pdf: Pdf): (face: Face, text: string) => number {
  const cache = { regular: new Map<string, number>(), bold: new Map<string, number>() };
  return (face, text) => {
    let width = cache[face].get(text);
    if (width === undefined) {
      pdf.font(face, SIZE.table);
      width = pdf.widthOfString(text);
      cache[face].set(text, width);
    }
    return width;
  };
}

/** Column widths that fit the page: natural widths when they fit, else each at least its longest word. */
function columnWidths(width: (face: Face, text: string) => number, table: DocumentTable, headers: readonly string[], cells: readonly (readonly string[])[], available: number): number[] {
  const n = table.columns.length;
  const natural = new Array<number>(n).fill(0);
  const word = new Array<number>(n).fill(0);
  const measure = (face: Face, text: string, i: number) => {
    natural[i] = Math.max(natural[i] as number, width(face, text) + 2 * PAD.x);
    for (const part of text.split(' ')) word[i] = Math.max(word[i] as number, width(face, part) + 2 * PAD.x);
  };
  headers.forEach((header, i) => measure('bold', header, i));
  // Long tables: the first rows set the widths (what a reader sees first, and linear time).
  for (const row of cells.slice(0, 400)) row.forEach((cell, i) => measure('regular', cell, i));
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= available) return natural.map((w) => (w * available) / total);
  const minimum = word.map((w) => Math.min(w, available / 2.5));
  const floor = minimum.reduce((a, b) => a + b, 0);
  if (floor >= available) return minimum.map((w) => (w * available) / floor);
  const extra = natural.map((w, i) => Math.max(0, w - (minimum[i] as number)));
  const extraTotal = extra.reduce((a, b) => a + b, 0);
  return minimum.map((w, i) => w + ((extra[i] as number) * (available - floor)) / extraTotal);
}

/** Lays the document out page by page; text goes in reading order (top to bottom, left to right). */
function layout(pdf: Pdf, doc: DocumentModel, clean: (text: string) => string): void {
  const width = pdf.page.width - MARGIN.left - MARGIN.right;
  const textWidth = widthCache(pdf);
  const bottom = () => pdf.page.height - MARGIN.bottom;
  const ensure = (height: number) => {
    if (pdf.y + height > bottom()) pdf.addPage();
  };

  const paragraph = (text: string, options: { indent?: number; size?: number; color?: string } = {}) => {
    const indent = options.indent ?? 0;
    pdf.font('regular', options.size ?? SIZE.body).fillColor(options.color ?? INK);
    const body = clean(text);
    ensure(Math.min(pdf.heightOfString(body, { width: width - indent }), 3 * pdf.currentLineHeight(true)));
    pdf.text(body, MARGIN.left + indent, pdf.y, { width: width - indent, lineGap: 1.2 });
  };

  const table = (block: DocumentTable) => {
    const cells = block.rows.map((row) => row.map(clean));
    const headers = block.columns.map((column) => clean(column.header));
    const widths = columnWidths(textWidth, block, headers, cells, width);
    const rowHeight = (row: readonly string[], font: Face) => {
      let lines = 1;
      row.forEach((cell, i) => {
        const inner = (widths[i] as number) - 2 * PAD.x;
        if (textWidth(font, cell) > inner) {
          pdf.font(font, SIZE.table);
          lines = Math.max(lines, Math.ceil(pdf.heightOfString(cell, { width: inner }) / pdf.currentLineHeight(true)));
        }
      });
      pdf.font(font, SIZE.table);
      return lines * pdf.currentLineHeight(true) + 2 * PAD.y;
    };
    const drawRow = (row: readonly string[], font: Face, height: number, fill: string | null) => {
      const y = pdf.y;
      if (fill !== null) pdf.rect(MARGIN.left, y, width, height).fill(fill);
      pdf.font(font, SIZE.table).fillColor(INK);
      let x = MARGIN.left;
      row.forEach((cell, i) => {
        const w = widths[i] as number;
        const right = block.columns[i]?.align === 'right';
        const one = textWidth(font, cell);
        // Most cells fit on one line: set them directly, without the line wrapper (a long table's cost).
        if (one <= w - 2 * PAD.x) pdf.text(cell, right ? x + w - PAD.x - one : x + PAD.x, y + PAD.y, { lineBreak: false });
        else pdf.text(cell, x + PAD.x, y + PAD.y, { width: w - 2 * PAD.x, height: bottom() - y - PAD.y, ellipsis: true, align: right ? 'right' : 'left' });
        x += w;
      });
      pdf.lineWidth(0.4).strokeColor(RULE).moveTo(MARGIN.left, y + height).lineTo(MARGIN.left + width, y + height).stroke();
      pdf.x = MARGIN.left;
      pdf.y = y + height;
    };
    const headerHeight = rowHeight(headers, 'bold');
    const header = () => drawRow(headers, 'bold', headerHeight, HEAD_FILL);
    // The header never ends a page alone: it goes with at least its first row.
    ensure(headerHeight + (cells[0] === undefined ? 0 : rowHeight(cells[0], 'regular')));
    header();
    cells.forEach((row, r) => {
      const height = Math.min(rowHeight(row, 'regular'), bottom() - MARGIN.top - headerHeight);
      if (pdf.y + height > bottom()) {
        pdf.addPage();
        header();
      }
      drawRow(row, 'regular', height, r % 2 === 1 ? STRIPE : null);
    });
    pdf.y += 8;
  };

  const block = (b: DocumentBlock) => {
    switch (b.kind) {
      case 'paragraph':
        paragraph(b.text);
        pdf.y += 5;
        return;
      case 'quote': {
        const top = pdf.y;
        paragraph(`“${b.text}”`, { indent: 12, color: MUTED });
        pdf.lineWidth(1.5).strokeColor(RULE).moveTo(MARGIN.left + 4, Math.min(top, pdf.y)).lineTo(MARGIN.left + 4, pdf.y).stroke();
        pdf.y += 5;
        return;
      }
      case 'list':
        b.items.forEach((item, i) => {
          const marker = b.ordered ? `${i + 1}.` : '•';
          pdf.font('regular', SIZE.body);
          ensure(pdf.currentLineHeight(true) * 2);
          const y = pdf.y;
          pdf.fillColor(INK).text(marker, MARGIN.left + 2, y, { width: 14, lineBreak: false });
          pdf.y = y;
          paragraph(item, { indent: 16 });
          pdf.y += 2;
        });
        pdf.y += 4;
        return;
      case 'table':
        table(b);
        return;
    }
  };

  const section = (s: DocumentSection, level: 2 | 3) => {
    const size = level === 2 ? SIZE.h2 : SIZE.h3;
    pdf.font('bold', size);
    // A heading stays with the start of what follows it.
    ensure(pdf.currentLineHeight(true) + 60);
    pdf.y += level === 2 ? 8 : 4;
    if (level === 2) pdf.outline.addItem(clean(s.heading));
    pdf.fillColor(INK).text(clean(s.heading), MARGIN.left, pdf.y, { width });
    if (level === 2) {
      pdf.lineWidth(0.6).strokeColor(RULE).moveTo(MARGIN.left, pdf.y + 1).lineTo(MARGIN.left + width, pdf.y + 1).stroke();
    }
    pdf.y += 5;
    for (const b of s.blocks) block(b);
    for (const sub of s.subsections) section(sub, 3);
  };

  pdf.font('bold', SIZE.title).fillColor(INK).text(clean(doc.title), MARGIN.left, MARGIN.top, { width });
  pdf.y += 2;
  paragraph(doc.subtitle, { size: SIZE.subtitle, color: MUTED });
  pdf.y += 6;
  for (const s of doc.sections) section(s, 2);
}

/** Page numbers and the document title in every page's bottom margin. */
function footers(pdf: Pdf, title: string): void {
  const { start, count } = pdf.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    pdf.switchToPage(i);
    const width = pdf.page.width - MARGIN.left - MARGIN.right;
    const y = pdf.page.height - MARGIN.bottom + 22;
    // Writing inside the bottom margin must not start a new page.
    pdf.page.margins.bottom = 0;
    pdf.font('regular', SIZE.footer).fillColor(MUTED);
    pdf.text(title, MARGIN.left, y, { width: width * 0.75, lineBreak: false, ellipsis: true });
    pdf.text(`Page ${i + 1} of ${count}`, MARGIN.left, y, { width, align: 'right', lineBreak: false });
    pdf.page.margins.bottom = MARGIN.bottom;
  }
}

/**
 * A document as PDF: the fonts embedded (DejaVu Sans Condensed, subset to the
 * glyphs used), text selectable and in reading order, page numbers, tables
 * that break across pages repeating their header row, US Letter or A4, and
 * the metadata title, subject and creation date (the document's as-of date),
 * so that the same document gives the same bytes. Characters the font cannot
 * show are replaced by U+FFFD and reported once through `onWarning`.
 * Runs in Node and in browsers (the font is bundled, nothing is read from disk).
 * @param doc - What `programOverview` or `partnerStatement` returned (or the same plain data, e.g. after JSON).
 * @param opts - `paper` (`letter` default, or `a4`) and `onWarning`.
 * @returns The PDF file's bytes.
 * @throws {ValidationError} When `doc` is not a document model (one issue at the first path that does not fit, as `renderMarkdown` checks it), or an option is invalid (`paper` not `letter` or `a4`, `onWarning` not a function).
 * @example
 * const bytes = await renderPdf(programOverview(exponentialProgram, { asOf: '2026-11-30' }), { paper: 'a4' });
 * new TextDecoder().decode(bytes.subarray(0, 8)) //=> '%PDF-1.7'
 */
export async function renderPdf(doc: DocumentModel, opts: RenderPdfOptions = {}): Promise<Uint8Array> {
  // The readers push issues and never throw: this entry throws only the core's ValidationError
  // (`../issues` resolves to the main entry), never a bundled copy's.
  const issues: LedgerIssue[] = [];
  const model = readDocument(doc, 'doc', issues);
  const options = readObject(opts === undefined ? {} : opts, ['paper', 'onWarning'], '', 'options must be an object: { paper?, onWarning? }', issues);
  const paper = options?.['paper'] ?? 'letter';
  const onWarning = options?.['onWarning'];
  if (options !== undefined && 'paper' in options && paper !== 'letter' && paper !== 'a4') issues.push({ path: 'paper', code: 'invalid-value', message: `"paper" must be "letter" or "a4", received ${describeValue(paper)}` });
  if (onWarning !== undefined && typeof onWarning !== 'function') issues.push({ path: 'onWarning', code: 'invalid-type', message: `"onWarning" must be a function, received ${describeValue(onWarning)}` });
  if (issues.length > 0) throw new ValidationError(issues as [LedgerIssue, ...LedgerIssue[]]);
  return render(model as DocumentModel, paper as PdfPaper, onWarning as RenderPdfOptions['onWarning']);
}

async function render(doc: DocumentModel, paper: PdfPaper, onWarning: RenderPdfOptions['onWarning']): Promise<Uint8Array> {
  const fonts = embeddedFonts();
  const filter = characterFilter([fonts.regular, fonts.bold]);
  // Bidirectional controls are left to the font filter, which replaces them too and reports them.
  const clean = (text: string) => filter.apply(plainLine(text, 'keep'));
  // The as-of date is the creation date: with no clock read, the same input gives the same bytes.
  const date = utcMidnight(doc.metadata.date);
  const pdf = new PDFDocument({
    size: PAPER[paper],
    margins: MARGIN,
    font: null,
    bufferPages: true,
    autoFirstPage: true,
    pdfVersion: '1.7',
    lang: doc.metadata.language,
    displayTitle: true,
    info: {
      Title: clean(doc.metadata.title),
      Subject: clean(doc.metadata.subject),
      Author: clean(doc.metadata.program.name),
      Creator: '@exponential/partner-program',
      Producer: '@exponential/partner-program (pdfkit)',
      CreationDate: date,
      ModDate: date,
    },
  });
  pdf.registerFont('regular', fonts.regular);
  pdf.registerFont('bold', fonts.bold);
  layout(pdf, doc, clean);
  footers(pdf, clean(doc.metadata.title));
  const bytes = toBytes(pdf);
  pdf.end();
  const result = await bytes;
  if (filter.replaced.size > 0 && onWarning !== undefined) {
    const characters = [...filter.replaced];
    onWarning({
      code: 'unsupported-characters',
      message: `${characters.length} character${characters.length === 1 ? '' : 's'} that ${FONT_FAMILY} cannot show (or that need shaping) replaced by ${describeCharacter(PDF_FALLBACK_CHARACTER)}: ${characters.slice(0, 20).map(describeCharacter).join(', ')}${characters.length > 20 ? ', …' : ''}`,
      characters,
    });
  }
  return result;
}
