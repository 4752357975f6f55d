// renderPdf (the built ./pdf entry) checks its input as renderMarkdown and renderHtml do: the same
// structural check of the model and its options read once, one ValidationError — the core's own
// class, never a bundled copy — at the first path that does not fit (review finding 6, #12).
// No poppler needed: only the bytes' header is read.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { partnerStatement, programOverview, exponentialProgram, type DocumentModel, type LedgerIssue } from '../../src/index';
import { hostileDocuments } from './hostile';
import { root } from './helpers';

type PdfEntry = typeof import('../../src/pdf/index');

describe('renderPdf input', () => {
  let pdf: PdfEntry;
  let core: { ValidationError: new (...args: never[]) => Error };
  const overview = programOverview(exponentialProgram, { asOf: '2026-11-30' });

  beforeAll(async () => {
    const entry = join(root, 'dist', 'pdf', 'index.js');
    if (!existsSync(entry)) throw new Error('dist/pdf/index.js is missing: run npm run build');
    pdf = (await import(entry)) as PdfEntry;
    core = (await import(join(root, 'dist', 'index.js'))) as typeof core;
  });

  /** The issues of the rejection, which must be the core's ValidationError. */
  async function rejected(run: () => Promise<unknown>): Promise<string[]> {
    const error = await run().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(core.ValidationError);
    return ((error as { issues: LedgerIssue[] }).issues ?? []).map((i) => `${i.path} ${i.code}`);
  }

  it('refuses every value that is not a document model, at the same path as renderMarkdown', async () => {
    for (const { name, doc, path } of hostileDocuments(overview)) {
      const issues = await rejected(() => pdf.renderPdf(doc() as DocumentModel));
      expect(issues, name).toHaveLength(1);
      expect(issues[0]?.split(' ')[0], name).toBe(path);
    }
  });

  it('reads its options once and checks them', async () => {
    const throwing = Object.defineProperty({}, 'paper', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(await rejected(() => pdf.renderPdf(overview, null as never))).toEqual([' invalid-type']);
    expect(await rejected(() => pdf.renderPdf(overview, { paper: 10n } as never))).toEqual(['paper invalid-value']);
    expect(await rejected(() => pdf.renderPdf(overview, { paper: 'legal' } as never))).toEqual(['paper invalid-value']);
    expect(await rejected(() => pdf.renderPdf(overview, { onWarning: 'stderr' } as never))).toEqual(['onWarning invalid-type']);
    expect(await rejected(() => pdf.renderPdf(overview, { paper: 'a4', margin: 0 } as never))).toEqual(['margin unknown-field']);
    expect(await rejected(() => pdf.renderPdf(overview, throwing as never))).toEqual(['paper unreadable-value']);
    expect(await rejected(() => pdf.renderPdf({} as never, { paper: 'legal' } as never))).toEqual(['doc.kind missing-field', 'paper invalid-value']);
  });

  it('renders a statement on the last day of the calendar, and a model that went through JSON', async () => {
    const late = { partner: { id: 'late', joinedOn: '9990-01-01' }, entries: [{ id: 'a1', type: 'activity', date: '9998-12-15', activity: 'event-attendance' }] };
    const doc = partnerStatement(late, { asOf: '9999-12-31' });
    const bytes = await pdf.renderPdf(JSON.parse(JSON.stringify(doc)) as DocumentModel, { paper: 'a4', onWarning: undefined } as never);
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe('%PDF-1.7');
    expect(Buffer.from(bytes).equals(Buffer.from(await pdf.renderPdf(doc, { paper: 'a4' })))).toBe(true);
  });
});
