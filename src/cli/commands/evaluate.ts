/**
 * `evaluate`: one row per partner with tier, points, revenue, membership,
 * fee, next tier and shortfall — a table for people (TTY), Markdown for
 * reports, CSV for spreadsheets, JSON and NDJSON for machines.
 */
import type { Command } from 'commander';
import { cell, escapeControls, formatCount, formatMoney } from '../../format';
import { exponentialProgram, type Evaluation, type Program, type WindowKind } from '../../index';
import { outcomeRecord, outcomeRecords, runBatchCommand } from '../batch';
import { printIssues } from '../report';
import { csvDocument, csvNumber, statusCsvCells, statusCsvColumns } from '../csv';
import { exitCodeFor } from '../errors';
import { defaultFormat } from '../formats';
import type { CliIo } from '../io';
import type { JobOptions, PartnerRef } from '../jobs';
import { addBatchOptions, asOfOption, inputsArgument, loadProgram, resolveAsOf, windowOption, type BatchOptions, type CommandContext } from '../options';
import { asOfText, countsOf, describeFee, describeMembership, describeNext, markdownHead, markdownRow, renewalName, revenueTitle, shortfallKey, snakeCase, writeDataFormat, type AsOf } from '../render';
import { styleFor, type Style } from '../style';
import { outputWidth, tableLines, wrap, type Cell, type Column } from '../table';

/** An evaluated partner. */
type Evaluated = { readonly source: string; readonly partner: PartnerRef; readonly evaluation: Evaluation };

type EvaluateOptions = BatchOptions & { readonly asOf?: string; readonly window?: WindowKind };

const examples = `
Examples:
  $ exponential-partner evaluate acme.json                      # one ledger, reviewed today (UTC)
  $ exponential-partner evaluate examples/ledgers --as-of 2026-11-30
  $ exponential-partner evaluate crm-export.csv --format csv > tiers.csv
  $ cat acme.json | exponential-partner evaluate - --format json | jq '.results[0].evaluation.tier'
  $ exponential-partner evaluate ledgers/ -r --format ndjson --threads auto

Inputs: JSON files (a ledger, or an array of ledgers), CSV exports (one row per
entry, many partners: see docs/csv.md), directories (their .json and .csv files;
-r for subdirectories) and - (standard input, JSON or CSV).
Output: a table on a terminal, JSON otherwise, unless --format says.
Exit codes: 0 ok, 1 invalid input (each issue printed with its file and path), 2 usage.`;

/** Adds `evaluate` to the program. */
export function registerEvaluate(program: Command, { io, setExit }: CommandContext): void {
  addBatchOptions(
    program
      .command('evaluate')
      .description('evaluate ledgers: one row per partner with tier, points, revenue, membership, fee, next tier and shortfall')
      .addArgument(inputsArgument(true))
      .addOption(asOfOption('review date YYYY-MM-DD or RFC 3339 (default: today, UTC)'))
      .addOption(windowOption(true)),
    'evaluate',
  )
    .addHelpText('after', examples)
    .action(async (inputs: string[], options: EvaluateOptions) => setExit(await evaluateCommand(inputs, options, io)));
}

