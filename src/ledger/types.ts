import type { IsoDate } from '../dates/isoDate';
import type { ActivityCategory } from '../program/types';

/** Free-form JSON data; the library never reads it. */
export type Meta = { readonly [key: string]: unknown };

/** Reporting status (R7): only approved entries count. */
export type EntryStatus = 'approved' | 'pending' | 'rejected';

/** Where revenue was earned (R2). */
export type RevenueSource = 'direct-sale' | 'project-licensing' | 'subscription';

type EntryBase = {
  readonly id: string;
  readonly date: IsoDate;
  /** Defaults to `approved`. */
  readonly status: EntryStatus;
  readonly meta?: Meta;
};

/** Revenue earned by exponential.earth (R2); `amount` in USD, negative for refunds. */
export type RevenueEntry = EntryBase & { readonly type: 'revenue'; readonly amount: string; readonly source: RevenueSource };

/** A row of the activity table (R3). */
export type ActivityEntry = EntryBase & {
  readonly type: 'activity';
  readonly activity: string;
  /** Awarded points on a "+" (minimum) row. */
  readonly points?: number;
  /** Attendees, on a per-attendee row. */
  readonly quantity?: number;
  /** Evidence: word count. */
  readonly words?: number;
  /** Evidence: FLOSS-licensed. */
  readonly floss?: boolean;
};

/** Value-added work not in the table, one point per minute (R4). */
export type TimeEntry = EntryBase & {
  readonly type: 'time';
  readonly minutes: number;
  readonly category: ActivityCategory;
  readonly description?: string;
};

/** A certification earned by a person (R8); valid through `expiresOn`, inclusive. */
export type CertificationEntry = EntryBase & {
  readonly type: 'certification';
  readonly holder: string;
  readonly certification: string;
  readonly expiresOn?: IsoDate;
};

/** Bonus points for a strategic activity (R6). */
export type BonusEntry = EntryBase & { readonly type: 'bonus'; readonly points: number; readonly reason: string; readonly relatesTo?: string };

/** Points for a special contribution, case by case (R6). */
export type SpecialEntry = EntryBase & { readonly type: 'special'; readonly points: number; readonly description: string };

/** A program fee payment covering `months` months (R11). */
export type FeePaymentEntry = EntryBase & { readonly type: 'fee-payment'; readonly months: number; readonly amount: string };

/** A signed correction of points (R7). */
export type AdjustmentEntry = EntryBase & { readonly type: 'adjustment'; readonly points: number; readonly reason: string };

/** One ledger entry. */
export type LedgerEntry =
  | RevenueEntry
  | ActivityEntry
  | TimeEntry
  | CertificationEntry
  | BonusEntry
  | SpecialEntry
  | FeePaymentEntry
  | AdjustmentEntry;

/** An entry type. */
export type EntryType = LedgerEntry['type'];

/** The partner a ledger belongs to. */
export type Partner = { readonly id: string; readonly name?: string; readonly joinedOn: IsoDate; readonly meta?: Meta };

/**
 * A validated, normalised ledger, as `parseLedger` returns it: dates
 * `YYYY-MM-DD`, amounts canonical decimal strings, every status filled in.
 * Deeply frozen (the ledger, its partner, its entries, each entry and every
 * `meta`), so it stays what was validated; it is itself valid input, and a
 * copy with other entries (`{ ...ledger, entries: [...] }`) is parsed again.
 */
export type Ledger = { readonly partner: Partner; readonly entries: readonly LedgerEntry[]; readonly meta?: Meta };
