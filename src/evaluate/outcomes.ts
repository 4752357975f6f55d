/**
 * Where a review writes one outcome per entry (SPEC §2.1). Outcome objects
 * are frozen and kept with the parsed ledger: a later review that reaches
 * the same outcome for an entry returns the same object, so re-evaluating a
 * ledger (a timeline, a dashboard refresh) allocates almost nothing.
 */
import type { Prepared as LedgerInternals } from './prepare';
import type { Ledger } from '../ledger/types';
import type { RuleId } from '../program/types';
import type { CountedReason, EntryOutcome, ExclusionReason } from './types';

/** The outcomes of one review, in input order. */
export type OutcomeSink = {
  readonly list: EntryOutcome[];
  readonly ledger: Ledger;
  readonly internals: LedgerInternals;
};

/** A sink for one review of a parsed ledger. */
export function outcomeSink(ledger: Ledger, internals: LedgerInternals): OutcomeSink {
  return { list: new Array(ledger.entries.length), ledger, internals };
}

type Kind = EntryOutcome['outcome'];
type Reason = ExclusionReason | CountedReason | 'pending-approval' | undefined;

/**
 * Records the outcome of entry `index`. Revenue and fee-payment outcomes
 * carry their exact `amount`, whatever the outcome.
 */
export function record(sink: OutcomeSink | null, index: number, outcome: Kind, points: number, rule: RuleId, reason?: Reason): void {
  if (sink === null) return;
  const cache = sink.internals.outcomes;
  const known = cache[index];
  if (known !== undefined && known.outcome === outcome && known.points === points && known.rule === rule && known.reason === reason) {
    sink.list[index] = known;
    return;
  }
  const id = (sink.ledger.entries[index] as { id: string }).id;
  const money = sink.internals.money[index];
  const made: Record<string, unknown> = reason === undefined ? { id, outcome, points, rule } : { id, outcome, points, rule, reason };
  if (money !== undefined) made['amount'] = money.text;
  const frozen = Object.freeze(made) as EntryOutcome;
  cache[index] = frozen;
  sink.list[index] = frozen;
}
