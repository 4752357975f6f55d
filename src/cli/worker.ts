/**
 * The worker-thread entry (dist/cli/worker.js). Piscina starts its own
 * bootstrap file from the bundle's directory, under this very name, so this
 * module is both: it runs piscina's worker bootstrap, and its default export
 * is the task the bootstrap then loads (the same module instance).
 */
import 'piscina/worker-bootstrap';
import { runBatch, type JobBatch, type LedgerOutcome } from './jobs';

/** Processes one batch of ledgers. */
export default function processBatch(batch: JobBatch): LedgerOutcome[][] {
  return runBatch(batch);
}
