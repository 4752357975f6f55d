// Laws of programs as data, over generated tier tables and point values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareUnder, defineProgram, diffPrograms, evaluate, exponentialProgram, ValidationError } from '../../src/index';
import { ledgerArbitrary } from '../properties/arbitraries';

type Definition = { id: string; name: string; versions: Record<string, any>[] };

function definition(): Definition {
  return JSON.parse(JSON.stringify(exponentialProgram));
}

/** Seven tier point thresholds (any order) and a point value per activity row. */
const thresholds = fc.array(fc.integer({ min: 0, max: 300_000 }), { minLength: 7, maxLength: 7 });
const pointValues = fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 18, maxLength: 18 });

function withPoints(tierPoints: readonly number[], activityPoints: readonly number[] = []): Definition {
  const input = definition();
  input.versions[0]!['tiers'].forEach((tier: { points: number }, i: number) => (tier.points = tierPoints[i]!));
  activityPoints.forEach((points, i) => {
    const row = input.versions[0]!['activities'][i];
    row.points = points;
  });
  return input;
}

describe('programs (properties)', () => {
  it('defineProgram accepts sorted tier points and refuses exactly the tiers below their predecessor', () => {
    fc.assert(
      fc.property(thresholds, (points) => {
        const expected = points.flatMap((p, i) => (i > 0 && p < points[i - 1]! ? [`versions[0].tiers[${i}].points`] : []));
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
          ...version.tiers.filter((row, i) => row.points !== sorted[i]).map((row) => `tiers ${row.id}`),
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