async function evaluateCommand(inputs: readonly string[], options: EvaluateOptions, io: CliIo): Promise<number> {
  const asOf = resolveAsOf(options.asOf, io);
  const format = options.format ?? defaultFormat('evaluate', io.stdout.isTTY === true);
  const { definition, program } = loadProgram(options.program, io);
  const jobOptions: JobOptions = {
    mode: 'evaluate',
    asOf: asOf.date,
    ...(options.window === undefined ? {} : { window: options.window }),
    ...(definition === undefined ? {} : { program: definition }),
    summary: format !== 'json' && format !== 'ndjson',
  };
  const batch = await runBatchCommand(inputs, options, jobOptions, io);
  const { outcomes, issues, inputIssues } = batch;
  const evaluated: Evaluated[] = [];
  for (const o of outcomes) if (o.ok && o.evaluation !== undefined) evaluated.push({ source: o.source, partner: o.partner, evaluation: o.evaluation });

  const shown = program ?? exponentialProgram;
  if (format === 'table') io.stdout.write(renderTable(evaluated, asOf, shown, styleFor(io.stdout, io.env), outputWidth(io)));
  else if (format === 'markdown') io.stdout.write(renderMarkdown(evaluated, asOf, shown));
  else {
    const json = () => {
      const invalid = outcomes.filter((o) => !o.ok).length;
      return { asOf: asOf.date, asOfDefaulted: asOf.defaulted, evaluated: evaluated.length, invalid, results: outcomes.map(outcomeRecord), inputIssues };
    };
    writeDataFormat(io, format, { json, records: () => outcomeRecords(batch), csv: () => renderCsv(evaluated, program ?? exponentialProgram) });
  }
  if (format !== 'table' && format !== 'markdown' && asOf.defaulted && io.stderr.isTTY === true) io.stderr.write(`reviewed ${asOfText(asOf)}\n`);
  printIssues(issues, io, 'stderr');
  return exitCodeFor(issues);
}

/** The shared window, when every evaluation has the same one. */
function commonWindow(rows: readonly Evaluated[]): string {
  const first = rows[0]?.evaluation.window;
  if (first === undefined || !rows.every((r) => r.evaluation.window.from === first.from && r.evaluation.window.to === first.to)) return '';
  return ` — window ${first.from} … ${first.to}`;
}

/**
 * The columns of the evaluate table, most important first when the terminal
 * is narrow: partner, tier and points always; then revenue, the next tier's
 * shortfall, the fee, and membership (its basis is in the fee column too).
 * The revenue column names the program's currency (`columnsFor`).
 */
export const evaluateColumns: readonly Column[] = [
  { title: 'Partner', priority: 0, min: 16 },
  { title: 'Tier', priority: 0 },
  { title: 'Points', align: 'right', priority: 0 },
  { title: 'Revenue (USD)', align: 'right', priority: 1 },
  { title: 'Membership', priority: 4, min: 12 },
  { title: 'Fee', priority: 3, min: 22 },
  { title: 'Next tier (shortfall)', priority: 2, min: 24 },
];

/** The columns for these rows: the revenue column names their currency ("Revenue (EUR)"). */
function columnsFor(rows: readonly Evaluated[], program: Program): readonly Column[] {
  const title = revenueTitle(rows.length === 0 ? [program.versions[program.versions.length - 1]?.currency ?? 'USD'] : rows.map((row) => row.evaluation.program.currency));
  return evaluateColumns.map((column) => (column.title === 'Revenue (USD)' ? { ...column, title } : column));
}

function cellsOf({ partner, evaluation: e }: Evaluated, program: Program, kinds: readonly string[]): string[] {
  const currency = e.program.currency;
  const renewal = renewalName(program, e.program.version);
  return [
    partner.name ?? partner.id,
    e.tierName ?? '—',
    formatCount(e.points.total),
    formatMoney(e.revenue.total, currency),
    describeMembership(e.membership, renewal),
    describeFee(e.fee, currency, renewal),
    describeNext(e.nextTier, kinds, currency),
  ];
}

/**
 * The readable table under the program's name: one row per partner, fitted to `width` columns (none: no limit).
 * Text from ledgers and the program is escaped (`escapeControls`).
 */
