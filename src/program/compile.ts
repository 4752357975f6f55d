/**
 * Lookup structures of a program, built on first use and cached per program
 * object (WeakMap): evaluators read numbers from here, never literals.
 */
import type { IsoDate } from '../dates/isoDate';
import { parseMoney, type Money } from '../money/money';
import { exponentialProgram } from './exponentialProgram';
import type { ActivityRow, CertificationRow, Program, ProgramVersion, TierRow } from './types';

/** A tier with its revenue threshold parsed. */
export type CompiledTier = { readonly row: TierRow; readonly revenue: Money | null };

/** One program version, ready for evaluation. */
export type CompiledVersion = {
  readonly version: ProgramVersion;
  readonly activities: ReadonlyMap<string, ActivityRow>;
  readonly certifications: ReadonlyMap<string, CertificationRow>;
  readonly tiers: readonly CompiledTier[];
  readonly tierIndex: ReadonlyMap<string, number>;
  readonly membershipIndex: number;
  readonly renewalIndex: number;
  readonly monthlyFee: Money;
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

function compileVersion(version: ProgramVersion): CompiledVersion {
  const tiers = version.tiers.map((row) => ({ row, revenue: row.revenue === null ? null : (parseMoney(row.revenue) as Money) }));
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
    monthlyFee: parseMoney(version.fee.monthly) as Money,
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
