/**
 * The bars of the core redesign (issue #13), as ratios measured in one run:
 *
 * - plain loop: bench/baseline.mjs over the raw entries (dates read once, as parseLedger does);
 * - first evaluate: (parseLedger + evaluate) − parseLedger, on the same ledgers in the same round;
 * - repeated evaluate: evaluate of one parsed ledger, called again;
 * - zod/mini's own parse: safeParse of a strict ledger schema (bench/zodStrictSchema.mjs);
 * - planUpgrade to Platinum (revenue and certifications both short) and a 12-month
 *   reviewTimeline (13 reviews), each on a freshly parsed ledger, less the parse.
 *
 * Each measure runs `--rounds` rounds (default 7) over several seeded ledgers, the tasks
 * alternating within a round; a figure is the median over rounds, a ratio the median of the
 * per-round ratios, so load from other processes hits both sides of a ratio alike.
 *
 * Usage: npm run build && node --expose-gc bench/core.mjs [--sizes=100,1000] [--rounds=7] [--plan-sizes=1000,100000]
 *        [--json=bench/results/core.json]
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, parseLedger, planUpgrade, reviewTimeline } from '../dist/index.js';
import { baselineEvaluate, prepareBaseline } from './baseline.mjs';
import { AS_OF, generateLedger } from './generate.mjs';
import { zodStrictLedger } from './zodStrictSchema.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).map((a) => { const [k, v] = a.replace(/^--/, '').split('='); return [k, v ?? true]; }));
const SIZES = String(args.sizes ?? '100,1000').split(',').filter((s) => s !== '').map(Number);
const PLAN_SIZES = String(args['plan-sizes'] ?? '1000,100000').split(',').map(Number);
const ROUNDS = Number(args.rounds ?? 7);
const gc = globalThis.gc ?? (() => {});
const TIMELINE = { from: '2025-06-30', to: AS_OF }; // 13 month ends: 2025-06-30 … 2026-06-30
const PLAN = { asOf: AS_OF, target: 'platinum' };

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

/** Mean µs per call of `fn` over `ledgers`, repeated until `minMs` has passed. */
function time(fn, ledgers, minMs) {
  let calls = 0;
  const start = performance.now();
  let now = start;
  do {
    for (const l of ledgers) fn(l);
    calls += ledgers.length;
    now = performance.now();
  } while (now - start < minMs);
  return ((now - start) * 1000) / calls;
}

/** Runs tasks (name → fn over one ledger) in alternating order for ROUNDS rounds; µs per ledger by round. */
function rounds(tasks, ledgers, minMs) {
  const byTask = Object.fromEntries(Object.keys(tasks).map((k) => [k, []]));
  const names = Object.keys(tasks);
  for (const name of names) time(tasks[name], ledgers, minMs / 4); // warm-up
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      gc();
      byTask[name].push(time(tasks[name], ledgers, minMs));
    }
  }
  return byTask;
}

const results = { date: new Date().toISOString(), node: process.version, rounds: ROUNDS, sizes: {}, plan: {} };
const fmt = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

