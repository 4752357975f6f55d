/**
 * Throughput benchmarks (SPEC §4), run with `npm run bench`.
 *
 * Over seeded generated ledgers (bench/generate.mjs) of 10 … 1,000,000
 * entries and a batch of 1,000 partners × 100 entries, side by side in one
 * process: `evaluate` of pre-parsed ledgers, `parseLedger` + `evaluate`, the
 * plain-number baseline (bench/baseline.mjs), zod/mini's own strict parse
 * of the same input (bench/zodStrictSchema.mjs), json-rules-engine on
 * precomputed facts, and `reviewTimeline` / `planUpgrade` when the built
 * package exports them. Each group runs `--rounds` times (default 3), the
 * tasks of a group alternating within a round, and reports medians; ratios
 * are medians of per-round ratios, so load from other processes hits both
 * sides of a ratio alike.
 *
 * Options: --sizes=10,100,… · --rounds=N · --quick (small sizes, short runs) · --clock=auto|cpu|wall
 *          --no-linearity · --no-batch · --json=path (default bench/results/latest.json)
 * Runs on dist/: `npm run bench` builds first.
 */
import { Bench } from 'tinybench';
import { writeFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { cpus, totalmem, release, platform } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as lib from '../dist/index.js';
import { generateLedger, generateBatch, AS_OF } from './generate.mjs';
import { baselineEvaluate, prepareBaseline } from './baseline.mjs';
import { createTierEngine, engineTier } from './rulesEngine.mjs';
import { zodStrictLedger } from './zodStrictSchema.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? true];
  }),
);
const quick = args.quick === true;
const SIZES = args.sizes ? String(args.sizes).split(',').map(Number) : quick ? [10, 100, 1000, 10_000] : [10, 100, 1000, 100_000, 1_000_000];
const ROUNDS = Number(args.rounds ?? (quick ? 1 : 3));
const TIMELINE = { from: '2025-07-01', to: AS_OF }; // 12 month-ends: 2025-07-31 … 2026-06-30
const opts = { asOf: AS_OF };
const gc = globalThis.gc ?? (() => {});
// The clock. `cpu` is this process's CPU time (process.cpuUsage: user + system), so time spent
// descheduled while other processes share the 2 cores is not counted (it does count GC and compiler
// threads); each reading is a syscall of a few µs, too coarse for µs-scale tasks. `wall` is
// performance.now(). `auto` (default): wall below 100,000 entries, cpu from 100,000 entries on.
const CLOCK = args.clock === 'wall' || args.clock === 'cpu' ? args.clock : 'auto';
const clockFor = (entries) => (CLOCK === 'auto' ? (entries >= 100_000 ? 'cpu' : 'wall') : CLOCK);
const cpuClock = {
  name: 'process.cpuUsage',
  fn: () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  },
  fromMs: (ms) => ms,
  toMs: (ms) => ms,
};

const { evaluate, parseLedger } = lib;
const reviewTimeline = typeof lib.reviewTimeline === 'function' ? lib.reviewTimeline : null;
const planUpgrade = typeof lib.planUpgrade === 'function' ? lib.planUpgrade : null;

