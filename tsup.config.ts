import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig } from 'tsup';

/** Libraries only the command line uses: devDependencies, bundled into dist/cli so users never install them. */
const cliOnly = ['commander', 'csv-parse', 'cli-progress', 'piscina'];

/** The runtime dependencies (package.json `dependencies`): never bundled, subpaths (`date-fns/addMonths`) included. */
const runtime = ['zod', 'decimal.js', 'date-fns', '@date-fns/utc'];

// Piscina starts its worker bootstrap (piscina/dist/worker.js, not in its `exports`) from its own
// directory; bundled, that is dist/cli, so src/cli/worker.ts imports the bootstrap under this name.
const piscinaBootstrap = join(dirname(createRequire(import.meta.url).resolve('piscina')), 'worker.js');

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    // dist/cli is the command line's own build (below), and so are dist/csv.* and dist/pdf: leave them alone.
    clean: ['!cli/**', '!pdf/**', '!csv.*'],
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
    // The core is browser-safe: runtime dependencies stay external and are resolved by the user's bundler.
    external: runtime,
    treeshake: true,
  },
  {
    // `@exponential/partner-program/csv`: the CSV ledger reader, for Node and browsers alike.
    entry: { csv: 'src/csv/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    // The core's build above cleans dist/ (but dist/cli); this one only adds its files.
    clean: false,
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
    external: runtime,
    // csv-parse stays a devDependency: bundled here, so importing the core never installs it. Its
    // browser build carries its own Buffer, so the entry needs no Node globals.
    noExternal: ['csv-parse'],
    esbuildOptions(options) {
      options.alias = { ...options.alias, 'csv-parse/sync': 'csv-parse/browser/esm/sync' };
    },
    treeshake: true,
  },
  {
    // `@exponential/partner-program/pdf`: the PDF renderer of the document models, for Node and
    // browsers. pdfkit, fontkit and the DejaVu font files are devDependencies bundled here (the fonts
    // as base64, never read from disk), so the core and its runtime dependencies stay as they are.
    entry: { index: 'src/pdf/index.ts' },
    outDir: 'dist/pdf',
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    // No source map: it would carry the fonts a second time.
    sourcemap: false,
    target: 'es2022',
    // pdfkit's and fontkit's browser builds: no Node built-ins, so one bundle serves both.
    platform: 'browser',
    noExternal: ['pdfkit', 'fontkit', 'dejavu-fonts-ttf'],
    loader: { '.ttf': 'base64' },
    // pdfkit's browser build names its PDF/A colour profile relative to `import.meta.url` at load
    // (never fetched: no PDF/A here). A fixed base keeps the CommonJS build, script tags and the
    // users' bundlers (which would look for that file) from failing on it.
    define: { 'import.meta.url': JSON.stringify('file:///@exponential/partner-program/pdf/') },
    // Vendor code, minified; no `treeshake` (rollup would turn the CommonJS build's `../index.cjs` into `../index.js`).
    minify: true,
    esbuildPlugins: [
      {
        // The renderer throws the core's ValidationError: import it from the main entry, never a copy.
        name: 'pdf-core-issues',
        setup(build) {
          const core = build.initialOptions.format === 'cjs' ? '../index.cjs' : '../index.js';
          build.onResolve({ filter: /^\.\.\/issues$/ }, (args) => (args.importer.includes('/src/pdf/') ? { path: core, external: true } : undefined));
        },
      },
    ],
  },
  {
    // The Node-only command line `exponential-partner` and its worker-thread entry.
    entry: { index: 'src/cli/index.ts', worker: 'src/cli/worker.ts' },
    outDir: 'dist/cli',
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    dts: false,
    clean: true,
    sourcemap: true,
    splitting: true,
    treeshake: true,
    // __dirname for piscina (it starts its worker bootstrap from its own directory: dist/cli).
    shims: true,
    // The runtime dependencies are the package's own; CLI-only libraries are bundled.
    external: [...runtime, '@napi-rs/nice'],
    noExternal: cliOnly,
    define: { __CLI_VERSION__: JSON.stringify(version) },
    esbuildPlugins: [
      {
        name: 'piscina-worker-bootstrap',
        setup(build) {
          build.onResolve({ filter: /^piscina\/worker-bootstrap$/ }, () => ({ path: piscinaBootstrap }));
        },
      },
    ],
    banner: {
      // A real `require` for the bundled CommonJS libraries (cli-progress, piscina) in an ES module.
      js: "#!/usr/bin/env node\nimport { createRequire as __cliCreateRequire } from 'node:module';\nconst require = __cliCreateRequire(import.meta.url);",
    },
  },
]);
