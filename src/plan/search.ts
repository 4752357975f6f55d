/**
 * The planner's incremental check. Planned entries are dated `by`, approved
 * and valid by construction, so what they add to the standing on `by` is
 * known without parsing or evaluating again: the evaluation on `by` is
 * computed once, the standing read from it, and each candidate set of
 * entries adds what its entries are worth (src/evaluate/contributions.ts,
 * the one module that says so). One final evaluation of the extended ledger
 * confirms the plan ({@link confirmPlan}).
 */
import type { IsoDate } from '../dates/isoDate';
import { appendEntries } from '../ledger/appendEntries';
import { ledgerData } from '../ledger/parseLedger';
import type { LedgerEntry, Ledger } from '../ledger/types';
import { floorUnits, parseMoney, sumMoney, type Money } from '../money/money';
import type { CompiledProgram, CompiledVersion } from '../program/compile';
import type { ActivityRow } from '../program/types';
import { entryWorth, LIMITED, SIMPLE } from '../evaluate/contributions';
import { evaluateResolved } from '../evaluate/evaluate';
import { resolveLedger } from '../evaluate/options';
import { pairKey } from '../evaluate/slidingWindow';
import { meetsTier } from '../evaluate/tiers';
import type { Evaluation } from '../evaluate/types';
import type { WindowKind } from '../evaluate/window';
import { heldRowsOn, limitedPlan, plannedEarn, type HeldRows, type LimitedPlan } from './limited';

/** What the target is checked against on `by` once planned entries are in: the unclamped points sum and the rest of the standing (R7, R9). */
export type Reach = {
  /** Σ byCategory, before the total is clamped at 0 (R7). */
  readonly sum: number;
  /** The exact approved revenue in the window (R2). */
  readonly revenue: Money;
  /** The version's count measures (`CompiledVersion.kinds`, then `.specific`): each kind's valid pairs, then each certification required by name's valid holders (R8). */
  readonly counts: readonly number[];
};

/** The standing on `by` with the ledger as it is, and what decides what a planned entry adds to it. */
export type Search = {
  readonly version: CompiledVersion;
  readonly targetIndex: number;
  readonly by: IsoDate;
  /** The standing on `by` before any planned entry. */
  readonly base: Reach;
  /** The revenue points of `base.revenue`, floored on the sum (R2). */
  readonly revenuePoints: number;
  /** The limited rows' entries that planned entries of them meet in the periods of `by` (R3). */
  readonly held: HeldRows;
  /** The (holder, certification) pairs valid on `by`, and those whose credit the window already holds (R8). */
  readonly validPairs: ReadonlySet<string>;
  readonly creditedPairs: ReadonlySet<string>;
};

// Planned entries are never fee payments: the fee is never read.
const feeOf = (version: CompiledVersion) => () => version.fee;

/** The unclamped points sum of an evaluation (R7: the total is max(0, Σ byCategory)). */
export function pointsSum(evaluation: Evaluation): number {
  let sum = 0;
  for (const points of Object.values(evaluation.points.byCategory)) sum += points;
  return sum;
}

/**
 * The revenue an evaluation counts, as exact money: the sum of the amounts
 * of the revenue entries it counted (R2), read from the parsed ledger, so
 * a sum beyond the nine digits one amount may carry stays exact.
 */
export function countedRevenue(ledger: Ledger, evaluation: Evaluation): Money {
  const money = ledgerData(ledger)?.money;
  const amounts: Money[] = [];
  const outcomes = evaluation.entries;
  for (let index = 0; index < outcomes.length; index++) {
    const entry = ledger.entries[index] as LedgerEntry;
    if (entry.type === 'revenue' && (outcomes[index] as (typeof outcomes)[number]).outcome === 'counted') amounts.push(money?.[index] ?? (parseMoney(entry.amount) as Money));
  }
  const revenue = sumMoney(amounts);
  if (revenue.text !== evaluation.revenue.total) throw new Error(`planUpgrade: the counted revenue ${revenue.text} is not the evaluation's ${evaluation.revenue.total}`);
  return revenue;
}

/**
 * The search for a plan toward the tier at `targetIndex` of `version` (the
 * version in effect on `by`), from `atBy`, the evaluation of `ledger` on `by`.
 */
export function searchFrom(ledger: Ledger, atBy: Evaluation, version: CompiledVersion, targetIndex: number, by: IsoDate): Search {
  const creditedPairs = new Set<string>();
  const entries = ledger.entries;
  const outcomes = atBy.entries;
  for (let index = 0; index < outcomes.length; index++) {
    const outcome = outcomes[index] as (typeof outcomes)[number];
    const entry = entries[index] as LedgerEntry;
    // The entry that took the pair's credit in the window (R8); later ones are `already-credited`.
    if (outcome.outcome === 'counted' && entry.type === 'certification' && outcome.reason === undefined) creditedPairs.add(pairKey(entry));
  }
  const validPairs = new Set(atBy.certifications.valid.map(pairKey));
  const base = { sum: pointsSum(atBy), revenue: countedRevenue(ledger, atBy), counts: countsOf(version, atBy) };
  const held = heldRowsOn(ledger, version, atBy.window.from, by);
  return { version, targetIndex, by, base, revenuePoints: atBy.revenue.points, held, validPairs, creditedPairs };
}

/**
 * The standing on `by` with `entries` (planned: dated `by`, approved, valid)
 * appended to the ledger: revenue is summed exactly and its points floored on
 * the new sum (R2); an activity adds what it is worth (R3), on a limited row
 * what `settleRow` leaves it in the periods of `by` (src/plan/limited.ts); a
 * certification of a new pair adds 1 to its kind, 1 holder to the
 * certification when a tier requires it by name, and the version's
 * certification credit (R8, earned on `by`, inside the window).
 */
