/**
 * Helpers shared by the functions that take programs as arguments
 * (`describeProgram`, `diffPrograms`, `compareUnder`): a program or a raw
 * definition, and the version of it that a date or a name picks.
 */
import { issue, ValidationError, type LedgerIssue } from '../issues';
import { describeError, readDate } from '../readOptions';
import { compileProgram, isKnownProgram, versionAt } from './compile';
import { defineProgram } from './defineProgram';
import type { Program, ProgramVersion } from './types';

function prefixed(path: string, inner: string): string {
  if (path === '') return inner;
  if (inner === '') return path;
  return inner.startsWith('[') ? `${path}${inner}` : `${path}.${inner}`;
}

/**
 * A program `defineProgram` returned (or the built-in one) as it is; anything
 * else is defined first. Issues are pushed with `path` in front of theirs.
 * @returns The program, or `undefined` when it is not valid.
 */
export function resolveProgram(value: unknown, path: string, issues: LedgerIssue[]): Program | undefined {
  if (isKnownProgram(value)) return value;
  if (value === undefined) {
    issues.push(issue(path, 'missing-field', `"${path}" is required: exponentialProgram, a program defineProgram returned, or a program definition`));
    return undefined;
  }
  try {
    return defineProgram(value);
  } catch (error) {
    // A definition that cannot even be read (a revoked Proxy, a throwing trap): an issue at its path, never the error itself.
    if (!(error instanceof ValidationError)) {
      issues.push(issue(path, 'unreadable-value', `"${path}" could not be read (${describeError(error)})`));
      return undefined;
    }
    for (const found of error.issues) issues.push(issue(prefixed(path, found.path), found.code, found.message));
    return undefined;
  }
}

/**
 * The version of a program on a date (the one in effect then) or by name;
 * the latest version when neither is given.
 * @returns The version, or `undefined` after pushing an issue at `path`.
 */
export function selectVersion(program: Program, date: unknown, path: string, issues: LedgerIssue[]): ProgramVersion | undefined {
  // The one date reader of options (src/readOptions.ts).
  if (date === undefined) return program.versions[program.versions.length - 1];
  const day = readDate(date, path, issues);
  return day === undefined ? undefined : versionAt(compileProgram(program), day).version;
}

