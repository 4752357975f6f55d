// The PDFs read back with poppler-utils (pdfinfo, pdftotext, pdffonts). In CI
// (CI set) a missing poppler-utils fails this file; elsewhere it skips, saying why.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, exponentialProgram, partnerStatement, programOverview, ValidationError, type DocumentModel } from '../../src/index';
import { ensureBuilt } from '../cli/helpers';
import { requireTool } from '../integration/tools';
import { longLedger, renamed, root, sampleLedgers } from './helpers';

type PdfEntry = typeof import('../../src/pdf/index');

const asOf = '2026-11-30';
const version = exponentialProgram.versions[0];
const count = (n: number) => n.toLocaleString('en-US');

function hasPoppler(): boolean {
  try {
    for (const tool of ['pdftotext', 'pdffonts', 'pdfinfo']) execFileSync(tool, ['-v'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

// Missing poppler-utils: skipped, with the reason, on a developer's machine; a failure in CI (CI set).
const poppler = requireTool('poppler-utils (pdfinfo, pdftotext, pdffonts)', hasPoppler(), 'apt-get install -y poppler-utils (as .ci/run must)');

describe.skipIf(poppler.skip)(`PDF documents (poppler-utils)${poppler.reason}`, () => {
  let pdf: PdfEntry;
  let core: { ValidationError: typeof ValidationError };
  let dir: string;

  beforeAll(async () => {
    ensureBuilt();
    const entry = join(root, 'dist', 'pdf', 'index.js');
    if (!existsSync(entry)) throw new Error('dist/pdf/index.js is missing: run npm run build');
    pdf = (await import(entry)) as PdfEntry;
    core = (await import(join(root, 'dist', 'index.js'))) as typeof core;
    dir = mkdtempSync(join(tmpdir(), 'documents-pdf-'));
  }, 180_000);

  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  let n = 0;
  async function write(doc: DocumentModel, opts: Parameters<PdfEntry['renderPdf']>[1] = {}): Promise<{ file: string; bytes: Uint8Array }> {
    const bytes = await pdf.renderPdf(doc, opts);
    const file = join(dir, `doc-${++n}.pdf`);
    writeFileSync(file, bytes);
    return { file, bytes };
  }
  const text = (file: string, ...args: string[]) => execFileSync('pdftotext', ['-layout', ...args, file, '-'], { encoding: 'utf8' });
  // pdfinfo shows dates in the host zone: read them in UTC, as the PDF stores them.
  const info = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  const fonts = (file: string) => execFileSync('pdffonts', [file], { encoding: 'utf8' });

  it('is one bundle for Node and browsers: no Node built-in, no file read, the core imported, not copied', () => {
    for (const file of ['index.js', 'index.cjs']) {
      const code = readFileSync(join(root, 'dist', 'pdf', file), 'utf8');
      expect(code).not.toMatch(/\brequire\(["'](node:)?(fs|path|zlib|stream|crypto|module)["']\)|from\s*["'](node:)?(fs|path|zlib|stream|crypto|module)["']/);
      expect(code).toContain(file === 'index.js' ? '"../index.js"' : '"../index.cjs"');
      expect(code).not.toContain('import.meta');
    }
  });

  it('the CommonJS build loads and gives the bytes of the ES module', async () => {
    const cjs = createRequire(import.meta.url)(join(root, 'dist', 'pdf', 'index.cjs')) as PdfEntry;
    const doc = programOverview(exponentialProgram, { asOf });
    expect(Buffer.from(await cjs.renderPdf(doc)).equals(Buffer.from(await pdf.renderPdf(doc)))).toBe(true);
  });

  it('the overview has every tier and every activity, each with its points', async () => {
    const { file } = await write(programOverview(exponentialProgram, { asOf }));
    const lines = text(file).split('\n');
    for (const tier of version.tiers) {
      const points = tier.requirements.find((r) => r.type === 'points')?.min ?? 0;
      expect(lines.some((l) => new RegExp(`^\\s*${tier.name}\\s+${count(points)}\\s`).test(l)), tier.id).toBe(true);
    }
    for (const activity of version.activities) {
      // A row's first line holds the start of every cell: the points and the (unbreakable) id.
      expect(lines.some((l) => l.includes(` ${count(activity.points)}`) && new RegExp(`\\s${activity.id}\\s+${activity.rule}\\b`).test(l)), activity.id).toBe(true);
    }
    const all = text(file);
    expect(all).toContain(`version ${version.version}`);
    expect(all).toContain(version.effectiveFrom);
    expect(all).toMatch(/Page 1 of \d+/);
  });

  it('the statement has the partner, the tier, the points total and every entry id', async () => {
    for (const { ledger } of sampleLedgers()) {
      const e = evaluate(ledger, { asOf });
      const { file } = await write(partnerStatement(ledger, { asOf }));
      const all = text(file);
      expect(all).toContain(ledger.partner.id);
      if (ledger.partner.name !== undefined) expect(all).toContain(ledger.partner.name);
      expect(all).toContain(`Tier on ${asOf}: ${e.tierName ?? 'no tier'} (R9)`);
      expect(all).toMatch(new RegExp(`Total\\s+${count(e.points.total)}\\s+R7`));
      for (const entry of ledger.entries) expect(all).toMatch(new RegExp(`(^|\\s)${entry.id}\\s`, 'm'));
    }
  });

  it('embeds every font (no standard 14) and sets the metadata', async () => {
    const doc = partnerStatement(renamed('Łódź Studio'), { asOf });
    const { file } = await write(doc);
    const rows = fonts(file).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const columns = row.split(/\s+/);
      // name type… encoding emb sub uni object ID: emb is the fifth column from the end.
      expect(columns.at(-5), row).toBe('yes');
      expect(row).toContain('DejaVuSansCondensed');
    }
    const meta = info(file);
    expect(meta).toMatch(/^Title:\s+Partner statement: Łódź Studio, 2026-11-30$/m);
    expect(meta).toMatch(/^Subject:\s+Where partner meridian stands/m);
    expect(meta).toMatch(/^CreationDate:\s+.*Nov 30 00:00:00 2026/m);
  });

  it('gives the same bytes for the same input', async () => {
    const doc = () => partnerStatement(renamed('Мир'), { asOf });
    const a = await pdf.renderPdf(doc(), { paper: 'a4' });
    const b = await pdf.renderPdf(doc(), { paper: 'a4' });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const other = await pdf.renderPdf(partnerStatement(renamed('Мир'), { asOf: '2026-11-29' }), { paper: 'a4' });
    expect(Buffer.from(a).equals(Buffer.from(other))).toBe(false);
  });

  it('prints US Letter by default and A4 when asked', async () => {
    const doc = programOverview(exponentialProgram, { asOf });
    expect(info((await write(doc)).file)).toMatch(/^Page size:\s+612 x 792 pts \(letter\)/m);
    expect(info((await write(doc, { paper: 'a4' })).file)).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)/m);
    // The entry throws the core's own ValidationError (imported from the main entry, never a copy).
    await expect(pdf.renderPdf(doc, { paper: 'legal' as never })).rejects.toThrow(core.ValidationError);
  });

  it('shows Latin Extended, Greek and Cyrillic as they are, with no warning', async () => {
    const warnings: unknown[] = [];
    const { file } = await write(partnerStatement(renamed('Łódź Studio · Мир · Ελλάς · 5 €'), { asOf }), { onWarning: (w) => warnings.push(w) });
    expect(text(file)).toContain('Łódź Studio · Мир · Ελλάς · 5 €');
    expect(warnings).toEqual([]);
  });

  it('replaces CJK and right-to-left text by U+FFFD, with one warning', async () => {
    const warnings: { code: string; characters: readonly string[]; message: string }[] = [];
    const { file } = await write(partnerStatement(renamed('山田 Studio שלום'), { asOf }), { onWarning: (w) => warnings.push(w) });
    expect(text(file)).toContain(`${pdf.PDF_FALLBACK_CHARACTER.repeat(2)} Studio ${pdf.PDF_FALLBACK_CHARACTER.repeat(4)}`);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.code).toBe('unsupported-characters');
    expect(warnings[0]?.characters).toEqual(['山', '田', 'ש', 'ל', 'ו', 'ם']);
    expect(warnings[0]?.message).toContain('U+5C71 山');
  });

  it('breaks a long entries table across pages, repeating its header row', async () => {
    const ledger = longLedger(400);
    const { file } = await write(partnerStatement(ledger, { asOf }));
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info(file))?.[1]);
    expect(pages).toBeGreaterThan(4);
    const header = /Entry\s+Date\s+Type\s+Detail\s+Outcome\s+Points\s+Rule\s+Reason/;
    // The table runs to the last page; every page it spans after its first starts with the header.
    let spanned = 0;
    for (let page = 1; page <= pages; page++) {
      const pageText = text(file, '-f', String(page), '-l', String(page));
      if (/^\s*e\d{5}\s+\d{4}-\d{2}-\d{2}\s+(activity|time|revenue)\s/m.test(pageText)) {
        spanned++;
        expect(pageText, `page ${page}`).toMatch(header);
      }
    }
    expect(spanned).toBeGreaterThan(2);
    const all = text(file);
    for (const entry of ledger.entries) expect(all).toContain(String(entry['id']));
  });
});
