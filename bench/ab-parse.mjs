/**
 * A/B of two builds in one process: `parseLedger` of valid generated ledgers,
 * next to zod/mini's own strict `safeParse` (bench/zodStrictSchema.mjs) of the
 * same ledgers, CPU time, alternating A, B and zod over many rounds; the min
 * and the median per ledger, B/A, and each build's throughput against zod's.
 * Noise from other processes hits all three alike: read the ratios.
 *
 * With `--evaluate`, also parseLedger + evaluate (the bar of #13: ≥ 0.7× zod's throughput) per build.
 *
 * Usage: node --expose-gc bench/ab-parse.mjs <A/index.js> <B/index.js> [entries=100,1000] [rounds=21] [--evaluate]
 */
import { AS_OF, generateLedger } from './generate.mjs';
import { zodStrictLedger } from './zodStrictSchema.mjs';

const at = (path) => new URL(path, `file://${process.cwd()}/`).href;
const args = process.argv.slice(2).filter((arg) => arg !== '--evaluate');
const withEvaluate = process.argv.includes('--evaluate');
const A = await import(at(args[0]));
const B = await import(at(args[1]));
const sizes = (args[2] ?? '100,1000').split(',').map(Number);
const rounds = Number(args[3] ?? 21);

const med = (x) => [...x].sort((a, b) => a - b)[x.length >> 1];
const min = (x) => Math.min(...x);

for (const size of sizes) {
  const raw = Array.from({ length: 20 }, (_, i) => generateLedger(size, i + 1));
  for (const l of raw) {
    if (!A.parseLedger(l).ok || !B.parseLedger(l).ok || !zodStrictLedger.safeParse(l).success) throw new Error('a generated ledger did not parse');
  }
  const reps = Math.max(2, Math.round(20000 / size));
  const runs = {
    A: () => { for (let r = 0; r < reps; r++) for (const l of raw) A.parseLedger(l); },
    B: () => { for (let r = 0; r < reps; r++) for (const l of raw) B.parseLedger(l); },
    zod: () => { for (let r = 0; r < reps; r++) for (const l of raw) zodStrictLedger.safeParse(l); },
    ...(withEvaluate && {
      'A p+e': () => { for (let r = 0; r < reps; r++) for (const l of raw) A.evaluate(A.parseLedger(l).ledger, { asOf: AS_OF }); },
      'B p+e': () => { for (let r = 0; r < reps; r++) for (const l of raw) B.evaluate(B.parseLedger(l).ledger, { asOf: AS_OF }); },
    }),
  };
  const time = (run) => {
    globalThis.gc?.();
    const start = process.cpuUsage();
    run();
    const spent = process.cpuUsage(start);
    return (spent.user + spent.system) / (reps * raw.length);
  };
  for (const run of Object.values(runs)) run(); // warm-up
  const names = Object.keys(runs);
  const res = Object.fromEntries(names.map((name) => [name, []]));
  // Each round starts one later in the list: every build runs first, middle and last equally often.
  for (let r = 0; r < rounds; r++) for (let k = 0; k < names.length; k++) { const name = names[(r + k) % names.length]; res[name].push(time(runs[name])); }
  const line = (name) => `${name} min ${min(res[name]).toFixed(1)} med ${med(res[name]).toFixed(1)} µs`;
  console.log(`size ${size}, ${rounds} rounds: ${line('A')}; ${line('B')}; ${line('zod')}`);
  console.log(
    `  B/A time: min ${(min(res.B) / min(res.A)).toFixed(3)} med ${(med(res.B) / med(res.A)).toFixed(3)}; ` +
      `zod/A ${(min(res.zod) / min(res.A)).toFixed(3)} (med ${(med(res.zod) / med(res.A)).toFixed(3)}), ` +
      `zod/B ${(min(res.zod) / min(res.B)).toFixed(3)} (med ${(med(res.zod) / med(res.B)).toFixed(3)})`,
  );
  if (withEvaluate) {
    console.log(`  ${line('A p+e')}; ${line('B p+e')}`);
    console.log(`  parse + evaluate ÷ zod throughput (bar ≥ 0.7): A ${(min(res.zod) / min(res['A p+e'])).toFixed(3)} (med ${(med(res.zod) / med(res['A p+e'])).toFixed(3)}), B ${(min(res.zod) / min(res['B p+e'])).toFixed(3)} (med ${(med(res.zod) / med(res['B p+e'])).toFixed(3)})`);
  }
}
