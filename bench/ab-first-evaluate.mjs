/**
 * A/B of two builds in one process: the first evaluation of a freshly parsed
 * ledger (parse outside the timing), CPU time, alternating A and B for 15
 * rounds; the median per ledger and B/A. Noise from other processes hits both.
 *
 * Usage: node --expose-gc bench/ab-first-evaluate.mjs <A/index.js> <B/index.js> [entries=100]
 */
import { generateLedger, AS_OF } from './generate.mjs';
const A = await import(new URL(process.argv[2], `file://${process.cwd()}/`).href); const B = await import(new URL(process.argv[3], `file://${process.cwd()}/`).href);
const size = Number(process.argv[4] ?? 100);
const raw = Array.from({ length: 20 }, (_, i) => generateLedger(size, i + 1));
const reps = Math.max(2, Math.round(20000 / size));
function first(L) {
  const parsed = []; for (let r = 0; r < reps; r++) for (const l of raw) parsed.push(L.parseLedger(l).ledger);
  const s = process.cpuUsage(); for (const p of parsed) L.evaluate(p, { asOf: AS_OF }); const e = process.cpuUsage(s);
  return (e.user + e.system) / parsed.length;
}
const res = { A: [], B: [] };
for (let r = 0; r < 15; r++) for (const [n, L] of r % 2 ? [['B', B], ['A', A]] : [['A', A], ['B', B]]) { globalThis.gc?.(); res[n].push(first(L)); }
const med = (x) => x.sort((a, b) => a - b)[x.length >> 1];
console.log(`size ${size}: first evaluate A ${med(res.A).toFixed(1)} µs, B ${med(res.B).toFixed(1)} µs, B/A ${(med(res.B) / med(res.A)).toFixed(2)}`);
