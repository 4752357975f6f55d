/**
 * One unit of batch work — read a ledger, parse it, evaluate it — the same in
 * the main thread and in a worker thread (`worker.ts`). Results are plain
 * data, so they cross threads by structured clone.
 */
import { readFileSync } from 'node:fs';
import { defineProgram, evaluate, parseLedger, type Evaluation, type Program, type WindowKind } from '../index';
import { unreadableIssue, type CliIssue } from './issues';

/** A ledger to process: a JSON file (read where it is processed), JSON text, or a ledger value (from CSV). */
export type Job =
  | { readonly kind: 'json-file'; readonly source: string; readonly path: string }
  | { readonly kind: 'json-text'; readonly source: string; readonly text: string }
  | { readonly kind: 'ledger'; readonly source: string; readonly value: unknown };

/** What to do with each ledger; `program` is a program definition (JSON, checked by `defineProgram` before any job runs). */
export type JobOptions = {
  readonly mode: 'evaluate' | 'validate';
  readonly asOf: string;
  readonly window?: WindowKind;
  readonly program?: unknown;
  /** Drop the per-entry outcomes (tables, Markdown and CSV show none): less to copy back from worker threads. */
  readonly summary?: boolean;
};

// Each thread defines a custom program once: jobs carry its definition (plain JSON crosses threads).
let programCache: { definition: unknown; program: Program } | undefined;
/** The program a job runs under: its definition defined once per thread. */
export function programOf(options: { readonly program?: unknown }): Program | undefined {
  if (options.program === undefined) return undefined;
  if (programCache?.definition !== options.program) programCache = { definition: options.program, program: defineProgram(options.program) };
  return programCache.program;
}

/** The partner a result is about. */
export type PartnerRef = { readonly id: string; readonly name?: string };

/** The result for one ledger: evaluated (or, in `validate` mode, just valid), or its issues. */
export type LedgerOutcome =
  | { readonly ok: true; readonly source: string; readonly partner: PartnerRef; readonly entries: number; readonly evaluation?: Evaluation }
  | { readonly ok: false; readonly source: string; readonly partner?: string; readonly issues: readonly CliIssue[] };

/** The 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** JSON.parse, or an `invalid-json` issue with the line where it failed. */
export function parseJsonText(text: string, source: string): { ok: true; value: unknown } | { ok: false; issue: CliIssue } {
  try {
    return { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message)?.[1];
    const where = position === undefined ? {} : { line: lineAndColumn(text, Number(position)).line };
    return { ok: false, issue: { source, ...where, path: '', code: 'invalid-json', message } };
  }
}

function partnerOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const partner = (value as { partner?: unknown }).partner;
  const id = typeof partner === 'object' && partner !== null ? (partner as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** Parses and (in evaluate mode) evaluates one ledger value. */
export function processLedger(value: unknown, source: string, options: JobOptions): LedgerOutcome {
  const program = programOf(options);
  const parsed = parseLedger(value, program === undefined ? {} : { program });
  if (!parsed.ok) {
    const partner = partnerOf(value);
    return {
      ok: false,
      source,
      ...(partner === undefined ? {} : { partner }),
      issues: parsed.issues.map((i) => ({ source, ...(partner === undefined ? {} : { partner }), path: i.path, code: i.code, message: i.message })),
    };
  }
  const { ledger } = parsed;
  const partner: PartnerRef = ledger.partner.name === undefined ? { id: ledger.partner.id } : { id: ledger.partner.id, name: ledger.partner.name };
  if (options.mode === 'validate') return { ok: true, source, partner, entries: ledger.entries.length };
  const evaluation = evaluate(ledger, {
    asOf: options.asOf,
    ...(options.window === undefined ? {} : { window: options.window }),
    ...(program === undefined ? {} : { program }),
  });
  return { ok: true, source, partner, entries: ledger.entries.length, evaluation: options.summary === true ? { ...evaluation, entries: [] } : evaluation };
}

/** The ledger values of a job (a JSON array gives several), or the issue that stops it being read. */
export function loadJob(job: Job): { ok: true; values: { source: string; value: unknown }[] } | { ok: false; issue: CliIssue } {
  if (job.kind === 'ledger') return { ok: true, values: [{ source: job.source, value: job.value }] };
  let text: string;
  if (job.kind === 'json-text') text = job.text;
  else {
    try {
      text = readFileSync(job.path, 'utf8');
    } catch (error) {
      return { ok: false, issue: unreadableIssue(job.source, 'the file', error) };
    }
  }
  const json = parseJsonText(text, job.source);
  if (!json.ok) return json;
  if (!Array.isArray(json.value)) return { ok: true, values: [{ source: job.source, value: json.value }] };
  if (json.value.length === 0) return { ok: false, issue: { source: job.source, path: '', code: 'no-ledgers', message: 'the array holds no ledger' } };
  return { ok: true, values: json.value.map((value: unknown, i) => ({ source: `${job.source}[${i}]`, value })) };
}

/** Runs one job. */
export function runJob(job: Job, options: JobOptions): LedgerOutcome[] {
  const loaded = loadJob(job);
  if (!loaded.ok) return [{ ok: false, source: job.source, issues: [loaded.issue] }];
  return loaded.values.map(({ source, value }) => processLedger(value, source, options));
}

/** A batch of jobs, as one worker task. */
export type JobBatch = { readonly jobs: readonly Job[]; readonly options: JobOptions };

/** Runs a batch: one list of outcomes per job. */
export function runBatch({ jobs, options }: JobBatch): LedgerOutcome[][] {
  return jobs.map((job) => runJob(job, options));
}
