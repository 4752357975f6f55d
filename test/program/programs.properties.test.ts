// Laws of programs as data, over generated tier tables and point values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareUnder, defineProgram, diffPrograms, evaluate, exponentialProgram, ValidationError } from '../../src/index';
import { ledgerArbitrary, runs } from '../properties/arbitraries';

type Definition = { id: string; name: string; versions: Record<string, any>[] };

function definition(): Definition {
  return JSON.parse(JSON.stringify(exponentialProgram));
}

/** Seven tier point thresholds (any order) and a point value per activity row. */
const thresholds = fc.array(fc.integer({ min: 0, max: 300_000 }), { minLength: 7, maxLength: 7 });
const pointValues = fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 18, maxLength: 18 });

function withPoints(tierPoints: readonly number[], activityPoints: readonly number[] = []): Definition {
  const input = definition();
  // Every tier's first requirement is its points.
  input.versions[0]!['tiers'].forEach((tier: { requirements: { min: number }[] }, i: number) => (tier.requirements[0]!.min = tierPoints[i]!));
  activityPoints.forEach((points, i) => {
    const row = input.versions[0]!['activities'][i];
    row.points = points;
  });
  return input;
}

const cite = (rule: string) => ({ rule, source: `Generated program, ${rule}` });
const money = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
/** n non-decreasing values from 0: running sums of small steps. */
const rising = (n: number, step: number) => fc.array(fc.integer({ min: 0, max: step }), { minLength: n, maxLength: n }).map((steps) => steps.map((_, i) => steps.slice(0, i + 1).reduce((a, b) => a + b, 0)));
const periods = ['month', 'quarter', 'year', 'window'] as const;

/**
 * One valid version, in either form where it can be: its own kinds (or none, read as profile and sales),
 * categories (or none: knowledge and program), 1–5 ordered tiers written as requirements or as 0.2
 * fields, rows with limits and caps (a fixed row sometimes as the 0.2 "monthly"), a fee of any period
 * or in the 0.2 "monthly" form. Activity ids name their kind, so a row keeps it in every version.
 */
