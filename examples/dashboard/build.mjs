// Bundles the Partner Dashboard (app.ts, the library with its CSV entry,
// Preact and htm) with esbuild, copies the static files and the sample
// ledgers, and checks the page's JavaScript budget (≤ 80 kB minified + gzipped):
//   node examples/dashboard/build.mjs [outDir]    # default: examples/dashboard/dist
//   node examples/dashboard/serve.mjs             # then open http://127.0.0.1:8080
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
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

/**
 * With `library: 'src'`, the package's entries are bundled from their TypeScript sources instead of
 * dist/, the way tsup builds them (tsup.config.ts): the test that builds the page, and the test's own
 * PDF renderer in Node, take these options, so the two cannot be built differently.
 */
export const fromSource = {
  alias: {
    '@exponential/partner-program/csv': join(here, '..', '..', 'src', 'csv', 'index.ts'),
    '@exponential/partner-program/pdf': join(here, '..', '..', 'src', 'pdf', 'index.ts'),
    '@exponential/partner-program': join(here, '..', '..', 'src', 'index.ts'),
    // What tsup does for the built /csv entry: csv-parse's browser build, which brings its own Buffer.
    'csv-parse/sync': 'csv-parse/browser/esm/sync',
  },
  // What tsup does for the built /pdf entry: the font files as base64 strings, and a fixed base for the
  // colour profile pdfkit names (never fetched) relative to import.meta.url.
  loader: { '.ttf': 'base64' },
  define: { 'import.meta.url': JSON.stringify('file:///@exponential/partner-program/pdf/') },
};

/**
 * Writes outDir/index.html, style.css, favicon.svg, app.js (minified ES module)
 * with the chunks it imports, the PDF chunk that it imports only when a PDF is
 * asked for (chunks/), samples/*.json and size.json (the page's size and its
 * split, and the PDF chunk's size apart); throws when the page's JavaScript,
 * app.js and the chunks it loads with it, without the PDF chunk, is over the budget.
 * @param options.outDir - Where to write; default examples/dashboard/dist.
 * @param options.library - `'dist'` (default): the package as built and published, by its name;
 *   `'src'`: the same entries from src/, for tests that must not depend on a build of dist/.
 */
export async function buildPage({ outDir = join(here, 'dist'), library = 'dist' } = {}) {
  // Chunk names carry a content hash: drop the previous build's, so that no stale chunk is left beside the page.
  rmSync(join(outDir, 'chunks'), { recursive: true, force: true });
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
  const common = {
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022', 'chrome110', 'firefox115', 'safari16'],
    minify: true,
    metafile: true,
    ...(library === 'src' ? { alias: fromSource.alias, loader: fromSource.loader } : {}),
    logLevel: 'warning',
  };
  // The PDF chunk first, bundled on its own with its own copy of the library: with esbuild's
  // `splitting`, the library would be one chunk shared with the page, document models included
  // (esbuild splits by file, and the page reaches them through the package's index), ≈ 11 kB
  // over the budget. No source map: it would carry the font a second time.
  const pdf = await build({
    ...common,
    entryPoints: { pdf: join(here, 'pdf.ts') },
    outdir: outDir,
    entryNames: 'chunks/[name]-[hash]',
    ...(library === 'src' ? { define: fromSource.define } : {}),
    // fontkit's code, as the built /pdf entry carries it, repeats a key in an object literal (harmless).
    logOverride: { 'duplicate-object-key': 'silent' },
  });
  const pdfFile = relative(outDir, resolve(Object.keys(pdf.metafile.outputs).find((path) => path.endsWith('.js'))));
  // The CSV reader likewise (csv-parse is a sixth of the page): imported when a CSV is opened or restored.
  const csv = await build({ ...common, entryPoints: { csv: join(here, 'csv.ts') }, outdir: outDir, entryNames: 'chunks/[name]-[hash]' });
  const csvFile = relative(outDir, resolve(Object.keys(csv.metafile.outputs).find((path) => path.endsWith('.js'))));
  const result = await build({
    ...common,
    entryPoints: [join(here, 'app.ts')],
    outfile: join(outDir, 'app.js'),
    sourcemap: true,
    define: { SAMPLES: JSON.stringify(samples), PDF_CHUNK: JSON.stringify(`./${pdfFile}`), CSV_CHUNK: JSON.stringify(`./${csvFile}`) },
    // Left as the import() of a file beside the page, not bundled again.
    external: ['./chunks/*'],
  });
  for (const file of ['index.html', 'style.css', 'favicon.svg']) copyFileSync(join(here, file), join(outDir, file));

  const gzipOf = (file) => gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length;
  // The page's JavaScript: app.js alone; the PDF chunk is fetched only by the first "Download PDF", the CSV chunk by the first CSV.
  const code = readFileSync(join(outDir, 'app.js'));
  const gzip = gzipOf('app.js');
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
  const pdfChunk = { file: pdfFile, minified: statSync(join(outDir, pdfFile)).size, gzip: gzipOf(pdfFile), loaded: 'on the first "Download PDF", by import(); not in the budget' };
  const csvChunk = { file: csvFile, minified: statSync(join(outDir, csvFile)).size, gzip: gzipOf(csvFile), loaded: 'when a CSV ledger is opened or restored, by import(); not in the budget' };
  const size = { file: 'app.js', minified: code.length, gzip, budget, split, pdfChunk, csvChunk };
  writeFileSync(join(outDir, 'size.json'), `${JSON.stringify(size, null, 2)}\n`);
  if (gzip > budget) throw new Error(`app.js is ${gzip} bytes minified + gzipped, over the ${budget}-byte budget: ${JSON.stringify(split)}`);
  return outDir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildPage(process.argv[2] ? { outDir: resolve(process.argv[2]) } : {});
  const { gzip, split, pdfChunk } = JSON.parse(readFileSync(join(out, 'size.json'), 'utf8'));
  console.log(`wrote ${out}/index.html, style.css, favicon.svg, app.js (${(gzip / 1000).toFixed(1)} kB min+gz of ${budget / 1000} kB), samples/`);
  for (const [part, { gzipEstimate }] of Object.entries(split)) console.log(`  ${part}: ≈ ${(gzipEstimate / 1000).toFixed(1)} kB`);
  console.log(`and the PDF chunk, loaded on the first "Download PDF": ${pdfChunk.file} (${(pdfChunk.minified / 1e6).toFixed(2)} MB minified, ${(pdfChunk.gzip / 1e6).toFixed(2)} MB min+gz), outside the budget`);
}
