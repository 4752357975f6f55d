/**
 * Cold `import` cost in a fresh Node process (SPEC §4: at most 15 ms over
 * importing `zod/mini` and `decimal.js` alone). hyperfine is not available:
 * each variant is a `node --input-type=module -e …` child process, spawned
 * `--runs` times (default 40), the variants interleaved round-robin so load
 * from other processes hits them alike. Reports medians (and p25–p75) of the
 * wall time, and the median of the per-round differences to the reference.
 *
 * Options: --runs=N · --json=path (default bench/results/startup.json)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, platform, release } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? true];
  }),
);
const RUNS = Number(args.runs ?? (args.quick ? 15 : 40));
const dist = pathToFileURL(resolve(root, 'dist/index.js')).href;

const variants = [
  { name: 'bare node', code: '' },
  { name: 'zod/mini + decimal.js', code: "import 'zod/mini'; import 'decimal.js';" },
  { name: 'zod/mini + decimal.js + 4 date-fns functions', code: "import 'zod/mini'; import 'decimal.js'; import 'date-fns/addDays'; import 'date-fns/addMonths'; import 'date-fns/addYears'; import 'date-fns/isLastDayOfMonth';" },
  { name: 'the package (dist/index.js)', code: `import '${dist}';` },
  {
    name: 'the package + first evaluate (10 entries)',
    code: `import { evaluate } from '${dist}'; evaluate({ partner: { id: 'p', joinedOn: '2024-09-15' }, entries: [${Array.from({ length: 10 }, (_, i) => `{ id: 'e${i}', type: 'time', date: '2026-0${1 + (i % 6)}-10', minutes: 30, category: 'program' }`).join(',')}] }, { asOf: '2026-06-30' });`,
  },
  { name: 'the package, CommonJS (dist/index.cjs)', code: `require(${JSON.stringify(resolve(root, 'dist/index.cjs'))});`, cjs: true },
  { name: 'date-fns root index (for reference)', code: "import 'date-fns';" },
];

function runOnce(variant) {
  const argv = variant.cjs ? ['-e', variant.code] : ['--input-type=module', '-e', variant.code];
  const t0 = performance.now();
  const result = spawnSync(process.execPath, argv, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  if (result.status !== 0) throw new Error(`${variant.name} failed: ${result.stderr}`);
  return ms;
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (pos - lo);
};

// Warm the file system cache once.
for (const v of variants) runOnce(v);
const times = variants.map(() => []);
for (let r = 0; r < RUNS; r++) {
  // Rotate the start so no variant always runs first in a round.
  for (let j = 0; j < variants.length; j++) {
    const i = (j + r) % variants.length;
    times[i].push(runOnce(variants[i]));
  }
}

const ref = variants.findIndex((v) => v.name === 'zod/mini + decimal.js');
const bare = variants.findIndex((v) => v.name === 'bare node');
const rows = variants.map((v, i) => ({
  name: v.name,
  medianMs: quantile(times[i], 0.5),
  p25Ms: quantile(times[i], 0.25),
  p75Ms: quantile(times[i], 0.75),
  overBareMs: quantile(times[i].map((t, r) => t - times[bare][r]), 0.5),
  overZodDecimalMs: quantile(times[i].map((t, r) => t - times[ref][r]), 0.5),
}));

const fmt = (x) => x.toFixed(1);
console.log(`\n## Cold import (${RUNS} runs each, interleaved; wall time of a fresh \`node -e\`)\n`);
console.log(`${cpus()[0]?.model} × ${cpus().length}, ${platform()} ${release()}, Node ${process.version}\n`);
console.log('| variant | median ms | p25–p75 ms | over bare node (median of per-round differences) | over zod/mini + decimal.js |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const r of rows) console.log(`| ${r.name} | ${fmt(r.medianMs)} | ${fmt(r.p25Ms)}–${fmt(r.p75Ms)} | ${fmt(r.overBareMs)} | ${fmt(r.overZodDecimalMs)} |`);
const pkg = rows.find((r) => r.name === 'the package (dist/index.js)');
console.log(`\nBar (SPEC §4): the package ≤ 15 ms over zod/mini + decimal.js → ${fmt(pkg.overZodDecimalMs)} ms: ${pkg.overZodDecimalMs <= 15 ? 'met' : 'NOT met'}`);

const out = typeof args.json === 'string' ? resolve(args.json) : resolve(here, 'results', 'startup.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, runs: RUNS, rows }, null, 2)}\n`);
console.log(`Command: node bench/startup.mjs ${process.argv.slice(2).join(' ')}\nResults: ${out}`);
