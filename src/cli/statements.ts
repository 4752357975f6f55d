/**
 * One unit of `statement` work — read a ledger, build its statement, render
 * it and write it atomically — the same in the main thread and in a worker
 * thread (`worker.ts`), where the PDF renderer is loaded once per thread.
 * Results are plain data, so they cross threads by structured clone.
 */
import { partnerStatement, ValidationError, type DocumentModel, type WindowKind } from '../index';
import type { PdfPaper } from '../pdf/index';
import { loadPdfRenderer, renderDocument, writeFileAtomic, type DocumentFormat, type PdfRenderer } from './documents';
import { failureReason, type CliIssue } from './issues';
import { loadJob, programOf, type Job, type PartnerRef } from './jobs';

/** What every statement of a run shares; `program` is a program definition (JSON, checked before any job runs). */
export type StatementOptions = {
  readonly asOf: string;
  readonly window?: WindowKind;
  readonly program?: unknown;
  readonly format: DocumentFormat;
  readonly paper?: PdfPaper;
};

/** A job's ledgers with the file each is written to, in order (`null`: not written, the ledger is invalid). */
export type StatementJob = { readonly job: Job; readonly files: readonly (string | null)[] };

/** A statement written, with the PDF fallback's warnings, or the issues that stopped it (no file then). */
export type StatementOutcome =
  | { readonly ok: true; readonly source: string; readonly partner: PartnerRef; readonly file: string; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly source: string; readonly partner?: string; readonly issues: readonly CliIssue[] };

/** A chunk of statement jobs, as one worker task. */
export type StatementTask = { readonly jobs: readonly StatementJob[]; readonly options: StatementOptions };

/** The statement of one ledger value, or its issues (a ledger the first pass found valid may have changed since). */
export function statementOf(value: unknown, source: string, options: StatementOptions): { ok: true; doc: DocumentModel } | { ok: false; issues: CliIssue[] } {
  const program = programOf(options);
  try {
    return {
      ok: true,
      doc: partnerStatement(value, {
        asOf: options.asOf,
        ...(options.window === undefined ? {} : { window: options.window }),
        ...(program === undefined ? {} : { program }),
      }),
    };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { ok: false, issues: error.issues.map((i) => ({ source, path: i.path, code: i.code, message: i.message })) };
  }
}

// The PDF renderer of this thread: imported (and its font decoded) once, on the first PDF.
let renderer: Promise<PdfRenderer> | undefined;

/** Renders a statement in the run's format: PDF bytes, or HTML/Markdown text; PDF fallback warnings go to `onWarning`. */
export async function renderStatement(
  doc: DocumentModel,
  options: StatementOptions,
  onWarning: (message: string) => void,
  loadPdf: () => Promise<PdfRenderer> = loadPdfRenderer,
): Promise<Uint8Array | string> {
  let pdf: PdfRenderer | undefined;
  if (options.format === 'pdf') {
    renderer ??= loadPdf();
    pdf = await renderer;
  }
  return renderDocument(doc, {
    format: options.format,
    ...(options.paper === undefined ? {} : { paper: options.paper }),
    onWarning: (warning) => onWarning(warning.message),
    ...(pdf === undefined ? {} : { pdf }),
  });
}

/** Writes the statements of one job: one outcome per file it names. */
export async function writeStatements({ job, files }: StatementJob, options: StatementOptions, loadPdf?: () => Promise<PdfRenderer>): Promise<StatementOutcome[]> {
  const loaded = loadJob(job);
  if (!loaded.ok) return files.some((file) => file !== null) ? [{ ok: false, source: job.source, issues: [loaded.issue] }] : [];
  const outcomes: StatementOutcome[] = [];
  for (const [index, { source, value }] of loaded.values.entries()) {
    const file = files[index] ?? null;
    if (file === null) continue;
    const made = statementOf(value, source, options);
    if (!made.ok) {
      outcomes.push({ ok: false, source, issues: made.issues });
      continue;
    }
    const partner = made.doc.metadata.partner ?? { id: '' };
    const warnings: string[] = [];
    const data = await renderStatement(made.doc, options, (message) => warnings.push(message), loadPdf);
    try {
      await writeFileAtomic(file, data);
    } catch (error) {
      outcomes.push({ ok: false, source, partner: partner.id, issues: [{ source, partner: partner.id, path: '', code: 'unwritable', message: `cannot write ${file} (${failureReason(error)})` }] });
      continue;
    }
    outcomes.push({ ok: true, source, partner, file, warnings });
  }
  return outcomes;
}

/** Runs a worker task: the outcomes of each job, in order. */
export async function runStatementTask({ jobs, options }: StatementTask): Promise<StatementOutcome[][]> {
  const out: StatementOutcome[][] = [];
  for (const job of jobs) out.push(await writeStatements(job, options));
  return out;
}
