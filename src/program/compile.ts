/**
 * Lookup structures of a program, built on first use and cached per program
 * object (WeakMap): evaluators read numbers from here, never literals.
 */
import type { IsoDate } from '../dates/isoDate';
import { parseMoney, type Money } from '../money/money';
import { exponentialProgram } from './exponentialProgram';
import { kindCountKey } from './normalise';
import type { ActivityRow, CertificationRow, FeePeriod, Program, ProgramVersion, TierRow } from './types';

/**
 * A tier requirement ready to check (R8, R9), in the tier's list order:
 * points, revenue, or a count of the standing (`measure`: a certification
 * kind's valid pairs, or a specific certification's holders).
 */
export type CompiledRequirement =
  | { readonly type: 'points'; readonly min: number }
  | { readonly type: 'revenue'; readonly min: Money }
  | { readonly type: 'count'; readonly measure: number; readonly min: number };

/**
 * A tier with its requirements compiled: `points` and `revenue` are its
 * thresholds (0 and `null` when it has none), `counts` its count
 * requirements; `requirements` all of them in the row's order.
 */
export type CompiledTier = {
  readonly row: TierRow;
  readonly points: number;
  readonly revenue: Money | null;
  readonly counts: readonly { readonly measure: number; readonly min: number }[];
  readonly requirements: readonly CompiledRequirement[];
};

/** Months in a fee period (R11). */
export const periodMonths: Readonly<Record<FeePeriod, number>> = { month: 1, quarter: 3, year: 12 };

/** One program version, ready for evaluation. */
export type CompiledVersion = {
  readonly version: ProgramVersion;
  readonly activities: ReadonlyMap<string, ActivityRow>;
  readonly certifications: ReadonlyMap<string, CertificationRow>;
  readonly tiers: readonly CompiledTier[];
  readonly tierIndex: ReadonlyMap<string, number>;
  readonly membershipIndex: number;
  readonly renewalIndex: number;
  /** The fee per period, and the months of a period (R11). */
  readonly fee: { readonly amount: Money; readonly period: FeePeriod; readonly months: number };
  /** The certification kinds' ids, in the program's order: measures 0 … kinds.length − 1 of a standing (R8). */
  readonly kinds: readonly string[];
  /** Each kind's key in `nextTier.shortfall` (`profileCertifications`) and its requirement check's kind (`profile-certifications`), by kind measure. */
  readonly kindKeys: readonly string[];
  readonly kindChecks: readonly `${string}-certifications`[];
  /** The certifications some tier requires by name, in first-use order: the measures after the kinds (R9). */
  readonly specific: readonly string[];
  /** Each catalogue certification's kind measure and, when some tier requires it by name, its specific measure (else −1). */
  readonly measures: ReadonlyMap<string, { readonly kind: number; readonly specific: number }>;
  /** The activity categories' ids, in the program's order (R3, R4). */
  readonly categories: readonly string[];
  /** Points a certification pair earns (the derived `certification` row), 0 when the version has none. */
  readonly certificationPoints: number;
  /** Points per partnership year and how many years earn them (the derived `partner-year` row). */
  readonly partnerYearPoints: number;
  readonly partnerYears: number;
};

/** A program with every version compiled, and the ids any version knows. */
export type CompiledProgram = {
  readonly program: Program;
  readonly versions: readonly [CompiledVersion, ...CompiledVersion[]];
  /** Every activity row of any version, by id (the latest version's row wins). */
  readonly activities: ReadonlyMap<string, ActivityRow>;
  /** Every certification of any version, by id. */
  readonly certifications: ReadonlyMap<string, CertificationRow>;
  /** Every activity category of any version, in first-use order (R4: what a time entry may name). */
  readonly categories: readonly string[];
};

const cache = new WeakMap<Program, CompiledProgram>();
const registered = new WeakSet<Program>();

/** Marks a program as validated (`defineProgram` calls this). */
export function registerProgram(program: Program): void {
  registered.add(program);
}

