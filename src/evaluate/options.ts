/**
 * Options and ledgers as every public function reads them: validated once,
 * every issue collected, one `ValidationError` thrown.
 */
import { toIsoDate, type IsoDate } from '../dates/isoDate';
import { issue, throwIfAny, ValidationError, type LedgerIssue } from '../issues';
import { ledgerInternals, parseLedgerUnsafe, type LedgerInternals } from '../ledger/parseLedger';
import type { Ledger } from '../ledger/types';
import { compileProgram, isKnownProgram, type CompiledProgram } from '../program/compile';
import { exponentialProgram } from '../program/exponentialProgram';
import { windowKinds, type WindowKind } from './window';

/** Validated options. */
export type ReviewOptions = { readonly asOf: IsoDate; readonly window: WindowKind; readonly program: CompiledProgram };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a date option (`asOf`, `from`, `to`, `by`), pushing an issue when it is missing or not a date. */
export function readDateOption(opts: Record<string, unknown>, name: string, issues: LedgerIssue[], required = true): IsoDate | undefined {
  const value = opts[name];
  if (value === undefined) {
    if (required) issues.push(issue(name, 'missing-field', `"${name}" is required: the review date, YYYY-MM-DD (the library never reads the clock)`));
    return undefined;
  }
  const date = typeof value === 'string' ? toIsoDate(value) : null;
  if (date === null) issues.push(issue(name, 'invalid-date', `"${name}" must be a calendar date YYYY-MM-DD or an RFC 3339 timestamp, received ${JSON.stringify(value) ?? String(value)}`));
  return date ?? undefined;
}

/** Pushes an `unknown-field` issue for each option that is not in `known`: a misspelt option must not vanish. */
export function checkOptionNames(opts: Record<string, unknown>, known: readonly string[], issues: LedgerIssue[]): void {
  for (const key of Object.keys(opts)) {
    if (!known.includes(key)) issues.push(issue(key, 'unknown-field', `unknown option "${key}"; expected ${known.join(', ')}`));
  }
}

/** The options object, or one `ValidationError` when it is not an object. */
export function readOptionsObject(opts: unknown, required: string): Record<string, unknown> {
  // No options at all: each required option is then reported missing, at its own path.
  if (opts === undefined) return {};
  if (!isRecord(opts)) throw new ValidationError([issue('', 'invalid-type', `options must be an object with at least ${required}`)]);
  return opts;
}

/** Reads `window` and `program`, the options every review shares, pushing their issues. */
export function readCommonOptions(opts: Record<string, unknown>, issues: LedgerIssue[]): { window: WindowKind; program: CompiledProgram } {
  const window = opts['window'] === undefined ? 'rolling-12-months' : opts['window'];
  if (!(windowKinds as readonly unknown[]).includes(window)) {
    issues.push(issue('window', 'invalid-value', `"window" must be one of ${windowKinds.join(', ')}`));
  }
  const program = opts['program'] === undefined ? exponentialProgram : opts['program'];
  const known = isKnownProgram(program);
  if (!known) issues.push(issue('program', 'invalid-program', '"program" must be exponentialProgram or a program returned by defineProgram'));
  // The program is compiled only when valid; callers throw before using it otherwise.
  return { window: window as WindowKind, program: compileProgram(known ? program : exponentialProgram) };
}

/** Validates `evaluate`'s options: `asOf`, `window`, `program`. Throws one `ValidationError`. */
export function readReviewOptions(value: unknown): ReviewOptions {
  const opts = readOptionsObject(value, '"asOf"');
  const issues: LedgerIssue[] = [];
  checkOptionNames(opts, ['asOf', 'window', 'program'], issues);
  const asOf = readDateOption(opts, 'asOf', issues);
  const common = readCommonOptions(opts, issues);
  throwIfAny(issues);
  return { asOf: asOf as IsoDate, ...common };
}

/** A ledger `parseLedger` returned for this program is used as it is; anything else is parsed first. */
export function resolveLedger(input: unknown, program: CompiledProgram): { ledger: Ledger; internals: LedgerInternals } {
  const known = ledgerInternals(input);
  if (known !== undefined && known.program === program) return { ledger: input as Ledger, internals: known };
  let result;
  try {
    result = parseLedgerUnsafe(input, program);
  } catch (error) {
    throw new ValidationError([issue('', 'invalid-type', `the ledger could not be read: ${String(error)}`)]);
  }
  if (!result.ok) throw new ValidationError(result.issues);
  return { ledger: result.ledger, internals: ledgerInternals(result.ledger) as LedgerInternals };
}

