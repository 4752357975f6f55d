/**
 * The certifications a review lists (R8): the valid and the expired
 * (holder, certification) pairs on the review date, each by the entry that
 * stands for it. How many pairs are valid, and which entry credits a pair,
 * is the sliding window's (src/evaluate/slidingWindow.ts).
 */
import type { IsoDate } from '../dates/isoDate';
import type { CertificationEntry, LedgerEntry } from '../ledger/types';
import type { Slot, SlidingWindow } from './slidingWindow';
import type { HeldCertification } from './types';

/** Certifications on the review date (R8). */
export type CertificationState = {
  /** The standing's count measures: distinct valid pairs by kind, then holders of certifications required by name (the sliding window's count). */
  readonly counts: readonly number[];
  readonly valid: readonly HeldCertification[];
  readonly expired: readonly HeldCertification[];
};

function held(entry: CertificationEntry): HeldCertification {
  const { holder, certification, date, expiresOn } = entry;
  return expiresOn === undefined ? { holder, certification, date } : { holder, certification, date, expiresOn };
}

/**
 * Whether entry `a` stands for its pair rather than `b`: it stays valid
 * longer (no expiry outlasts any expiry, then the later `expiresOn`), and of
 * two equally long, the later by date, then input order.
 */
function standsOver(a: number, b: number, entries: readonly LedgerEntry[], days: Int32Array): boolean {
  const x = (entries[a] as CertificationEntry).expiresOn;
  const y = (entries[b] as CertificationEntry).expiresOn;
  if (x !== y) return x === undefined || (y !== undefined && x > y);
  const dx = days[a] as number;
  const dy = days[b] as number;
  return dx > dy || (dx === dy && a > b);
}

/**
 * The valid and expired pairs on `asOf`, sorted by pair (holder, then
 * certification: an order that does not depend on the input's), from the
 * approved certifications of the version earned on or before it (`certified`).
 * A pair is valid when one of them has not expired on `asOf`; else expired.
 */
export function heldCertifications(window: SlidingWindow, entries: readonly LedgerEntry[], certified: readonly number[], asOf: IsoDate): { valid: HeldCertification[]; expired: HeldCertification[] } {
  const valid = new Map<Slot, number>();
  const lapsed = new Map<Slot, number>();
  for (const index of certified) {
    const slot = window.slotOf[index] as Slot;
    const expiresOn = (entries[index] as CertificationEntry).expiresOn;
    const kept = expiresOn === undefined || expiresOn >= asOf ? valid : lapsed;
    const current = kept.get(slot);
    if (current === undefined || standsOver(index, current, entries, window.days)) kept.set(slot, index);
  }
  const list = (pairs: Iterable<[Slot, number]>): HeldCertification[] =>
    // Keys are distinct: no two compare equal.
    [...pairs].sort(([a], [b]) => (a.key < b.key ? -1 : 1)).map(([, index]) => held(entries[index] as CertificationEntry));
  return { valid: list(valid), expired: list([...lapsed].filter(([slot]) => !valid.has(slot))) };
}