export function reachWith(search: Search, entries: readonly LedgerEntry[]): Reach {
  const { version, base } = search;
  let sum = base.sum - search.revenuePoints;
  const amounts: Money[] = [base.revenue];
  const counts = [...base.counts];
  const pairs = new Set<string>();
  const limited = new Map<ActivityRow, number[]>();
  for (const entry of entries) {
    switch (entry.type) {
      case 'revenue':
        amounts.push(parseMoney(entry.amount) as Money);
        break;
      case 'certification': {
        const measures = version.measures.get(entry.certification);
        const pair = pairKey(entry);
        // Not in the version, or a pair already planned: it adds nothing (R8).
        if (measures === undefined || pairs.has(pair)) break;
        pairs.add(pair);
        if (!search.creditedPairs.has(pair)) sum += version.certificationPoints;
        // A pair not valid yet: one more pair of its kind, and its holder one more holder of the certification.
        if (!search.validPairs.has(pair)) {
          counts[measures.kind] = (counts[measures.kind] as number) + 1;
          if (measures.specific >= 0) {
            const at = version.kinds.length + measures.specific;
            counts[at] = (counts[at] as number) + 1;
          }
        }
        break;
      }
      case 'activity': {
        const worth = entryWorth(entry, version, undefined, feeOf(version));
        if (worth.kind === SIMPLE) sum += worth.points;
        else if (worth.kind === LIMITED) {
          const row = version.activities.get(entry.activity) as ActivityRow;
          const list = limited.get(row);
          if (list === undefined) limited.set(row, [worth.points]);
          else list.push(worth.points);
        }
        break;
      }
      default:
        throw new Error(`planUpgrade plans revenue, certifications and activities only, not ${entry.type} entries`);
    }
  }
  for (const [row, worths] of limited) sum += plannedEarn(search.held, row, worths);
  const revenue = amounts.length === 1 ? base.revenue : sumMoney(amounts);
  return { sum: sum + floorUnits(revenue), revenue, counts };
}

/** Whether a standing meets the target; the points checked are the total, max(0, sum) (R7). */
export function reaches(search: Search, reach: Reach): boolean {
  return meetsTier(search.version, search.targetIndex, { points: Math.max(0, reach.sum), revenue: reach.revenue, counts: reach.counts });
}

/** Whether appending `entries` reaches the target on `by` (the incremental check). */
export function meetsWith(search: Search, entries: readonly LedgerEntry[]): boolean {
  return reaches(search, reachWith(search, entries));
}

/** What the final check needs besides the search. */
export type Confirmation = {
  readonly ledger: Ledger;
  readonly program: CompiledProgram;
  readonly window: WindowKind;
};

/**
 * The one final check: the ledger with the planned entries appended
 * (`appendEntries`: only they are validated, the ledger is not parsed
 * again), evaluated on `by`. It must agree with the incremental check, figure for
 * figure; a disagreement is a bug in the planner, thrown, never hidden.
 * @returns The evaluation of the extended ledger on `by`.
 */
export function confirmPlan(search: Search, { ledger, program, window }: Confirmation, entries: readonly LedgerEntry[]): Evaluation {
  // Only the planned entries are validated; the ledger's own are reused as parsed.
  const appended = appendEntries(ledger, entries, program);
  if (!appended.ok) throw new Error(`planUpgrade: a planned entry is not valid (${appended.issues.map((i) => `${i.path}: ${i.message}`).join('; ')})`);
  const extended = resolveLedger(appended.ledger, program);
  const evaluation = evaluateResolved(extended.ledger, extended.internals, { asOf: search.by, window, program });
  const expected = reachWith(search, entries);
  const actual = standingOf(search.version, evaluation);
  const met = evaluation.requirements[search.targetIndex]?.met;
  const agree = actual.sum === expected.sum && actual.revenue === expected.revenue.text && actual.counts.every((count, m) => count === expected.counts[m]);
  if (!agree || met !== reaches(search, expected)) {
    const describe = (r: { sum: number; revenue: string; counts: readonly number[] }) => `sum ${r.sum}, revenue ${r.revenue}, counts ${r.counts.join(', ')}`;
    throw new Error(`planUpgrade: the incremental check (${describe({ ...expected, revenue: expected.revenue.text })}) disagrees with the evaluation of the extended ledger (${describe(actual)}) on ${search.by}`);
  }
  return evaluation;
}

/**
 * The standing an evaluation reports, as the incremental check counts it:
 * the unclamped sum, the revenue, each kind's valid pairs and each
 * certification required by name's valid holders (R7, R8).
 */
export function standingOf(version: CompiledVersion, evaluation: Evaluation): { sum: number; revenue: string; counts: number[] } {
  return { sum: pointsSum(evaluation), revenue: evaluation.revenue.total, counts: countsOf(version, evaluation) };
}

/** The count measures of an evaluation: each kind's valid pairs as it reports them, then each certification required by name's distinct valid holders (R8). */
function countsOf(version: CompiledVersion, evaluation: Evaluation): number[] {
  const valid = evaluation.certifications.valid;
  const counts = version.kinds.map((kind) => evaluation.certifications[kind] as number);
  for (const certification of version.specific) {
    const holders = new Set<string>();
    for (const held of valid) if (held.certification === certification) holders.add(held.holder);
    counts.push(holders.size);
  }
  return counts;
}

/** What the planned limited rows' entries among `entries` already take, to propose more on (R3). */
export function limitedPlanWith(search: Search, entries: readonly LedgerEntry[]): LimitedPlan {
  return limitedPlan(search.held, search.version, entries);
}
