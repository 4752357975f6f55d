/**
 * Runs a batch of ledger jobs: in this thread for small batches, on a piscina
 * pool of worker threads (every core) for large ones; reports progress.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { runJob, type Job, type JobOptions, type LedgerOutcome } from './jobs';

/** From this many ledgers up, `--threads auto` uses worker threads. */
export const WORKER_THRESHOLD = 200;

/**
 * How many worker threads `--threads` means for a batch of `count` jobs: 0 runs in this thread.
 * `threshold`: from how many jobs `auto` starts threads (fewer for costly jobs, such as PDFs).
 */
export function threadCount(setting: 'auto' | number, count: number, cores = availableParallelism(), threshold = WORKER_THRESHOLD): number {
  if (setting === 'auto') return count >= threshold && cores > 1 ? cores : 0;
  return Math.min(setting, Math.max(1, count));
}

/** Where a run went, for `--verbose`: "in the main thread", "on 2 worker threads". */
export function whereRun(threads: number): string {
  return threads === 0 ? 'in the main thread' : `on ${threads} worker threads`;
}

/** Work a pool runs: each item in this thread, or chunks of items as a task of worker.ts. */
export type PoolWork<T, R> = {
  /** Runs one item in this thread. */
  readonly local: (item: T) => R | Promise<R>;
  /** The export of worker.ts that runs a chunk (`default`: ledger jobs). */
  readonly name: string;
  /** The task of a chunk, sent to that export, which returns one result per item. */
  readonly task: (chunk: readonly T[]) => unknown;
};

/** Runs every item, returning results in item order; `onProgress(done)` as items finish. */
export async function runPool<T, R>(items: readonly T[], work: PoolWork<T, R>, threads: number, onProgress: (done: number) => void): Promise<R[]> {
  if (threads === 0) {
    const results: R[] = [];
    for (const item of items) {
      results.push(await work.local(item));
      onProgress(results.length);
      // Let the progress bar draw on long in-thread batches.
      if (results.length % 500 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return results;
  }
  // dist/cli/worker.js: beside this bundle (see tsup.config.ts).
  const pool = new Piscina<unknown, R[]>({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1_000,
  });
  try {
    // Enough chunks to balance the threads and move the bar, few enough to keep messages cheap.
    const size = Math.max(1, Math.min(250, Math.ceil(items.length / (threads * 8))));
    const chunks: T[][] = [];
    for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
    let done = 0;
    const results = await Promise.all(
      chunks.map(async (chunk) => {
        const outcome = await pool.run(work.task(chunk), { name: work.name });
        done += chunk.length;
        onProgress(done);
        return outcome;
      }),
    );
    return results.flat();
  } finally {
    await pool.destroy();
  }
}

/** Runs every ledger job, returning outcomes in job order; `onProgress(done)` after each job. */
export function runJobs(jobs: readonly Job[], options: JobOptions, threads: number, onProgress: (done: number) => void): Promise<LedgerOutcome[][]> {
  return runPool<Job, LedgerOutcome[]>(jobs, { local: (job) => runJob(job, options), name: 'default', task: (chunk) => ({ jobs: chunk, options }) }, threads, onProgress);
}
