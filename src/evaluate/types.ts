import type { IsoDate } from '../dates/isoDate';
import type { RuleId } from '../program/types';
import type { DateRange } from './window';

/** Why an entry earns nothing (SPEC §2.1, closed list). */
export type ExclusionReason =
  | 'outside-window'
  | 'after-as-of'
  | 'rejected'
  | 'evidence-not-met'
  | 'monthly-limit'
  | 'quarterly-limit'
  | 'yearly-limit'
  | 'window-limit'
  | 'fee-amount-mismatch'
  | 'not-in-program-version';

/** Why a counted entry earns 0 points, or (`points-cap`) fewer than it is worth (SPEC §2.1). */
export type CountedReason = 'already-credited' | 'earned-before-window' | 'points-cap';

/** The outcome of one input entry, in input order; `rule` is the rule that decided it. */
export type EntryOutcome =
  | { readonly id: string; readonly outcome: 'counted'; readonly points: number; readonly rule: RuleId; readonly reason?: CountedReason; readonly amount?: string }
  | { readonly id: string; readonly outcome: 'pending'; readonly points: number; readonly rule: RuleId; readonly reason: 'pending-approval'; readonly amount?: string }
  | { readonly id: string; readonly outcome: 'excluded'; readonly points: 0; readonly rule: RuleId; readonly reason: ExclusionReason; readonly amount?: string };

/** The six point categories every program has (R7), besides its activity categories. */
export type FixedCategory = 'revenue' | 'certification' | 'partner-year' | 'bonus' | 'special' | 'adjustment';

/**
 * Points by category (R7): `revenue`, then the program's activity
 * categories (the built-in program's `knowledge` and `program`), then
 * `certification`, `partner-year`, `bonus`, `special` and `adjustment`; every
 * key always present.
 */
export type PointsByCategory = { readonly [K in FixedCategory]: number } & { readonly [category: string]: number };

/** A point category key: a fixed one or an activity category of the program. */
export type PointCategory = string;

/** A certification held by a person. */
export type HeldCertification = { readonly holder: string; readonly certification: string; readonly date: IsoDate; readonly expiresOn?: IsoDate };

/**
 * One requirement of a tier, checked (R8, R9), in the tier's order. Money
 * figures are decimal strings. A kind K's valid pairs are checked as
 * `` `${K}-certifications` `` (the built-in `profile-certifications` and
 * `sales-certifications`); a specific certification's holders as `certification`.
 */
export type RequirementCheck =
  | { readonly kind: 'points'; readonly required: number; readonly actual: number; readonly met: boolean; readonly shortfall: number }
  | { readonly kind: 'revenue'; readonly required: string; readonly actual: string; readonly met: boolean; readonly shortfall: string }
  | { readonly kind: `${string}-certifications`; readonly required: number; readonly actual: number; readonly met: boolean; readonly shortfall: number }
  | { readonly kind: 'certification'; readonly certification: string; readonly required: number; readonly actual: number; readonly met: boolean; readonly shortfall: number };

/** A tier's requirements, each checked; a table "None" has no check. */
export type TierRequirements = { readonly tier: string; readonly met: boolean; readonly checks: readonly RequirementCheck[] };

/**
 * What the next tier still needs; zero where there is nothing to do:
 * `points`, `revenue`, one `` `${camelCase(K)}Certifications` `` per
 * certification kind K of the program (the built-in `profileCertifications`
 * and `salesCertifications`), and, when some tier of the version requires a
 * certification by name, `certifications` with each such certification's
 * missing holders.
 */
export type Shortfall = {
  readonly points: number;
  readonly revenue: string;
  readonly certifications?: { readonly [certification: string]: number };
} & { readonly [kindCertifications: `${string}Certifications`]: number };

/** How membership holds (R10), in order of precedence. */
export type MembershipBasis = 'basic-points' | 'professional-renewal' | 'fee';

/** Membership on the review date (R10). */
export type Membership = { readonly active: boolean; readonly basis: MembershipBasis | null; readonly bases: readonly MembershipBasis[] };

/** The fee position on the review date (R11). */
export type FeeStatus = {
  readonly status: 'waived' | 'paid' | 'due';
  readonly basis?: 'basic-points' | 'professional-renewal';
  readonly amountDue?: string;
  /** The fee period of `amountDue` (R11). */
  readonly period?: 'month' | 'quarter' | 'year';
  readonly annualAmount?: string;
  /** The last day paid for; `null` when the coverage runs past 9999-12-31. */
  readonly paidThrough?: IsoDate | null;
  /** The last day of the renewal waiver; `null` when it runs past 9999-12-31. */
  readonly waivedThrough?: IsoDate | null;
  /** The next partnership anniversary; `null` when it falls after 9999-12-31. */
  readonly nextAnniversary: IsoDate | null;
};

/** A credit the library derives itself: the partner-year points (R5). */
export type DerivedCredit = { readonly rule: 'R5'; readonly date: IsoDate; readonly points: number };

/**
 * What leaves the window next (R1): the earliest-dated items that count now,
 * the first review date on which they no longer do, and what they carry.
 */
export type LeavingNext = {
  /** The date of the items. */
  readonly date: IsoDate;
  /** The first review date without them; `null` when that falls after 9999-12-31 (they count in every review the calendar holds). */
  readonly on: IsoDate | null;
  /** Points of the entries and partner-year credits leaving (revenue excluded: it is floored on the sum). */
  readonly points: number;
  /** Revenue leaving, exactly. */
  readonly revenue: string;
  /** Ids of the entries leaving. */
  readonly entries: readonly string[];
};

/** The full, plain-JSON result of `evaluate`. */
export type Evaluation = {
  readonly asOf: IsoDate;
  readonly window: DateRange;
  readonly points: { readonly total: number; readonly pending: number; readonly byCategory: PointsByCategory };
  readonly revenue: { readonly total: string; readonly points: number };
  /** The valid pairs of each certification kind of the program (the built-in `profile` and `sales`), then the pairs. */
  readonly certifications: {
    readonly valid: readonly HeldCertification[];
    readonly expired: readonly HeldCertification[];
  } & { readonly [kind: string]: number | readonly HeldCertification[] };
  readonly tier: string | null;
  readonly tierName: string | null;
  readonly requirements: readonly TierRequirements[];
  readonly nextTier: { readonly tier: string; readonly tierName: string; readonly shortfall: Shortfall } | null;
  readonly membership: Membership;
  readonly fee: FeeStatus;
  readonly entries: readonly EntryOutcome[];
  readonly derived: readonly DerivedCredit[];
  /** The earliest items that leave the window as time passes, or `null` when nothing counts. */
  readonly leavingNext: LeavingNext | null;
  readonly program: { readonly id: string; readonly version: string; readonly currency: string };
};
