import type { CertificationEntry, LedgerEntry } from '../ledger/types';
import type { CompiledVersion } from '../program/compile';
import { record, type OutcomeSink } from './outcomes';
import { pairKey } from './slidingWindow';
import type { HeldCertification } from './types';
import type { DateRange } from './window';

/** Certifications on the review date (R8). */
export type CertificationState = {
  /** Distinct valid (holder, certification) pairs, by kind (the sliding window's count). */
  readonly profile: number;
  readonly sales: number;
  readonly valid: readonly HeldCertification[];
  readonly expired: readonly HeldCertification[];
};

function held(entry: CertificationEntry): HeldCertification {
  const { holder, certification, date, expiresOn } = entry;
  return expiresOn === undefined ? { holder, certification, date } : { holder, certification, date, expiresOn };
}

/**
 * Whether `a`, dated on or after `b` (entries come in date order), stays
 * valid at least as long: no expiry outlasts any expiry, then the later
 * `expiresOn`; on a tie the later entry stands for the pair.
 */
function outlasts(a: CertificationEntry, b: CertificationEntry): boolean {
  if (b.expiresOn === undefined) return a.expiresOn === undefined;
  return a.expiresOn === undefined || a.expiresOn >= b.expiresOn;
}

/**
 * The entries of a map by pair, as results list them: sorted by pair key,
 * an order that does not depend on the order of the input.
 */
function heldByPair(pairs: Iterable<[string, CertificationEntry]>): HeldCertification[] {
  // Keys are distinct: no two compare equal.
  return [...pairs].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, entry]) => held(entry));
}

/**
 * The outcomes of the certification entries of one review (R8), given in
 * date order (then input order), none dated after the review, none rejected,
 * and the valid and expired pairs as results list them. Validity ignores the
 * window: approved, earned on or before the review date, not expired on it.
 * Each pair earned in the window credits its points once (what the credits
 * add up to is the sliding window's: one slot per pair).
 */
export function settleCertifications(
  entries: readonly LedgerEntry[],
  sorted: readonly number[],
  version: CompiledVersion,
  window: DateRange,
  outcomes: OutcomeSink,
): { valid: HeldCertification[]; expired: HeldCertification[] } {
  const { from, to: asOf } = window;
  const credit = version.certificationPoints;
  const credited = new Set<string>();
  const best = new Map<string, CertificationEntry>();
  const lapsed = new Map<string, CertificationEntry>();
  for (const index of sorted) {
    const entry = entries[index] as CertificationEntry;
    if (entry.status !== 'approved') continue;
    if (!version.certifications.has(entry.certification)) {
      record(outcomes, index, 'excluded', 0, 'R8', 'not-in-program-version');
      continue;
    }
    const pair = pairKey(entry);
    const kept = entry.expiresOn === undefined || entry.expiresOn >= asOf ? best : lapsed;
    const current = kept.get(pair);
    if (current === undefined || outlasts(entry, current)) kept.set(pair, entry);
    if (entry.date < from) record(outcomes, index, 'counted', 0, 'R8', 'earned-before-window');
    else if (credited.has(pair)) record(outcomes, index, 'counted', 0, 'R8', 'already-credited');
    else {
      credited.add(pair);
      record(outcomes, index, 'counted', credit, 'R8');
    }
  }

  for (const index of sorted) {
    const entry = entries[index] as CertificationEntry;
    if (entry.status !== 'pending') continue;
    if (!version.certifications.has(entry.certification)) {
      record(outcomes, index, 'excluded', 0, 'R8', 'not-in-program-version');
      continue;
    }
    const pair = pairKey(entry);
    let would = 0;
    if (entry.date >= from && !credited.has(pair)) {
      // Once a pending entry claims the pair's credit, later ones would add nothing.
      credited.add(pair);
      would = credit;
    }
    record(outcomes, index, 'pending', would, 'R7', 'pending-approval');
  }

  return { valid: heldByPair(best), expired: heldByPair([...lapsed].filter(([pair]) => !best.has(pair))) };
}