for (const size of SIZES) {
  const count = Math.max(4, Math.round(20_000 / size));
  const raws = Array.from({ length: count }, (_, i) => generateLedger(size, 101 + i));
  const parsed = raws.map((raw) => parseLedger(raw).ledger);
  const prepared = raws.map((raw) => prepareBaseline(raw));
  // The baseline agrees with evaluate, or the comparison means nothing.
  parsed.forEach((ledger, i) => {
    const a = evaluate(ledger, { asOf: AS_OF });
    const b = baselineEvaluate(prepared[i], AS_OF);
    if (a.points.total !== b.total || a.tier !== b.tier) throw new Error(`baseline disagrees with evaluate at seed ${101 + i}`);
  });
  const idx = raws.map((_, i) => i);
  const tasks = {
    'plain loop': (i) => baselineEvaluate(prepared[i], AS_OF),
    'plain loop + prepare': (i) => baselineEvaluate(prepareBaseline(raws[i]), AS_OF),
    parseLedger: (i) => parseLedger(raws[i]),
    'parseLedger + evaluate': (i) => evaluate(parseLedger(raws[i]).ledger, { asOf: AS_OF }),
    'repeated evaluate': (i) => evaluate(parsed[i], { asOf: AS_OF }),
    'zod/mini safeParse': (i) => zodStrictLedger.safeParse(raws[i]),
    'parseLedger + reviewTimeline': (i) => reviewTimeline(parseLedger(raws[i]).ledger, TIMELINE),
  };
  const by = rounds(tasks, idx, size >= 1000 ? 150 : 100);
  const perRound = (f) => median(by['plain loop'].map((_, r) => f(r)));
  const first = (r) => by['parseLedger + evaluate'][r] - by.parseLedger[r];
  const figures = {
    ledgers: count,
    us: Object.fromEntries(Object.entries(by).map(([k, v]) => [k, median(v)])),
    firstEvaluateUs: perRound(first),
    firstEvaluateVsPlainLoop: perRound((r) => first(r) / by['plain loop'][r]),
    firstEvaluateVsPlainLoopWithPrepare: perRound((r) => first(r) / by['plain loop + prepare'][r]),
    repeatedVsPlainLoop: perRound((r) => by['repeated evaluate'][r] / by['plain loop'][r]),
    parseEvaluateThroughputVsZod: perRound((r) => by['zod/mini safeParse'][r] / by['parseLedger + evaluate'][r]),
    timelineVsFirstEvaluate: perRound((r) => (by['parseLedger + reviewTimeline'][r] - by.parseLedger[r]) / first(r)),
  };
  results.sizes[size] = figures;
  console.log(`\n${size} entries (${count} ledgers, ${ROUNDS} rounds, µs per ledger)`);
  for (const [k, v] of Object.entries(figures.us)) console.log(`  ${k.padEnd(30)} ${fmt(v).padStart(9)}`);
  console.log(`  first evaluate (p+e − p)        ${fmt(figures.firstEvaluateUs).padStart(9)}`);
  console.log(`  first evaluate ÷ plain loop     ${fmt(figures.firstEvaluateVsPlainLoop)}×  (bar ≤ 5; ÷ loop + prepare: ${fmt(figures.firstEvaluateVsPlainLoopWithPrepare)}×)`);
  console.log(`  repeated evaluate ÷ plain loop  ${fmt(figures.repeatedVsPlainLoop)}×  (bar ≤ 4)`);
  console.log(`  parse+evaluate ÷ zod throughput ${fmt(figures.parseEvaluateThroughputVsZod)}×  (bar ≥ 0.7)`);
  console.log(`  12-month timeline ÷ first eval  ${fmt(figures.timelineVsFirstEvaluate)}×  (bar ≤ 3)`);
}

/**
 * A generated ledger short of Platinum in revenue and in certifications: each revenue
 * amount scaled by 100 / size (a tenth at 1,000 entries), and only the certifications of
 * three holders.
 */
function planLedger(size, seed) {
  const raw = generateLedger(size, seed);
  const holders = [...new Set(raw.entries.filter((e) => e.type === 'certification').map((e) => e.holder))].slice(0, 3);
  const entries = raw.entries
    .filter((e) => e.type !== 'certification' || holders.includes(e.holder))
    .map((e) => (e.type === 'revenue' ? { ...e, amount: (Math.trunc((Number(e.amount) * 10_000) / size) / 100).toFixed(2) } : e));
  // A bonus may relate to a certification dropped above: it then relates to nothing.
  const ids = new Set(entries.map((e) => e.id));
  const related = (e) => e.relatesTo === undefined || ids.has(e.relatesTo);
  return { ...raw, entries: entries.map((e) => (related(e) ? e : (({ relatesTo: _, ...rest }) => rest)(e))) };
}

for (const size of PLAN_SIZES) {
  const count = size >= 100_000 ? 1 : 4;
  const raws = Array.from({ length: count }, (_, i) => planLedger(size, 201 + i));
  raws.forEach((raw, i) => {
    const plan = planUpgrade(raw, PLAN);
    const s = plan.shortfall;
    if (!plan.reachable || s.revenue === '0.00' || s.profileCertifications + s.salesCertifications === 0) {
      throw new Error(`seed ${201 + i}: the plan to Platinum must need revenue and certifications (${JSON.stringify(s)})`);
    }
  });
  const idx = raws.map((_, i) => i);
  const minMs = size >= 100_000 ? 1 : 200;
  const by = rounds({
    parseLedger: (i) => parseLedger(raws[i]),
    'parseLedger + evaluate': (i) => evaluate(parseLedger(raws[i]).ledger, { asOf: AS_OF }),
    'parseLedger + planUpgrade': (i) => planUpgrade(parseLedger(raws[i]).ledger, PLAN),
  }, idx, minMs);
  const ratio = median(by.parseLedger.map((_, r) => (by['parseLedger + planUpgrade'][r] - by.parseLedger[r]) / (by['parseLedger + evaluate'][r] - by.parseLedger[r])));
  results.plan[size] = { us: Object.fromEntries(Object.entries(by).map(([k, v]) => [k, median(v)])), planVsFirstEvaluate: ratio };
  console.log(`\nplanUpgrade to Platinum, ${size} entries: ${fmt(ratio)}× one first evaluate (bar ≤ 5)`);
  for (const [k, v] of Object.entries(results.plan[size].us)) console.log(`  ${k.padEnd(30)} ${fmt(v).padStart(9)}`);
}

const out = resolve(here, String(args.json ?? 'results/core.json'));
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
