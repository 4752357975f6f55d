/**
 * `exponential-partner`: the command line of the partner program (Node only).
 * `main(argv, io)` runs one command and resolves to its exit code:
 * 0 ok, 1 invalid input (every issue printed with its file and path), 2 usage.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { windowKinds, type WindowKind } from '../index';
import { printIssues, runBatchCommand } from './batch';
import { InputError, loadProgram, planCommand, resolveAsOf, schemaCommand, timelineCommand, UsageError, type PlanOptions, type TimelineOptions } from './commands';
import { describeCommand, PDF_WORKER_THRESHOLD, statementCommand, type DescribeOptions, type StatementCommandOptions } from './documentCommands';
import type { InputFormat } from './inputs';
import { cell, escapeControls } from '../format';
import { csvDocument } from './csv';
import { commandFormats, defaultFormat, type CommandName, type DataFormat } from './formats';
import { OutputClosed, type CliIo } from './io';
import type { CliIssue } from './issues';
import type { JobOptions, LedgerOutcome } from './jobs';
import { asOfText, outcomeRecord, renderCsv, renderMarkdown, renderTable, type Evaluated } from './render';
import { styleFor } from './style';
import { outputWidth } from './table';

declare const __CLI_VERSION__: string | undefined;
const version = typeof __CLI_VERSION__ === 'string' ? __CLI_VERSION__ : '0.0.0-dev';

/** Exit codes. */
export const exitCodes = { ok: 0, invalidInput: 1, usage: 2 } as const;

type BatchOptions = {
  asOf?: string;
  program?: string;
  window?: WindowKind;
  format?: DataFormat;
  inputFormat: InputFormat;
  recursive: boolean;
  threads: 'auto' | number;
  progress?: boolean;
  verbose: boolean;
};

/** `--threads`: `auto` or a whole number ≥ 0. */
function parseThreads(value: string): 'auto' | number {
  if (value === 'auto') return 'auto';
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected "auto" or a whole number (0 runs in the main thread)');
  return Number(value);
}

/** NDJSON: one line per ledger, then one per issue that belongs to no ledger (an unreadable file, a CSV syntax error). */
function writeNdjson(outcomes: readonly LedgerOutcome[], inputIssues: readonly CliIssue[], io: CliIo): void {
  for (const o of outcomes) io.stdout.write(`${JSON.stringify(outcomeRecord(o))}\n`);
  for (const i of inputIssues) io.stdout.write(`${JSON.stringify({ source: i.source, ok: false, issues: [i] })}\n`);
}

async function evaluateCommand(inputs: readonly string[], options: BatchOptions, io: CliIo): Promise<number> {
  const asOf = resolveAsOf(options.asOf, io);
  const format = options.format ?? defaultFormat('evaluate', io.stdout.isTTY === true);
  const { definition } = loadProgram(options.program, io);
  const jobOptions: JobOptions = {
    mode: 'evaluate',
    asOf: asOf.date,
    ...(options.window === undefined ? {} : { window: options.window }),
    ...(definition === undefined ? {} : { program: definition }),
    summary: format !== 'json' && format !== 'ndjson',
  };
  const { outcomes, issues, inputIssues } = await runBatchCommand(inputs, options, jobOptions, io);
  const evaluated: Evaluated[] = [];
  for (const o of outcomes) if (o.ok && o.evaluation !== undefined) evaluated.push({ source: o.source, partner: o.partner, evaluation: o.evaluation });
  const invalid = outcomes.filter((o) => !o.ok).length;

  switch (format) {
    case 'table':
      io.stdout.write(renderTable(evaluated, asOf, styleFor(io.stdout, io.env), outputWidth(io)));
      break;
    case 'markdown':
      io.stdout.write(renderMarkdown(evaluated, asOf));
      break;
    case 'csv':
      io.stdout.write(renderCsv(evaluated));
      break;
    case 'json':
      io.stdout.write(
        `${JSON.stringify(
          { asOf: asOf.date, asOfDefaulted: asOf.defaulted, evaluated: evaluated.length, invalid, results: outcomes.map(outcomeRecord), inputIssues },
          null,
          2,
        )}\n`,
      );
      break;
    case 'ndjson':
      writeNdjson(outcomes, inputIssues, io);
      break;
  }
  if (format !== 'table' && format !== 'markdown' && asOf.defaulted && io.stderr.isTTY === true) io.stderr.write(`reviewed ${asOfText(asOf)}\n`);
  printIssues(issues, io, 'stderr');
  return issues.length > 0 ? exitCodes.invalidInput : exitCodes.ok;
}

