// `timeline`, `plan`, `describe`, `schema` and `--program`, run in-process.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { twelveMonthsBefore } from '../../src/cli/commands/timeline';
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

  it('defaults --from to 12 month-end reviews up to --to, on any day of the calendar', () => {
    const empty = { partner: { id: 'p', joinedOn: '0001-01-01' }, entries: [] };
    const day = fc.date({ min: new Date('0002-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (to) => {
        // From the first of a month, exactly 12 month-ends up to --to: the last month-end on or before it and the 11 before.
        const from = twelveMonthsBefore(to);
        expect(from.slice(8)).toBe('01');
        expect(reviewTimeline(empty, { from, to })).toHaveLength(12);
      }),
    );
  });

  it('counts years 1 to 99 as themselves, and starts no earlier than 0001-01-01', async () => {
    // Date.UTC reads years 0–99 as 1900–1999: the default --from was once 1949-06-01 here.
    const early = await runCli(['timeline', silverPath, '--to', '0050-06-15']);
    expect(early.code).toBe(0);
    expect((JSON.parse(early.stdout) as { from: string }).from).toBe('0049-06-01');
    expect(twelveMonthsBefore('0001-05-31')).toBe('0001-01-01');
    expect(twelveMonthsBefore('0001-01-15')).toBe('0001-01-01');
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

  it('takes a tier id or name in any case as --target', async () => {
    const byId = (await runCli(['plan', silverPath, '--as-of', AS_OF, '--target', 'gold'])).stdout;
    for (const target of ['Gold', 'GOLD', ' gold ']) {
      const { code, stdout } = await runCli(['plan', silverPath, '--as-of', AS_OF, '--target', target]);
      expect(code, target).toBe(0);
      expect(stdout).toBe(byId);
    }
  });

  it('answers an unknown --target with the tiers it could be', async () => {
    const { code, stdout, stderr } = await runCli(['plan', silverPath, '--as-of', AS_OF, '--target', 'Diamond']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    for (const tier of exponentialProgram.versions[0].tiers) expect(stderr).toContain(`${tier.id} (${tier.name})`);
  });

  it('refuses --by before --as-of once, as a usage error naming both', async () => {
    const { code, stdout, stderr } = await runCli(['plan', silverPath, '--by', '2026-06-30', '--as-of', AS_OF, '--format', 'table']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.match(/before/g)).toHaveLength(1);
    expect(stderr).toContain('--by (2026-06-30) is before --as-of (2026-11-30)');
    expect(stderr).not.toContain('leave the window');
  });

  it('prints the reason a target is out of reach once', async () => {
    // A target below the tier held is no plan: the verdict says why, no step says it again.
    const { stdout } = await runCli(['plan', silverPath, '--as-of', AS_OF, '--target', 'basic', '--format', 'table']);
    const plan = planUpgrade(silver, { asOf: AS_OF, target: 'basic' });
    expect(plan.reachable).toBe(false);
    const reason = plan.message ?? plan.reason ?? '';
    expect(reason.length).toBeGreaterThan(0);
    expect(stdout.split(reason)).toHaveLength(2);
  });
});

describe('describe and schema', () => {
  it('describe prints describeProgram', async () => {
    const { code, stdout } = await runCli(['describe']);
    expect(code).toBe(0);
    expect(stdout).toBe(describeProgram(exponentialProgram));
  });

  it('describe --format json prints the version describeProgram describes', async () => {
    const { code, stdout } = await runCli(['describe', '--format', 'json', '--as-of', AS_OF]);
    expect(code).toBe(0);
    const version = exponentialProgram.versions[exponentialProgram.versions.length - 1];
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify({ id: exponentialProgram.id, name: exponentialProgram.name, version })));
    expect(describeProgram(exponentialProgram, { asOf: AS_OF })).toContain(`version ${version?.version}`);
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
