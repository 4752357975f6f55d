import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentFileNames, idHash, MAX_STEM_BYTES, mayWriteBinaryTo, renderDocument, safeFileName, writeDocument, writeFileAtomic } from '../../src/cli/documents';
import { describeProgram, exponentialProgram, partnerStatement, programOverview, renderHtml, renderMarkdown } from '../../src/index';
import { runCli } from './helpers';

const utf8 = new TextEncoder();
const DEVICES = ['CON', 'PRN', 'AUX', 'NUL', ...Array.from({ length: 10 }, (_, i) => `COM${i}`), ...Array.from({ length: 10 }, (_, i) => `LPT${i}`)];

describe('safeFileName', () => {
  it('replaces path separators, parent references, reserved and control characters', () => {
    expect(safeFileName('acme/../etc')).toBe('acme_.._etc');
    expect(safeFileName('..')).toBe('__');
    expect(safeFileName('.hidden')).toBe('_hidden');
    expect(safeFileName('a\\b<c>d:e"f|g?h*i')).toBe('a_b_c_d_e_f_g_h_i');
    expect(safeFileName('tab\there\u0000nul\u007f\u0085')).toBe('tab_here_nul__');
    expect(safeFileName('trailing. ')).toBe('trailing__');
    expect(safeFileName('')).toBe('_');
  });

  it('keeps ordinary ids and Unicode as they are (in NFC)', () => {
    expect(safeFileName('meridian')).toBe('meridian');
    expect(safeFileName('Łódź-Studio_2')).toBe('Łódź-Studio_2');
    expect(safeFileName('Mir\u0301')).toBe('Mir\u0301'.normalize('NFC'));
    expect(safeFileName('e\u0301')).toBe('é');
  });

  it('prefixes Windows device names, in any case and with any extension', () => {
    for (const name of [...DEVICES, 'con', 'Nul.txt', 'com1.tar.gz', 'LPT¹']) expect(safeFileName(name)).toBe(`_${name}`);
    expect(safeFileName('console')).toBe('console');
    expect(safeFileName('COM10')).toBe('COM10');
  });

  it('shortens long ids to at most MAX_STEM_BYTES bytes, tagged with the id hash', () => {
    const long = 'ж'.repeat(200);
    const stem = safeFileName(long);
    expect(utf8.encode(stem).length).toBeLessThanOrEqual(MAX_STEM_BYTES);
    expect(stem.endsWith(`~${idHash(long)}`)).toBe(true);
    expect(safeFileName('a'.repeat(MAX_STEM_BYTES))).toBe('a'.repeat(MAX_STEM_BYTES));
    expect(safeFileName('a'.repeat(MAX_STEM_BYTES + 1))).not.toBe(safeFileName(`${'a'.repeat(MAX_STEM_BYTES)}b`));
  });

  it('always gives a safe, short, non-empty name (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (id) => {
        const stem = safeFileName(id);
        return (
          stem.length > 0 &&
          !/[<>:"/\\|?*\u0000-\u001f\u007f-\u009f]/.test(stem) &&
          !/^[. ]|[. ]$/.test(stem) &&
          !/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i.test(stem) &&
          utf8.encode(stem).length <= MAX_STEM_BYTES
        );
      }),
    );
  });
});

describe('documentFileNames', () => {
  it('tells colliding names apart, case-insensitively, the first keeping its name', () => {
    const names = documentFileNames(['Acme', 'acme', 'a/b', 'a:b', 'x', 'x'], 'pdf');
    expect(names[0]).toBe('Acme.pdf');
    expect(names[1]).toBe(`acme~${idHash('acme')}.pdf`);
    expect(names[2]).toBe('a_b.pdf');
    expect(names[3]).toBe(`a_b~${idHash('a:b')}.pdf`);
    expect(names[4]).toBe('x.pdf');
    expect(names[5]).toBe(`x~${idHash('x')}.pdf`);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it('gives distinct names to any list of ids (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('a', 'A', 'a/', 'a:', 'CON', 'con')), { maxLength: 40 }), (ids) => {
        const names = documentFileNames(ids, 'markdown');
        return names.every((n) => n.endsWith('.md')) && new Set(names.map((n) => n.toLowerCase())).size === ids.length;
      }),
    );
  });
});