/** The CSV columns of `validate --format csv`: a row per valid ledger, and one per issue. */
export const validateCsvColumns = ['source', 'partner_id', 'ok', 'entries', 'line', 'column', 'path', 'code', 'message'] as const;

async function validateCommand(inputs: readonly string[], options: BatchOptions, io: CliIo): Promise<number> {
  const format = options.format ?? defaultFormat('validate', io.stdout.isTTY === true);
  const { definition } = loadProgram(options.program, io);
  const jobOptions: JobOptions = { mode: 'validate', asOf: '2000-01-01', ...(definition === undefined ? {} : { program: definition }) };
  const { outcomes, issues, inputIssues } = await runBatchCommand(inputs, options, jobOptions, io);
  const valid = outcomes.filter((o) => o.ok);
  const invalid = outcomes.length - valid.length;
  const e = escapeControls;
  switch (format) {
    case 'json':
      io.stdout.write(`${JSON.stringify({ valid: valid.length, invalid, results: outcomes.map(outcomeRecord), inputIssues }, null, 2)}\n`);
      break;
    case 'ndjson':
      writeNdjson(outcomes, inputIssues, io);
      break;
    case 'csv': {
      const rows = [
        ...outcomes.flatMap((o) => (o.ok ? [[o.source, o.partner.id, true, o.entries, undefined, undefined, undefined, undefined, undefined]] : o.issues.map((i) => [o.source, o.partner, false, undefined, i.line, i.column, i.path, i.code, i.message]))),
        ...inputIssues.map((i) => [i.source, i.partner, false, undefined, i.line, i.column, i.path, i.code, i.message]),
      ];
      io.stdout.write(csvDocument(validateCsvColumns, rows));
      break;
    }
    case 'markdown': {
      const out = [`## ${valid.length} valid, ${invalid} invalid`, ''];
      for (const o of outcomes) out.push(o.ok ? `- valid: ${cell(o.source)} (${cell(o.partner.id)}, ${o.entries} entries)` : `- **invalid**: ${cell(o.source)}${o.partner === undefined ? '' : ` (${cell(o.partner)})`}`);
      if (issues.length > 0) {
        out.push('', '| Input | Line | Where | Issue | Code |', '|---|---:|---|---|---|');
        for (const i of issues) out.push(`| ${cell(i.source)} | ${i.line ?? ''} | ${cell(i.column ?? (i.path === '' ? '(root)' : i.path))} | ${cell(i.message)} | ${cell(i.code)} |`);
      }
      io.stdout.write(`${out.join('\n')}\n`);
      break;
    }
    case 'table': {
      const style = styleFor(io.stdout, io.env);
      for (const o of valid) if (o.ok) io.stdout.write(`${style.green('valid')}    ${e(o.source)} ${style.dim(`(${e(o.partner.id)}, ${o.entries} entries)`)}\n`);
      for (const o of outcomes) if (!o.ok) io.stdout.write(`${style.red('invalid')}  ${e(o.source)}${o.partner === undefined ? '' : ` ${style.dim(`(${e(o.partner)})`)}`}\n`);
      if (outcomes.length > 0) io.stdout.write('\n');
      printIssues(issues, io, 'stdout');
      io.stdout.write(`${style.bold(`${valid.length} valid, ${invalid} invalid`)}\n`);
      break;
    }
  }
  if (format !== 'table') printIssues(issues, io, 'stderr');
  return issues.length > 0 ? exitCodes.invalidInput : exitCodes.ok;
}

