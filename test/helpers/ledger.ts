/**
 * A tiny shared builder for spec tests: raw (unparsed) ledgers and a few
 * lookups. Raw objects on purpose: every test goes through the public API.
 */
import { expect } from 'vitest';
import { parseLedger, ValidationError, type Evaluation, type EntryOutcome, type LedgerIssue } from '../../src/index';

/** A raw ledger entry, as a user would write it in JSON. */
export type RawEntry = Record<string, unknown>;

/** A raw ledger with the default partner `{ id: 'p', joinedOn: '2020-01-01' }`. */
export function ledger(entries: readonly RawEntry[], partner: { joinedOn?: string; id?: string } = {}) {
  return { partner: { id: partner.id ?? 'p', joinedOn: partner.joinedOn ?? '2020-01-01' }, entries: [...entries] };
}

/** A ledger whose `entries` getter throws `Error('boom')`: input that cannot even be read. */
export function unreadableLedger(): Record<string, unknown> {
  const input: Record<string, unknown> = { partner: { id: 'p', joinedOn: '2020-01-01' } };
  Object.defineProperty(input, 'entries', {
    enumerable: true,
    get() {
      throw new Error('boom');
    },
  });
  return input;
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

/** The issues of the ValidationError `run` throws (fails the test when it throws nothing or something else). */
export function thrownIssues(run: () => unknown): LedgerIssue[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return [...(error as ValidationError).issues];
  }
  throw new Error('expected a ValidationError');
}
