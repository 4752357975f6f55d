// The document commands of the built CLI (issue 15, item 4), as users run them:
// `describe --format pdf|html|markdown|json` and `statement LEDGER… --out DIR`,
// read back with poppler-utils (pdfinfo, pdftotext) and compared with the
// library's own figures. In CI (CI set) a missing poppler-utils fails this file;
// elsewhere its PDF tests skip, saying why. Few, small PDFs: each takes a while.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentFileNames } from '../../src/cli/documents';
import { readCsvLedgers } from '../../src/csv';
import { describeProgram, evaluate, exponentialProgram, partnerStatement, programOverview } from '../../src/index';
import { requireTool } from '../integration/tools';
import { cliPath, ensureBuilt, root } from './helpers';

const AS_OF = '2026-11-30';
const version = exponentialProgram.versions.at(-1) ?? exponentialProgram.versions[0];
const samples = readdirSync(join(root, 'examples', 'ledgers'))
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => join('examples', 'ledgers', file));
const crmExport = join('examples', 'csv', 'crm-export.csv');

function hasPoppler(): boolean {
  try {
    for (const tool of ['pdftotext', 'pdfinfo']) execFileSync(tool, ['-v'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}
const poppler = requireTool('poppler-utils (pdfinfo, pdftotext)', hasPoppler(), 'apt-get install -y poppler-utils (as .ci/run does)');

/** Runs the built CLI; stdout as bytes (a PDF), stderr as text. */
function run(args: readonly string[]): { code: number | null; stdout: Buffer; text: string; stderr: string } {
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined } });
  return { code: result.status, stdout: result.stdout, text: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8') };
}

/** A PDF's text in reading order, its runs of white space as one space (pdftotext breaks long lines). */
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
// pdfinfo shows dates in the host zone: read them in UTC, as the PDF stores them.
const pdfInfo = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** The tier a statement names: the library's own evaluation. */
const tierLine = (ledger: unknown) => `Tier on ${AS_OF}: ${evaluate(ledger, { asOf: AS_OF }).tierName ?? 'no tier'}`;

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'cli-statement-'));
}, 180_000);
afterAll(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

describe('describe', () => {
  it('--format markdown (the default) is describeProgram, as docs/program.md', () => {
    const { code, text } = run(['describe']);
    expect(code).toBe(0);
    expect(text).toBe(describeProgram(exponentialProgram));
    expect(run(['describe', '--format', 'markdown']).text).toBe(text);
  });

  it('--format json is the described version', () => {
    const { code, text } = run(['describe', '--format', 'json', '--as-of', AS_OF]);
    expect(code).toBe(0);
    expect(JSON.parse(text)).toMatchObject({ id: exponentialProgram.id, version: { version: version.version } });
  });

  it('--format html is the overview, every tier named, on the paper asked for', () => {
    const { code, text } = run(['describe', '--format', 'html', '--as-of', AS_OF, '--paper', 'a4']);
    expect(code).toBe(0);
    expect(text.startsWith('<!doctype html>')).toBe(true);
    expect(text).toContain('@page { size: A4; }');
    for (const tier of version.tiers) expect(text).toContain(`<td>${tier.name}</td>`);
  });

  describe.skipIf(poppler.skip)(`--format pdf${poppler.reason}`, () => {
    it('writes the overview to --out, every tier and activity named, the same bytes as on a pipe', () => {
      const file = join(dir, 'overview.pdf');
      const written = run(['describe', '--format', 'pdf', '--as-of', AS_OF, '--out', file]);
      expect(written.stderr).toBe('');
      expect(written.code).toBe(0);
      expect(written.text).toBe(`${file}\n`);
      const doc = programOverview(exponentialProgram, { asOf: AS_OF });
      const info = pdfInfo(file);
      expect(info).toContain(`Title:           ${doc.metadata.title}\n`);
      expect(info).toMatch(/^Page size:\s+612 x 792 pts \(letter\)$/m);
      expect(Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1])).toBeGreaterThan(1);
      const text = pdfText(file);
      for (const tier of version.tiers) expect(text, tier.name).toContain(tier.name);
      for (const activity of version.activities) expect(text, activity.name).toContain(flat(activity.name));
      // Same input, same bytes: stdout (a pipe here) gets exactly the file.
      const piped = run(['describe', '--format', 'pdf', '--as-of', AS_OF]);
      expect(piped.code).toBe(0);
      expect(piped.stdout.equals(readFileSync(file))).toBe(true);
    });

    it('takes the format from --out and --paper a4', () => {
      const file = join(dir, 'overview-a4.pdf');
      expect(run(['describe', '--out', file, '--as-of', AS_OF, '--paper', 'a4']).code).toBe(0);
      expect(pdfInfo(file)).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
    });
  });
});

