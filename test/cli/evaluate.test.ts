// `exponential-partner evaluate` and `validate`, run in-process (src/cli/main.ts, src/cli/commands/evaluate.ts and validate.ts):
// inputs (file, directory, stdin, CSV), formats, --as-of, colour, exit codes.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/index';
import { csvOutputColumns } from '../../src/cli/commands/evaluate';
import { root, runCli } from './helpers';

const AS_OF = '2026-11-30';
const ledgers = join(root, 'examples', 'ledgers');
const silverPath = join(ledgers, 'silver-agency.json');
const silver = JSON.parse(readFileSync(silverPath, 'utf8')) as { partner: { id: string } };
const crm = 'examples/csv/crm-export.csv';
const ESC = '\u001b[';

type JsonOutput = {
  asOf: string;
  asOfDefaulted: boolean;
  evaluated: number;
  invalid: number;
  results: { source: string; ok: boolean; partner: { id: string; name?: string }; evaluation?: { tier: string | null; asOf: string }; issues?: { path: string; code: string; line?: number }[] }[];
  inputIssues: { source: string; code: string }[];
};

describe('evaluate', () => {
  it('evaluates one JSON ledger exactly as the library does', async () => {
    const { code, stdout, stderr } = await runCli(['evaluate', 'examples/ledgers/silver-agency.json', '--as-of', AS_OF, '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as JsonOutput;
    expect(out).toMatchObject({ asOf: AS_OF, asOfDefaulted: false, evaluated: 1, invalid: 0, inputIssues: [] });
    expect(out.results[0]).toEqual({
      source: 'examples/ledgers/silver-agency.json',
      ok: true,
      partner: { id: 'meridian', name: 'Meridian Digital Agency' },
      evaluation: JSON.parse(JSON.stringify(evaluate(silver, { asOf: AS_OF }))),
    });
  });

  it('prints a table of a directory, one row per partner, saying which date was used', async () => {
    const { code, stdout } = await runCli(['evaluate', 'examples/ledgers', '--as-of', AS_OF, '--format', 'table']);
    expect(code).toBe(0);
    expect(stdout).toContain('review as of 2026-11-30 — window 2025-12-01 … 2026-11-30');
    for (const title of ['Partner', 'Tier', 'Points', 'Revenue (USD)', 'Membership', 'Fee', 'Next tier (shortfall)']) expect(stdout).toContain(title);
    // Membership and fee in words, not basis ids.
    expect(stdout).toMatch(/Meridian Digital Agency\s+Silver\s+31,860\s+\$12,850\.75\s+active: enough points\s+waived through 2027-01-31, enough points\s+Gold: 18,140 pts, \$5,149\.25, 1 profile, 4 sales/);
    expect(stdout).toMatch(/Northwind Web Studio\s+—\s+2,880\s+\$900\.00\s+active: fee paid\s+paid through 2027-04-30\s+Now: 120 pts/);
    expect(stdout).not.toMatch(/basic-points|professional-renewal/);
    // The invalid example lives in a subdirectory: not read without --recursive.
    expect(stdout).not.toContain('Broken');
    expect(stdout).not.toContain(ESC);
  });

  it('defaults --as-of to today (UTC) and says so', async () => {
    const table = await runCli(['evaluate', 'examples/ledgers/silver-agency.json', '--format', 'table'], { now: '2026-07-04T23:59:59-05:00' });
    expect(table.stdout).toContain('as of 2026-07-05 (today, UTC');
    const json = JSON.parse((await runCli(['evaluate', 'examples/ledgers/silver-agency.json'], { now: '2026-07-04T10:00:00Z' })).stdout) as JsonOutput;
    expect(json).toMatchObject({ asOf: '2026-07-04', asOfDefaulted: true });
    expect(json.results[0]?.evaluation?.asOf).toBe('2026-07-04');
  });

  it('accepts an RFC 3339 --as-of, reduced to its UTC date', async () => {
    const out = JSON.parse((await runCli(['evaluate', silverPath, '--as-of', '2026-11-29T23:30:00-05:00'])).stdout) as JsonOutput;
    expect(out.asOf).toBe(AS_OF);
  });

  it('reads a ledger from stdin (-), JSON or CSV', async () => {
    const json = await runCli(['evaluate', '-', '--as-of', AS_OF], { stdin: JSON.stringify(silver) });
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as JsonOutput).results[0]).toMatchObject({ source: '<stdin>', evaluation: { tier: 'silver' } });
    const csv = await runCli(['evaluate', '-', '--as-of', AS_OF, '--format', 'csv'], { stdin: readFileSync(join(root, crm), 'utf8') });
    expect(csv.code).toBe(0);
    expect(csv.stdout.trim().split('\r\n').length).toBeGreaterThan(50);
  });

  it('evaluates a CSV export: one result per partner, as the library evaluates each ledger', async () => {
    const { code, stdout } = await runCli(['evaluate', crm, '--as-of', AS_OF]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as JsonOutput;
    expect(out.evaluated).toBeGreaterThanOrEqual(50);
    expect(out.results[0]?.source).toBe(`${crm}#p001`);
    const tiers = new Set(out.results.map((r) => r.evaluation?.tier));
    expect(tiers.size).toBeGreaterThanOrEqual(4);
  });

  it('reads a JSON array of ledgers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-cli-'));
    const file = join(dir, 'team.json');
    writeFileSync(file, JSON.stringify([silver, { partner: { id: 'x', joinedOn: '2026-13-01' }, entries: [] }]));
    const { code, stdout, stderr } = await runCli(['evaluate', file, '--as-of', AS_OF]);
    expect(code).toBe(1);
    const out = JSON.parse(stdout) as JsonOutput;
    expect(out.results.map((r) => [r.source.slice(dir.length + 1), r.ok])).toEqual([
      ['team.json[0]', true],
      ['team.json[1]', false],
    ]);
    expect(stderr).toContain('team.json[1]: partner.joinedOn:');
  });

  it.each([
    ['ndjson', (s: string) => s.trim().split('\n').map((l) => (JSON.parse(l) as { ok: boolean }).ok)],
    ['csv', (s: string) => s.split('\r\n')[0]],
    ['markdown', (s: string) => s.split('\n').slice(0, 4)],
  ] as const)('--format %s', async (format, shape) => {
    const { code, stdout } = await runCli(['evaluate', 'examples/ledgers', '--as-of', AS_OF, '--format', format]);
    expect(code).toBe(0);
    if (format === 'ndjson') expect(shape(stdout)).toEqual([true, true, true, true, true]);
    if (format === 'csv') {
      expect(shape(stdout)).toBe(csvOutputColumns.join(','));
      expect(stdout).toContain('examples/ledgers/silver-agency.json,meridian,Meridian Digital Agency,2026-11-30,2025-12-01,2026-11-30,silver,Silver,31860,1500,12850.75,1,2,true,basic-points,waived,,2027-01-31,,gold,18140,5149.25,1,4');
    }
    if (format === 'markdown') {
      expect(shape(stdout)).toEqual([
        '## Partner review as of 2026-11-30 — window 2025-12-01 … 2026-11-30',
        '',
        '| Partner | Tier | Points | Revenue (USD) | Membership | Fee | Next tier (shortfall) |',
        '|---|---|---:|---:|---|---|---|',
      ]);
    }
  });

  it('prints a table on a terminal and JSON otherwise', async () => {
    expect((await runCli(['evaluate', silverPath, '--as-of', AS_OF], { tty: true, env: { NO_COLOR: '1' } })).stdout).toContain('Meridian Digital Agency  Silver');
    expect(JSON.parse((await runCli(['evaluate', silverPath, '--as-of', AS_OF])).stdout)).toHaveProperty('results');
  });

  it('colours only on a terminal, and never with NO_COLOR', async () => {
    const args = ['evaluate', 'examples/ledgers', '--as-of', AS_OF, '--format', 'table'];
    expect((await runCli(args, { tty: true })).stdout).toContain(ESC);
    expect((await runCli(args, { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await runCli(args, { tty: true, env: { TERM: 'dumb' } })).stdout).not.toContain(ESC);
    expect((await runCli(args, { tty: false })).stdout).not.toContain(ESC);
  });

  it('evaluates the valid ledgers of a batch, prints every issue of the others with file and path, and exits 1', async () => {
    const { code, stdout, stderr } = await runCli(['evaluate', 'examples/ledgers', '-r', '--as-of', AS_OF, '--format', 'table']);
    expect(code).toBe(1);
    expect(stdout).toContain('5 partners evaluated');
    const file = 'examples/ledgers/invalid/broken.json';
    expect(stderr).toContain('6 issues in 1 input');
    for (const line of [
      `${file}: entries[1].note: unknown field "note"`,
      `${file}: entries[2].date: "2026-02-30" is not a calendar date`,
      `${file}: entries[3].amount: "1,200.00" is not a plain decimal amount`,
      `${file}: entries[4].id: duplicate id "bk-001"`,
      `${file}: entries[5].relatesTo: no entry of this ledger has the id "bk-099"`,
      `${file}: entries[6].activity: "certification" points come from certification entries`,
    ])
      expect(stderr).toContain(line);
  });

  it('places the issues of a CSV export on their line and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-cli-'));
    const file = join(dir, 'export.csv');
    writeFileSync(
      file,
      [
        'partner_id,partner_name,partner_joinedOn,id,type,date,amount,source,activity',
        'acme,Acme,2023-03-15,r1,revenue,2026-01-10,"1,200.00",direct-sale,',
        'acme,,,a1,activity,2026-02-30,,,forum-post',
        'zen,Zen,2024-01-01,z1,activity,2026-02-01,,,forum-post',
        'bad,Bad,,b1,activity,2026-02-01,,,certification',
      ].join('\n'),
    );
    const { code, stdout, stderr } = await runCli(['evaluate', file, '--as-of', AS_OF, '--format', 'ndjson']);
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { source: string; ok: boolean; issues?: { line: number; column?: string; code: string }[] });
    expect(lines.map((l) => [l.source.slice(dir.length + 1), l.ok])).toEqual([
      ['export.csv#acme', false],
      ['export.csv#zen', true],
      ['export.csv#bad', false],
    ]);
    expect(lines[0]?.issues?.map((i) => [i.line, i.column, i.code])).toEqual([
      [2, 'amount', 'invalid-amount'],
      [3, 'date', 'invalid-date'],
    ]);
    expect(lines[2]?.issues?.map((i) => [i.line, i.column, i.code])).toEqual([
      [5, 'partner_joinedOn', 'missing-field'],
      [5, 'activity', 'derived-activity'],
    ]);
    expect(stderr).toContain(`${file}:2: amount: "1,200.00" is not a plain decimal amount`);
    expect(stderr).toContain(`${file}:5: partner_joinedOn:`);
  });

  it('reports an unreadable input, invalid JSON (with its line) and an empty directory as invalid input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-cli-'));
    writeFileSync(join(dir, 'bad.json'), '{\n  "partner": {\n    "id": "x",\n  }\n}');
    const bad = await runCli(['evaluate', join(dir, 'bad.json'), '--as-of', AS_OF]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\.json:4: \(root\): .*\[invalid-json\]/);
    const missing = await runCli(['evaluate', 'no-such-file.json', '--as-of', AS_OF]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no-such-file.json: (root): cannot read "no-such-file.json" (ENOENT) [unreadable]');
    const empty = await runCli(['evaluate', mkdtempSync(join(tmpdir(), 'pp-empty-')), '--as-of', AS_OF]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('[no-ledgers]');
  });
});

