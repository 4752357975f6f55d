import { issue, throwIfAny, ValidationError, type LedgerIssue } from '../issues';
import { describeValue } from '../readOptions';
import { readDocument } from './readDocument';
import { plainLine } from './text';
import type { DocumentBlock, DocumentModel, DocumentSection, DocumentTable } from './types';

/**
 * Plain text as Markdown text that reads as itself: characters with inline
 * meaning are backslash-escaped, and so are markers that would start a block
 * at the start of the text (headings, lists, quotes, setext rules).
 * @param text - Plain text (a string).
 * @returns The text as Markdown that reads as itself, on one line.
 * @throws {ValidationError} When `text` is not a string (path `text`).
 * @example
 * escapeMarkdown('*Acme* <script>') //=> '\\*Acme\\* \\<script\\>'
 * escapeMarkdown('1. first') //=> '1\\. first'
 */
export function escapeMarkdown(text: string): string {
  if (typeof text !== 'string') throw new ValidationError([issue('text', 'invalid-type', `"text" must be a string, received ${describeValue(text)}`)]);
  return escapeInline(text)
    .replace(/^(\s*)([#>+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** Inline escaping only, for table cells, where no block can start. */
function escapeInline(text: string): string {
  return plainLine(text)
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

function renderTable(table: DocumentTable): string[] {
  const row = (cells: readonly string[]) => `| ${cells.map((cell) => (cell === '' ? ' ' : escapeInline(cell))).join(' | ')} |`;
  return [
    row(table.columns.map((column) => column.header)),
    `|${table.columns.map((column) => (column.align === 'right' ? '--:' : '---')).join('|')}|`,
    ...table.rows.map(row),
  ];
}

function renderBlock(block: DocumentBlock): string[] {
  switch (block.kind) {
    case 'paragraph':
      return [escapeMarkdown(block.text)];
    case 'quote':
      return [`> ${escapeMarkdown(block.text)}`];
    case 'list':
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${escapeMarkdown(item)}`);
    case 'table':
      return renderTable(block);
  }
}

function renderSection(section: DocumentSection, level: number, out: string[]): void {
  out.push(`${'#'.repeat(level)} ${escapeMarkdown(section.heading)}`, '');
  for (const block of section.blocks) out.push(...renderBlock(block), '');
  for (const sub of section.subsections) renderSection(sub, level + 1, out);
}

/**
 * A document as CommonMark with GitHub tables: `#` title, `##` sections,
 * `###` subsections. Every text of the model, ledger text included, is
 * escaped (see {@link escapeMarkdown}), so a partner named `*Acme*` or
 * `<script>` reads as it is.
 * @param doc - What `programOverview` or `partnerStatement` returned (or the same plain data, e.g. after JSON).
 * @returns Markdown, ending in a newline.
 * @throws {ValidationError} When `doc` is not a document model: one issue at the first path that does not fit (`doc.sections[2].heading`).
 * @example
 * renderMarkdown(programOverview(exponentialProgram, { asOf: '2026-11-30' })).split('\n')[0]
 * //=> '# Exponential Partner Program'
 */
export function renderMarkdown(doc: DocumentModel): string {
  const issues: LedgerIssue[] = [];
  const model = readDocument(doc, 'doc', issues);
  throwIfAny(issues);
  return render(model as DocumentModel);
}

function render(doc: DocumentModel): string {
  const out: string[] = [`# ${escapeMarkdown(doc.title)}`, '', escapeMarkdown(doc.subtitle), ''];
  for (const section of doc.sections) renderSection(section, 2, out);
  return `${out.join('\n').trimEnd()}\n`;
}
