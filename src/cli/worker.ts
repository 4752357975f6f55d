/**
 * The worker-thread entry (dist/cli/worker.js). Piscina starts its own
 * bootstrap file from the bundle's directory, under this very name, so this
 * module is both: it runs piscina's worker bootstrap, and its exports are the
 * tasks the bootstrap then loads (the same module instance): the default one
 * evaluates or validates ledgers, `statements` writes statements.
 */
import 'piscina/worker-bootstrap';
import { runBatch, type JobBatch, type LedgerOutcome } from './jobs';
import { runStatementTask, type StatementOutcome, type StatementTask } from './statements';

/** Processes one batch of ledgers. */
export default function processBatch(batch: JobBatch): LedgerOutcome[][] {
  return runBatch(batch);
}

/** Writes the statements of one chunk of ledgers. */
export function statements(task: StatementTask): Promise<StatementOutcome[][]> {
  return runStatementTask(task);
}
