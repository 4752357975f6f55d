/**
 * The dashboard's model, without any DOM: reading inputs (JSON, CSV, program
 * definitions), the dates the page reviews, the analysis of a ledger for a
 * date, and what the browser keeps across reloads. Everything the page shows
 * comes from the library's public API (`@exponential/partner-program` and its
 * `/csv` entry); the page adds no rule of its own.
 */
import {
  defineProgram,
  evaluate,
  exponentialProgram,
  planUpgrade,
  reviewTimeline,
  ValidationError,
  type Evaluation,
  type Ledger,
  type LedgerIssue,
  type Program,
  type ProgramVersion,
  type Review,
  type UpgradePlan,
} from '@exponential/partner-program';
import type { CsvLedger } from '@exponential/partner-program/csv';

/** The CSV chunk's file beside the page (build.mjs). */
declare const CSV_CHUNK: string;

/** The CSV reader (examples/dashboard/csv.ts), loaded by the first CSV opened. */
type CsvReader = typeof import('./csv');
let csvReader: CsvReader | undefined;

/** Loads the CSV chunk once. */
async function loadCsvReader(): Promise<CsvReader> {
  csvReader ??= (await import(CSV_CHUNK)) as CsvReader;
  return csvReader;
}

/** Ledger JSON as the page holds it: plain data, the entries an array it appends to. */
export type LedgerJson = { partner?: unknown; entries?: unknown[]; meta?: unknown; [key: string]: unknown };

/** An issue for the page: where it is in words (and, for CSV, its line), and what. */
export type ShownIssue = { readonly path: string; readonly code: string; readonly message: string; readonly line?: number; readonly column?: string };

// ---- dates (the page may read the clock; the library never does) ----

const day = (date: Date) => date.toISOString().slice(0, 10);
const utc = (date: string) => new Date(`${date}T00:00:00Z`);

/** Today in UTC, the review date's default. */
export const today = (): string => day(new Date());

/** The last day of `date`'s month, `offset` months on. */
export function monthEndOf(date: string, offset = 0): string {
  const d = utc(date);
  return day(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset + 1, 0)));
}

/** True for a real `YYYY-MM-DD` date. */
export const isDate = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(utc(value).getTime()) && day(utc(value)) === value;

/**
 * The reviews the timeline shows: the last 12 month-ends on or before the
 * review date, then 6 month-ends of forecast after it.
 */
export function timelineRange(asOf: string): { from: string; to: string; lastReview: string } {
  const lastReview = monthEndOf(asOf) === asOf ? asOf : monthEndOf(asOf, -1);
  const from = `${monthEndOf(lastReview, -11).slice(0, 8)}01`;
  return { from, to: monthEndOf(lastReview, 6), lastReview };
}

// ---- programs ----

/** The version of `program` in effect on `date` (the first one before any takes effect). */
export function versionOn(program: Program, date: string): ProgramVersion {
  let chosen = program.versions[0];
  for (const version of program.versions) if (version.effectiveFrom <= date) chosen = version;
  return chosen;
}