const examples = {
  evaluate: `
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
Exit codes: 0 ok, 1 invalid input (each issue printed with its file and path), 2 usage.`,
  validate: `
Examples:
  $ exponential-partner validate acme.json
  $ exponential-partner validate examples/ledgers -r
  $ exponential-partner validate crm-export.csv --format json

Prints every issue with its file and path (CSV: line and column), e.g.
  acme.json: entries[3].amount: "1,200.00" is not a plain decimal amount … [invalid-amount]
Exit codes: 0 every ledger valid, 1 an issue found, 2 usage.`,
  timeline: `
Examples:
  $ exponential-partner timeline acme.json                       # the 12 month-ends up to today (UTC)
  $ exponential-partner timeline acme.json --from 2026-01-01 --to 2027-06-30   # past reviews, then a forecast
  $ exponential-partner timeline acme.json --policy grace:2 --format markdown
Exit codes: 0 ok, 1 invalid input, 2 usage.`,
  plan: `
Examples:
  $ exponential-partner plan acme.json                           # the tier above the current one, by the next month-end
  $ exponential-partner plan acme.json --target gold --by 2027-06-30 --as-of 2026-11-30
  $ exponential-partner plan acme.json --target silver --prefer case-study,customer-site --format json
Exit codes: 0 ok (also when the target is out of reach: see "reachable"), 1 invalid input, 2 usage.`,
  describe: `
Examples:
  $ exponential-partner describe > program.md                    # the tables as Markdown (docs/program.md)
  $ exponential-partner describe --format pdf --out overview.pdf --as-of 2026-11-30
  $ exponential-partner describe --format html --paper a4 > overview.html
  $ exponential-partner describe --out overview.pdf              # the format from the extension
  $ exponential-partner describe --program examples/programs/exponential-2027.json --format pdf > overview-2027.pdf
  $ exponential-partner describe --as-of 2026-11-30 --format json

Markdown and JSON: the program's tables (describeProgram). PDF and HTML: the
program overview (programOverview), dated --as-of (default: today, UTC), with
page numbers, on US Letter or A4 (--paper). A PDF goes to standard output only
when it is not a terminal. Exit codes: 0 ok, 1 invalid program or unwritable
--out, 2 usage.`,
  statement: `
Examples:
  $ exponential-partner statement examples/ledgers/silver-agency.json --as-of 2026-11-30 > silver-agency.pdf
  $ exponential-partner statement examples/ledgers/silver-agency.json --as-of 2026-11-30 --format markdown
  $ exponential-partner statement examples/ledgers --as-of 2026-11-30 --out statements/
  $ exponential-partner statement examples/csv/crm-export.csv --as-of 2026-11-30 --format html --paper a4 --out statements/

One ledger without --out: its statement on standard output (a PDF only when
that is not a terminal). With --out DIR: one file per partner, named after the
partner id made safe for every file system (docs/guides/documents.md), each
written atomically, and the written paths listed on standard output. Without
--format: PDF, but Markdown on a terminal without --out. Invalid ledgers are
listed with their issues, as by evaluate, and get no file. Give --as-of: the
same inputs then give the same bytes on any day.
Exit codes: 0 ok, 1 invalid input (the valid ledgers still get their files), 2 usage.`,
  schema: `
Examples:
  $ exponential-partner schema ledger > ledger.schema.json
  $ exponential-partner schema program`,
};

/** Builds the command tree; `setExit` receives each action's exit code. */
function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('exponential-partner');
  program
    .description('Evaluate Exponential Partner Program ledgers: points, tier, membership and fee status.')
    .version(version, '-V, --version')
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  $ exponential-partner evaluate examples/ledgers --as-of 2026-11-30
  $ exponential-partner validate examples/ledgers/invalid/broken.json
  $ exponential-partner evaluate crm-export.csv --format csv > tiers.csv
  $ exponential-partner timeline examples/ledgers/silver-agency.json --to 2026-11-30
  $ exponential-partner plan examples/ledgers/silver-agency.json --target gold --by 2027-06-30
  $ exponential-partner describe
  $ exponential-partner describe --format pdf --out overview.pdf
  $ exponential-partner statement examples/ledgers --as-of 2026-11-30 --out statements/
  $ exponential-partner schema ledger
  $ exponential-partner help evaluate

