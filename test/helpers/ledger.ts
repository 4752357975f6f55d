/**
 * A tiny shared builder for spec tests: raw (unparsed) ledgers and a few
 * lookups. Raw objects on purpose: every test goes through the public API.
 */
import { parseLedger, type Evaluation, type EntryOutcome, type LedgerIssue } from '../../src/index';

/** A raw ledger entry, as a user would write it in JSON. */
export type RawEntry = Record<string, unknown>;

/** A raw ledger with the default partner `{ id: 'p', joinedOn: '2020-01-01' }`. */
export function ledger(entries: readonly RawEntry[], partner: { joinedOn?: string; id?: string } = {}) {
  return { partner: { id: partner.id ?? 'p', joinedOn: partner.joinedOn ?? '2020-01-01' }, entries: [...entries] };
}

/** The outcome of entry `id` (fails the test when it is missing). */
export function outcomeOf(evaluation: Evaluation, id: string): EntryOutcome {
  const found = evaluation.entries.find((e) => e.id === id);
  if (found === undefined) throw new Error(`no outcome for entry ${id}`);
  return found;
}

/** The issues of an input `parseLedger` must refuse (fails the test when it is accepted). */
export function issuesOf(input: unknown): LedgerIssue[] {
  const result = parseLedger(input);
  if (result.ok) throw new Error('expected parseLedger to refuse the input');
  return [...result.issues];
}
