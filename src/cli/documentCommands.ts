/**
 * The document commands: `describe` (the program's tables as Markdown or
 * JSON, the program overview as PDF or HTML) and `statement` (a partner's
 * statement, one file per partner for a batch, on worker threads when large).
 */
import { mkdirSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { describeProgram, exponentialProgram, programOverview, type WindowKind } from '../index';
import type { PdfPaper } from '../pdf/index';
import { escapeControls } from '../format';
import { locateIssues, printIssues, progressBar, runBatchCommand, type BatchRunOptions } from './batch';
import { InputError, loadProgram, optionError, resolveAsOf, UsageError } from './commands';
import { documentFileNames, loadPdfRenderer, mayWriteBinaryTo, renderDocument, writeFileAtomic } from './documents';
import { defaultFormat, type FormatOf } from './formats';
import type { CliIo } from './io';
import type { CliIssue } from './issues';
import { loadJob } from './jobs';
import { asOfText } from './render';
import { runPool, threadCount, WORKER_THRESHOLD } from './pool';
import { renderStatement, statementOf, writeStatements, type StatementJob, type StatementOptions, type StatementOutcome } from './statements';
import { styleFor } from './style';

/**
 * From this many statements up, `--threads auto` writes PDFs on worker
 * threads. Measured on the CRM export (60 small statements): about 70 ms of
 * CPU per PDF, and about 2 s per thread to load pdfkit and the font and warm
 * up, so threads pay off from about 20 PDFs on two idle cores, far sooner
 * than for `evaluate` (Markdown and HTML keep `evaluate`'s threshold).
 */
export const PDF_WORKER_THRESHOLD = 24;

/** `--paper` sets the page of PDF and HTML; with another format it is a mistake, said as one. */
function checkPaper(paper: PdfPaper | undefined, format: string): void {
  if (paper !== undefined && format !== 'pdf' && format !== 'html') throw new UsageError(`--paper sets the page size of pdf and html, not of ${format}`);
}

/** A PDF fallback warning (characters the font cannot show), on stderr, escaped. */
function warn(io: CliIo, source: string | undefined, message: string): void {
  const style = styleFor(io.stderr, io.env);
  io.stderr.write(`${style.yellow('warning:')} ${source === undefined ? '' : `${escapeControls(source)}: `}${escapeControls(message)}\n`);
}

/** The formats `describe --out FILE` infers from the file's extension when `--format` is not given. */
const describeExtensions: Readonly<Record<string, FormatOf<'describe'>>> = { '.md': 'markdown', '.markdown': 'markdown', '.json': 'json', '.pdf': 'pdf', '.html': 'html', '.htm': 'html' };

/** Options of `describe`. */
export type DescribeOptions = {
  readonly program?: string;
  readonly asOf?: string;
  readonly version?: string;
  readonly format?: FormatOf<'describe'>;
  readonly out?: string;
  readonly paper?: PdfPaper;
};

/** A problem writing an output file: an `unwritable` issue (exit 1). */
function unwritable(source: string, error: unknown): InputError {
  const reason = (error as NodeJS.ErrnoException).code ?? String(error);
  return new InputError([{ source, path: '', code: 'unwritable', message: `cannot write the file (${reason})` }]);
}

/**
 * `describe`: the program's tables as Markdown (`describeProgram`), the
 * described version as JSON, or the program overview (`programOverview`) as
 * HTML or PDF; to stdout, or atomically to `--out FILE`.
 */
export async function describeCommand(options: DescribeOptions, io: CliIo): Promise<number> {
  const fromExtension = options.out === undefined ? undefined : describeExtensions[extname(options.out).toLowerCase()];
  const format = options.format ?? fromExtension ?? defaultFormat('describe', io.stdout.isTTY === true);
  checkPaper(options.paper, format);
  const target = options.out === undefined ? undefined : resolve(io.cwd, options.out);
  if (target !== undefined && isDirectory(target)) throw new UsageError(`--out: ${options.out} is a directory; give a file name, such as overview.${format === 'markdown' ? 'md' : format}`);
  if (format === 'pdf' && target === undefined && !mayWriteBinaryTo(io.stdout)) {
    throw new UsageError('a PDF is not written to a terminal: use --out FILE (--out overview.pdf) or redirect standard output (> overview.pdf)');
  }
  const { program: custom } = loadProgram(options.program, io);
  const program = custom ?? exponentialProgram;
  // describeProgram checks --as-of and --version-name (and that not both are given) for every format.
  let markdown: string;
  try {
    markdown = describeProgram(program, { ...(options.asOf === undefined ? {} : { asOf: options.asOf }), ...(options.version === undefined ? {} : { version: options.version }) });
  } catch (error) {
    optionError(error, { asOf: '--as-of', version: '--version-name' });
  }
  const named = options.version === undefined ? undefined : program.versions.find((v) => v.version === options.version);
  let data: string | Uint8Array;
  switch (format) {
    case 'markdown':
      data = markdown;
      break;
    case 'json': {
      // The version describeProgram describes: by name, else in effect on --as-of (before the first: the first), else the latest.
      const asOf = options.asOf === undefined ? undefined : resolveAsOf(options.asOf, io).date;
      const version =
        named ??
        (asOf === undefined ? undefined : [...program.versions].reverse().find((v) => v.effectiveFrom <= asOf)) ??
        (asOf === undefined ? program.versions[program.versions.length - 1] : program.versions[0]);
      data = `${JSON.stringify({ id: program.id, name: program.name, version }, null, 2)}\n`;
      break;
    }
    case 'html':
    case 'pdf': {
      // The overview is dated (and picks its version) by --as-of; a named version is dated its first day; else today (UTC).
      const today = options.asOf === undefined && named === undefined ? resolveAsOf(undefined, io) : undefined;
      const asOf = today?.date ?? named?.effectiveFrom ?? resolveAsOf(options.asOf, io).date;
      if (today !== undefined && io.stderr.isTTY === true) io.stderr.write(`overview ${asOfText(today)}\n`);
      const doc = programOverview(program, { asOf });
      data = await renderDocument(doc, {
        format,
        ...(options.paper === undefined ? {} : { paper: options.paper }),
        onWarning: (warning) => warn(io, undefined, warning.message),
        ...(format === 'pdf' ? { pdf: await (io.loadPdf ?? loadPdfRenderer)() } : {}),
      });
      break;
    }
  }
  if (target === undefined) {
    io.stdout.write(data);
    return 0;
  }
  try {
    await writeFileAtomic(target, data);
  } catch (error) {
    throw unwritable(options.out ?? target, error);
  }
  io.stdout.write(`${escapeControls(options.out ?? target)}\n`);
  return 0;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Options of `statement`. */
export type StatementCommandOptions = BatchRunOptions & {
  readonly asOf?: string;
  readonly window?: WindowKind;
  readonly program?: string;
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

/**
 * `statement`: a partner's statement for `--as-of`. One ledger without
 * `--out` goes to stdout; with `--out DIR`, every valid ledger gets its own
 * file (named by `documentFileNames`), written atomically, and the invalid
 * ones are listed with their issues and get none (exit 1).
 */
export async function statementCommand(inputs: readonly string[], options: StatementCommandOptions, io: CliIo): Promise<number> {
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

  if (dir === undefined) {
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
        const made = statementOf(ledger.value, ledger.source, statementOptions);
        if (!made.ok) issues.push(...locateIssues(batch.collected, only.job, made.issues, ledger.source, only.id));
        else io.stdout.write(await renderStatement(made.doc, statementOptions, (message) => warn(io, ledger.source, message), io.loadPdf ?? loadPdfRenderer));
      }
    }
    if (asOf.defaulted && io.stderr.isTTY === true) io.stderr.write(`statement ${asOfText(asOf)}\n`);
    printIssues(issues, io, 'stderr');
    return issues.length > 0 ? 1 : 0;
  }

  // Second pass: each valid ledger's file, named from every valid partner id in input order.
  const names = documentFileNames(
    valid.map((v) => v.id),
    format,
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
      throw new UsageError(`--out: cannot make the directory ${options.out ?? dir} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    const started = Date.now();
    const threads = threadCount(options.threads, valid.length, undefined, format === 'pdf' ? PDF_WORKER_THRESHOLD : WORKER_THRESHOLD);
    const bar = progressBar('writing statements', work.length, options.progress, io);
    try {
      outcomes = await runPool(
        work.map((w) => w.task),
        { local: (task) => writeStatements(task, statementOptions, io.loadPdf), name: 'statements', task: (chunk) => ({ jobs: chunk, options: statementOptions }) },
        threads,
        (done) => bar?.update(done),
      );
    } finally {
      bar?.stop();
    }
    if (options.verbose) {
      const where = threads === 0 ? 'in the main thread' : `on ${threads} worker threads`;
      io.stderr.write(`${valid.length} statement(s) written ${where} in ${Date.now() - started} ms\n`);
    }
  }
  outcomes.forEach((list, i) => {
    const job = work[i]?.job ?? 0;
    for (const outcome of list) {
      if (!outcome.ok) {
        issues.push(...locateIssues(batch.collected, job, outcome.issues, outcome.source, outcome.partner));
        continue;
      }
      for (const message of outcome.warnings) warn(io, outcome.source, message);
      io.stdout.write(`${escapeControls(join(options.out ?? dir, basename(outcome.file)))}\n`);
    }
  });
  if (asOf.defaulted && io.stderr.isTTY === true) io.stderr.write(`statement ${asOfText(asOf)}\n`);
  printIssues(issues, io, 'stderr');
  return issues.length > 0 ? 1 : 0;
}
