/**
 * The `exponential-partner` executable (package.json `bin`): runs `main` on
 * the process and exits with its code. Node only; the library never imports it.
 */
import { processIo } from './io';
import { main } from './main';

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`exponential-partner: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
