// examples/crm-batch/report.mjs: a CRM export in, one report per partner out,
// with the same figures as the command line gives for the same export.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, root, runCli } from '../cli/helpers';

const AS_OF = '2026-11-30';
const exportFile = join(root, 'examples', 'csv', 'crm-export.csv');
const script = join(root, 'examples', 'crm-batch', 'report.mjs');

type Report = { partner: { id: string }; evaluation: { tier: string | null; points: { total: number } }; markdown: string };
type BuildReports = (csv: string, o: { asOf: string }) => { reports: Report[]; issues: { partner: string; line: number; path: string; code: string }[]; summaryCsv: string };
type LedgersFromCsv = (csv: string) => { ledger: { partner: { meta?: object }; entries: { meta?: object }[] } }[];
let buildReports: BuildReports;
let ledgersFromCsv: LedgersFromCsv;
let out: string;

beforeAll(async () => {
  ensureBuilt(); // the example imports the package by name: dist/
  ({ buildReports, ledgersFromCsv } = (await import(pathToFileURL(script).href)) as { buildReports: BuildReports; ledgersFromCsv: LedgersFromCsv });
  out = mkdtempSync(join(tmpdir(), 'pp-crm-'));
}, 180_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('examples/crm-batch', () => {
  it('reports every partner of the export with the figures the CLI gives', async () => {
    const { reports, issues, summaryCsv } = buildReports(readFileSync(exportFile, 'utf8'), { asOf: AS_OF });
    expect(issues).toEqual([]);
    const cli = JSON.parse((await runCli(['evaluate', exportFile, '--as-of', AS_OF, '--format', 'json'])).stdout) as {
      results: { partner: { id: string }; evaluation: { tier: string | null; points: { total: number } } }[];
    };
    expect(reports.map((r) => [r.partner.id, r.evaluation.tier, r.evaluation.points.total])).toEqual(cli.results.map((r) => [r.partner.id, r.evaluation.tier, r.evaluation.points.total]));
    expect(reports.length).toBeGreaterThanOrEqual(50);
    expect(summaryCsv.split('\n')).toHaveLength(reports.length + 2);
    for (const report of reports) expect(report.markdown).toContain(`Review as of ${AS_OF}`);
  });

  it('runs as a script: one Markdown file per partner and summary.csv', () => {
    const result = spawnSync(process.execPath, [script, exportFile, '--as-of', AS_OF, '--out', out], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^60 partners evaluated as of 2026-11-30: /);
    const files = readdirSync(out);
    expect(files.filter((f) => f.endsWith('.md'))).toHaveLength(60);
    expect(files).toContain('summary.csv');
    expect(readFileSync(join(out, 'p001.md'), 'utf8')).toMatch(/^# \S.* — /);
  });

  it('prints the issues of invalid rows with their line numbers and exits 1', () => {
    const bad = join(out, 'bad.csv');
    writeFileSync(bad, 'partner_id,partner_name,partner_joinedOn,id,type,date,amount,source\nacme,Acme,2023-03-15,r1,revenue,2026-01-10,100.00,direct-sale\nzen,Zen,2024-01-01,z1,revenue,2026-01-11,"1,200.00",direct-sale\n');
    const result = spawnSync(process.execPath, [script, bad, '--as-of', AS_OF, '--out', join(out, 'bad')], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('1 partners evaluated');
    expect(result.stderr).toContain(`${bad}:3: zen: entries[0].amount:`);
  });

  it('writes no formula into summary.csv: CRM text that starts with = + - @ tab or CR gets a leading quote, figures stay numbers', () => {
    const csv = [
      'partner_id,partner_name,partner_joinedOn,id,type,date,amount,source',
      '@acme,"=HYPERLINK(""http://x"",""click"")",2023-03-15,r1,revenue,2026-06-10,-450.00,direct-sale',
      'zen,-Zen,2024-01-01,z1,revenue,2026-06-11,100.00,direct-sale',
    ].join('\n');
    const { summaryCsv, issues } = buildReports(csv, { asOf: AS_OF });
    expect(issues).toEqual([]);
    const [header, ...rows] = parse(summaryCsv) as string[][];
    const at = (row: string[] | undefined, column: string) => row?.[header?.indexOf(column) ?? -1];
    expect(at(rows[0], 'partner_id')).toBe("'@acme");
    expect(at(rows[0], 'partner_name')).toBe('\'=HYPERLINK("http://x","click")');
    expect(at(rows[1], 'partner_name')).toBe("'-Zen");
    expect(at(rows[0], 'revenue')).toBe('-450.00');
    expect(at(rows[1], 'revenue')).toBe('100.00');
    expect(Number(at(rows[1], 'shortfall_points'))).not.toBeNaN();
  });

  it('keeps a meta.__proto__ column as data, as JSON does', () => {
    const csv = 'partner_id,partner_joinedOn,partner_meta.__proto__,id,type,date,activity,meta.__proto__\nacme,2023-03-15,p,f1,activity,2026-01-10,forum-post,e\n';
    const [first] = ledgersFromCsv(csv);
    expect(JSON.stringify(first?.ledger.partner.meta)).toBe('{"__proto__":"p"}');
    expect(JSON.stringify(first?.ledger.entries[0]?.meta)).toBe('{"__proto__":"e"}');
  });
});