/** tinybench budget by ledger size: many short samples for small ledgers, a few for huge ones. */
function budget(entries) {
  if (entries <= 1_000) return { time: quick ? 150 : 400, iterations: 32, warmupTime: 50, warmupIterations: 16 };
  if (entries <= 20_000) return { time: quick ? 200 : 500, iterations: 12, warmupTime: 50, warmupIterations: 4 };
  if (entries <= 200_000) return { time: quick ? 300 : 800, iterations: 8, warmupTime: 0, warmupIterations: 2 };
  return { time: 0, iterations: 4, warmupTime: 0, warmupIterations: 1 };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Runs `tasks` ({ name, fn, async?, beforeEach?, budget? }) for `rounds`
 * rounds and returns, per task, the median over rounds of tinybench's median
 * latency (ms), plus the per-round medians (for ratios).
 */
async function measure(tasks, entries, rounds = ROUNDS) {
  const perRound = Object.fromEntries(tasks.map((t) => [t.name, []]));
  const samples = Object.fromEntries(tasks.map((t) => [t.name, 0]));
  for (let r = 0; r < rounds; r++) {
    // Alternate the order between rounds so neither side always runs on a warmer (or more loaded) machine.
    const ordered = r % 2 === 0 ? tasks : [...tasks].reverse();
    for (const task of ordered) {
      gc();
      const bench = new Bench({ ...budget(task.entries ?? entries), ...(task.budget ?? {}), throws: true, timestampProvider: clockFor(entries) === 'cpu' ? cpuClock : 'performanceNow' });
      bench.add(task.name, task.fn, { async: task.async === true, ...(task.beforeEach ? { beforeEach: task.beforeEach } : {}) });
      await bench.run();
      const result = bench.tasks[0].result;
      if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state} ${result.error ?? ''}`);
      perRound[task.name].push(result.latency.p50);
      samples[task.name] += result.latency.samplesCount ?? bench.tasks[0].runs ?? 0;
    }
  }
  const out = {};
  for (const t of tasks) out[t.name] = { ms: median(perRound[t.name]), rounds: perRound[t.name], samples: samples[t.name] };
  return out;
}

const ratio = (res, a, b) => median(res[a].rounds.map((x, i) => x / res[b].rounds[i]));
const fmt = (x, digits = 2) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(digits));
const fmtRate = (entriesPerSecond) => (entriesPerSecond >= 1e6 ? `${(entriesPerSecond / 1e6).toFixed(2)} M/s` : `${(entriesPerSecond / 1e3).toFixed(0)} k/s`);
const fmtInt = (n) => n.toLocaleString('en-US');

const report = {
  date: new Date().toISOString(),
  command: `node ${process.execArgv.join(' ')} bench/run.mjs ${process.argv.slice(2).join(' ')}`.replace(/\s+/g, ' ').trim(),
  machine: { cpu: cpus()[0]?.model, cores: cpus().length, memoryGB: Math.round(totalmem() / 2 ** 30), os: `${platform()} ${release()}` },
  node: process.version,
  // Which build was measured (others change src/ too): the hash and time of dist/index.js.
  dist: {
    sha256: createHash('sha256').update(readFileSync(new URL('../dist/index.js', import.meta.url))).digest('hex').slice(0, 12),
    builtAt: statSync(new URL('../dist/index.js', import.meta.url)).mtime.toISOString(),
  },
  rounds: ROUNDS,
  clock: CLOCK,
  asOf: AS_OF,
  available: { reviewTimeline: reviewTimeline !== null, planUpgrade: planUpgrade !== null },
  sizes: {},
  batch: null,
  linearity: null,
};

console.log(`# @exponential/partner-program benchmarks`);
console.log(`${report.machine.cpu} × ${report.machine.cores}, ${report.machine.os}, Node ${report.node}; ${ROUNDS} round(s), medians, clock ${CLOCK === 'auto' ? 'wall < 100k entries ≤ process CPU time' : CLOCK}; asOf ${AS_OF}; dist/index.js ${report.dist.sha256} built ${report.dist.builtAt}`);
console.log(`reviewTimeline: ${reviewTimeline ? 'benchmarked' : 'not yet available (not exported by dist/index.js)'}`);
console.log(`planUpgrade: ${planUpgrade ? 'benchmarked' : 'not yet available (not exported by dist/index.js)'}\n`);

const engine = createTierEngine();

/** Builds the fixtures of one ledger and checks the baseline and the engine against evaluate. */
async function fixture(raw) {
  const parsed = parseLedger(raw);
  if (!parsed.ok) throw new Error(`generated ledger is invalid: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
  const ledger = parsed.ledger;
  const prepared = prepareBaseline(ledger);
  const lib1 = evaluate(ledger, opts);
  const base = baselineEvaluate(prepared, AS_OF);
  if (base.total !== lib1.points.total || base.tier !== lib1.tier) {
    throw new Error(`baseline disagrees with evaluate on ${raw.partner.id}: ${base.total}/${base.tier} vs ${lib1.points.total}/${lib1.tier}`);
  }
  if (!zodStrictLedger.safeParse(raw).success) throw new Error(`the reference zod/mini schema refuses ${raw.partner.id}`);
  const viaEngine = await engineTier(engine, base.facts);
  if (viaEngine !== lib1.tier) throw new Error(`json-rules-engine says ${viaEngine}, evaluate ${lib1.tier}`);
  return { raw, ledger, prepared, facts: base.facts, tier: lib1.tier, total: lib1.points.total };
}

function row(cells) {
  return `| ${cells.join(' | ')} |`;
}

// ---- Single ledgers -------------------------------------------------------
console.log('## Single ledgers\n');
console.log(row(['entries', 'task', 'median µs / ledger', 'entries/s', '× baseline', '× evaluate']));
console.log(row(['---:', '---', '---:', '---:', '---:', '---:']));
for (const n of SIZES) {
  const f = await fixture(generateLedger(n, n));
  let fresh = null;
  const tasks = [
    { name: 'baseline', fn: () => baselineEvaluate(f.prepared, AS_OF) },
    { name: 'evaluate', fn: () => evaluate(f.ledger, opts) }, // repeated on one parsed ledger (its memos warm)
    { name: 'baseline + prepare', fn: () => baselineEvaluate(prepareBaseline(f.ledger), AS_OF) },
    // First evaluate of a freshly parsed ledger: what the library memoises per parsed ledger (the R11 renewal
    // review, per-entry contributions, outcome objects) is built here. The parse and a full GC run before
    // each call, outside the timing, so the parse's garbage is not billed to evaluate.
    { name: 'evaluate (first call)', fn: () => evaluate(fresh, opts), beforeEach: () => { fresh = parseLedger(f.raw).ledger; gc(); }, budget: { time: 0, warmupTime: 0, warmupIterations: 2, iterations: n >= 1_000_000 ? 3 : n >= 100_000 ? 6 : 60 } },
    { name: 'parseLedger', fn: () => parseLedger(f.raw), budget: n >= 1_000_000 ? { iterations: 3 } : {} },
    { name: 'parseLedger + evaluate', fn: () => evaluate(parseLedger(f.raw).ledger, opts), budget: n >= 1_000_000 ? { iterations: 3 } : {} },
    // SPEC §4's reference: zod/mini's own strict parse of the same input, without the library's checks (bench/zodStrictSchema.mjs).
    { name: 'zod/mini strict schema alone', fn: () => zodStrictLedger.safeParse(f.raw), budget: n >= 1_000_000 ? { iterations: 3 } : {} },
    { name: 'json-rules-engine (facts only)', fn: () => engineTier(engine, f.facts), async: true, entries: 10 },
  ];
  if (reviewTimeline) tasks.push({ name: 'reviewTimeline 12 months', fn: () => reviewTimeline(f.ledger, TIMELINE) });
  if (planUpgrade) tasks.push({ name: 'planUpgrade', fn: () => planUpgrade(f.ledger, opts) });
  const res = await measure(tasks, n);
  const sizeReport = { tier: f.tier, total: f.total, tasks: {} };
  for (const t of tasks) {
    const ms = res[t.name].ms;
    const entry = {
      medianMs: ms,
      entriesPerSecond: (n / ms) * 1000,
      vsBaseline: ratio(res, t.name, 'baseline'),
      vsEvaluate: ratio(res, t.name, 'evaluate'),
      samples: res[t.name].samples,
    };
    sizeReport.tasks[t.name] = entry;
    const rate = t.name.startsWith('json-rules-engine') ? '(constant)' : fmtRate(entry.entriesPerSecond);
    console.log(row([fmtInt(n), t.name, fmt(ms * 1000), rate, `${fmt(entry.vsBaseline)}×`, `${fmt(entry.vsEvaluate)}×`]));
  }
  if (!reviewTimeline) console.log(row([fmtInt(n), 'reviewTimeline 12 months', 'not yet available', '', '', '']));
  if (!planUpgrade) console.log(row([fmtInt(n), 'planUpgrade', 'not yet available', '', '', '']));
  report.sizes[n] = sizeReport;
  console.error(`  … ${fmtInt(n)} entries: tier ${f.tier}, ${fmtInt(f.total)} points`);
}

// ---- Batch: 1,000 partners × 100 entries -----------------------------------
if (args['no-batch'] !== true) {
  const count = quick ? 200 : 1000;
  const size = 100;
  const batch = [];
  for (const raw of generateBatch(count, size, 1000)) batch.push(await fixture(raw));
  const tiers = {};
  for (const f of batch) tiers[f.tier] = (tiers[f.tier] ?? 0) + 1;
  let freshBatch = [];
  const tasks = [
    { name: 'baseline', fn: () => { for (const f of batch) baselineEvaluate(f.prepared, AS_OF); } },
    { name: 'evaluate', fn: () => { for (const f of batch) evaluate(f.ledger, opts); } },
    { name: 'evaluate (first call)', fn: () => { for (const l of freshBatch) evaluate(l, opts); }, beforeEach: () => { freshBatch = batch.map((f) => parseLedger(f.raw).ledger); gc(); }, budget: { time: 0, warmupTime: 0, warmupIterations: 1, iterations: 8 } },
    { name: 'parseLedger + evaluate', fn: () => { for (const f of batch) evaluate(parseLedger(f.raw).ledger, opts); } },
    { name: 'json-rules-engine (facts only)', fn: async () => { for (const f of batch) await engineTier(engine, f.facts); }, async: true },
  ];
  if (reviewTimeline) tasks.push({ name: 'reviewTimeline 12 months', fn: () => { for (const f of batch) reviewTimeline(f.ledger, TIMELINE); } });
  if (planUpgrade) tasks.push({ name: 'planUpgrade', fn: () => { for (const f of batch) planUpgrade(f.ledger, opts); } });
  const res = await measure(tasks, count * size);
  console.log(`\n## Batch: ${fmtInt(count)} partners × ${size} entries (tiers: ${JSON.stringify(tiers)})\n`);
  console.log(row(['task', 'median ms / batch', 'µs / ledger', 'entries/s', '× baseline', '× evaluate']));
  console.log(row(['---', '---:', '---:', '---:', '---:', '---:']));
  report.batch = { partners: count, entriesEach: size, tiers, tasks: {} };
  for (const t of tasks) {
    const ms = res[t.name].ms;
    const e = { medianMs: ms, usPerLedger: (ms * 1000) / count, entriesPerSecond: ((count * size) / ms) * 1000, vsBaseline: ratio(res, t.name, 'baseline'), vsEvaluate: ratio(res, t.name, 'evaluate') };
    report.batch.tasks[t.name] = e;
    console.log(row([t.name, fmt(ms), fmt(e.usPerLedger), fmtRate(e.entriesPerSecond), `${fmt(e.vsBaseline)}×`, `${fmt(e.vsEvaluate)}×`]));
  }
  if (!reviewTimeline) console.log(row(['reviewTimeline 12 months', 'not yet available', '', '', '', '']));
  if (!planUpgrade) console.log(row(['planUpgrade', 'not yet available', '', '', '', '']));
}

// ---- Linearity: 2× entries → time ratio -------------------------------------
if (args['no-linearity'] !== true) {
  const pairs = quick ? [[1000, 2000], [10_000, 20_000]] : [[1000, 2000], [10_000, 20_000], [100_000, 200_000], [500_000, 1_000_000]];
  console.log('\n## Linearity: time(2n) / time(n) (bar ≤ 2.2)\n');
  console.log(row(['n → 2n', 'evaluate', 'baseline', 'parseLedger + evaluate']));
  console.log(row(['---', '---:', '---:', '---:']));
  report.linearity = [];
  for (const [a, b] of pairs) {
    const fa = await fixture(generateLedger(a, 77));
    const fb = await fixture(generateLedger(b, 77));
    const heavy = b >= 1_000_000 ? { iterations: 3 } : {};
    const tasks = [
      { name: 'evaluate n', fn: () => evaluate(fa.ledger, opts), entries: a },
      { name: 'evaluate 2n', fn: () => evaluate(fb.ledger, opts), entries: b },
      { name: 'baseline n', fn: () => baselineEvaluate(fa.prepared, AS_OF), entries: a },
      { name: 'baseline 2n', fn: () => baselineEvaluate(fb.prepared, AS_OF), entries: b },
      { name: 'parse+evaluate n', fn: () => evaluate(parseLedger(fa.raw).ledger, opts), entries: a, budget: heavy },
      { name: 'parse+evaluate 2n', fn: () => evaluate(parseLedger(fb.raw).ledger, opts), entries: b, budget: heavy },
    ];
    const res = await measure(tasks, a);
    const r = {
      n: a,
      evaluate: ratio(res, 'evaluate 2n', 'evaluate n'),
      baseline: ratio(res, 'baseline 2n', 'baseline n'),
      parseEvaluate: ratio(res, 'parse+evaluate 2n', 'parse+evaluate n'),
      evaluateEntriesPerSecond: { n: (a / res['evaluate n'].ms) * 1000, twoN: (b / res['evaluate 2n'].ms) * 1000 },
    };
    report.linearity.push(r);
    console.log(row([`${fmtInt(a)} → ${fmtInt(b)}`, `${fmt(r.evaluate)}×`, `${fmt(r.baseline)}×`, `${fmt(r.parseEvaluate)}×`]));
  }
}

const out = typeof args.json === 'string' ? resolve(args.json) : resolve(here, 'results', 'latest.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nCommand: ${report.command}\nResults: ${out}`);
