import { issue, throwIfAny, ValidationError, type LedgerIssue } from '../issues';
import { describeValue, readObject } from '../readOptions';
import { readDocument } from './readDocument';
import { plainLine } from './text';
import type { DocumentBlock, DocumentModel, DocumentSection, DocumentTable } from './types';

/** Options of {@link renderHtml}. */
export type RenderHtmlOptions = {
  /** The printed page size (`@page size`); default: the printer's. */
  readonly paper?: 'letter' | 'a4';
};

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Plain text as HTML text or attribute value: `& < > " '` become entities,
 * control characters (bidirectional ones too) the replacement character.
 * @param text - Plain text (a string).
 * @returns The text as HTML, on one line.
 * @throws {ValidationError} When `text` is not a string (path `text`).
 * @example
 * escapeHtml('<script>alert("x")</script>') //=> '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
 */
export function escapeHtml(text: string): string {
  if (typeof text !== 'string') throw new ValidationError([issue('text', 'invalid-type', `"text" must be a string, received ${describeValue(text)}`)]);
  return plainLine(text).replace(/[&<>"']/g, (c) => entities[c] as string);
}

// Print first: repeated table headers (thead), no row split across pages,
// headings kept with what follows, page numbers in the page margin.
const STYLE = `
:root { color: #1a1a1a; background: #fff; }
body { font: 10pt/1.45 "DejaVu Sans", "Noto Sans", "Segoe UI", system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.8em; margin: 0 0 .2em; }
h2 { font-size: 1.3em; margin: 1.6em 0 .5em; border-bottom: 1px solid #bbb; padding-bottom: .15em; }
h3 { font-size: 1.1em; margin: 1.2em 0 .4em; }
.subtitle { color: #555; margin: 0 0 1.5em; }
blockquote { margin: .6em 0; padding: .2em .9em; border-left: 3px solid #bbb; color: #444; font-style: italic; }
table { width: 100%; border-collapse: collapse; margin: .6em 0 1em; font-size: .88em; }
caption { text-align: left; color: #555; font-size: .95em; padding-bottom: .3em; }
th, td { border: 1px solid #ccc; padding: .25em .45em; vertical-align: top; text-align: left; }
th { background: #eee; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody tr:nth-child(even) { background: #fafafa; }
@media print {
  body { margin: 0; max-width: none; padding: 0; }
  thead { display: table-header-group; }
  tr, li, blockquote { break-inside: avoid; }
  h2, h3, caption { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
@page { margin: 16mm 14mm 18mm; @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; color: #555; } }
`;

function renderTable(table: DocumentTable): string {
  const cls = (i: number) => (table.columns[i]?.align === 'right' ? ' class="num"' : '');
  const head = table.columns.map((column, i) => `<th scope="col"${cls(i)}>${escapeHtml(column.header)}</th>`).join('');
  const body = table.rows.map((row) => `<tr>${row.map((cell, i) => `<td${cls(i)}>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n<caption>${escapeHtml(table.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function renderBlock(block: DocumentBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'quote':
      return `<blockquote><p>${escapeHtml(block.text)}</p></blockquote>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>\n${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('\n')}\n</${tag}>`;
    }
    case 'table':
      return renderTable(block);
  }
}

function renderSection(section: DocumentSection, level: number): string {
  const id = escapeHtml(`section-${section.id}`);
  return [
    `<section aria-labelledby="${id}">`,
    `<h${level} id="${id}">${escapeHtml(section.heading)}</h${level}>`,
    ...section.blocks.map(renderBlock),
    ...section.subsections.map((sub) => renderSection(sub, level + 1)),
    '</section>',
  ].join('\n');
}

/**
 * A document as one self-contained, printable HTML page: no scripts, no
 * external resources, an inline print style sheet (table headers repeat on
 * every printed page, page numbers in the margin). Every text of the model,
 * ledger text included, is HTML-escaped, so a partner named `<script>` stays text.
 * @param doc - What `programOverview` or `partnerStatement` returned (or the same plain data, e.g. after JSON).
 * @param opts - `paper`: `letter` or `a4` for the printed page size.
 * @returns The HTML document, ending in a newline.
 * @throws {ValidationError} When `doc` is not a document model (one issue at the first path that does not fit, `doc.sections[2].heading`), or an option is invalid (`paper`).
 * @example
 * renderHtml(partnerStatement(ledger, { asOf: '2026-11-30' })).startsWith('<!doctype html>') //=> true
 */
export function renderHtml(doc: DocumentModel, opts: RenderHtmlOptions = {}): string {
  const issues: LedgerIssue[] = [];
  const model = readDocument(doc, 'doc', issues);
  // Each option is read once, from a snapshot (SPEC §3); bad options join the model's issue.
  const options = readObject(opts === undefined ? {} : opts, ['paper'], '', 'options must be an object: { paper? }', issues);
  const paper = options?.['paper'];
  if (paper !== undefined && paper !== 'letter' && paper !== 'a4') issues.push(issue('paper', 'invalid-value', `"paper" must be "letter" or "a4", received ${describeValue(paper)}`));
  throwIfAny(issues);
  return render(model as DocumentModel, paper === 'a4' ? 'A4' : paper === 'letter' ? 'letter' : 'auto');
}

function render(doc: DocumentModel, size: string): string {
  const m = doc.metadata;
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(m.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(m.title)}</title>`,
    `<meta name="description" content="${escapeHtml(m.subject)}">`,
    '<meta name="generator" content="@exponential/partner-program">',
    `<meta name="date" content="${escapeHtml(m.date)}">`,
    `<style>${STYLE}@page { size: ${size}; }\n</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(doc.title)}</h1>`,
    `<p class="subtitle">${escapeHtml(doc.subtitle)}</p>`,
    '</header>',
    '<main>',
    ...doc.sections.map((section) => renderSection(section, 2)),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
