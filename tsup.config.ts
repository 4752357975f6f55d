import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig } from 'tsup';

/** Libraries only the command line uses: devDependencies, bundled into dist/cli so users never install them. */
const cliOnly = ['commander', 'csv-parse', 'cli-progress', 'piscina'];

// Piscina starts its worker bootstrap (piscina/dist/worker.js, not in its `exports`) from its own
// directory; bundled, that is dist/cli, so src/cli/worker.ts imports the bootstrap under this name.
const piscinaBootstrap = join(dirname(createRequire(import.meta.url).resolve('piscina')), 'worker.js');

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    // dist/cli is the command line's own build (below): leave it alone.
    clean: ['!cli/**'],
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
    // The core is browser-safe: runtime dependencies stay external and are resolved by the user's bundler.
    external: ['zod', 'decimal.js', 'date-fns'],
    treeshake: true,
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
    external: ['zod', 'decimal.js', 'date-fns', '@napi-rs/nice'],
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
