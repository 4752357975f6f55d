/**
 * Issues as the command line reports them: the library's `{ path, code,
 * message }` plus where they are — the input (`source`) and, for CSV, the
 * line and column.
 */
import type { CsvIssue } from '../csv';
import { escapeControls } from '../format';

/** Issue codes of the command line itself, beside the library's (`issueCodes`). */
export const cliIssueCodes = {
  unreadable: 'the file or directory cannot be read',
  'invalid-json': 'the input is not JSON',
  'csv-syntax': 'the CSV cannot be parsed (unclosed quote, wrong number of fields, …)',
  'missing-column': 'the CSV header lacks a required column (`partner_id`)',
  'unknown-column': 'the CSV header has a column this format does not know',
  'conflicting-partner': 'two rows of one partner disagree on a partner column',
  'no-ledgers': 'the input holds no ledger',
  unwritable: 'an output file (`--out`) cannot be written',
} as const;

/** One problem with an input, wherever it was found: the shape the CSV reader reports too. */
export type CliIssue = CsvIssue;

/**
 * `acme.json: entries[3].amount: message [code]`; CSV: `export.csv:14: amount: message [code]`.
 * Messages echo invalid values from the ledger: every part is escaped (`escapeControls`).
 */
export function formatIssue(issue: CliIssue, dim: (text: string) => string = String): string {
  const e = escapeControls;
  const where = issue.line === undefined ? e(issue.source) : `${e(issue.source)}:${issue.line}`;
  const what = e(issue.column ?? (issue.path === '' ? '(root)' : issue.path));
  const partner = issue.line !== undefined && issue.partner !== undefined ? ` ${dim(`(partner ${e(issue.partner)}, ${e(issue.path === '' ? 'ledger' : issue.path)})`)}` : '';
  return `${where}: ${what}: ${e(issue.message)} ${dim(`[${e(issue.code)}]`)}${partner}`;
}

/** Why a file operation failed: the error's code (`ENOENT`), else its text. */
export function failureReason(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/** An `unreadable` issue: `what` (`the file`, `the program`) could not be read. */
export function unreadableIssue(source: string, what: string, error: unknown): CliIssue {
  return { source, path: '', code: 'unreadable', message: `cannot read ${what} (${failureReason(error)})` };
}
