/**
 * A/B of two builds in one process: a repeated evaluate of a parsed ledger and
 * a 12-month reviewTimeline, CPU time, alternating A and B for 11 rounds; the
 * median per ledger and B/A.
 *
 * Usage: node --expose-gc bench/ab-repeated-timeline.mjs <A/index.js> <B/index.js> [entries=100]
 */
import { generateLedger, AS_OF } from './generate.mjs';
const A = await import(new URL(process.argv[2], `file://${process.cwd()}/`).href); const B = await import(new URL(process.argv[3], `file://${process.cwd()}/`).href);
const size = Number(process.argv[4] ?? 100);
const raw = Array.from({ length: 20 }, (_, i) => generateLedger(size, i + 1));
function run(L, mode) {
  const parsed = raw.map((l) => L.parseLedger(l).ledger);
  if (mode === 'repeated') for (const p of parsed) L.evaluate(p, { asOf: AS_OF });
  const reps = Math.max(1, Math.round(4000 / size));
  const s = process.cpuUsage();
  for (let r = 0; r < reps; r++) for (const p of parsed) mode === 'repeated' ? L.evaluate(p, { asOf: AS_OF }) : L.reviewTimeline(p, { from: '2025-06-30', to: AS_OF });
  const e = process.cpuUsage(s); return (e.user + e.system) / (reps * parsed.length);
}
for (const mode of ['repeated', 'timeline']) {
  const res = { A: [], B: [] };
  for (let r = 0; r < 11; r++) for (const [n, L] of r % 2 ? [['B', B], ['A', A]] : [['A', A], ['B', B]]) { globalThis.gc?.(); res[n].push(run(L, mode)); }
  const med = (x) => x.sort((a, b) => a - b)[x.length >> 1];
  console.log(`size ${size} ${mode}: A ${med(res.A).toFixed(1)} µs, B ${med(res.B).toFixed(1)} µs, B/A ${(med(res.B) / med(res.A)).toFixed(2)}`);
}