/** Reads a program definition: `defineProgram` checks it; its issues come back, never a throw. */
export function readProgram(text: string): { ok: true; program: Program; definition: unknown } | { ok: false; issues: ShownIssue[] } {
  let definition: unknown;
  try {
    definition = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [{ path: '', code: 'invalid-json', message: `not JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  try {
    return { ok: true, program: defineProgram(definition), definition };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, issues: [...error.issues] };
    throw error;
  }
}

// ---- ledgers ----

/** What an opened text holds: one JSON ledger, or the partners of a CSV file. */
export type Opened =
  | { readonly kind: 'json'; readonly ledger: LedgerJson }
  | { readonly kind: 'csv'; readonly partners: readonly CsvLedger[]; readonly issues: ShownIssue[] }
  | { readonly kind: 'error'; readonly issues: ShownIssue[] };

/** True when a text is CSV rather than JSON: by its name, else by its first character. */
export function looksLikeCsv(text: string, name: string): boolean {
  if (/\.csv$/i.test(name)) return true;
  if (/\.json$/i.test(name)) return false;
  return !/^\s*[[{]/.test(text.replace(/^\uFEFF/, ''));
}

/** Reads a ledger text (JSON, or the CSV format of docs/csv.md: the CSV chunk is loaded for it). */
export async function openText(text: string, name: string): Promise<Opened> {
  if (looksLikeCsv(text, name)) {
    const { ledgers, issues } = (await loadCsvReader()).readCsvLedgers(text, name);
    if (ledgers.length === 0) return { kind: 'error', issues };
    return { kind: 'csv', partners: ledgers, issues };
  }
  try {
    const json = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      return { kind: 'error', issues: [{ path: '', code: 'invalid-type', message: 'a ledger is a JSON object { "partner": …, "entries": [ … ] }' }] };
    }
    return { kind: 'json', ledger: json as LedgerJson };
  } catch (error) {
    return { kind: 'error', issues: [{ path: '', code: 'invalid-json', message: `not JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
}

/** The library's issues of a CSV partner's ledger, each placed back on its CSV line and column. */
export function placeCsvIssues(csv: CsvLedger | undefined, issues: readonly LedgerIssue[], source: string): ShownIssue[] {
  // A CSV partner exists only once the CSV chunk has read it.
  if (csv === undefined || csvReader === undefined) return [...issues];
  const { locateCsvIssue } = csvReader;
  return issues.map((issue) => locateCsvIssue(csv, issue, source, String(csv.ledger.partner.id)));
}

/** Everything the page shows for a ledger on a date, computed in one go. */
export type Analysis =
  | { readonly ok: false; readonly issues: readonly LedgerIssue[] }
  | {
      readonly ok: true;
      readonly ledger: Ledger;
      readonly evaluation: Evaluation;
      readonly reviews: readonly Review[];
      readonly lastReview: string;
      /** "What keeps this tier": `planUpgrade` with target = the tier held, when something leaves or expires before `by`. */
      readonly keep: UpgradePlan | null;
    };

/**
 * Reviews a parsed ledger for a date: `evaluate`, the timeline of the last 12
 * month-ends and 6 of forecast, and what keeps the tier held.
 * @param ledger - A ledger `parseLedger` returned (so it is not checked again).
 * @param program - The program in use.
 * @param asOf - The review date.
 */
export function analyze(ledger: Ledger, program: Program, asOf: string): Analysis {
  try {
    const evaluation = evaluate(ledger, { asOf, program });
    const { from, to, lastReview } = timelineRange(evaluation.asOf);
    const reviews = reviewTimeline(ledger, { from, to, program });
    const held = evaluation.tier === null ? null : planUpgrade(ledger, { asOf: evaluation.asOf, target: evaluation.tier, program });
    const keep = held !== null && held.expiring.length > 0 ? held : null;
    return { ok: true, ledger, evaluation, reviews, lastReview, keep };
  } catch (error) {
    // Only the date can still be wrong here (e.g. a year beyond the calendar).
    if (error instanceof ValidationError) return { ok: false, issues: error.issues };
    throw error;
  }
}

/** The planning question: `planUpgrade` for a target tier and date; issues instead of a throw. */
export function planFor(ledger: Ledger, program: Program, asOf: string, target: string, by: string): { ok: true; plan: UpgradePlan } | { ok: false; issues: readonly LedgerIssue[] } {
  try {
    return { ok: true, plan: planUpgrade(ledger, { asOf, program, ...(target === '' ? {} : { target }), ...(by === '' ? {} : { by }) }) };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, issues: error.issues };
    throw error;
  }
}

/** True for an entry the planner added (`meta.planned`). */
export const isPlanned = (entry: unknown): boolean => (entry as { meta?: { planned?: unknown } } | null)?.meta?.planned === true;

/** A fresh entry id: `prefix-1`, `prefix-2`, … not used by the ledger. */
export function freshId(entries: readonly unknown[], prefix: string): string {
  const used = new Set(entries.map((e) => (e as { id?: unknown } | null)?.id));
  let n = 1;
  while (used.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

// ---- what the browser keeps ----

const STORE_KEY = 'partner-dashboard:v1';

/** What survives a reload: the ledger, where it came from, the CSV it was picked from, the program. */
export type Kept = {
  readonly ledger: LedgerJson | null;
  readonly source: string;
  readonly csv: { readonly name: string; readonly text: string; readonly partner: number } | null;
  readonly program: unknown | null;
};

/** Reads what was kept; a missing or damaged record is nothing kept. */
export function loadKept(storage: Storage | undefined): Kept | null {
  try {
    const text = storage?.getItem(STORE_KEY);
    if (!text) return null;
    const kept = JSON.parse(text) as Kept;
    return typeof kept === 'object' && kept !== null && 'ledger' in kept ? kept : null;
  } catch {
    return null;
  }
}

/** Keeps the state; a full storage keeps the CSV out first, then gives up quietly (the page still works). */
export function saveKept(storage: Storage | undefined, kept: Kept): boolean {
  for (const attempt of [kept, { ...kept, csv: null }]) {
    try {
      storage?.setItem(STORE_KEY, JSON.stringify(attempt));
      return true;
    } catch {
      // QuotaExceededError: try the smaller record.
    }
  }
  return false;
}

export { exponentialProgram };
