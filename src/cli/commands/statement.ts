/**
 * `statement`: a partner's statement for a date as PDF, HTML or Markdown.
 * One ledger without `--out` goes to stdout; with `--out DIR`, every valid
 * ledger gets its own file, written atomically (on worker threads when
 * large: statements.ts is the unit of work), and the invalid ones are listed
 * with their issues and get none (exit 1).
 */
import { mkdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { escapeControls } from '../../format';
import type { WindowKind } from '../../index';
import type { PdfPaper } from '../../pdf/index';
import { locateIssues, progressBar, runBatchCommand, type BatchRun, type BatchRunOptions } from '../batch';
import { documentFileNames, loadPdfRenderer, mayWriteBinaryTo } from '../documents';
import { exitCodeFor, UsageError } from '../errors';
import { defaultFormat, type FormatOf } from '../formats';
import type { CliIo } from '../io';
import { failureReason, type CliIssue } from '../issues';
import { loadJob } from '../jobs';
import { addBatchOptions, asOfOption, checkPaper, inputsArgument, loadProgram, outOption, paperOption, resolveAsOf, windowOption, type BatchOptions, type CommandContext } from '../options';
import { runPool, threadCount, whereRun, WORKER_THRESHOLD } from '../pool';
import { asOfText } from '../render';
import { printIssues, printWarning } from '../report';
import { renderStatement, statementOf, writeStatements, type StatementJob, type StatementOptions, type StatementOutcome } from '../statements';

/**
 * From this many statements up, `--threads auto` writes PDFs on worker
 * threads. Measured on the CRM export (60 small statements): about 70 ms of
 * CPU per PDF, and about 2 s per thread to load pdfkit and the font and warm
 * up, so threads pay off from about 20 PDFs on two idle cores, far sooner
 * than for `evaluate` (Markdown and HTML keep `evaluate`'s threshold).
 */
const PDF_WORKER_THRESHOLD = 24;

const examples = `
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
Exit codes: 0 ok, 1 invalid input (the valid ledgers still get their files), 2 usage.`;

/** Adds `statement` to the program. */
export function registerStatement(program: Command, { io, setExit }: CommandContext): void {
  addBatchOptions(
    program
      .command('statement')
      .description("a partner's statement for a date as PDF, HTML or Markdown: tier and why, requirements, points, revenue, certifications, fee, plan, reviews and every entry; one file per partner with --out")
      .addArgument(inputsArgument(true))
      .addOption(asOfOption('the statement date, YYYY-MM-DD or RFC 3339, also the PDF creation date (default: today, UTC)'))
      .addOption(windowOption(true))
      .addOption(outOption('dir', 'write one file per partner into this directory (made if missing)'))
      .addOption(paperOption()),
    'statement',
    `${PDF_WORKER_THRESHOLD} PDFs or ${WORKER_THRESHOLD} other statements`,
  )
    .addHelpText('after', examples)
    .action(async (inputs: string[], options: StatementCommandOptions) => setExit(await statementCommand(inputs, options, io)));
}

/** Options of `statement`. */
type StatementCommandOptions = Omit<BatchOptions, 'format'> & {
  readonly asOf?: string;
  readonly window?: WindowKind;
  readonly format?: FormatOf<'statement'>;
  readonly out?: string;
  readonly paper?: PdfPaper;
};

/** `--out DIR`: a directory, or a path where one is made (before the first statement); never an existing file. */
function checkOutDirectory(out: string, io: CliIo): string {
  const dir = resolve(io.cwd, out);
  let file = false;
  try {
    file = !statSync(dir).isDirectory();
  } catch {
    // Not there yet: made when there is a statement to write.
  }
  if (file) throw new UsageError(`--out: ${out} is a file; statement writes one file per partner into a directory`);
  return dir;
}

/** `statement`: the statements of every valid ledger, on stdout (one ledger) or in `--out DIR` (named by `documentFileNames`). */
async function statementCommand(inputs: readonly string[], options: StatementCommandOptions, io: CliIo): Promise<number> {
  const asOf = resolveAsOf(options.asOf, io);
  // With --out the statements are files: PDF unless --format says. Without, Markdown on a terminal.
  const format = options.format ?? (options.out === undefined ? defaultFormat('statement', io.stdout.isTTY === true) : 'pdf');
  checkPaper(options.paper, format);
  const dir = options.out === undefined ? undefined : checkOutDirectory(options.out, io);
  if (format === 'pdf' && dir === undefined && !mayWriteBinaryTo(io.stdout)) {
    throw new UsageError('a PDF is not written to a terminal: use --out DIR, redirect standard output (> statement.pdf), or --format markdown');
  }
  const { definition } = loadProgram(options.program, io);
  const statementOptions: StatementOptions = {
    asOf: asOf.date,
    format,
    ...(options.window === undefined ? {} : { window: options.window }),
    ...(definition === undefined ? {} : { program: definition }),
    ...(options.paper === undefined ? {} : { paper: options.paper }),
  };
  // First pass: read and check every ledger, as `evaluate` does (same issues, CSV ones on their line).
  const batch = await runBatchCommand(inputs, options, { mode: 'validate', asOf: asOf.date, ...(definition === undefined ? {} : { program: definition }) }, io);
  const issues: CliIssue[] = [...batch.issues];
  const valid: { job: number; index: number; id: string }[] = [];
  batch.perJob.forEach((list, job) => list.forEach((outcome, index) => outcome.ok && valid.push({ job, index, id: outcome.partner.id })));

  const run: StatementRun = { batch, valid, issues, options: statementOptions };
  if (dir === undefined) await writeToStdout(run, io);
  else await writeFiles(run, dir, options, io);
  if (asOf.defaulted && io.stderr.isTTY === true) io.stderr.write(`statement ${asOfText(asOf)}\n`);
  printIssues(issues, io, 'stderr');
  return exitCodeFor(issues);
}

/** What both ways of writing statements share: the first pass, the valid ledgers, the issues so far, the statements' options. */
type StatementRun = {
  readonly batch: BatchRun;
  readonly valid: readonly { readonly job: number; readonly index: number; readonly id: string }[];
  readonly issues: CliIssue[];
  readonly options: StatementOptions;
};

/** Without `--out`: the statement of the one ledger on standard output. */
async function writeToStdout({ batch, valid, issues, options }: StatementRun, io: CliIo): Promise<void> {
  if (batch.outcomes.length > 1) {
    throw new UsageError(`${batch.outcomes.length} ledgers: --out DIR writes one statement per partner (only a single ledger goes to standard output)`);
  }
  const only = valid[0];
  const job = only === undefined ? undefined : batch.jobs[only.job];
  if (only !== undefined && job !== undefined) {
    const loaded = loadJob(job);
    const ledger = loaded.ok ? loaded.values[only.index] : undefined;
    if (!loaded.ok) issues.push(loaded.issue);
    else if (ledger !== undefined) {
      const made = statementOf(ledger.value, ledger.source, options);
      if (!made.ok) issues.push(...locateIssues(batch.collected, only.job, made.issues, ledger.source, only.id));
      else io.stdout.write(await renderStatement(made.doc, options, (message) => printWarning(io, ledger.source, message), io.loadPdf ?? loadPdfRenderer));
    }
  }
}

/** With `--out DIR`: a file per valid ledger, on worker threads when many, and the paths written on standard output. */
async function writeFiles({ batch, valid, issues, options }: StatementRun, dir: string, settings: BatchRunOptions & { readonly out?: string }, io: CliIo): Promise<void> {
  const shown = settings.out ?? dir;
  // Second pass: each valid ledger's file, named from every valid partner id in input order.
  const names = documentFileNames(
    valid.map((v) => v.id),
    options.format,
  );
  const files = batch.perJob.map((list) => list.map((): string | null => null));
  valid.forEach((v, i) => {
    const row = files[v.job];
    if (row !== undefined) row[v.index] = join(dir, names[i] ?? '');
  });
  const work: { job: number; task: StatementJob }[] = [];
  files.forEach((row, job) => {
    const source = batch.jobs[job];
    if (source !== undefined && row.some((file) => file !== null)) work.push({ job, task: { job: source, files: row } });
  });
  let outcomes: StatementOutcome[][] = [];
  if (work.length > 0) {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw new UsageError(`--out: cannot make the directory ${shown} (${failureReason(error)})`);
    }
    const started = Date.now();
    const threads = threadCount(settings.threads, valid.length, undefined, options.format === 'pdf' ? PDF_WORKER_THRESHOLD : WORKER_THRESHOLD);
    const bar = progressBar('writing statements', work.length, settings.progress, io);
    try {
      outcomes = await runPool(
        work.map((w) => w.task),
        { local: (task) => writeStatements(task, options, io.loadPdf), name: 'statements', task: (chunk) => ({ jobs: chunk, options }) },
        threads,
        (done) => bar?.update(done),
      );
    } finally {
      bar?.stop();
    }
    if (settings.verbose) {
      io.stderr.write(`${valid.length} statement(s) written ${whereRun(threads)} in ${Date.now() - started} ms\n`);
    }
  }
  outcomes.forEach((list, i) => {
    const job = work[i]?.job ?? 0;
    for (const outcome of list) {
      if (!outcome.ok) {
        issues.push(...locateIssues(batch.collected, job, outcome.issues, outcome.source, outcome.partner));
        continue;
      }
      for (const message of outcome.warnings) printWarning(io, outcome.source, message);
      io.stdout.write(`${escapeControls(join(shown, basename(outcome.file)))}\n`);
    }
  });
}
