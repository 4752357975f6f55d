/**
 * What the commands that read ledgers share: reading the inputs into jobs,
 * running them (a progress bar on a terminal, worker threads when large),
 * placing CSV issues on their line and column, a batch's JSON records, the
 * parsed ledgers of the per-ledger commands.
 */
import { SingleBar } from 'cli-progress';
import { parseLedger, type Ledger, type Program } from '../index';
import { collectInputs, type CollectedInputs, type InputFormat } from './inputs';
import { locateCsvIssue } from '../csv';
import { InputError } from './errors';
import type { CliIo } from './io';
import type { CliIssue } from './issues';
import { loadJob, type Job, type JobOptions, type LedgerOutcome } from './jobs';
import { runJobs, threadCount, whereRun } from './pool';

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
    io.stderr.write(`${flat.length} ledger(s) from ${inputs.length} input(s), processed ${whereRun(threads)} in ${Date.now() - started} ms\n`);
  }
  return { jobs, collected, perJob, outcomes: flat, issues: all, inputIssues: collected.issues };
}

/** One JSON record per ledger (NDJSON lines; the `results` of `--format json`). */
export function outcomeRecord(outcome: LedgerOutcome): Record<string, unknown> {
  if (outcome.ok) return { source: outcome.source, ok: true, partner: outcome.partner, evaluation: outcome.evaluation };
  return { source: outcome.source, ok: false, ...(outcome.partner === undefined ? {} : { partner: { id: outcome.partner } }), issues: outcome.issues };
}

/** A batch's records (NDJSON lines): one per ledger, then one per issue that belongs to no ledger (an unreadable file, a CSV syntax error). */
export function outcomeRecords({ outcomes, inputIssues }: Pick<BatchRun, 'outcomes' | 'inputIssues'>): Record<string, unknown>[] {
  return [...outcomes.map(outcomeRecord), ...inputIssues.map((i) => ({ source: i.source, ok: false, issues: [i] }))];
}

/**
 * Reads the ledgers of a per-ledger command (`timeline`, `plan`), in the main
 * thread; any issue in any input stops the command (an input error).
 */
export async function readLedgers(
  inputs: readonly string[],
  options: { readonly inputFormat: InputFormat; readonly program?: Program },
  io: CliIo,
): Promise<{ source: string; ledger: Ledger }[]> {
  const collected = await collectInputs(inputs, { inputFormat: options.inputFormat, recursive: false }, io);
  const issues: CliIssue[] = [...collected.issues];
  const ledgers: { source: string; ledger: Ledger }[] = [];
  collected.jobs.forEach((job, index) => {
    const loaded = loadJob(job);
    if (!loaded.ok) {
      issues.push(loaded.issue);
      return;
    }
    for (const { source, value } of loaded.values) {
      const parsed = parseLedger(value, options.program === undefined ? {} : { program: options.program });
      if (parsed.ok) ledgers.push({ source, ledger: parsed.ledger });
      else {
        const csv = collected.csv.get(index);
        const partner = parsed.issues.length > 0 && csv ? String(csv.ledger.partner.id) : undefined;
        issues.push(...locateIssues(collected, index, parsed.issues.map((i) => ({ source, path: i.path, code: i.code, message: i.message })), source, partner));
      }
    }
  });
  if (issues.length > 0) throw new InputError(issues);
  return ledgers;
}
