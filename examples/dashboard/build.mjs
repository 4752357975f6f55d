// Bundles the Partner Dashboard (app.ts, the library with its CSV entry,
// Preact and htm) with esbuild, copies the static files and the sample
// ledgers, and checks the page's JavaScript budget (≤ 80 kB minified + gzipped):
//   node examples/dashboard/build.mjs [outDir]    # default: examples/dashboard/dist
//   node examples/dashboard/serve.mjs             # then open http://127.0.0.1:8080
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
const ledgers = join(here, '..', 'ledgers');

/** The page's JavaScript budget, minified + gzipped, library and view library inside (SPEC §4). */
export const budget = 80_000;

/** Which part of the bundle an input file belongs to, for the size split. */
function partOf(path) {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
  if (inPackage) return inPackage === '@date-fns/utc' ? 'date-fns' : inPackage;
  if (/(^|\/)dist\/csv\.js$/.test(path)) return 'library /csv entry (csv-parse inside)';
  if (/(^|\/)src\/(csv|cli)\//.test(path)) return 'library /csv entry';
  if (/(^|\/)(dist|src)\//.test(path)) return 'library';
  return 'page';
}

/** With `library: 'src'`, the package's entries are bundled from their TypeScript sources instead of dist/. */
const fromSource = {
  '@exponential/partner-program/csv': join(here, '..', '..', 'src', 'csv', 'index.ts'),
  '@exponential/partner-program': join(here, '..', '..', 'src', 'index.ts'),
  // What tsup does for the built /csv entry: csv-parse's browser build, which brings its own Buffer.
  'csv-parse/sync': 'csv-parse/browser/esm/sync',
};

/**
 * Writes outDir/index.html, style.css, favicon.svg, app.js (minified ES module),
 * samples/*.json and size.json (the bundle's size and its split); throws when
 * app.js is over the budget.
 * @param options.outDir - Where to write; default examples/dashboard/dist.
 * @param options.library - `'dist'` (default): the package as built and published, by its name;
 *   `'src'`: the same entries from src/, for tests that must not depend on a build of dist/.
 */
export async function buildPage({ outDir = join(here, 'dist'), library = 'dist' } = {}) {
  mkdirSync(join(outDir, 'samples'), { recursive: true });
  const samples = readdirSync(ledgers)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(ledgers, file), 'utf8');
      writeFileSync(join(outDir, 'samples', file), text);
      const partner = JSON.parse(text).partner;
      return { file, name: partner.name ?? partner.id };
    });
  const result = await build({
    entryPoints: [join(here, 'app.ts')],
    outfile: join(outDir, 'app.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022', 'chrome110', 'firefox115', 'safari16'],
    minify: true,
    sourcemap: true,
    metafile: true,
    define: { SAMPLES: JSON.stringify(samples) },
    ...(library === 'src' ? { alias: fromSource } : {}),
    logLevel: 'warning',
  });
  for (const file of ['index.html', 'style.css', 'favicon.svg']) copyFileSync(join(here, file), join(outDir, file));

  const code = readFileSync(join(outDir, 'app.js'));
  const gzip = gzipSync(code, { level: 9 }).length;
  const inputs = Object.values(result.metafile.outputs).find((o) => o.entryPoint !== undefined)?.inputs ?? {};
  const parts = {};
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) parts[partOf(path)] = (parts[partOf(path)] ?? 0) + bytesInOutput;
  const minifiedInputs = Object.values(parts).reduce((a, b) => a + b, 0);
  // gzip works on the whole file; each part's share of it is estimated from its share of the minified bytes.
  const split = Object.fromEntries(
    Object.entries(parts)
      .sort((a, b) => b[1] - a[1])
      .map(([part, bytes]) => [part, { minified: bytes, gzipEstimate: Math.round((bytes / minifiedInputs) * gzip) }]),
  );
  const size = { file: 'app.js', minified: code.length, gzip, budget, split };
  writeFileSync(join(outDir, 'size.json'), `${JSON.stringify(size, null, 2)}\n`);
  if (gzip > budget) throw new Error(`app.js is ${gzip} bytes minified + gzipped, over the ${budget}-byte budget: ${JSON.stringify(split)}`);
  return outDir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildPage(process.argv[2] ? { outDir: resolve(process.argv[2]) } : {});
  const { gzip, split } = JSON.parse(readFileSync(join(out, 'size.json'), 'utf8'));
  console.log(`wrote ${out}/index.html, style.css, favicon.svg, app.js (${(gzip / 1000).toFixed(1)} kB min+gz of ${budget / 1000} kB), samples/`);
  for (const [part, { gzipEstimate }] of Object.entries(split)) console.log(`  ${part}: ≈ ${(gzipEstimate / 1000).toFixed(1)} kB`);
}