/** Whether a value is the built-in program or one that `defineProgram` returned. */
export function isKnownProgram(value: unknown): value is Program {
  return value === exponentialProgram || registered.has(value as Program);
}

/** Rows by id; a later row with the same id wins. */
function byId<Row extends { readonly id: string }>(rows: readonly Row[]): ReadonlyMap<string, Row> {
  return new Map(rows.map((row) => [row.id, row] as const));
}

function compileTiers(version: ProgramVersion, kinds: readonly string[]): { tiers: CompiledTier[]; specific: string[] } {
  const specific: string[] = [];
  const tiers = version.tiers.map((row): CompiledTier => {
    let points = 0;
    let revenue: Money | null = null;
    const counts: { measure: number; min: number }[] = [];
    const requirements = row.requirements.map((requirement): CompiledRequirement => {
      switch (requirement.type) {
        case 'points':
          points = requirement.min;
          return requirement;
        case 'revenue':
          revenue = parseMoney(requirement.min) as Money;
          return { type: 'revenue', min: revenue };
        case 'certifications': {
          const measure = kinds.indexOf(requirement.kind);
          counts.push({ measure, min: requirement.min });
          return { type: 'count', measure, min: requirement.min };
        }
        default: {
          let at = specific.indexOf(requirement.certification);
          if (at < 0) at = specific.push(requirement.certification) - 1;
          const measure = kinds.length + at;
          counts.push({ measure, min: requirement.min });
          return { type: 'count', measure, min: requirement.min };
        }
      }
    });
    return { row, points, revenue, counts, requirements };
  });
  return { tiers, specific };
}

function compileVersion(version: ProgramVersion): CompiledVersion {
  const kinds = version.certificationKinds.map((row) => row.id);
  const { tiers, specific } = compileTiers(version, kinds);
  const measures = new Map(version.certifications.map((row) => [row.id, { kind: kinds.indexOf(row.kind), specific: specific.indexOf(row.id) }] as const));
  const tierIndex = new Map(version.tiers.map((row, index) => [row.id, index] as const));
  const partnerYear = version.activities.find((row) => row.derivedFrom === 'partner-years');
  const certification = version.activities.find((row) => row.derivedFrom === 'certification-entries');
  return {
    version,
    activities: byId(version.activities),
    certifications: byId(version.certifications),
    tiers,
    tierIndex,
    membershipIndex: tierIndex.get(version.membershipTier) ?? 0,
    renewalIndex: tierIndex.get(version.renewalTier) ?? 0,
    fee: { amount: parseMoney(version.fee.amount) as Money, period: version.fee.period, months: periodMonths[version.fee.period] },
    kinds,
    kindKeys: kinds.map(kindCountKey),
    kindChecks: kinds.map((kind) => `${kind}-certifications` as const),
    specific,
    measures,
    categories: version.categories.map((row) => row.id),
    certificationPoints: certification?.points ?? 0,
    partnerYearPoints: partnerYear?.points ?? 0,
    partnerYears: partnerYear?.maxYears ?? 0,
  };
}

/** The compiled form of a program (cached). */
export function compileProgram(program: Program): CompiledProgram {
  let compiled = cache.get(program);
  if (compiled === undefined) {
    compiled = {
      program,
      versions: program.versions.map(compileVersion) as [CompiledVersion, ...CompiledVersion[]],
      activities: byId(program.versions.flatMap((version) => version.activities)),
      certifications: byId(program.versions.flatMap((version) => version.certifications)),
      categories: [...new Set(program.versions.flatMap((version) => version.categories.map((row) => row.id)))],
    };
    cache.set(program, compiled);
  }
  return compiled;
}

/**
 * The version in effect on `date`: the latest with `effectiveFrom` on or
 * before it; the earliest version for dates before them all.
 */
export function versionAt(compiled: CompiledProgram, date: IsoDate): CompiledVersion {
  let chosen = compiled.versions[0];
  for (const candidate of compiled.versions) {
    if (candidate.version.effectiveFrom <= date) chosen = candidate;
  }
  return chosen;
}