Colour only on a terminal, never with NO_COLOR set.
Exit codes: 0 ok, 1 invalid input, 2 usage.`,
    );

  /** `--format`, its choices from the registry (src/cli/formats.ts). */
  const formatHelp: Partial<Record<CommandName, string>> = {
    describe: 'output format (default: markdown, or what the --out extension says)',
    statement: 'output format (default: pdf; markdown on a terminal without --out)',
    schema: 'output format',
  };
  const formatOption = (name: CommandName) =>
    new Option('-f, --format <format>', formatHelp[name] ?? 'output format (default: table on a terminal, json otherwise)').choices(commandFormats[name]);
  const paperOption = () => new Option('--paper <size>', 'page size of pdf and html (default: letter)').choices(['letter', 'a4']);

  const batchOptions = (command: Command, name: CommandName, threadsFrom = '200 ledgers') =>
    command
      .addOption(formatOption(name))
      .addOption(new Option('--input-format <format>', 'how to read files without a .json/.csv extension and stdin').choices(['auto', 'json', 'csv']).default('auto'))
      .option('-r, --recursive', 'read subdirectories of directory inputs too', false)
      .addOption(new Option('--threads <n>', `worker threads: "auto" (every core, from ${threadsFrom} up) or a number; 0 = main thread`).argParser(parseThreads).default('auto'))
      .option('--progress', 'always show the progress bar (default: on a terminal, for batches)')
      .option('--no-progress', 'never show the progress bar')
      .option('--program <file>', 'a custom program definition (JSON, see `schema program`) instead of the built-in one')
      .option('-v, --verbose', 'say how many ledgers were processed, where and how fast', false);

  batchOptions(
    program
      .command('evaluate')
      .description('evaluate ledgers: one row per partner with tier, points, revenue, membership, fee, next tier and shortfall')
      .argument('<inputs...>', 'ledger files (.json, .csv), directories, or - for stdin')
      .option('--as-of <date>', 'review date YYYY-MM-DD or RFC 3339 (default: today, UTC)')
      .addOption(new Option('--window <kind>', 'which entries a review counts').choices(windowKinds).default('rolling-12-months')),
    'evaluate',
  )
    .addHelpText('after', examples.evaluate)
    .action(async (inputs: string[], options: BatchOptions) => setExit(await evaluateCommand(inputs, options, io)));

  batchOptions(
    program
      .command('validate')
      .description('check ledgers against the strict ledger format and print every issue')
      .argument('<inputs...>', 'ledger files (.json, .csv), directories, or - for stdin'),
    'validate',
  )
    .addHelpText('after', examples.validate)
    .action(async (inputs: string[], options: BatchOptions) => setExit(await validateCommand(inputs, options, io)));

  const inputFormat = () => new Option('--input-format <format>', 'how to read files without a .json/.csv extension and stdin').choices(['auto', 'json', 'csv']).default('auto');

  program
    .command('timeline')
    .description('the monthly reviews (R12) of each ledger: tier, change, points, revenue, membership and fee at every month-end')
    .argument('<inputs...>', 'ledger files (.json, .csv), or - for stdin')
    .option('--from <date>', 'first day of the range (default: 12 month-ends up to --to)')
    .option('--to <date>', 'last day of the range (default: today, UTC)')
    .option('--policy <policy>', 'how tiers move between reviews: highest-met (default), one-step-up, grace:N')
    .addOption(new Option('--window <kind>', 'which entries a review counts').choices(windowKinds))
    .option('--program <file>', 'a custom program definition (JSON)')
    .addOption(formatOption('timeline'))
    .addOption(inputFormat())
    .addHelpText('after', examples.timeline)
    .action(async (inputs: string[], options: TimelineOptions) => {
      if (options.to !== undefined) resolveAsOf(options.to, io, '--to');
      if (options.from !== undefined) resolveAsOf(options.from, io, '--from');
      setExit(await timelineCommand(inputs, options, resolveAsOf(undefined, io), io));
    });

  program
    .command('plan')
    .description('what a partner must still do to reach a tier by a date: shortfall, what expires, and the entries that would do it')
    .argument('<inputs...>', 'ledger files (.json, .csv), or - for stdin')
    .option('--as-of <date>', 'the date the plan starts from (default: today, UTC)')
    .option('--target <tier>', 'the tier to reach (default: the one above the tier held)')
    .option('--by <date>', 'the date to reach it by (default: the first month-end on or after --as-of)')
    .option('--prefer <activities>', 'activity ids to plan with first, comma-separated')
    .addOption(new Option('--window <kind>', 'which entries a review counts').choices(windowKinds))
    .option('--program <file>', 'a custom program definition (JSON)')
    .addOption(formatOption('plan'))
    .addOption(inputFormat())
    .addHelpText('after', examples.plan)
    .action(async (inputs: string[], options: PlanOptions) => setExit(await planCommand(inputs, options, resolveAsOf(options.asOf, io), io)));

  program
    .command('describe')
    .description("the program's tables (tiers, activities, certifications, fee) as Markdown, each row citing its rule, or the program overview as PDF or HTML")
    .option('--program <file>', 'a custom program definition (JSON) instead of the built-in one')
    .option('--as-of <date>', 'describe the version in effect on this date (PDF, HTML: also the overview date; default today, UTC)')
    .option('--version-name <name>', 'describe the version with this name')
    .addOption(formatOption('describe'))
    .option('-o, --out <file>', 'write to this file (atomically) instead of standard output')
    .addOption(paperOption())
    .addHelpText('after', examples.describe)
    .action(async (options: { program?: string; asOf?: string; versionName?: string } & Omit<DescribeOptions, 'version'>) =>
      setExit(
        await describeCommand(
          {
            ...(options.program ? { program: options.program } : {}),
            ...(options.asOf ? { asOf: options.asOf } : {}),
            ...(options.versionName ? { version: options.versionName } : {}),
            ...(options.format ? { format: options.format } : {}),
            ...(options.out ? { out: options.out } : {}),
            ...(options.paper ? { paper: options.paper } : {}),
          },
          io,
        ),
      ),
    );

  batchOptions(
    program
      .command('statement')
      .description("a partner's statement for a date as PDF, HTML or Markdown: tier and why, requirements, points, revenue, certifications, fee, plan, reviews and every entry; one file per partner with --out")
      .argument('<inputs...>', 'ledger files (.json, .csv), directories, or - for stdin')
      .option('--as-of <date>', 'the statement date, YYYY-MM-DD or RFC 3339, also the PDF creation date (default: today, UTC)')
      .addOption(new Option('--window <kind>', 'which entries a review counts').choices(windowKinds).default('rolling-12-months'))
      .option('-o, --out <dir>', 'write one file per partner into this directory (made if missing)')
      .addOption(paperOption()),
    'statement',
    `${PDF_WORKER_THRESHOLD} PDFs or 200 other statements`,
  )
    .addHelpText('after', examples.statement)
    .action(async (inputs: string[], options: StatementCommandOptions) => setExit(await statementCommand(inputs, options, io)));

  program
    .command('schema')
    .description('the JSON Schema (2020-12) of a ledger or of a program definition')
    .argument('[kind]', 'ledger or program', 'ledger')
    .addOption(formatOption('schema'))
    .addHelpText('after', examples.schema)
    .action((kind: string) => setExit(schemaCommand(kind, io)));

  return program;
}

/**
 * Runs the command line on `argv` (without `node` and the script).
 * @returns The exit code: 0 ok, 1 invalid input, 2 usage.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = exitCodes.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    // The reader closed standard output (`| head -1`): it has what it wanted.
    if (error instanceof OutputClosed) return exitCodes.ok;
    if (error instanceof CommanderError) {
      // --help and --version exit 0; every other commander error is a usage error.
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    }
    if (error instanceof InputError) {
      printIssues(error.issues, io, 'stderr');
      return exitCodes.invalidInput;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`error: ${escapeControls(error.message)}\n(add --help for usage)\n`);
      return exitCodes.usage;
    }
    throw error;
  }
}