const versionArbitrary = fc
  .record({
    kinds: fc.option(fc.subarray(['profile', 'sales', 'security', 'cloud-ops'], { minLength: 1 }), { nil: undefined }),
    categories: fc.option(fc.subarray(['knowledge', 'program', 'community'], { minLength: 1 }), { nil: undefined }),
    tierCount: fc.integer({ min: 1, max: 5 }),
    named: fc.boolean(),
    legacyTiers: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    optionalCitations: fc.boolean(),
    rows: fc.array(fc.record({ kind: fc.constantFrom('minimum', 'per-attendee', 'fixed'), asMonthly: fc.boolean(), limit: fc.option(fc.record({ count: fc.integer({ min: 1, max: 5 }), per: fc.constantFrom(...periods) }), { nil: undefined }), cap: fc.option(fc.record({ points: fc.integer({ min: 1, max: 9000 }), per: fc.constantFrom(...periods) }), { nil: undefined }), points: fc.integer({ min: 1, max: 5000 }) }), { maxLength: 6 }),
    fee: fc.record({ cents: fc.integer({ min: 1, max: 99_999 }), period: fc.constantFrom('month', 'quarter', 'year', 'legacy') }),
  })
  .chain((shape) => {
    const kinds = shape.kinds ?? ['profile', 'sales'];
    return fc.record({ shape: fc.constant(shape), points: rising(shape.tierCount, 5000), revenue: rising(shape.tierCount, 300_000), counts: fc.tuple(...kinds.map(() => rising(shape.tierCount, 3))), holders: rising(shape.tierCount, 2) });
  })
  .map(({ shape, points, revenue, counts, holders }) => {
    const kinds = shape.kinds ?? ['profile', 'sales'];
    const categories = shape.categories ?? ['knowledge', 'program'];
    const builtInKinds = kinds.every((kind, i) => kind === ['profile', 'sales'][i]) && kinds.length === 2;
    const tiers = points.map((min, t) => {
      const base = { id: `tier-${t}`, name: `Tier ${t}` };
      if (shape.legacyTiers[t] && builtInKinds && !shape.named) {
        return { ...base, points: min, revenue: revenue[t] === 0 ? null : money(revenue[t]!), profileCertifications: counts[0]![t], salesCertifications: counts[1]![t], ...cite('R9') };
      }
      const requirements: Record<string, unknown>[] = [{ type: 'points', min }];
      if (revenue[t]! > 0) requirements.push({ type: 'revenue', min: money(revenue[t]!) });
      kinds.forEach((kind, k) => counts[k]![t]! > 0 && requirements.push({ type: 'certifications', kind, min: counts[k]![t] }));
      if (shape.named && holders[t]! > 0) requirements.push({ type: 'certification', certification: `${kinds[0]}-cert-0`, min: holders[t] });
      return { ...base, requirements, ...cite('R9') };
    });
    const activities = shape.rows.map((row, i) => {
      const monthly = row.kind === 'fixed' && row.asMonthly;
      return {
        id: `${row.kind}-${i}`,
        name: `Row ${i}`,
        points: row.points,
        kind: monthly ? 'monthly' : row.kind,
        category: categories[i % categories.length],
        ...(row.limit === undefined || monthly ? {} : { limit: row.limit }),
        ...(row.cap === undefined ? {} : { cap: row.cap }),
        ...cite('R3'),
      };
    });
    activities.push({ id: 'certification', name: 'Certification', points: 500, kind: 'derived', category: categories[0]!, derivedFrom: 'certification-entries', ...cite('R8') } as never);
    const fee = shape.fee.period === 'legacy' ? { monthly: money(shape.fee.cents), currency: 'EUR', ...cite('R11') } : { amount: money(shape.fee.cents), period: shape.fee.period, currency: 'EUR', ...cite('R11') };
    const optional = shape.optionalCitations;
    return {
      currency: 'EUR',
      membershipTier: 'tier-0',
      renewalTier: `tier-${shape.tierCount - 1}`,
      ...(shape.kinds === undefined ? {} : { certificationKinds: kinds.map((id) => ({ id, name: id, ...(optional ? {} : { rule: 'R8' }), source: `${id} certifications` })) }),
      ...(shape.categories === undefined ? {} : { categories: categories.map((id) => ({ id, name: id, ...(optional ? {} : cite('R3')) })) }),
      tiers,
      activities,
      certifications: kinds.flatMap((kind) => [0, 1].map((n) => ({ id: `${kind}-cert-${n}`, name: `${kind} ${n}`, kind, ...cite('R8') }))),
      fee,
    };
  });

/** A valid definition of 1–3 versions. */
const definitionArbitrary = fc.array(versionArbitrary, { minLength: 1, maxLength: 3 }).map((versions) => ({
  id: 'generated',
  name: 'Generated',
  versions: versions.map((version, i) => ({ version: `v${i}`, effectiveFrom: `${2020 + i}-01-01`, ...version })),
}));