describe.skipIf(poppler.skip)(`statement, PDF${poppler.reason}`, () => {
  it('writes one PDF per sample ledger, named by the rule, each with its partner id and tier', () => {
    const out = join(dir, 'samples');
    const { code, text, stderr } = run(['statement', ...samples, '--as-of', AS_OF, '--out', out, '--format', 'pdf']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const ledgers = samples.map((file) => JSON.parse(readFileSync(join(root, file), 'utf8')) as { partner: { id: string; name?: string } });
    const names = documentFileNames(
      ledgers.map((l) => l.partner.id),
      'pdf',
    );
    // The written files, listed in input order on stdout, and nothing else in the directory.
    expect(text).toBe(names.map((name) => `${join(out, name)}\n`).join(''));
    expect(readdirSync(out).sort()).toEqual([...names].sort());
    ledgers.forEach((ledger, i) => {
      const file = join(out, names[i] ?? '');
      const content = pdfText(file);
      expect(content).toContain(ledger.partner.id);
      expect(content).toContain(tierLine(ledger));
      expect(pdfInfo(file)).toContain(`Title:           ${partnerStatement(ledger, { asOf: AS_OF }).metadata.title}\n`);
    });
    // One ledger goes to stdout, byte for byte the file of the batch.
    const single = run(['statement', samples[0] ?? '', '--as-of', AS_OF]);
    expect(single.code).toBe(0);
    expect(single.stdout.equals(readFileSync(join(out, names[0] ?? '')))).toBe(true);
  }, 60_000);

  it('writes the partners of a CSV export on worker threads, the same bytes as in the main thread', () => {
    // Three partners of the CRM export: few PDFs, and still a pool of two threads.
    const lines = readFileSync(join(root, crmExport), 'utf8').split('\n');
    const wanted = new Set(['p001', 'p002', 'p003']);
    const subset = join(dir, 'three-partners.csv');
    writeFileSync(subset, `${[lines[0], ...lines.slice(1).filter((line) => wanted.has(line.split(',')[0] ?? ''))].join('\n')}\n`);
    const { ledgers } = readCsvLedgers(readFileSync(subset, 'utf8'), subset);
    expect(ledgers.map((l) => String(l.ledger.partner.id))).toEqual([...wanted]);
    const [pooled, inline] = [join(dir, 'pooled'), join(dir, 'inline')];
    const a = run(['statement', subset, '--as-of', AS_OF, '--out', pooled, '--threads', '2', '--verbose']);
    expect(a.code).toBe(0);
    expect(a.stderr).toContain('3 statement(s) written on 2 worker threads');
    expect(run(['statement', subset, '--as-of', AS_OF, '--out', inline, '--threads', '0']).code).toBe(0);
    const names = documentFileNames([...wanted], 'pdf');
    expect(readdirSync(pooled).sort()).toEqual(names);
    for (const [i, { ledger }] of ledgers.entries()) {
      const file = join(pooled, names[i] ?? '');
      expect(readFileSync(file).equals(readFileSync(join(inline, names[i] ?? '')))).toBe(true);
      const content = pdfText(file);
      expect(content).toContain(String(ledger.partner.id));
      expect(content).toContain(tierLine(ledger));
    }
  }, 120_000);

  it('lists an invalid ledger of a batch with the issues evaluate gives, exit 1, and writes no file for it', () => {
    const input = join(dir, 'mixed');
    mkdirSync(input);
    writeFileSync(join(input, 'a-silver.json'), readFileSync(join(root, 'examples', 'ledgers', 'silver-agency.json')));
    writeFileSync(join(input, 'b-broken.json'), readFileSync(join(root, 'examples', 'ledgers', 'invalid', 'broken.json')));
    const out = join(dir, 'mixed-out');
    const statement = run(['statement', input, '--as-of', AS_OF, '--out', out]);
    expect(statement.code).toBe(1);
    const evaluated = run(['evaluate', input, '--as-of', AS_OF, '--format', 'json']);
    expect(evaluated.code).toBe(1);
    // The same issue list, line for line, on stderr.
    expect(statement.stderr).toBe(evaluated.stderr);
    expect(statement.stderr).toContain('b-broken.json: entries[3].amount:');
    // Only the valid ledger has a file: no other, no temporary one.
    expect(readdirSync(out)).toEqual(['meridian.pdf']);
    expect(statement.text).toBe(`${join(out, 'meridian.pdf')}\n`);
    expect(pdfText(join(out, 'meridian.pdf'))).toContain('meridian');
  }, 60_000);

  it('prints the font fallback warning on stderr, escaped', () => {
    const ledger = JSON.parse(readFileSync(join(root, 'examples', 'ledgers', 'silver-agency.json'), 'utf8')) as { partner: Record<string, unknown> };
    const file = join(dir, 'yamada.json');
    writeFileSync(file, JSON.stringify({ ...ledger, partner: { ...ledger.partner, name: '山田 \u202e Studio' } }));
    const { code, stdout, stderr } = run(['statement', file, '--as-of', AS_OF]);
    expect(code).toBe(0);
    expect(stdout.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(stderr).toBe(`warning: ${file}: 3 characters that DejaVu Sans Condensed cannot show (or that need shaping) replaced by U+FFFD \ufffd: U+5C71 山, U+7530 田, U+202E \\u{202e}\n`);
  }, 60_000);
});

describe('statement, HTML and Markdown', () => {
  it('writes one HTML file per partner of the CRM export, named by the rule, each with its partner id and tier', () => {
    const out = join(dir, 'crm');
    const { code, text, stderr } = run(['statement', crmExport, '--as-of', AS_OF, '--out', out, '--format', 'html']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const { ledgers } = readCsvLedgers(readFileSync(join(root, crmExport), 'utf8'), crmExport);
    expect(ledgers.length).toBeGreaterThan(50);
    const names = documentFileNames(
      ledgers.map((l) => String(l.ledger.partner.id)),
      'html',
    );
    expect(text).toBe(names.map((name) => `${join(out, name)}\n`).join(''));
    expect(readdirSync(out).sort()).toEqual([...names].sort());
    for (const [i, { ledger }] of ledgers.entries()) {
      const html = readFileSync(join(out, names[i] ?? ''), 'utf8');
      expect(html).toContain(String(ledger.partner.id));
      expect(html).toContain(tierLine(ledger));
    }
  }, 60_000);

  it('places the issues of an invalid CSV partner on its line, as evaluate does, and writes the others', () => {
    const lines = readFileSync(join(root, crmExport), 'utf8').split('\n');
    const rows = lines.slice(1).filter((line) => line.startsWith('p001,') || line.startsWith('p002,'));
    // A p002 row with an amount a CRM formatted: that partner is invalid, p001 is not.
    const broken = rows.map((line) => (line.startsWith('p002,') && line.includes(',revenue,') ? line.replace(/,(\d+)\.(\d\d),/, ',"1,$1.$2",') : line));
    expect(broken).not.toEqual(rows);
    const file = join(dir, 'two-partners.csv');
    writeFileSync(file, `${[lines[0], ...broken].join('\n')}\n`);
    const out = join(dir, 'two-out');
    const statement = run(['statement', file, '--as-of', AS_OF, '--out', out, '--format', 'markdown']);
    expect(statement.code).toBe(1);
    expect(statement.stderr).toBe(run(['evaluate', file, '--as-of', AS_OF, '--format', 'json']).stderr);
    expect(statement.stderr).toMatch(/two-partners\.csv:\d+: amount: .*\[invalid-amount\] \(partner p002, entries\[\d+\]\.amount\)/);
    expect(readdirSync(out)).toEqual(['p001.md']);
  });
});