describe('writing documents', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cli-documents-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const doc = programOverview(exponentialProgram, { asOf: '2026-11-30' });

  it('writes Markdown and HTML atomically, leaving no temporary file', async () => {
    const md = join(dir, 'overview.md');
    await writeDocument(doc, { format: 'markdown', file: md });
    expect(readFileSync(md, 'utf8').startsWith(`# ${exponentialProgram.name}`)).toBe(true);
    const html = join(dir, 'overview.html');
    await writeDocument(doc, { format: 'html', file: html, paper: 'a4' });
    expect(readFileSync(html, 'utf8')).toContain('@page { size: A4; }');
    expect(readdirSync(dir).sort()).toEqual(['overview.html', 'overview.md']);
  });

  it('replaces an existing file whole', async () => {
    const file = join(dir, 'a.md');
    writeFileSync(file, 'old');
    await writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
  });

  it('leaves no file, not even a temporary one, when the write fails', async () => {
    const file = join(dir, 'missing-dir', 'a.md');
    await expect(writeFileAtomic(file, 'x')).rejects.toThrow();
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves no file when rendering fails', async () => {
    const file = join(dir, 'a.pdf');
    const failing = () => Promise.reject(new Error('render failed'));
    await expect(writeDocument(doc, { format: 'pdf', file, pdf: failing })).rejects.toThrow('render failed');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('passes paper and onWarning to the PDF renderer', async () => {
    const seen: unknown[] = [];
    const fake = async (_d: unknown, opts: unknown) => {
      seen.push(opts);
      return new Uint8Array([37, 80, 68, 70]);
    };
    const onWarning = () => undefined;
    const bytes = await renderDocument(doc, { format: 'pdf', paper: 'a4', onWarning, pdf: fake });
    expect(bytes).toEqual(new Uint8Array([37, 80, 68, 70]));
    expect(seen).toEqual([{ paper: 'a4', onWarning }]);
  });

  it('sends a PDF to stdout only when it is not a terminal', () => {
    expect(mayWriteBinaryTo({ isTTY: true })).toBe(false);
    expect(mayWriteBinaryTo({ isTTY: false })).toBe(true);
    expect(mayWriteBinaryTo({})).toBe(true);
  });
});

describe('the document commands (in-process)', () => {
  const silver = 'examples/ledgers/silver-agency.json';
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cli-document-commands-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a PDF to a terminal, before any work, and says how to get one', async () => {
    for (const argv of [
      ['describe', '--format', 'pdf'],
      ['statement', silver, '--as-of', '2026-11-30', '--format', 'pdf'],
    ]) {
      const { code, stdout, stderr } = await runCli(argv, { tty: true });
      expect(code, argv.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^error: a PDF is not written to a terminal: use --out (FILE|DIR)/);
    }
  });

  it('writes a statement as Markdown on a terminal, as PDF to a pipe and with --out, without --format', async () => {
    const onTerminal = await runCli(['statement', silver, '--as-of', '2026-11-30'], { tty: true });
    expect(onTerminal.code).toBe(0);
    expect(onTerminal.stdout.startsWith('# Partner statement: Meridian Digital Agency\n')).toBe(true);
    const piped = await runCli(['statement', silver, '--as-of', '2026-11-30']);
    expect(piped.code).toBe(0);
    expect(piped.stdoutBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const out = join(dir, 'out');
    const files = await runCli(['statement', silver, '--as-of', '2026-11-30', '--out', out], { tty: true });
    expect(files.code).toBe(0);
    expect(readdirSync(out)).toEqual(['meridian.pdf']);
    expect(readFileSync(join(out, 'meridian.pdf')).equals(piped.stdoutBytes)).toBe(true);
  }, 60_000);

  it('takes describe --out FILE\'s format from its extension, unless --format says', async () => {
    const md = join(dir, 'program.md');
    expect((await runCli(['describe', '--out', md])).stdout).toBe(`${md}\n`);
    expect(readFileSync(md, 'utf8')).toBe(describeProgram(exponentialProgram));
    const html = join(dir, 'overview.html');
    expect((await runCli(['describe', '--out', html, '--as-of', '2026-11-30'])).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toBe(renderHtml(programOverview(exponentialProgram, { asOf: '2026-11-30' })));
    const forced = join(dir, 'overview.html.txt');
    expect((await runCli(['describe', '--out', forced, '--format', 'json'])).code).toBe(0);
    expect(JSON.parse(readFileSync(forced, 'utf8'))).toMatchObject({ id: exponentialProgram.id });
    expect(readdirSync(dir).sort()).toEqual(['overview.html', 'overview.html.txt', 'program.md']);
  });

  it('dates the overview --as-of, else today (UTC), and a named version on its first day', async () => {
    const today = await runCli(['describe', '--format', 'html'], { now: '2026-12-01T23:30:00-05:00' });
    expect(today.stdout).toBe(renderHtml(programOverview(exponentialProgram, { asOf: '2026-12-02' })));
    expect(today.stderr).toBe('');
    const terminal = await runCli(['describe', '--format', 'html'], { stderrTty: true, now: '2026-12-01T23:30:00-05:00' });
    expect(terminal.stdout).toBe(today.stdout);
    expect(terminal.stderr).toBe('overview as of 2026-12-02 (today, UTC; --as-of to change)\n');
    const first = exponentialProgram.versions[0];
    const named = await runCli(['describe', '--format', 'html', '--version-name', first.version]);
    expect(named.stdout).toBe(renderHtml(programOverview(exponentialProgram, { asOf: first.effectiveFrom })));
  });

  it.each([
    [['describe', '--paper', 'a4'], /--paper sets the page size of pdf and html, not of markdown/],
    [['describe', '--format', 'json', '--paper', 'letter'], /not of json/],
    [['statement', silver, '--as-of', '2026-11-30', '--format', 'markdown', '--paper', 'a4'], /not of markdown/],
    [['statement', silver, 'examples/ledgers/gold-scale.json', '--as-of', '2026-11-30', '--format', 'markdown'], /^error: 2 ledgers: --out DIR writes one statement per partner/],
    [['statement', 'examples/ledgers', '--as-of', '2026-11-30', '--format', 'html'], /^error: 5 ledgers: --out DIR/],
    [['statement', silver, '--as-of', '2026-02-30', '--format', 'markdown'], /^error: --as-of: /],
    [['statement', silver, '--as-of', '2026-11-30', '--out', 'package.json'], /^error: --out: package\.json is a file/],
    [['statement', silver, '--as-of', '2026-11-30', '--paper', 'legal'], /argument 'legal' is invalid/],
    [['describe', '--out', 'docs'], /^error: --out: docs is a directory/],
    [['describe', '--as-of', '2026-11-30', '--version-name', '2014.1', '--format', 'pdf'], /^error: --version-name: give "asOf" or "version", not both/],
  ])('%j is a usage error', async (argv, message) => {
    const { code, stdout, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('dates a statement today (UTC) without --as-of, and says so on a terminal', async () => {
    const ledger = JSON.parse(readFileSync(silver, 'utf8')) as unknown;
    const piped = await runCli(['statement', silver, '--format', 'markdown'], { now: '2026-12-01T23:30:00-05:00' });
    expect(piped.stdout).toBe(renderMarkdown(partnerStatement(ledger, { asOf: '2026-12-02' })));
    expect(piped.stderr).toBe('');
    const terminal = await runCli(['statement', silver], { tty: true, now: '2026-12-01T23:30:00-05:00' });
    expect(terminal.stdout).toBe(piped.stdout);
    expect(terminal.stderr).toBe('statement as of 2026-12-02 (today, UTC; --as-of to change)\n');
  });

  it('writes no file for an invalid ledger, and exits 1 with its issues', async () => {
    const out = join(dir, 'out');
    const { code, stdout, stderr } = await runCli(['statement', silver, 'examples/ledgers/invalid/broken.json', '--as-of', '2026-11-30', '--format', 'markdown', '--out', out]);
    expect(code).toBe(1);
    expect(stdout).toBe(`${join(out, 'meridian.md')}\n`);
    expect(stderr).toMatch(/^6 issues in 1 input:\n {2}examples\/ledgers\/invalid\/broken\.json: entries\[1\]\.note: /);
    expect(readdirSync(out)).toEqual(['meridian.md']);
    expect(readFileSync(join(out, 'meridian.md'), 'utf8')).toBe(renderMarkdown(partnerStatement(JSON.parse(readFileSync(silver, 'utf8')), { asOf: '2026-11-30' })));
  });

  it('lists a file that cannot be written as an unwritable issue (exit 1), leaving no temporary file', async () => {
    const out = join(dir, 'out');
    // A directory where meridian.md should go: the rename onto it fails.
    mkdirSync(join(out, 'meridian.md'), { recursive: true });
    const { code, stdout, stderr } = await runCli(['statement', silver, 'examples/ledgers/gold-scale.json', '--as-of', '2026-11-30', '--format', 'markdown', '--out', out]);
    expect(code).toBe(1);
    expect(stdout).toBe(`${join(out, 'atlas-scale.md')}\n`);
    expect(stderr).toMatch(new RegExp(`^1 issue in 1 input:\\n {2}examples/ledgers/silver-agency\\.json: \\(root\\): cannot write ${join(out, 'meridian.md').replace(/[.]/g, '\\.')} \\(E[A-Z]+\\) \\[unwritable\\]\\n$`));
    expect(readdirSync(out).sort()).toEqual(['atlas-scale.md', 'meridian.md']);
    expect(readdirSync(join(out, 'meridian.md'))).toEqual([]);
    const file = join(dir, 'package.json', 'overview.html');
    writeFileSync(join(dir, 'package.json'), '{}');
    const describe = await runCli(['describe', '--out', file]);
    expect(describe.code).toBe(1);
    expect(describe.stderr).toMatch(/\(root\): cannot write the file \(ENOTDIR\) \[unwritable\]/);
  });

  it('writes nothing, not even the directory, when every ledger is invalid', async () => {
    const out = join(dir, 'never');
    const { code, stdout } = await runCli(['statement', 'examples/ledgers/invalid/broken.json', '--as-of', '2026-11-30', '--out', out]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });
});
