// The built executable (dist/cli/index.js) as users run it: bin entry,
// bundling, stdin, exit codes, and worker threads for large batches.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPath, ensureBuilt, extraTimeZoneRun, root } from './helpers';

const AS_OF = '2026-11-30';

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd: root, input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined } });
  return { code: result.status, signal: result.signal, error: result.error, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => ensureBuilt(), 180_000);

describe('package', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string>; dependencies: Record<string, string> };

  it('declares the exponential-partner bin, a Node script with a shebang', () => {
    expect(pkg.bin).toEqual({ 'exponential-partner': './dist/cli/index.js' });
    expect(readFileSync(cliPath, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('keeps the runtime dependencies to zod, decimal.js, date-fns and @date-fns/utc, each imported by the library itself', () => {
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['@date-fns/utc', 'date-fns', 'decimal.js', 'zod']);
    // Every user installs a runtime dependency: one the library (src/ outside src/cli) never imports is a devDependency.
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'cli' ? [] : sources(join(dir, e.name))) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
    // A package's name: `date-fns` of `date-fns/addMonths`, `@date-fns/utc` of `@date-fns/utc/date/mini`.
    const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
    const imported = new Set(sources(join(root, 'src')).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/from '([^'.][^']*)'/g)].map((m) => packageOf(m[1]!))));
    for (const dependency of Object.keys(pkg.dependencies)) expect(imported, dependency).toContain(dependency);
  });

  it('leaves the runtime dependencies to the user\'s install: the library build imports them, never bundles them', () => {
    for (const file of ['index.js', 'index.cjs']) {
      const text = readFileSync(join(root, 'dist', file), 'utf8');
      for (const dependency of Object.keys(pkg.dependencies)) {
        const name = dependency.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
        expect(text, `${file} imports ${dependency}`).toMatch(new RegExp(`(from |require\\()['"]${name}(/[^'"]*)?['"]`));
      }
      // date-fns's own code (its constructFrom) and @date-fns/utc's (UTCDateMini's class body) are not in it.
      expect(text, file).not.toMatch(/constructDateFrom|class UTCDateMini/);
    }
  });

  it('bundles the CLI-only libraries into dist/cli and keeps them out of the library', () => {
    const cliFiles = readdirSync(join(root, 'dist', 'cli')).filter((f) => f.endsWith('.js'));
    for (const file of cliFiles) {
      const text = readFileSync(join(root, 'dist', 'cli', file), 'utf8');
      for (const lib of ['commander', 'csv-parse', 'cli-progress', 'piscina']) {
        expect(text, `${file} imports ${lib}`).not.toMatch(new RegExp(`(from|import|require\\()\\s*["']${lib}(/[^"']*)?["']`));
      }
    }
    for (const file of ['index.js', 'index.cjs']) {
      const text = readFileSync(join(root, 'dist', file), 'utf8');
      expect(text).not.toMatch(/node:|commander|piscina|cli-progress|csv-parse/);
    }
  });
});

describe('dist/cli/index.js', () => {
  it('runs the npm start demo: the table of every sample ledger, then the issues of the invalid one', () => {
    const table = run(['evaluate', 'examples/ledgers', '--as-of', AS_OF, '--format', 'table']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('5 partners evaluated');
    const invalid = run(['validate', 'examples/ledgers/invalid/broken.json', '--format', 'table']);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain('examples/ledgers/invalid/broken.json: entries[3].amount:');
  });

  it('reads stdin and writes JSON when piped', () => {
    const ledger = readFileSync(join(root, 'examples', 'ledgers', 'gold-scale.json'), 'utf8');
    const { code, stdout } = run(['evaluate', '-', '--as-of', AS_OF], ledger);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ asOf: AS_OF, results: [{ source: '<stdin>', evaluation: { tier: 'gold' } }] });
  });

  it('exits 2 on usage errors and 1 on invalid input', () => {
    expect(run(['nope']).code).toBe(2);
    expect(run(['evaluate', 'examples/ledgers', '--as-of', '2026-02-29']).code).toBe(2);
    expect(run(['evaluate', 'examples/ledgers/invalid/broken.json', '--as-of', AS_OF]).code).toBe(1);
    expect(run(['--help']).code).toBe(0);
  });
});

describe.skipIf(extraTimeZoneRun)('large batches on worker threads', () => {
  let dir: string;
  const COUNT = 1_200;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pp-batch-'));
    mkdirSync(join(dir, 'ledgers'));
    const samples = ['community-basic', 'gold-scale', 'new-fee-paying', 'professional-integrator', 'silver-agency'].map(
      (name) => JSON.parse(readFileSync(join(root, 'examples', 'ledgers', `${name}.json`), 'utf8')) as { partner: { id: string } },
    );
    for (let i = 0; i < COUNT; i++) {
      const sample = samples[i % samples.length]!;
      const ledger = { ...sample, partner: { ...sample.partner, id: `p${String(i).padStart(5, '0')}` } };
      writeFileSync(join(dir, 'ledgers', `p${String(i).padStart(5, '0')}.json`), JSON.stringify(ledger));
    }
    writeFileSync(join(dir, 'ledgers', 'p99999.json'), '{"partner": {"id": "broken", "joinedOn": "2026-02-30"}, "entries": []}');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('uses a worker per core from 200 ledgers up, with the same results as the main thread', () => {
    const args = ['evaluate', join(dir, 'ledgers'), '--as-of', AS_OF, '--format', 'ndjson', '--verbose'];
    const pooled = run(args);
    const inline = run([...args, '--threads', '0']);
    expect(pooled.code, pooled.stderr.slice(0, 2000)).toBe(1);
    expect(inline.code).toBe(1);
    const cores = availableParallelism();
    expect(pooled.stderr).toContain(cores > 1 ? `${COUNT + 1} ledger(s) from 1 input(s), processed on ${cores} worker threads` : 'in the main thread');
    expect(inline.stderr).toContain('processed in the main thread');
    expect(pooled.stdout).toBe(inline.stdout);
    const lines = pooled.stdout.trim().split('\n').map((l) => JSON.parse(l) as { ok: boolean; partner: { id: string }; evaluation?: { tier: string } });
    expect(lines).toHaveLength(COUNT + 1);
    expect(lines[1]).toMatchObject({ ok: true, partner: { id: 'p00001' }, evaluation: { tier: 'gold' } });
    expect(lines[COUNT]).toMatchObject({ ok: false });
    expect(pooled.stderr).toContain('p99999.json: partner.joinedOn:');
  }, 60_000);

  it('runs a given number of worker threads', () => {
    const { code, stderr } = run(['evaluate', join(dir, 'ledgers', 'p00001.json'), join(dir, 'ledgers', 'p00002.json'), '--as-of', AS_OF, '--threads', '2', '--verbose']);
    expect(code).toBe(0);
    expect(stderr).toContain('processed on 2 worker threads');
  }, 30_000);
});