describe('usage errors exit 2', () => {
  it.each([
    [['frobnicate']],
    [['evaluate', silverPath, '--bogus']],
    [['evaluate']],
    [['evaluate', silverPath, '--as-of', '2026-02-30']],
    [['evaluate', silverPath, '--as-of', 'tomorrow']],
    [['evaluate', silverPath, '--format', 'xml']],
    [['evaluate', silverPath, '--window', 'fortnight']],
    [['evaluate', silverPath, '--threads', 'many']],
    [['validate', silverPath, '--format', 'xml']],
    [['describe', '--format', 'table']],
    [[]],
  ])('%j', async (argv) => {
    const { code, stdout, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stderr.length).toBeGreaterThan(0);
    expect(stdout).not.toContain('"results"');
  });

  it('names the impossible date', async () => {
    expect((await runCli(['evaluate', silverPath, '--as-of', '2026-02-30'])).stderr).toContain('--as-of: must be a calendar date YYYY-MM-DD or an RFC 3339 timestamp, received "2026-02-30"');
  });
});

describe('--help and --version', () => {
  it.each([['evaluate'], ['validate']])('%s --help shows examples and exits 0', async (command) => {
    const { code, stdout } = await runCli([command, '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Examples:');
    expect(stdout).toContain(`$ exponential-partner ${command} `);
  });

  it('--help lists every command with examples', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const command of ['evaluate', 'validate']) expect(stdout).toContain(command);
    expect(stdout).toContain('Examples:');
  });

  it('--version exits 0', async () => {
    expect((await runCli(['--version'])).code).toBe(0);
  });
});

