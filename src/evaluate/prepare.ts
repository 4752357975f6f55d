/**
 * What evaluation prepares for a parsed ledger and keeps for the next review
 * of the same ledger (a page re-evaluating, each month of a timeline, a
 * plan): what each entry earns under each program version, the renewal
 * reviews (R11), fee coverage and the date order.
 * It lives here, keyed by the frozen ledger, never in the ledger itself:
 * src/ledger/ knows nothing of evaluation.
 */
import type { LedgerData } from '../ledger/parseLedger';
import type { Ledger } from '../ledger/types';
import type { IsoDate } from '../dates/isoDate';
import type { CompiledVersion } from '../program/compile';
import type { RuleId } from '../program/types';
import type { PointCategory } from './types';

/** Per entry index: what it is and what it earns. */
export type Contributions = {
  readonly kind: readonly number[];
  /** Points of SIMPLE and MONTHLY entries. */
  readonly points: readonly number[];
  /** Category of SIMPLE and MONTHLY entries. */
  readonly category: readonly PointCategory[];
  /** The rule a counted SIMPLE entry cites (R3, R4, R6, R7); other kinds' outcomes name their rule where they are recorded. */
  readonly rule: readonly RuleId[];
};

/** One approved, correctly paid fee payment: its date (as a day key) and the last day it covers (R11). */
export type Coverage = { readonly day: number; readonly end: IsoDate };

/** A parsed ledger's side data with evaluation's own caches. */
export type Prepared = LedgerData & {
  /** The renewal review of each completed partnership year (R11), by k. */
  readonly renewals: Map<number, string | null>;
  /** Other per-ledger results kept once computed: the entries' date order (reviewTimeline), fee coverage (R11). */
  readonly memo: { order?: Int32Array; coverage?: readonly Coverage[] };
  /** What each entry earns under each program version (see `contributionsOf`). */
  readonly contributions: Map<CompiledVersion, Contributions>;
};

// Values hold no reference to the ledger or its entries: a WeakMap value keeps what it reaches alive through minor GCs.
const prepared = new WeakMap<Ledger, Prepared>();

/** The evaluation caches of a parsed ledger, made on its first review. */
export function prepare(ledger: Ledger, data: LedgerData): Prepared {
  let known = prepared.get(ledger);
  if (known === undefined || known.program !== data.program) {
    known = { program: data.program, days: data.days, money: data.money, renewals: new Map(), contributions: new Map(), memo: {} };
    prepared.set(ledger, known);
  }
  return known;
}
