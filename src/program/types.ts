import type { IsoDate } from '../dates/isoDate';

/** A rule id of the rulebook (SPEC §2). */
export type RuleId = 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7' | 'R8' | 'R9' | 'R10' | 'R11' | 'R12';

/**
 * An activity category of the program (R3, R4): the built-in program's
 * `knowledge` and `program` ("How to Earn Points"), or those a program defines.
 */
export type ActivityCategory = string;

/**
 * How an activity row awards points (R3): `minimum` ("5,000+": the entry may
 * carry more), `per-attendee` (× `quantity`), `fixed`, or `derived` (credited
 * by the library from other data, never reported). How many entries count and
 * how many points they earn per period are the row's `limit` and `cap`. (The
 * 0.2 kind `monthly` is read by `defineProgram` as `fixed` with
 * `limit: { count: 1, per: 'month' }`.)
 */
export type ActivityKind = 'minimum' | 'per-attendee' | 'fixed' | 'derived';

/** The period a limit or a cap counts in: a calendar month, quarter or year, or the whole review window. */
export type LimitPeriod = 'month' | 'quarter' | 'year' | 'window';

/** At most `count` entries of a row count per period: the earliest by date, then input order (R3). */
export type ActivityLimit = { readonly count: number; readonly per: LimitPeriod };

/** A row earns at most `points` per period; the entry that crosses it counts for the points left under it (R3). */
export type PointsCap = { readonly points: number; readonly per: LimitPeriod };

/** Evidence an activity entry may carry; when present and not met the entry is excluded (R3). */
export type Evidence = {
  readonly words?: { readonly min?: number; readonly max?: number };
  readonly floss?: boolean;
};

/** Every table row cites its rule and the program sentence it encodes, verbatim. */
export type Cited = { readonly rule: RuleId; readonly source: string };

/** One row of "Sample Point-Generating Activities" (R3). */
export type ActivityRow = Cited & {
  readonly id: string;
  readonly name: string;
  readonly points: number;
  readonly kind: ActivityKind;
  readonly category: ActivityCategory;
  readonly evidence?: Evidence;
  /** For `derived` rows: where the points come from. */
  readonly derivedFrom?: 'certification-entries' | 'partner-years';
  /** For the partner-year row: how many partnership years earn the credit (R5). */
  readonly maxYears?: number;
  /** How many entries count per period (R3). */
  readonly limit?: ActivityLimit;
  /** How many points the row earns per period (R3). */
  readonly cap?: PointsCap;
};

/** A certification kind of the program (R8): the built-in `profile` and `sales`, or those a program defines. */
export type CertificationKindRow = Cited & { readonly id: string; readonly name: string };

/** An activity category of the program (R3, R4). */
export type CategoryRow = Cited & { readonly id: string; readonly name: string };

/** A certification of the catalogue (R8). */
export type CertificationRow = Cited & {
  readonly id: string;
  readonly name: string;
  /** A kind of the version's `certificationKinds`. */
  readonly kind: string;
};

/**
 * One requirement of a tier (R8, R9): points; minimum revenue; at least `min`
 * distinct valid (holder, certification) pairs of a kind; or a specific
 * certification validly held by at least `min` holders.
 */
export type TierRequirement =
  | { readonly type: 'points'; readonly min: number }
  | { readonly type: 'revenue'; readonly min: string }
  | { readonly type: 'certifications'; readonly kind: string; readonly min: number }
  | { readonly type: 'certification'; readonly certification: string; readonly min: number };

/**
 * One row of "Partner Levels & Requirements" (R9): its requirements as a
 * list. A table "None" is no requirement at all. (The 0.2 fields `points`,
 * `revenue`, `profileCertifications` and `salesCertifications` are read by
 * `defineProgram` as this list.)
 */
export type TierRow = Cited & {
  readonly id: string;
  readonly name: string;
  readonly requirements: readonly TierRequirement[];
};

/** How often the fee is paid (R11). */
export type FeePeriod = 'month' | 'quarter' | 'year';

/** The program fee (R11): `amount` per `period`. (The 0.2 field `monthly` is read by `defineProgram` as `amount` per month.) */
export type FeePolicy = Cited & {
  readonly amount: string;
  readonly period: FeePeriod;
  readonly currency: string;
};

/** One dated version of a program. */
export type ProgramVersion = {
  readonly version: string;
  readonly effectiveFrom: IsoDate;
  readonly currency: string;
  /** The tier whose requirements make a partner a member without fee (R10). */
  readonly membershipTier: string;
  /** The tier that, reached over a partnership year, waives the next year's fee (R11). */
  readonly renewalTier: string;
  /** The certification kinds a catalogue row names (R8). */
  readonly certificationKinds: readonly CertificationKindRow[];
  /** The categories activity rows and time entries name (R3, R4). */
  readonly categories: readonly CategoryRow[];
  readonly tiers: readonly TierRow[];
  readonly activities: readonly ActivityRow[];
  readonly certifications: readonly CertificationRow[];
  readonly fee: FeePolicy;
};

/** A partner program: an id, a name and its versions in ascending `effectiveFrom`. */
export type Program = {
  readonly id: string;
  readonly name: string;
  readonly versions: readonly [ProgramVersion, ...ProgramVersion[]];
};
