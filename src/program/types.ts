import type { IsoDate } from '../dates/isoDate';

/** A rule id of the rulebook (SPEC §2). */
export type RuleId = 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7' | 'R8' | 'R9' | 'R10' | 'R11' | 'R12';

/** The two activity categories of "How to Earn Points" (R3, R4). */
export type ActivityCategory = 'knowledge' | 'program';

/**
 * How an activity row awards points (R3): `minimum` ("5,000+": the entry may
 * carry more), `per-attendee` (× `quantity`), `monthly` (at most one per calendar
 * month), `fixed`, or `derived` (credited by the library from other data, never reported).
 */
export type ActivityKind = 'minimum' | 'per-attendee' | 'monthly' | 'fixed' | 'derived';

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
};

/** A certification of the catalogue (R8). */
export type CertificationRow = Cited & {
  readonly id: string;
  readonly name: string;
  readonly kind: 'profile' | 'sales';
};

/** One row of "Partner Levels & Requirements" (R9); `revenue: null` is "None". */
export type TierRow = Cited & {
  readonly id: string;
  readonly name: string;
  readonly points: number;
  readonly revenue: string | null;
  readonly profileCertifications: number;
  readonly salesCertifications: number;
};

/** The program fee (R11). */
export type FeePolicy = Cited & {
  readonly monthly: string;
  readonly period: 'month';
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
