/**
 * A/B of two builds in one process: the first evaluation of a freshly parsed
 * ledger (parse outside the timing), CPU time, alternating A and B for
 * `rounds` rounds (default 15); the median and the min per ledger, and B/A
 * (the median of the per-round ratios, and the ratio of the mins). Noise
 * from other processes hits both. Also (parse + evaluate) − parse per
 * build, which subtracts two noisy figures: read it only on a quiet machine.
 *
 * Usage: node --expose-gc bench/ab-first-evaluate.mjs <A/index.js> <B/index.js> [entries=100] [rounds=15]
 */
import { generateLedger, AS_OF } from './generate.mjs';

const at = (path) => new URL(path, `file://${process.cwd()}/`).href;
const A = await import(at(process.argv[2]));
const B = await import(at(process.argv[3]));
const size = Number(process.argv[4] ?? 100);
const ROUNDS = Number(process.argv[5] ?? 15);
const raw = Array.from({ length: 20 }, (_, i) => generateLedger(size, i + 1));
const reps = Math.max(2, Math.round(20000 / size));
const cpu = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};
function first(L) {
  const parsed = [];
  for (let r = 0; r < reps; r++) for (const l of raw) parsed.push(L.parseLedger(l).ledger);
  const s = cpu();
  for (const p of parsed) L.evaluate(p, { asOf: AS_OF });
  return (cpu() - s) / parsed.length;
}
function parseThenEvaluate(L) {
  let s = cpu();
  for (let r = 0; r < reps; r++) for (const l of raw) L.parseLedger(l);
  const parse = cpu() - s;
  s = cpu();
  for (let r = 0; r < reps; r++) for (const l of raw) L.evaluate(L.parseLedger(l).ledger, { asOf: AS_OF });
  return (cpu() - s - parse) / (reps * raw.length);
}
const res = { A: [], B: [], Ap: [], Bp: [] };
for (let r = 0; r < ROUNDS; r++) {
  for (const [n, L] of r % 2 ? [['B', B], ['A', A]] : [['A', A], ['B', B]]) {
    globalThis.gc?.();
    res[n].push(first(L));
    globalThis.gc?.();
    res[`${n}p`].push(parseThenEvaluate(L));
  }
}
const med = (x) => [...x].sort((a, b) => a - b)[x.length >> 1];
const min = (x) => Math.min(...x);
const ratio = (a, b) => med(res[b].map((v, i) => v / res[a][i]));
const line = (label, a, b) =>
  `size ${size}: ${label} A ${med(res[a]).toFixed(1)} µs (min ${min(res[a]).toFixed(1)}), B ${med(res[b]).toFixed(1)} µs (min ${min(res[b]).toFixed(1)}), B/A ${ratio(a, b).toFixed(2)} (mins ${(min(res[b]) / min(res[a])).toFixed(2)})`;
console.log(line('first evaluate', 'A', 'B'));
console.log(line('(parse + evaluate) − parse', 'Ap', 'Bp'));
