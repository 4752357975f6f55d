/**
 * `npm run bench`: the throughput benchmarks (bench/run.mjs), then the cold
 * import measurement (bench/startup.mjs), each in its own process; arguments
 * are passed to both (e.g. `npm run bench -- --quick`).
 */
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const steps = [
  ['--expose-gc', '--max-old-space-size=8192', resolve(here, 'run.mjs'), ...args],
  [resolve(here, 'startup.mjs'), ...args.filter((a) => a.startsWith('--runs') || a === '--quick')],
];
for (const argv of steps) {
  const { status } = spawnSync(process.execPath, argv, { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
