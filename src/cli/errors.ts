/**
 * How a command fails: the exit codes, and the two errors a command throws
 * for `main` to report — an input problem (its issues printed, exit 1) and a
 * usage problem found after commander parsed the line (exit 2).
 */
import { ValidationError } from '../index';
import { failureReason, type CliIssue } from './issues';

/** Exit codes. */
export const exitCodes = { ok: 0, invalidInput: 1, usage: 2 } as const;

/** The exit code of a run that found `issues`: 1 when there is one, else 0. */
export function exitCodeFor(issues: readonly unknown[]): number {
  return issues.length > 0 ? exitCodes.invalidInput : exitCodes.ok;
}

/** A problem with the input: printed, exit code 1. */
export class InputError extends Error {
  constructor(readonly issues: readonly CliIssue[]) {
    super(`${issues.length} issue(s)`);
  }
}

/** A usage problem found after parsing the command line: exit code 2. */
export class UsageError extends Error {}

/** Turns a library ValidationError about options into a usage error naming the option. */
export function optionError(error: unknown, names: Record<string, string>): never {
  if (error instanceof ValidationError) {
    const first = error.issues[0];
    const option = names[first.path.split(/[.[]/)[0] ?? ''] ?? first.path;
    throw new UsageError(`${option === '' ? '' : `${option}: `}${first.message}`);
  }
  throw error;
}

/** A problem writing an output file: an `unwritable` issue (exit 1). */
export function unwritable(source: string, error: unknown): InputError {
  return new InputError([{ source, path: '', code: 'unwritable', message: `cannot write the file (${failureReason(error)})` }]);
}
