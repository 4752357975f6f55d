// A CRM batch job: read a CRM export (CSV, one row per ledger entry, many
// partners: docs/csv.md), evaluate every partner, and write one Markdown
// report per partner plus a summary CSV to import back into the CRM.
//
//   node examples/crm-batch/report.mjs examples/csv/crm-export.csv --as-of 2026-11-30 --out examples/crm-batch/reports
//
// Exit code 0 when every partner was evaluated, 1 when some rows had issues
// (each printed with its line number; the other partners are still reported).
// Uses the package and csv-parse, as an integration in a CRM's own code would.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { evaluate, explainEvaluation, parseLedger } from '@exponential/partner-program';

const integerColumns = new Set(['points', 'quantity', 'words', 'minutes', 'months']);

/** A cell as JSON (docs/csv.md): blank → absent, integers → numbers, floss → boolean, the rest text. */
function cell(column, text) {
  if (integerColumns.has(column) && /^[+-]?\d+$/.test(text)) return Number(text);
  if (column === 'floss' && /^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  return text;
}

/** Sets an own property whatever the key: a `meta.__proto__` column is data, as `JSON.parse` keeps it, not the prototype. */
function setOwn(target, key, value) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Groups the rows of a CRM export into one ledger per partner, remembering each entry's line. */
export function ledgersFromCsv(text) {
  const records = parse(text, { bom: true, columns: true, info: true, skip_empty_lines: true, trim: true });
  const partners = new Map();
  for (const { record, info } of records) {
    const id = record.partner_id;
    let p = partners.get(id);
    if (!p) {
      p = { ledger: { partner: { id }, entries: [] }, lines: [], line: info.lines };
      partners.set(id, p);
    }
    const entry = {};
    for (const [column, value] of Object.entries(record)) {
      if (value === '' || column === 'partner_id') continue;
      if (column.startsWith('partner_meta.')) setOwn((p.ledger.partner.meta ??= {}), column.slice(13), value);
      else if (column.startsWith('partner_')) p.ledger.partner[column.slice(8)] ??= value;
      else if (column.startsWith('meta.')) setOwn((entry.meta ??= {}), column.slice(5), value);
      else entry[column] = cell(column, value);
    }
    if (Object.keys(entry).length > 0) {
      p.ledger.entries.push(entry);
      p.lines.push(info.lines);
    }
  }
  return [...partners.values()];
}

/**
 * A summary cell (RFC 4180). Text from the CRM (a name, an id) that a spreadsheet
 * would run as a formula, starting with = + - @, a tab or a carriage return, gets
 * a leading ' (OWASP, CSV injection; docs/csv.md). Computed figures are passed as
 * `{ number }` and written as they are, negative ones included.
 */
export const csvCell = (value) => {
  let text = value === undefined || value === null ? '' : typeof value === 'object' ? value.number : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(value)) text = `'${value}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const number = (value) => (value === undefined || value === null ? undefined : { number: String(value) });

/** Markdown text: control characters as \u{…}, Markdown syntax backslash-escaped (as the command line does). */
// eslint-disable-next-line no-control-regex
const markdownText = (text) => text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`).replace(/[\\`*_[\]<>|#~]/g, '\\$&');

/** Evaluates every partner of the export: Markdown reports, a summary CSV, and the issues of invalid ledgers. */
export function buildReports(csvText, { asOf }) {
  const reports = [];
  const issues = [];
  const summary = [['partner_id', 'partner_name', 'tier', 'points', 'revenue', 'membership', 'fee_status', 'next_tier', 'shortfall_points', 'shortfall_revenue'].join(',')];
  for (const { ledger, lines, line } of ledgersFromCsv(csvText)) {
    const parsed = parseLedger(ledger);
    if (!parsed.ok) {
      for (const issue of parsed.issues) {
        const entry = /^entries\[(\d+)\]/.exec(issue.path);
        issues.push({ partner: ledger.partner.id, line: entry ? lines[Number(entry[1])] : line, ...issue });
      }
      continue;
    }
    const evaluation = evaluate(parsed.ledger, { asOf });
    const { partner } = parsed.ledger;
    const markdown = [
      `# ${markdownText(partner.name ?? partner.id)} — ${markdownText(evaluation.tierName ?? 'no tier yet')}`,
      '',
      `Partner ${markdownText(partner.id)}, member since ${partner.joinedOn}. Review as of ${evaluation.asOf} (entries ${evaluation.window.from} … ${evaluation.window.to}).`,
      '',
      explainEvaluation(evaluation, { format: 'markdown' }),
      '',
    ].join('\n');
    reports.push({ partner, evaluation, markdown });
    const next = evaluation.nextTier;
    summary.push(
      [partner.id, partner.name, evaluation.tier, number(evaluation.points.total), number(evaluation.revenue.total), evaluation.membership.active ? evaluation.membership.basis : 'inactive', evaluation.fee.status, next?.tier, number(next?.shortfall.points), number(next?.shortfall.revenue)]
        .map(csvCell)
        .join(','),
    );
  }
  return { reports, issues, summaryCsv: `${summary.join('\n')}\n` };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'as-of': { type: 'string' }, out: { type: 'string' } } });
  const input = positionals[0] ?? fileURLToPath(new URL('../csv/crm-export.csv', import.meta.url));
  const asOf = values['as-of'] ?? new Date().toISOString().slice(0, 10);
  const out = resolve(values.out ?? fileURLToPath(new URL('./reports', import.meta.url)));
  const { reports, issues, summaryCsv } = buildReports(readFileSync(input, 'utf8'), { asOf });
  mkdirSync(out, { recursive: true });
  for (const { partner, markdown } of reports) writeFileSync(join(out, `${partner.id}.md`), markdown);
  writeFileSync(join(out, 'summary.csv'), summaryCsv);
  const byTier = new Map();
  for (const { evaluation } of reports) byTier.set(evaluation.tierName ?? 'no tier', (byTier.get(evaluation.tierName ?? 'no tier') ?? 0) + 1);
  console.log(`${reports.length} partners evaluated as of ${asOf}: ${[...byTier].map(([tier, n]) => `${n} ${tier}`).join(', ')}`);
  console.log(`reports: ${out}/<partner id>.md, summary: ${out}/summary.csv`);
  for (const issue of issues) console.error(`${input}:${issue.line}: ${issue.partner}: ${issue.path}: ${issue.message} [${issue.code}]`);
  process.exitCode = issues.length > 0 ? 1 : 0;
}
