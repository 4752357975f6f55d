/**
 * Issues as the command line reports them: the library's `{ path, code,
 * message }` plus where they are — the input (`source`) and, for CSV, the
 * line and column.
 */

/** Issue codes of the command line itself, beside the library's (`issueCodes`). */
export const cliIssueCodes = {
  unreadable: 'the file or directory cannot be read',
  'invalid-json': 'the input is not JSON',
  'csv-syntax': 'the CSV cannot be parsed (unclosed quote, wrong number of fields, …)',
  'missing-column': 'the CSV header lacks a required column (`partner_id`)',
  'unknown-column': 'the CSV header has a column this format does not know',
  'conflicting-partner': 'two rows of one partner disagree on a partner column',
  'no-ledgers': 'the input holds no ledger',
} as const;

/** One problem with an input, wherever it was found. */
export type CliIssue = {
  /** The input as the user named it (`acme.json`, `export.csv`, `<stdin>`). */
  readonly source: string;
  /** 1-based line (CSV, and JSON syntax errors). */
  readonly line?: number;
  /** The CSV column, when the issue is about one cell. */
  readonly column?: string;
  /** The partner id, when known. */
  readonly partner?: string;
  /** The path in the ledger JSON (`entries[3].amount`), `''` for the whole input. */
  readonly path: string;
  readonly code: string;
  readonly message: string;
};

/** `acme.json: entries[3].amount: message [code]`; CSV: `export.csv:14: amount: message [code]`. */
export function formatIssue(issue: CliIssue, dim: (text: string) => string = String): string {
  const where = issue.line === undefined ? issue.source : `${issue.source}:${issue.line}`;
  const what = issue.column ?? (issue.path === '' ? '(root)' : issue.path);
  const partner = issue.line !== undefined && issue.partner !== undefined ? ` ${dim(`(partner ${issue.partner}, ${issue.path === '' ? 'ledger' : issue.path})`)}` : '';
  return `${where}: ${what}: ${issue.message} ${dim(`[${issue.code}]`)}${partner}`;
}
