/**
 * Runs a batch of ledger jobs: in this thread for small batches, on a piscina
 * pool of worker threads (every core) for large ones; reports progress.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { runJob, type Job, type JobBatch, type JobOptions, type LedgerOutcome } from './jobs';

/** From this many ledgers up, `--threads auto` uses worker threads. */
export const WORKER_THRESHOLD = 200;

/** How many worker threads `--threads` means for a batch of `count` jobs: 0 runs in this thread. */
export function threadCount(setting: 'auto' | number, count: number, cores = availableParallelism()): number {
  if (setting === 'auto') return count >= WORKER_THRESHOLD && cores > 1 ? cores : 0;
  return Math.min(setting, Math.max(1, count));
}

/** Runs every job, returning outcomes in job order; `onProgress(done)` after each job. */
export async function runJobs(
  jobs: readonly Job[],
  options: JobOptions,
  threads: number,
  onProgress: (done: number) => void,
): Promise<LedgerOutcome[][]> {
  if (threads === 0) {
    const results: LedgerOutcome[][] = [];
    for (const job of jobs) {
      results.push(runJob(job, options));
      onProgress(results.length);
      // Let the progress bar draw on long in-thread batches.
      if (results.length % 500 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return results;
  }
  // dist/cli/worker.js: beside this bundle (see tsup.config.ts).
  const pool = new Piscina<JobBatch, LedgerOutcome[][]>({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1_000,
  });
  try {
    // Enough chunks to balance the threads and move the bar, few enough to keep messages cheap.
    const size = Math.max(1, Math.min(250, Math.ceil(jobs.length / (threads * 8))));
    const chunks: Job[][] = [];
    for (let i = 0; i < jobs.length; i += size) chunks.push(jobs.slice(i, i + size));
    let done = 0;
    const results = await Promise.all(
      chunks.map(async (chunk) => {
        const outcome = await pool.run({ jobs: chunk, options });
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
