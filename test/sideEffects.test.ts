// The core is side-effect free as a bundler can tell, module by module, even where package.json's
// `"sideEffects": false` cannot help: dist/index.js is one module, so a bundle of `{ evaluate }`
// drops an unused function but keeps every top-level call it cannot prove pure (and all the code
// that call reaches). Here every source module is imported with its side effects kept, as inside
// dist/index.js, and nothing may remain: tables and other top-level values are built by calls
// marked /* @__PURE__ */ (or by makers marked /* @__NO_SIDE_EFFECTS__ */), never by plain calls.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const srcDir = join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'cli' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The source files whose code stays in a bundle that imports `files` for their side effects only. */
async function kept(files: readonly string[]): Promise<string[]> {
  const result = await esbuild.build({
    stdin: { contents: files.map((file) => `import ${JSON.stringify(file)};`).join('\n'), resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
    loader: { '.ttf': 'base64' },
    plugins: [
      {
        name: 'keep-side-effects',
        setup(build) {
          build.onResolve({ filter: /.*/ }, async (args) => {
            if (args.pluginData === true) return undefined;
            // Dependencies stay out (their own package.json speaks for them); each of our modules keeps its side effects.
            if (!/^[./]/.test(args.path)) return { path: args.path, external: true, sideEffects: false };
            const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: true });
            return { ...resolved, sideEffects: true };
          });
        },
      },
    ],
  });
  const output = Object.values(result.metafile.outputs)[0];
  return Object.entries(output?.inputs ?? {})
    .filter(([path, input]) => input.bytesInOutput > 0 && path !== '<stdin>')
    .map(([path]) => relative(root, join(root, path)))
    .sort();
}

describe('side effects of the core', () => {
  const files = sourceFiles(srcDir);

  it('has source files to check', () => expect(files.length).toBeGreaterThan(10));

  it('keeps no code of any module imported for its side effects only (a top-level call not marked pure would stay)', async () => {
    expect(await kept(files)).toEqual([]);
  });

  it('catches a top-level call that is not marked pure', async () => {
    expect(await kept([join(root, 'test', 'fixtures', 'impureModule.ts')])).toEqual(['src/money/money.ts', 'test/fixtures/impureModule.ts']);
  });
});