function renderTable(rows: readonly Evaluated[], asOf: AsOf, program: Program, style: Style, width?: number): string {
  const title = `${escapeControls(program.name)} — review ${asOfText(asOf)}${commonWindow(rows)}`;
  const { kinds } = countsOf(program);
  // A narrow terminal gets the title on as many lines as it needs, broken between words.
  const out: string[] = [style.bold(wrap(title, width))];
  out.push(style.dim(`${rows.length} partner${rows.length === 1 ? '' : 's'} evaluated`), '');
  if (rows.length === 0) return `${out.join('\n')}\n`;
  const cells = rows.map((row): Cell[] => {
    const e = row.evaluation;
    const paints = [
      String,
      e.tier === null ? style.dim : style.bold,
      String,
      String,
      e.membership.active ? style.green : style.red,
      e.fee.status === 'due' ? style.red : e.fee.status === 'paid' ? style.yellow : style.green,
      String,
    ];
    return cellsOf(row, program, kinds).map((text, i) => ({ text, paint: paints[i] ?? String }));
  });
  out.push(...tableLines(columnsFor(rows, program), cells, style, width));
  return `${out.join('\n')}\n`;
}

/** A GitHub-flavoured Markdown table, with the review date above it; every cell through `cell` (controls and Markdown syntax escaped). */
function renderMarkdown(rows: readonly Evaluated[], asOf: AsOf, program: Program): string {
  const { kinds } = countsOf(program);
  const out = [`## ${cell(`Partner review ${asOfText(asOf)}${commonWindow(rows)}`)}`, ''];
  out.push(markdownHead(columnsFor(rows, program)), ...rows.map((row) => markdownRow(cellsOf(row, program, kinds))));
  return `${out.join('\n')}\n`;
}

/**
 * The CSV columns of `--format csv` under a program: after `revenue`, each certification kind's valid
 * pairs (`<kind>_certifications`); after the shortfall's points and revenue, each kind's
 * (`shortfall_<kind>_certifications`), then each certification a tier requires by name
 * (`shortfall_certification_<id>`). The built-in program's are {@link csvOutputColumns}.
 */
export function csvColumnsFor(program: Program): string[] {
  const { kinds, named } = countsOf(program);
  const head = csvOutputColumns.slice(0, csvOutputColumns.indexOf('revenue') + 1);
  const middle = csvOutputColumns.slice(csvOutputColumns.indexOf('sales_certifications') + 1, csvOutputColumns.indexOf('shortfall_revenue') + 1);
  return [
    ...head,
    ...kinds.map((kind) => `${snakeCase(kind)}_certifications`),
    ...middle,
    ...kinds.map((kind) => `shortfall_${snakeCase(kind)}_certifications`),
    ...named.map((certification) => `shortfall_certification_${snakeCase(certification)}`),
  ];
}

/** The CSV columns of `--format csv` under the built-in program. */
export const csvOutputColumns = [
  'source',
  'partner_id',
  'partner_name',
  'as_of',
  'window_from',
  'window_to',
  'tier',
  'tier_name',
  'points',
  'pending_points',
  'revenue',
  'profile_certifications',
  'sales_certifications',
  ...statusCsvColumns,
  'next_tier',
  'shortfall_points',
  'shortfall_revenue',
  'shortfall_profile_certifications',
  'shortfall_sales_certifications',
] as const;

/** One CSV row per partner: text from ledgers neutralised against formulas, numbers as numbers (`csvCell`). */
function renderCsv(rows: readonly Evaluated[], program: Program): string {
  const { kinds, named } = countsOf(program);
  // A kind or named certification the evaluation's version lacks is an empty cell.
  const count = (value: unknown) => (typeof value === 'number' ? value : undefined);
  return csvDocument(
    csvColumnsFor(program),
    rows.map(({ source, partner, evaluation: e }) => {
      const s = e.nextTier?.shortfall;
      return [
        source,
        partner.id,
        partner.name,
        e.asOf,
        e.window.from,
        e.window.to,
        e.tier,
        e.tierName,
        e.points.total,
        e.points.pending,
        csvNumber(e.revenue.total),
        ...kinds.map((kind) => count(e.certifications[kind])),
        ...statusCsvCells(e),
        e.nextTier?.tier,
        s?.points,
        csvNumber(s?.revenue),
        ...kinds.map((kind) => count(s?.[shortfallKey(kind)])),
        ...named.map((certification) => s?.certifications?.[certification]),
      ];
    }),
  );
}
