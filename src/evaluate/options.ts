/**
 * Options and ledgers as every public function reads them: each option read
 * once (a snapshot, src/readOptions.ts), validated, every issue collected,
 * one `ValidationError` thrown.
 */
import type { IsoDate } from '../dates/isoDate';
import { issue, throwIfAny, ValidationError, type LedgerIssue } from '../issues';
import { ledgerData, parseLedgerUnsafe, type LedgerData } from '../ledger/parseLedger';
import { prepare, type Prepared } from './prepare';
import type { Ledger } from '../ledger/types';
import { compileProgram, isKnownProgram, type CompiledProgram } from '../program/compile';
import { exponentialProgram } from '../program/exponentialProgram';
import { describeError, readDateOption, readOptionsObject, type OptionsSnapshot } from '../readOptions';
import { readWindowKind, type WindowKind } from './window';

// The snapshot reader lives in the leaf module src/readOptions.ts, which every reader can import.
export { readDateOption, readOptionsObject, type OptionsSnapshot } from '../readOptions';

/** Validated options. */
export type ReviewOptions = { readonly asOf: IsoDate; readonly window: WindowKind; readonly program: CompiledProgram };

/** Reads `window` and `program`, the options every review shares, pushing their issues. */
export function readCommonOptions(opts: OptionsSnapshot, issues: LedgerIssue[]): { window: WindowKind; program: CompiledProgram } {
  const window = readWindowKind(opts['window'], 'window', issues);
  const program = opts['program'] === undefined ? exponentialProgram : opts['program'];
  const known = isKnownProgram(program);
  if (!known) issues.push(issue('program', 'invalid-program', '"program" must be exponentialProgram or a program returned by defineProgram'));
  // The program is compiled only when valid; callers throw before using it otherwise.
  return { window, program: compileProgram(known ? program : exponentialProgram) };
}

/** Validates `evaluate`'s options: `asOf`, `window`, `program`. Throws one `ValidationError`. */
export function readReviewOptions(value: unknown): ReviewOptions {
  const issues: LedgerIssue[] = [];
  const opts = readOptionsObject(value, ['asOf', 'window', 'program'], 'options must be an object with at least "asOf"', issues);
  const asOf = readDateOption(opts, 'asOf', issues);
  const common = readCommonOptions(opts, issues);
  throwIfAny(issues);
  return { asOf: asOf as IsoDate, ...common };
}

/** A ledger `parseLedger` returned for this program is used as it is; anything else is parsed first. */
export function resolveLedger(input: unknown, program: CompiledProgram): { ledger: Ledger; internals: Prepared } {
  const known = ledgerData(input);
  if (known !== undefined && known.program === program) return { ledger: input as Ledger, internals: prepare(input as Ledger, known) };
  let result;
  try {
    result = parseLedgerUnsafe(input, program);
  } catch (error) {
    throw new ValidationError([issue('', 'invalid-type', `the ledger could not be read: ${describeError(error)}`)]);
  }
  if (!result.ok) throw new ValidationError(result.issues);
  return { ledger: result.ledger, internals: prepare(result.ledger, ledgerData(result.ledger) as LedgerData) };
}

