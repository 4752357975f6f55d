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
import { floorUnits, parseMoney, sumMoney, zeroMoney, type Money } from '../money/money';
import type { CompiledProgram, CompiledVersion } from '../program/compile';
import { entryWorth, MONTHLY, SIMPLE } from '../evaluate/contributions';
import { evaluateResolved } from '../evaluate/evaluate';
import { resolveLedger } from '../evaluate/options';
import { monthlyKey, pairKey } from '../evaluate/slidingWindow';
import { meetsTier } from '../evaluate/tiers';
import type { Evaluation } from '../evaluate/types';
import type { WindowKind } from '../evaluate/window';

/** What the target is checked against on `by` once planned entries are in: the unclamped points sum and the rest of the standing (R7, R9). */
export type Reach = {
  /** Σ byCategory, before the total is clamped at 0 (R7). */
  readonly sum: number;
  /** The exact approved revenue in the window (R2). */
  readonly revenue: Money;
  readonly profile: number;
  readonly sales: number;
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
  /** `monthlyKey` of each monthly row whose month of `by` an entry already holds (R3). */
  readonly monthsHeld: ReadonlySet<string>;
  /** The (holder, certification) pairs valid on `by`, and those whose credit the window already holds (R8). */
  readonly validPairs: ReadonlySet<string>;
  readonly creditedPairs: ReadonlySet<string>;
};

// Planned entries are never fee payments: their worth needs no fee.
const noFee = () => zeroMoney();

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
  const month = by.slice(0, 7);
  const monthsHeld = new Set<string>();
  const creditedPairs = new Set<string>();
  const entries = ledger.entries;
  const outcomes = atBy.entries;
  for (let index = 0; index < outcomes.length; index++) {
    const outcome = outcomes[index] as (typeof outcomes)[number];
    if (outcome.outcome !== 'counted') continue;
    const entry = entries[index] as LedgerEntry;
    if (entry.type === 'certification') {
      // The entry that took the pair's credit in the window (R8); later ones are `already-credited`.
      if (outcome.reason === undefined) creditedPairs.add(pairKey(entry));
    } else if (entry.type === 'activity' && entry.date.startsWith(month) && entryWorth(entry, version, undefined, noFee).kind === MONTHLY) {
      // A counted entry of a monthly row holds its month (R3); those after `by` are not counted.
      monthsHeld.add(monthlyKey(entry));
    }
  }
  const validPairs = new Set(atBy.certifications.valid.map(pairKey));
  const base = { sum: pointsSum(atBy), revenue: countedRevenue(ledger, atBy), profile: atBy.certifications.profile, sales: atBy.certifications.sales };
  return { version, targetIndex, by, base, revenuePoints: atBy.revenue.points, monthsHeld, validPairs, creditedPairs };
}

/**
 * The standing on `by` with `entries` (planned: dated `by`, approved, valid)
 * appended to the ledger: revenue is summed exactly and its points floored on
 * the new sum (R2); an activity adds what it is worth (R3), a monthly row only
 * while the month of `by` is free; a certification of a new pair adds 1 to its
 * kind and the version's certification credit (R8, earned on `by`, inside the window).
 */
export function reachWith(search: Search, entries: readonly LedgerEntry[]): Reach {
  const { version, base } = search;
  let sum = base.sum - search.revenuePoints;
  const amounts: Money[] = [base.revenue];
  let { profile, sales } = base;
  const months = new Set<string>();
  const pairs = new Set<string>();
  for (const entry of entries) {
    switch (entry.type) {
      case 'revenue':
        amounts.push(parseMoney(entry.amount) as Money);
        break;
      case 'certification': {
        const kind = version.certifications.get(entry.certification)?.kind;
        const pair = pairKey(entry);
        // Not in the version, or a pair already planned: it adds nothing (R8).
        if (kind === undefined || pairs.has(pair)) break;
        pairs.add(pair);
        if (!search.creditedPairs.has(pair)) sum += version.certificationPoints;
        if (!search.validPairs.has(pair)) {
          if (kind === 'profile') profile++;
          else sales++;
        }
        break;
      }
      case 'activity': {
        const worth = entryWorth(entry, version, undefined, noFee);
        if (worth.kind === SIMPLE) sum += worth.points;
        else if (worth.kind === MONTHLY) {
          const key = monthlyKey(entry);
          if (search.monthsHeld.has(key) || months.has(key)) break;
          months.add(key);
          sum += worth.points;
        }
        break;
      }
      default:
        throw new Error(`planUpgrade plans revenue, certifications and activities only, not ${entry.type} entries`);
    }
  }
  const revenue = amounts.length === 1 ? base.revenue : sumMoney(amounts);
  return { sum: sum + floorUnits(revenue), revenue, profile, sales };
}

/** Whether a standing meets the target; the points checked are the total, max(0, sum) (R7). */
export function reaches(search: Search, reach: Reach): boolean {
  return meetsTier(search.version, search.targetIndex, { points: Math.max(0, reach.sum), revenue: reach.revenue, profile: reach.profile, sales: reach.sales });
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
  const actual = { sum: pointsSum(evaluation), revenue: evaluation.revenue.total, profile: evaluation.certifications.profile, sales: evaluation.certifications.sales };
  const met = evaluation.requirements[search.targetIndex]?.met;
  if (actual.sum !== expected.sum || actual.revenue !== expected.revenue.text || actual.profile !== expected.profile || actual.sales !== expected.sales || met !== reaches(search, expected)) {
    const describe = (r: { sum: number; revenue: string; profile: number; sales: number }) => `sum ${r.sum}, revenue ${r.revenue}, ${r.profile} profile and ${r.sales} sales certifications`;
    throw new Error(`planUpgrade: the incremental check (${describe({ ...expected, revenue: expected.revenue.text })}) disagrees with the evaluation of the extended ledger (${describe(actual)}) on ${search.by}`);
  }
  return evaluation;
}

/** `monthlyKey` of each monthly row whose month of `by` the ledger or one of `entries` holds (R3). */
export function monthsHeldWith(search: Search, entries: readonly LedgerEntry[]): Set<string> {
  const held = new Set(search.monthsHeld);
  for (const entry of entries) {
    if (entry.type === 'activity' && entryWorth(entry, search.version, undefined, noFee).kind === MONTHLY) held.add(monthlyKey(entry));
  }
  return held;
}