describe('programs (properties)', () => {
  it('defineProgram accepts every generated valid definition (either form) and is idempotent, key order included', () => {
    fc.assert(
      fc.property(definitionArbitrary, (input) => {
        const once = defineProgram(input);
        const twice = defineProgram(once);
        expect(twice).toEqual(once);
        expect(JSON.stringify(twice)).toBe(JSON.stringify(once));
        // The canonical shape: no 0.2 field survives.
        const text = JSON.stringify(once);
        for (const legacy of ['"monthly"', '"profileCertifications"', '"salesCertifications"']) expect(text).not.toContain(legacy);
        expect(once.versions.every((version) => version.certificationKinds !== undefined && version.categories !== undefined)).toBe(true);
      }),
      runs(150),
    );
  });

  it('defineProgram answers corrupted fields of a valid definition with issues, never an error from inside', () => {
    // A fresh copy each time: a shared object put in two places could later be made to hold itself.
    const junk = fc.constantFrom<unknown>(undefined, null, 0, -1, 1.5, '', 'x', 'month', '0.00', '-1.00', [], {}, [{}], { type: 'points' }, true).map((value) => (value === undefined ? value : structuredClone(value)));
    /** Every path to a value of the definition (objects and arrays included), depth first. */
    const pathsOf = (node: unknown, at: (string | number)[] = []): (string | number)[][] =>
      typeof node !== 'object' || node === null ? [] : Object.entries(node).flatMap(([key, child]) => [[...at, key], ...pathsOf(child, [...at, key])]);
    fc.assert(
      fc.property(definitionArbitrary, fc.array(fc.tuple(fc.nat(), junk), { minLength: 1, maxLength: 8 }), (input, corruptions) => {
        const changed: string[] = [];
        for (const [pick, value] of corruptions) {
          const paths = pathsOf(input);
          const path = paths[pick % paths.length]!;
          const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], input);
          parent[path.at(-1)!] = value;
          changed.push(path.join('.'));
        }
        try {
          defineProgram(input);
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
          expect((error as ValidationError).issues.map((i) => i.message).join('\n'), changed.join(', ')).not.toContain('could not be read');
        }
      }),
      runs(400),
    );
  });

  it('defineProgram accepts sorted tier points and refuses exactly the tiers below their predecessor', () => {
    fc.assert(
      fc.property(thresholds, (points) => {
        const expected = points.flatMap((p, i) => (i > 0 && p < points[i - 1]! ? [`versions[0].tiers[${i}].requirements[0].min`] : []));
        try {
          defineProgram(withPoints(points));
          expect(expected).toEqual([]);
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
          expect((error as ValidationError).issues.map((i) => i.path)).toEqual(expected);
          expect((error as ValidationError).issues.every((i) => i.code === 'unordered-tiers')).toBe(true);
        }
      }),
    );
  });

  it('diffPrograms lists exactly the rows whose points differ, and nothing between a program and itself', () => {
    fc.assert(
      fc.property(thresholds, pointValues, (tierPoints, activityPoints) => {
        const sorted = [...tierPoints].sort((a, b) => a - b);
        const program = defineProgram(withPoints(sorted, activityPoints));
        expect(diffPrograms(program, program).changes).toEqual([]);
        const [version] = exponentialProgram.versions;
        const expected = [
          ...version.tiers.filter((row, i) => row.requirements[0]!.min !== sorted[i]).map((row) => `tiers ${row.id}`),
          ...version.activities.filter((row, i) => row.points !== activityPoints[i]).map((row) => `activities ${row.id}`),
        ];
        const changes = diffPrograms(exponentialProgram, program).changes;
        expect(changes.map((c) => `${c.table} ${c.id}`)).toEqual(expected);
        for (const change of changes) expect(change.change === 'changed' ? change.fields.map((f) => f.field) : []).toEqual(['points']);
      }),
    );
  });

  it('compareUnder agrees with evaluate under each program, and a program compared with itself moves nobody', () => {
    fc.assert(
      fc.property(thresholds, fc.array(ledgerArbitrary(20), { minLength: 1, maxLength: 3 }), (tierPoints, ledgers) => {
        const program = defineProgram(withPoints([...tierPoints].sort((a, b) => a - b)));
        const asOf = '2026-11-30';
        const comparison = compareUnder(ledgers, { asOf, base: exponentialProgram, candidate: program });
        ledgers.forEach((ledger, i) => {
          expect(comparison.partners[i]!.base.tier).toBe(evaluate(ledger, { asOf }).tier);
          expect(comparison.partners[i]!.candidate.tier).toBe(evaluate(ledger, { asOf, program }).tier);
        });
        expect(compareUnder(ledgers, { asOf, base: program, candidate: program }).counts).toEqual({ up: 0, down: 0, same: ledgers.length });
      }),
      { numRuns: 30 },
    );
  });
});
