/**
 * `validate`: checks ledgers against the strict ledger format and prints
 * every issue with its file and path (CSV: line and column).
 */
import type { Command } from 'commander';
import { cell, escapeControls } from '../../format';
import { outcomeRecord, outcomeRecords, runBatchCommand, type BatchRun } from '../batch';
import { printIssues } from '../report';
import { csvDocument, type CsvValue } from '../csv';
import { exitCodeFor } from '../errors';
import { defaultFormat } from '../formats';
import type { CliIo } from '../io';
import type { CliIssue } from '../issues';
import type { JobOptions } from '../jobs';
import { addBatchOptions, inputsArgument, loadProgram, type BatchOptions, type CommandContext } from '../options';
import { markdownHead, markdownRow, writeDataFormat } from '../render';
import { styleFor } from '../style';
import type { Column } from '../table';

const examples = `
Examples:
  $ exponential-partner validate acme.json
  $ exponential-partner validate examples/ledgers -r
  $ exponential-partner validate crm-export.csv --format json

Prints every issue with its file and path (CSV: line and column), e.g.
  acme.json: entries[3].amount: "1,200.00" is not a plain decimal amount … [invalid-amount]
Exit codes: 0 every ledger valid, 1 an issue found, 2 usage.`;

/** Adds `validate` to the program. */
export function registerValidate(program: Command, { io, setExit }: CommandContext): void {
  addBatchOptions(program.command('validate').description('check ledgers against the strict ledger format and print every issue').addArgument(inputsArgument(true)), 'validate')
    .addHelpText('after', examples)
    .action(async (inputs: string[], options: BatchOptions) => setExit(await validateCommand(inputs, options, io)));
}

/** The CSV columns of `validate --format csv`: a row per valid ledger, and one per issue. */
export const validateCsvColumns = ['source', 'partner_id', 'ok', 'entries', 'line', 'column', 'path', 'code', 'message'] as const;

/** The columns of the Markdown issue table. */
const issueColumns: readonly Column[] = [
  { title: 'Input', priority: 0 },
  { title: 'Line', align: 'right', priority: 0 },
  { title: 'Where', priority: 0 },
  { title: 'Issue', priority: 0 },
  { title: 'Code', priority: 0 },
];

async function validateCommand(inputs: readonly string[], options: BatchOptions, io: CliIo): Promise<number> {
  const format = options.format ?? defaultFormat('validate', io.stdout.isTTY === true);
  const { definition } = loadProgram(options.program, io);
  const jobOptions: JobOptions = { mode: 'validate', asOf: '2000-01-01', ...(definition === undefined ? {} : { program: definition }) };
  const batch = await runBatchCommand(inputs, options, jobOptions, io);
  const { outcomes, issues, inputIssues } = batch;
  const { valid, invalid } = counts(batch);
  const csv = () => {
    const issueRow = (source: string, partner: string | undefined, i: CliIssue): CsvValue[] => [source, partner, false, undefined, i.line, i.column, i.path, i.code, i.message];
    const rows = [
      ...outcomes.flatMap((o) => (o.ok ? [[o.source, o.partner.id, true, o.entries, undefined, undefined, undefined, undefined, undefined]] : o.issues.map((i) => issueRow(o.source, o.partner, i)))),
      ...inputIssues.map((i) => issueRow(i.source, i.partner, i)),
    ];
    return csvDocument(validateCsvColumns, rows);
  };
  if (format === 'markdown') writeMarkdown(batch, io);
  else if (format === 'table') writeTable(batch, io);
  else writeDataFormat(io, format, { json: () => ({ valid: valid.length, invalid, results: outcomes.map(outcomeRecord), inputIssues }), records: () => outcomeRecords(batch), csv });
  if (format !== 'table') printIssues(issues, io, 'stderr');
  return exitCodeFor(issues);
}

/** How many ledgers are valid and how many invalid, and the valid ones. */
function counts({ outcomes }: BatchRun) {
  const valid = outcomes.filter((o) => o.ok);
  return { valid, invalid: outcomes.length - valid.length };
}

/** A heading with the counts, a list item per ledger, and a table of the issues. */
function writeMarkdown(batch: BatchRun, io: CliIo): void {
  const { valid, invalid } = counts(batch);
  const out = [`## ${valid.length} valid, ${invalid} invalid`, ''];
  for (const o of batch.outcomes) out.push(o.ok ? `- valid: ${cell(o.source)} (${cell(o.partner.id)}, ${o.entries} entries)` : `- **invalid**: ${cell(o.source)}${o.partner === undefined ? '' : ` (${cell(o.partner)})`}`);
  if (batch.issues.length > 0) {
    out.push('', markdownHead(issueColumns));
    for (const i of batch.issues) out.push(markdownRow([i.source, String(i.line ?? ''), i.column ?? (i.path === '' ? '(root)' : i.path), i.message, i.code]));
  }
  io.stdout.write(`${out.join('\n')}\n`);
}

/** The valid ledgers, then the invalid ones, then their issues and the counts: all on standard output. */
function writeTable(batch: BatchRun, io: CliIo): void {
  const { valid, invalid } = counts(batch);
  const style = styleFor(io.stdout, io.env);
  const e = escapeControls;
  for (const o of valid) if (o.ok) io.stdout.write(`${style.green('valid')}    ${e(o.source)} ${style.dim(`(${e(o.partner.id)}, ${o.entries} entries)`)}\n`);
  for (const o of batch.outcomes) if (!o.ok) io.stdout.write(`${style.red('invalid')}  ${e(o.source)}${o.partner === undefined ? '' : ` ${style.dim(`(${e(o.partner)})`)}`}\n`);
  if (batch.outcomes.length > 0) io.stdout.write('\n');
  printIssues(batch.issues, io, 'stdout');
  io.stdout.write(`${style.bold(`${valid.length} valid, ${invalid} invalid`)}\n`);
}
