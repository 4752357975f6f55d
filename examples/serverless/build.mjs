// Bundles worker.ts (handler.ts) into a module worker and writes a workerd config that
// serves it, so the example runs in the real Cloudflare Workers runtime:
//   node examples/serverless/build.mjs [outDir] [port]     # default: examples/serverless/dist, 8787
//   npx workerd serve examples/serverless/dist/config.capnp
//   curl -X POST -H 'content-type: application/json' --data @examples/ledgers/gold-scale.json \
//     'http://127.0.0.1:8787/?asOf=2026-11-30'
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The workerd config: one worker (the bundle), one HTTP socket on 127.0.0.1. */
export function workerdConfig({ port, compatibilityDate = '2025-01-01' }) {
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [ (name = "partner-evaluation", worker = .evaluationWorker) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "partner-evaluation") ],
);

const evaluationWorker :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "worker.js") ],
  compatibilityDate = "${compatibilityDate}",
);
`;
}

/** Bundles the handler (with the library and its dependencies) to outDir/worker.js and writes outDir/config.capnp. */
export async function buildWorker({ outDir = join(here, 'dist'), port = 8787 } = {}) {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [join(here, 'worker.ts')],
    outfile: join(outDir, 'worker.js'),
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    minify: true,
    // The library and its dependencies are browser/edge-safe ES modules.
    mainFields: ['module', 'main'],
    conditions: ['worker', 'browser', 'import'],
    logLevel: 'warning',
  });
  writeFileSync(join(outDir, 'config.capnp'), workerdConfig({ port }));
  return { worker: join(outDir, 'worker.js'), config: join(outDir, 'config.capnp') };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [outDir, port] = process.argv.slice(2);
  const built = await buildWorker({ ...(outDir ? { outDir: resolve(outDir) } : {}), ...(port ? { port: Number(port) } : {}) });
  console.log(`wrote ${built.worker} and ${built.config}\nrun: npx workerd serve ${built.config}`);
}
