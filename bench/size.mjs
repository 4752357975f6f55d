/**
 * Where the browser bundle's bytes go: our code vs zod vs decimal.js vs
 * date-fns, and per source file of ours (SPEC §4: ≤ 28 kB gzipped for
 * `evaluate` + `exponentialProgram`, all dependencies in).
 *
 * Bundles with the esbuild that size-limit uses and its settings (bundle,
 * minify, tree-shake, browser platform), once from `dist/index.js` (what
 * `npm run size` measures) and once from `src/` (same code, but the metafile
 * and source map name each of our source files). For each group:
 * - minified bytes (esbuild metafile `bytesInOutput`, exact);
 * - gzip alone: the group's output bytes (found through the source map)
 *   gzipped on their own (level 9, as size-limit);
 * - gzip saved if removed: gzip(bundle) − gzip(bundle without the group's
 *   bytes): the marginal cost, what deleting it would save.
 * Neither gzip column adds up to the total (gzip shares its dictionary).
 *
 * Run: `node bench/size.mjs` (after `npx tsup`). Options: --json=path
 */
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const requireFromSizeLimit = createRequire(createRequire(import.meta.url).resolve('@size-limit/esbuild'));
const esbuild = requireFromSizeLimit('esbuild');
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')).map(([k, v]) => [k, v ?? true]));

const gz = (text) => gzipSync(Buffer.from(text, 'utf8'), { level: 9 }).length;
const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;

