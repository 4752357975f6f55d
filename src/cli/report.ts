/**
 * What a run reports beside its output: the issue list (on standard error,
 * or on standard output where it is the output: `validate`'s table) and the
 * PDF renderer's warnings. Everything from a ledger is escaped.
 */
import { escapeControls } from '../format';
import type { CliIo } from './io';
import { formatIssue, type CliIssue } from './issues';
import { styleFor } from './style';

/** The issue list: a count, then `source: path: message [code]` a line each. */
export function printIssues(issues: readonly CliIssue[], io: CliIo, to: 'stdout' | 'stderr'): void {
  if (issues.length === 0) return;
  const stream = io[to];
  const style = styleFor(stream, io.env);
  const sources = new Set(issues.map((i) => i.source.replace(/\[\d+\]$/, '')));
  stream.write(`${style.red(`${issues.length} issue${issues.length === 1 ? '' : 's'} in ${sources.size} input${sources.size === 1 ? '' : 's'}:`)}\n`);
  for (const issue of issues) stream.write(`  ${formatIssue(issue, style.dim)}\n`);
}

/** A PDF fallback warning (characters the font cannot show), on stderr, escaped. */
export function printWarning(io: CliIo, source: string | undefined, message: string): void {
  const style = styleFor(io.stderr, io.env);
  io.stderr.write(`${style.yellow('warning:')} ${source === undefined ? '' : `${escapeControls(source)}: `}${escapeControls(message)}\n`);
}
