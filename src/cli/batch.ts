/**
 * What the batch commands share: reading the inputs into jobs, running them
 * (a progress bar on a terminal, worker threads when large), placing CSV
 * issues on their line and column, and printing the issues.
 */
import { SingleBar } from 'cli-progress';
import { collectInputs, type CollectedInputs, type InputFormat } from './inputs';
import { locateCsvIssue } from '../csv';
import type { CliIo } from './io';
import { formatIssue, type CliIssue } from './issues';
import type { Job, JobOptions, LedgerOutcome } from './jobs';
import { runJobs, threadCount } from './pool';
import { styleFor } from './style';

/** How a batch reads its inputs and runs. */
export type BatchRunOptions = {
  readonly inputFormat: InputFormat;
  readonly recursive: boolean;
  readonly threads: 'auto' | number;
  readonly progress?: boolean;
  readonly verbose: boolean;
};

/** What a batch found: the outcomes of every ledger (in input order, and by job), and every issue. */
export type BatchRun = {
  readonly jobs: readonly Job[];
  readonly collected: CollectedInputs;
  readonly perJob: readonly (readonly LedgerOutcome[])[];
  readonly outcomes: readonly LedgerOutcome[];
  readonly issues: readonly CliIssue[];
  readonly inputIssues: readonly CliIssue[];
};

/** An issue's source without its CSV partner (`export.csv#p001` → `export.csv`). */
const csvSource = (source: string) => source.slice(0, source.lastIndexOf('#'));

/** An issue of a job, placed on its CSV line and column when the job came from a CSV export. */
export function locateIssues(collected: CollectedInputs, jobIndex: number, issues: readonly CliIssue[], source: string, partner: string | undefined): CliIssue[] {
  const csv = collected.csv.get(jobIndex);
  return csv === undefined ? [...issues] : issues.map((i) => locateCsvIssue(csv, i, csvSource(source), partner));
}

/** Every issue of a batch, CSV ones placed on their line and column. */
function issuesOf(collected: CollectedInputs, outcomes: readonly LedgerOutcome[][]): { perJob: LedgerOutcome[][]; all: CliIssue[] } {
  const all: CliIssue[] = [...collected.issues];
  const perJob = outcomes.map((list, index) =>
    list.map((outcome) => {
      if (outcome.ok) return outcome;
      const issues = locateIssues(collected, index, outcome.issues, outcome.source, outcome.partner);
      all.push(...issues);
      return { ...outcome, issues };
    }),
  );
  return { perJob, all };
}

/** A progress bar on standard error: on a terminal for batches, unless `--progress`/`--no-progress` say otherwise. */
export function progressBar(label: string, total: number, progress: boolean | undefined, io: CliIo): SingleBar | undefined {
  const show = progress ?? (io.stderr.isTTY === true && total > 1);
  if (!show || total === 0) return undefined;
  const bar = new SingleBar({
    stream: io.stderr as NodeJS.WritableStream,
    format: `${label} [{bar}] {value}/{total} ledgers | {eta_formatted} left`,
    clearOnComplete: true,
    hideCursor: true,
    noTTYOutput: io.stderr.isTTY !== true,
    notTTYSchedule: 1_000,
    etaBuffer: 50,
  });
  bar.start(total, 0);
  return bar;
}

/** Reads the inputs, runs the batch (with a progress bar and worker threads when large). */
export async function runBatchCommand(inputs: readonly string[], options: BatchRunOptions, jobOptions: JobOptions, io: CliIo): Promise<BatchRun> {
  const started = Date.now();
  const collected = await collectInputs(inputs, { recursive: options.recursive, inputFormat: options.inputFormat }, io);
  const { jobs } = collected;
  const threads = threadCount(options.threads, jobs.length);
  const bar = progressBar(jobOptions.mode === 'evaluate' ? 'evaluating' : 'validating', jobs.length, options.progress, io);
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
  return { jobs, collected, perJob, outcomes: flat, issues: all, inputIssues: collected.issues };
}

/** The issue list: a count, then `source: path: message [code]` a line each. */
export function printIssues(issues: readonly CliIssue[], io: CliIo, to: 'stdout' | 'stderr'): void {
  if (issues.length === 0) return;
  const stream = io[to];
  const style = styleFor(stream, io.env);
  const sources = new Set(issues.map((i) => i.source.replace(/\[\d+\]$/, '')));
  stream.write(`${style.red(`${issues.length} issue${issues.length === 1 ? '' : 's'} in ${sources.size} input${sources.size === 1 ? '' : 's'}:`)}\n`);
  for (const issue of issues) stream.write(`  ${formatIssue(issue, style.dim)}\n`);
}