async function bundle(contents, resolveDir) {
  const result = await esbuild.build({
    stdin: { contents, resolveDir, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    minifyIdentifiers: true,
    minifySyntax: true,
    minifyWhitespace: true,
    treeShaking: true,
    metafile: true,
    sourcemap: 'external',
    write: false,
    outdir: '/tmp/size-split',
    format: 'esm',
    logLevel: 'silent',
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js')).text;
  const map = JSON.parse(result.outputFiles.find((f) => f.path.endsWith('.map')).text);
  const inputs = Object.values(result.metafile.outputs).find((o) => o.entryPoint !== undefined || o.inputs)?.inputs ?? {};
  return { js, map, inputs };
}

function groupOf(path) {
  const p = path.replace(/\\/g, '/');
  if (p.includes('node_modules/zod/')) return 'zod';
  if (p.includes('node_modules/decimal.js/')) return 'decimal.js';
  if (p.includes('node_modules/date-fns/')) return 'date-fns';
  if (p.includes('node_modules/')) return 'other dependencies';
  return 'ours';
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

/** The source index of every output character (-1: no mapping), from a v3 source map. */
function attribute(js, map) {
  const owner = new Int32Array(js.length).fill(-1);
  const lineStarts = [0];
  for (let i = 0; i < js.length; i++) if (js.charCodeAt(i) === 10) lineStarts.push(i + 1);
  let source = 0;
  const lines = map.mappings.split(';');
  for (let line = 0; line < lines.length; line++) {
    const base = lineStarts[line];
    const end = line + 1 < lineStarts.length ? lineStarts[line + 1] : js.length;
    let col = 0;
    const segments = [];
    for (const seg of lines[line].split(',')) {
      if (seg === '') continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const digit = B64_INDEX.get(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      col += fields[0];
      if (fields.length > 1) source += fields[1];
      segments.push([col, fields.length > 1 ? source : -1]);
      // fields[2], fields[3] (line, column) are not needed, but their deltas are relative: nothing to track here.
    }
    for (let s = 0; s < segments.length; s++) {
      const from = base + segments[s][0];
      const to = s + 1 < segments.length ? base + segments[s + 1][0] : end;
      owner.fill(segments[s][1], from, to);
    }
  }
  return owner;
}

/** Splits the bundle by `keyOf(sourcePath)`; unmapped characters go to the previous mapped owner. */
function split({ js, map, inputs }, keyOf) {
  const owner = attribute(js, map);
  const keys = map.sources.map((s) => keyOf(resolve('/tmp/size-split', s)));
  let last = -1;
  const parts = new Map();
  for (let i = 0; i < js.length; i++) {
    if (owner[i] >= 0) last = owner[i];
    const key = last >= 0 ? keys[last] : '(esbuild runtime)';
    let part = parts.get(key);
    if (part === undefined) parts.set(key, (part = []));
    part.push(i);
  }
  const total = gz(js);
  const minByKey = new Map();
  for (const [path, info] of Object.entries(inputs)) {
    const key = keyOf(resolve(root, path));
    minByKey.set(key, (minByKey.get(key) ?? 0) + info.bytesInOutput);
  }
  const rows = [];
  for (const [key, indices] of parts) {
    const set = new Set(indices);
    let alone = '';
    let rest = '';
    for (let i = 0; i < js.length; i++) (set.has(i) ? (alone += js[i]) : (rest += js[i]));
    rows.push({ key, minBytes: minByKey.get(key) ?? indices.length, gzipAlone: gz(alone), gzipSavedIfRemoved: total - gz(rest) });
  }
  rows.sort((a, b) => b.minBytes - a.minBytes);
  return { minBytes: js.length, gzip: total, rows };
}

function print(title, result) {
  console.log(`\n### ${title}: ${kB(result.minBytes)} minified, ${kB(result.gzip)} gzipped\n`);
  console.log('| part | minified | gzip alone | gzip saved if removed |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const r of result.rows) console.log(`| ${r.key} | ${kB(r.minBytes)} | ${kB(r.gzipAlone)} | ${kB(r.gzipSavedIfRemoved)} |`);
}

const distEntry = resolve(root, 'dist/index.js');
const srcEntry = resolve(root, 'src/index.ts');
const report = {};

// What size-limit measures: dist/index.js, as shipped.
const fromDist = await bundle(`export { evaluate, exponentialProgram } from ${JSON.stringify(distEntry)};`, root);
const distWhole = await bundle(`export * from ${JSON.stringify(distEntry)};`, root);
report.dist = { evaluate: { minBytes: fromDist.js.length, gzip: gz(fromDist.js) }, wholeApi: { minBytes: distWhole.js.length, gzip: gz(distWhole.js) } };
console.log('## Browser bundle (esbuild as size-limit runs it: bundle, minify, tree-shake, all dependencies in; gzip -9)\n');
console.log(`- dist/index.js, { evaluate, exponentialProgram }: ${kB(report.dist.evaluate.minBytes)} minified, **${kB(report.dist.evaluate.gzip)} gzipped** (bar 28 kB)`);
console.log(`- dist/index.js, whole API (export *): ${kB(report.dist.wholeApi.minBytes)} minified, ${kB(report.dist.wholeApi.gzip)} gzipped`);

// The same code from src/, attributed to packages and to our files.
const fromSrc = await bundle(`export { evaluate, exponentialProgram } from ${JSON.stringify(srcEntry)};`, root);
const byPackage = split(fromSrc, groupOf);
print('evaluate + exponentialProgram from src/, by package', byPackage);
const byFile = split(fromSrc, (p) => (groupOf(p) === 'ours' ? relative(root, p) : groupOf(p)));
byFile.rows = byFile.rows.filter((r) => r.key.startsWith('src/'));
print('evaluate + exponentialProgram from src/, our files', byFile);
const wholeSrc = await bundle(`export * from ${JSON.stringify(srcEntry)};`, root);
const wholeByPackage = split(wholeSrc, groupOf);
print('whole API from src/, by package', wholeByPackage);
report.src = { evaluate: { byPackage, byFile }, wholeApi: { byPackage: wholeByPackage } };

const out = typeof args.json === 'string' ? resolve(args.json) : resolve(here, 'results', 'size.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nCommand: node bench/size.mjs\nResults: ${out}`);
