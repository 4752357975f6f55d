// Bundles the calculator (app.ts, the library and its dependencies) with
// esbuild and copies the static files:
//   node examples/browser/build.mjs [outDir]    # default: examples/browser/dist
//   node examples/browser/serve.mjs             # then open http://127.0.0.1:8080
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Writes outDir/index.html, style.css and app.js (minified ES module). */
export async function buildPage({ outDir = join(here, 'dist') } = {}) {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [join(here, 'app.ts')],
    outfile: join(outDir, 'app.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022', 'chrome110', 'firefox115', 'safari16'],
    minify: true,
    sourcemap: true,
    logLevel: 'warning',
  });
  for (const file of ['index.html', 'style.css', 'favicon.svg']) copyFileSync(join(here, file), join(outDir, file));
  return outDir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildPage(process.argv[2] ? { outDir: resolve(process.argv[2]) } : {});
  console.log(`wrote ${out}/index.html, style.css, favicon.svg, app.js`);
}
