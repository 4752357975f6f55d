// `timeline`, `plan`, `describe`, `schema` and `--program`, run in-process.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeProgram, exponentialProgram, generateJsonSchema, planUpgrade, reviewTimeline } from '../../src/index';
import { root, runCli } from './helpers';

const AS_OF = '2026-11-30';
const silverPath = 'examples/ledgers/silver-agency.json';
const silver = JSON.parse(readFileSync(join(root, silverPath), 'utf8')) as unknown;

describe('timeline', () => {
  it('gives the 12 month-end reviews up to --to, as reviewTimeline does', async () => {
    const { code, stdout } = await runCli(['timeline', silverPath, '--to', AS_OF]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { from: string; to: string; results: { reviews: unknown[] }[] };
    expect(out.from).toBe('2025-12-01');
    expect(out.results[0]?.reviews).toEqual(JSON.parse(JSON.stringify(reviewTimeline(silver, { from: '2025-12-01', to: AS_OF }))));
    expect(out.results[0]?.reviews).toHaveLength(12);
  });

  it('prints a table with tier names and changes, to today (UTC) by default', async () => {
    const { code, stdout } = await runCli(['timeline', silverPath, '--format', 'table'], { now: '2026-11-30T08:00:00Z' });
    expect(code).toBe(0);
    expect(stdout).toContain('monthly reviews 2025-12-01 … 2026-11-30 (to: today, UTC)');
    expect(stdout).toMatch(/2026-07-31\s+Professional\s+▼ down\s+30,240/);
  });

  it('exits 2 on an impossible --to or policy, 1 on an invalid ledger', async () => {
    expect((await runCli(['timeline', silverPath, '--to', '2026-13-01'])).code).toBe(2);
    expect((await runCli(['timeline', silverPath, '--policy', 'lenient'])).code).toBe(2);
    const invalid = await runCli(['timeline', 'examples/ledgers/invalid/broken.json', '--to', AS_OF]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('examples/ledgers/invalid/broken.json: entries[3].amount:');
  });
});

describe('plan', () => {
  it('gives the plan planUpgrade gives', async () => {
    const { code, stdout } = await runCli(['plan', silverPath, '--as-of', AS_OF, '--target', 'gold', '--by', '2027-06-30']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { results: { plan: unknown }[] };
    expect(out.results[0]?.plan).toEqual(JSON.parse(JSON.stringify(planUpgrade(silver, { asOf: AS_OF, target: 'gold', by: '2027-06-30' }))));
  });

  it('prints the steps in words', async () => {
    const { stdout } = await runCli(['plan', silverPath, '--as-of', AS_OF, '--target', 'gold', '--by', '2027-06-30', '--format', 'table']);
    expect(stdout).toContain('Meridian Digital Agency: Silver → Gold by 2027-06-30 (as of 2026-11-30)');
    expect(stdout).toMatch(/\n {2}1\. /);
  });

  it('exits 2 on a bad --by', async () => {
    expect((await runCli(['plan', silverPath, '--as-of', AS_OF, '--by', 'soon'])).code).toBe(2);
  });
});

describe('describe and schema', () => {
  it('describe prints describeProgram', async () => {
    const { code, stdout } = await runCli(['describe']);
    expect(code).toBe(0);
    expect(stdout).toBe(describeProgram(exponentialProgram));
  });

  it.each(['ledger', 'program'] as const)('schema %s prints the JSON Schema', async (kind) => {
    const { code, stdout } = await runCli(['schema', kind]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(generateJsonSchema(kind));
  });

  it('schema of an unknown kind is a usage error', async () => {
    expect((await runCli(['schema', 'invoice'])).code).toBe(2);
  });

  it.each(['timeline', 'plan', 'describe', 'schema'])('%s --help shows examples', async (command) => {
    const { code, stdout } = await runCli([command, '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain(`$ exponential-partner ${command}`);
  });
});

describe('--program', () => {
  it('evaluates under a custom program and reports every issue of a bad one with its file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-program-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ id: 1 }));
    const { code, stderr } = await runCli(['evaluate', silverPath, '--as-of', AS_OF, '--program', bad]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${bad}: id: `);
    expect(stderr).toContain(`${bad}: versions: `);
  });
});
