/**
 * `exponential-partner`: the command line of the partner program (Node only).
 * `main(argv, io)` runs one command and resolves to its exit code:
 * 0 ok, 1 invalid input (every issue printed with its file and path), 2 usage.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { evaluate, ValidationError, windowKinds, type WindowKind } from '../index';
import { describeCommand, InputError, loadProgram, planCommand, schemaCommand, timelineCommand, UsageError, type PlanOptions, type TimelineOptions } from './commands';
import { collectInputs, type CollectedInputs, type InputFormat } from './inputs';
import { locateCsvIssue } from './csv';
import type { CliIo } from './io';
import { formatIssue, type CliIssue } from './issues';
import type { JobOptions, LedgerOutcome } from './jobs';
import { runJobs, threadCount } from './pool';
import { asOfText, outcomeRecord, outputFormats, renderCsv, renderMarkdown, renderTable, type AsOf, type Evaluated, type OutputFormat } from './render';
import { styleFor } from './style';

declare const __CLI_VERSION__: string | undefined;
const version = typeof __CLI_VERSION__ === 'string' ? __CLI_VERSION__ : '0.0.0-dev';

/** Exit codes. */
export const exitCodes = { ok: 0, invalidInput: 1, usage: 2 } as const;

type BatchOptions = {
  asOf?: string;
  program?: string;
  window?: WindowKind;
  format?: OutputFormat;
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

/** `--as-of`, checked and normalised by the library itself; today (UTC) when absent. */
function resolveAsOf(option: string | undefined, io: CliIo, name = '--as-of'): AsOf {
  if (option === undefined) return { date: io.now().toISOString().slice(0, 10), defaulted: true };
  try {
    const probe = evaluate({ partner: { id: 'as-of-check', joinedOn: '2000-01-01' }, entries: [] }, { asOf: option });
    return { date: probe.asOf, defaulted: false };
  } catch (error) {
    if (error instanceof ValidationError) throw new UsageError(`${name}: ${error.issues[0].message.replace(/^"asOf" /, "")}`);
    throw error;
  }
}

function defaultFormat(io: CliIo): OutputFormat {
  return io.stdout.isTTY === true ? 'table' : 'json';
}

/** Every issue of a batch, CSV ones placed on their line and column. */
function issuesOf(collected: CollectedInputs, outcomes: readonly LedgerOutcome[][]): { perJob: LedgerOutcome[][]; all: CliIssue[] } {
  const all: CliIssue[] = [...collected.issues];
  const perJob = outcomes.map((list, index) => {
    const csv = collected.csv.get(index);
    return list.map((outcome) => {
      if (outcome.ok) return outcome;
      const issues =
        csv === undefined
          ? outcome.issues
          : outcome.issues.map((i) => locateCsvIssue(csv, i, outcome.source.slice(0, outcome.source.lastIndexOf('#')), outcome.partner));
      all.push(...issues);
      return { ...outcome, issues };
    });
  });
  return { perJob, all };
}

/** Reads the inputs, runs the batch (with a progress bar and worker threads when large). */
async function runBatchCommand(inputs: readonly string[], options: BatchOptions, jobOptions: JobOptions, io: CliIo) {
  const started = Date.now();
  const collected = await collectInputs(inputs, { recursive: options.recursive, inputFormat: options.inputFormat }, io);
  const { jobs } = collected;
  const threads = threadCount(options.threads, jobs.length);
  const showProgress = options.progress ?? (io.stderr.isTTY === true && jobs.length > 1);
  let bar: SingleBar | undefined;
  if (showProgress && jobs.length > 0) {
    bar = new SingleBar({
      stream: io.stderr as NodeJS.WritableStream,
      format: `${jobOptions.mode === 'evaluate' ? 'evaluating' : 'validating'} [{bar}] {value}/{total} ledgers | {eta_formatted} left`,
      clearOnComplete: true,
      hideCursor: true,
      noTTYOutput: io.stderr.isTTY !== true,
      notTTYSchedule: 1_000,
      etaBuffer: 50,
    });
    bar.start(jobs.length, 0);
  }
  let outcomes: LedgerOutcome[][];
  try {
    outcomes = await runJobs(jobs, jobOptions, threads, (done) => bar?.update(done));
  } finally {
    bar?.stop();
  }
  const { perJob, all } = issuesOf(collected, outcomes);
  const flat = perJob.flat();
  if (options.verbose) {
    const where = threads === 0 ? 'in the main thread' : `on ${threads} worker threads`;
    io.stderr.write(`${flat.length} ledger(s) from ${inputs.length} input(s), processed ${where} in ${Date.now() - started} ms\n`);
  }
  return { outcomes: flat, issues: all, inputIssues: collected.issues };
}

/** NDJSON: one line per ledger, then one per issue that belongs to no ledger (an unreadable file, a CSV syntax error). */
function writeNdjson(outcomes: readonly LedgerOutcome[], inputIssues: readonly CliIssue[], io: CliIo): void {
  for (const o of outcomes) io.stdout.write(`${JSON.stringify(outcomeRecord(o))}\n`);
  for (const i of inputIssues) io.stdout.write(`${JSON.stringify({ source: i.source, ok: false, issues: [i] })}\n`);
}

function printIssues(issues: readonly CliIssue[], io: CliIo, to: 'stdout' | 'stderr'): void {
  if (issues.length === 0) return;
  const stream = io[to];
  const style = styleFor(stream, io.env);
  const sources = new Set(issues.map((i) => i.source.replace(/\[\d+\]$/, '')));
  stream.write(`${style.red(`${issues.length} issue${issues.length === 1 ? '' : 's'} in ${sources.size} input${sources.size === 1 ? '' : 's'}:`)}\n`);
  for (const issue of issues) stream.write(`  ${formatIssue(issue, style.dim)}\n`);
}

async function evaluateCommand(inputs: readonly string[], options: BatchOptions, io: CliIo): Promise<number> {
  const asOf = resolveAsOf(options.asOf, io);
  const format = options.format ?? defaultFormat(io);
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
      io.stdout.write(renderTable(evaluated, asOf, styleFor(io.stdout, io.env)));
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

async function validateCommand(inputs: readonly string[], options: BatchOptions, io: CliIo): Promise<number> {
  const format = options.format ?? (io.stdout.isTTY === true ? 'table' : 'json');
  const { definition } = loadProgram(options.program, io);
  const jobOptions: JobOptions = { mode: 'validate', asOf: '2000-01-01', ...(definition === undefined ? {} : { program: definition }) };
  const { outcomes, issues, inputIssues } = await runBatchCommand(inputs, options, jobOptions, io);
  const valid = outcomes.filter((o) => o.ok);
  const invalid = outcomes.length - valid.length;
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify({ valid: valid.length, invalid, results: outcomes.map(outcomeRecord), inputIssues }, null, 2)}\n`);
  } else if (format === 'ndjson') {
    writeNdjson(outcomes, inputIssues, io);
  } else {
    const style = styleFor(io.stdout, io.env);
    for (const o of valid) if (o.ok) io.stdout.write(`${style.green('valid')}    ${o.source} ${style.dim(`(${o.partner.id}, ${o.entries} entries)`)}\n`);
    for (const o of outcomes) if (!o.ok) io.stdout.write(`${style.red('invalid')}  ${o.source}${o.partner === undefined ? '' : ` ${style.dim(`(${o.partner})`)}`}\n`);
    if (outcomes.length > 0) io.stdout.write('\n');
    printIssues(issues, io, 'stdout');
    io.stdout.write(`${style.bold(`${valid.length} valid, ${invalid} invalid`)}\n`);
  }
  if (format === 'json' || format === 'ndjson') printIssues(issues, io, 'stderr');
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
  $ exponential-partner describe > program.md
  $ exponential-partner describe --program examples/programs/my-program.json`,
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
  $ exponential-partner schema ledger
  $ exponential-partner help evaluate

Colour only on a terminal, never with NO_COLOR set.
Exit codes: 0 ok, 1 invalid input, 2 usage.`,
    );

  const batchOptions = (command: Command, formats: readonly OutputFormat[]) =>
    command
      .addOption(new Option('-f, --format <format>', 'output format (default: table on a terminal, json otherwise)').choices(formats))
      .addOption(new Option('--input-format <format>', 'how to read files without a .json/.csv extension and stdin').choices(['auto', 'json', 'csv']).default('auto'))
      .option('-r, --recursive', 'read subdirectories of directory inputs too', false)
      .addOption(new Option('--threads <n>', 'worker threads: "auto" (every core, from 200 ledgers up) or a number; 0 = main thread').argParser(parseThreads).default('auto'))
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
    outputFormats,
  )
    .addHelpText('after', examples.evaluate)
    .action(async (inputs: string[], options: BatchOptions) => setExit(await evaluateCommand(inputs, options, io)));

  batchOptions(
    program
      .command('validate')
      .description('check ledgers against the strict ledger format and print every issue')
      .argument('<inputs...>', 'ledger files (.json, .csv), directories, or - for stdin'),
    ['table', 'json', 'ndjson'],
  )
    .addHelpText('after', examples.validate)
    .action(async (inputs: string[], options: BatchOptions) => setExit(await validateCommand(inputs, options, io)));

  const inputFormat = () => new Option('--input-format <format>', 'how to read files without a .json/.csv extension and stdin').choices(['auto', 'json', 'csv']).default('auto');
  const formatOption = () => new Option('-f, --format <format>', 'output format (default: table on a terminal, json otherwise)').choices(['table', 'json', 'markdown']);

  program
    .command('timeline')
    .description('the monthly reviews (R12) of each ledger: tier, change, points, revenue, membership and fee at every month-end')
    .argument('<inputs...>', 'ledger files (.json, .csv), or - for stdin')
    .option('--from <date>', 'first day of the range (default: 12 month-ends up to --to)')
    .option('--to <date>', 'last day of the range (default: today, UTC)')
    .option('--policy <policy>', 'how tiers move between reviews: highest-met (default), one-step-up, grace:N')
    .addOption(new Option('--window <kind>', 'which entries a review counts').choices(windowKinds))
    .option('--program <file>', 'a custom program definition (JSON)')
    .addOption(formatOption())
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
    .addOption(formatOption())
    .addOption(inputFormat())
    .addHelpText('after', examples.plan)
    .action(async (inputs: string[], options: PlanOptions) => setExit(await planCommand(inputs, options, resolveAsOf(options.asOf, io), io)));

  program
    .command('describe')
    .description("the program's tables (tiers, activities, certifications, fee) as Markdown, each row citing its rule")
    .option('--program <file>', 'a custom program definition (JSON) instead of the built-in one')
    .option('--as-of <date>', 'describe the version in effect on this date')
    .option('--version-name <name>', 'describe the version with this name')
    .addHelpText('after', examples.describe)
    .action((options: { program?: string; asOf?: string; versionName?: string }) =>
      setExit(describeCommand({ ...(options.program ? { program: options.program } : {}), ...(options.asOf ? { asOf: options.asOf } : {}), ...(options.versionName ? { version: options.versionName } : {}) }, io)),
    );

  program
    .command('schema')
    .description('the JSON Schema (2020-12) of a ledger or of a program definition')
    .argument('[kind]', 'ledger or program', 'ledger')
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
    if (error instanceof CommanderError) {
      // --help and --version exit 0; every other commander error is a usage error.
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    }
    if (error instanceof InputError) {
      printIssues(error.issues, io, 'stderr');
      return exitCodes.invalidInput;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`error: ${error.message}\n(add --help for usage)\n`);
      return exitCodes.usage;
    }
    throw error;
  }
}