describe('validate', () => {
  it('says which ledgers are valid and exits 0', async () => {
    const { code, stdout } = await runCli(['validate', 'examples/ledgers', crm, '--format', 'table']);
    expect(code).toBe(0);
    expect(stdout).toContain('valid    examples/ledgers/silver-agency.json (meridian, 34 entries)');
    expect(stdout).toMatch(/\n6\d valid, 0 invalid\n$/);
  });

  it('lists every issue of the invalid example with its path and exits 1', async () => {
    const { code, stdout } = await runCli(['validate', 'examples/ledgers/invalid/broken.json', '--format', 'table']);
    expect(code).toBe(1);
    expect(stdout).toContain('invalid  examples/ledgers/invalid/broken.json (broken-co)');
    expect(stdout).toContain('examples/ledgers/invalid/broken.json: entries[3].amount: "1,200.00" is not a plain decimal amount');
    expect(stdout).toContain('0 valid, 1 invalid');
  });

  it('gives machines JSON', async () => {
    const { code, stdout } = await runCli(['validate', 'examples/ledgers', '-r']);
    expect(code).toBe(1);
    const out = JSON.parse(stdout) as { valid: number; invalid: number; results: { ok: boolean; issues?: unknown[] }[] };
    expect(out).toMatchObject({ valid: 5, invalid: 1 });
    expect(out.results.find((r) => !r.ok)?.issues).toHaveLength(6);
  });
});

describe('progress', () => {
  it('shows a progress bar on stderr when asked (by default only on a terminal)', async () => {
    const args = ['evaluate', 'examples/ledgers', '--as-of', AS_OF, '--format', 'json'];
    expect((await runCli(args)).stderr).toBe('');
    expect((await runCli([...args, '--progress'])).stderr).toMatch(/evaluating \[.*\] \d+\/5 ledgers/);
    expect((await runCli([...args, '--no-progress'], { stderrTty: false })).stderr).toBe('');
  });
});
