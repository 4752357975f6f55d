/**
 * Which output formats each command writes: one registry, read by the option
 * parser (`--format` choices), the defaults, and the test that holds
 * docs/guides/command-line.md to it.
 */

/** Every output format. */
export const outputFormats = ['table', 'json', 'ndjson', 'markdown', 'csv', 'pdf', 'html'] as const;
/** An output format. */
export type OutputFormat = (typeof outputFormats)[number];

/**
 * The formats of each command, every one that fits its output: the batch and
 * per-ledger commands write all five data formats (NDJSON: one record per
 * ledger; CSV: one row per partner, per issue, or per review); `describe`
 * writes the program's tables as Markdown or JSON and the program overview
 * as PDF or HTML; `statement` writes documents; `schema` writes a JSON Schema.
 */
export const commandFormats = {
  evaluate: ['table', 'json', 'ndjson', 'markdown', 'csv'],
  validate: ['table', 'json', 'ndjson', 'markdown', 'csv'],
  timeline: ['table', 'json', 'ndjson', 'markdown', 'csv'],
  plan: ['table', 'json', 'ndjson', 'markdown', 'csv'],
  describe: ['markdown', 'json', 'pdf', 'html'],
  statement: ['pdf', 'html', 'markdown'],
  schema: ['json'],
} as const satisfies Record<string, readonly OutputFormat[]>;

/** The data formats of the batch and per-ledger commands. */
export type DataFormat = (typeof commandFormats.evaluate)[number];

/** A command of the command line. */
export type CommandName = keyof typeof commandFormats;

/** The formats of a command. */
export type FormatOf<C extends CommandName> = (typeof commandFormats)[C][number];

/** What each command writes without `--format`: on a terminal, and otherwise (a pipe, a file). */
const defaults: { readonly [C in CommandName]: { readonly tty: FormatOf<C>; readonly piped: FormatOf<C> } } = {
  evaluate: { tty: 'table', piped: 'json' },
  validate: { tty: 'table', piped: 'json' },
  timeline: { tty: 'table', piped: 'json' },
  plan: { tty: 'table', piped: 'json' },
  describe: { tty: 'markdown', piped: 'markdown' },
  // A PDF never goes to a terminal: there, the statement is read as Markdown.
  statement: { tty: 'markdown', piped: 'pdf' },
  schema: { tty: 'json', piped: 'json' },
};

/**
 * What a command writes without `--format`: a table on a terminal, JSON
 * otherwise (`describe`: Markdown; `statement`: Markdown on a terminal, PDF
 * otherwise; `schema`: JSON).
 */
export function defaultFormat<C extends CommandName>(command: C, isTTY: boolean): FormatOf<C> {
  const formats = defaults[command];
  return isTTY ? formats.tty : formats.piped;
}
