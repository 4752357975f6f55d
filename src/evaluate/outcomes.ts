/**
 * Where a review writes one outcome per entry (SPEC §2.1). Each result owns
 * its outcome objects: plain, unfrozen JSON, shared with no other result.
 * (Reusing frozen outcome objects across reviews of one parsed ledger was
 * measured slower, for the first evaluation by 11–21 % and even for repeated
 * ones: see docs/performance.md.)
 */
import type { Prepared as LedgerInternals } from './prepare';
import type { Ledger } from '../ledger/types';
import type { RuleId } from '../program/types';
import { denseArray } from './arrays';
import type { CountedReason, EntryOutcome, ExclusionReason } from './types';

/** The outcomes of one review, in input order. */
export type OutcomeSink = {
  readonly list: EntryOutcome[];
  readonly ledger: Ledger;
  readonly internals: LedgerInternals;
};

/** A sink for one review of a parsed ledger. */
export function outcomeSink(ledger: Ledger, internals: LedgerInternals): OutcomeSink {
  // Dense from the start: outcomes of monthly rows and certifications are written after the others.
  return { list: denseArray<EntryOutcome>(ledger.entries.length) as EntryOutcome[], ledger, internals };
}

type Kind = EntryOutcome['outcome'];
type Reason = ExclusionReason | CountedReason | 'pending-approval' | undefined;

/**
 * Records the outcome of entry `index`. Revenue and fee-payment outcomes
 * carry their exact `amount`, whatever the outcome.
 */
export function record(sink: OutcomeSink | null, index: number, outcome: Kind, points: number, rule: RuleId, reason?: Reason): void {
  if (sink === null) return;
  const id = (sink.ledger.entries[index] as { id: string }).id;
  const money = sink.internals.money[index];
  // One literal per shape (no property added later), in the documented key order.
  let made: EntryOutcome;
  if (money === undefined) made = (reason === undefined ? { id, outcome, points, rule } : { id, outcome, points, rule, reason }) as EntryOutcome;
  else made = (reason === undefined ? { id, outcome, points, rule, amount: money.text } : { id, outcome, points, rule, reason, amount: money.text }) as EntryOutcome;
  sink.list[index] = made;
}
