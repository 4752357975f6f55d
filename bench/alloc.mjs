/**
 * Bytes allocated per call (parseLedger, a first evaluate of a freshly parsed
 * ledger, a repeated evaluate), measured as heap growth with a young
 * generation large enough that no GC runs during the loop: a figure that does
 * not depend on the load of the machine, unlike the timings.
 *
 * Usage: node --expose-gc --max-semi-space-size=1024 --min-semi-space-size=1024 bench/alloc.mjs [dist/index.js] [entries=100]
 */
import { generateLedger, AS_OF } from './generate.mjs';

const L = await import(new URL(process.argv[2] ?? '../dist/index.js', process.argv[2] ? `file://${process.cwd()}/` : import.meta.url).href);
const size = Number(process.argv[3] ?? 100);
if (globalThis.gc === undefined) throw new Error('run with --expose-gc (and a large young generation, see the usage)');
const raws = Array.from({ length: 20 }, (_, i) => generateLedger(size, 101 + i));
for (let k = 0; k < 50; k++) for (const r of raws) L.evaluate(L.parseLedger(r).ledger, { asOf: AS_OF });
const n = Math.max(20, Math.round(20_000 / size));
const measure = (fn) => {
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < n; i++) fn(i);
  return (process.memoryUsage().heapUsed - before) / n;
};
const parsed = Array.from({ length: n }, (_, i) => L.parseLedger(raws[i % 20]).ledger);
const parse = measure((i) => L.parseLedger(raws[i % 20]));
const first = measure((i) => L.evaluate(parsed[i], { asOf: AS_OF }));
const repeated = measure((i) => L.evaluate(parsed[i], { asOf: AS_OF }));
const kB = (x) => `${(x / 1000).toFixed(1)} kB`;
console.log(`${size} entries: parseLedger ${kB(parse)}, first evaluate ${kB(first)}, repeated evaluate ${kB(repeated)} allocated per call`);
