// tierMove across two tier tables (src/program/tierMove.ts): by a table that has both tiers, else by
// what the tiers require — points, revenue, then each certification count of the requirement lists
// (#16: a kind's pairs and a named certification's holders, a count a tier lacks as 0).
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../../src/program/compile';
import { defineProgram, exponentialProgram } from '../../src/index';
import type { TierRequirement } from '../../src/program/types';
import { securityDefinition } from './securityProgram';
import { tierMove } from '../../src/program/tierMove';

const builtIn = compileProgram(exponentialProgram).versions[0].tiers;

/** A one-tier table of the security program with `requirements` as its only tier. */
function table(id: string, requirements: TierRequirement[]) {
  const input = securityDefinition();
  const v = input.versions[0]!;
  v.tiers = [{ id, name: id, requirements, rule: 'R9', source: id }] as never;
  v.membershipTier = id;
  v.renewalTier = id;
  return compileProgram(defineProgram(input)).versions[0].tiers;
}

describe('tierMove', () => {
  it('ranks by a table that has both tiers (the later first)', () => {
    expect(tierMove('silver', 'gold', builtIn, builtIn)).toBe('up');
    expect(tierMove('gold', 'silver', builtIn, builtIn)).toBe('down');
    expect(tierMove('gold', null, builtIn, builtIn)).toBe('down');
    expect(tierMove(null, 'now', builtIn, builtIn)).toBe('up');
  });

  it('compares points, then revenue, when no table has both', () => {
    const a = table('a', [{ type: 'points', min: 8000 }, { type: 'revenue', min: '7200.00' }]);
    expect(tierMove('professional', 'a', builtIn, a)).toBeNull();
    expect(tierMove('professional', 'b', builtIn, table('b', [{ type: 'points', min: 8001 }]))).toBe('up');
    expect(tierMove('professional', 'c', builtIn, table('c', [{ type: 'points', min: 8000 }, { type: 'revenue', min: '7199.99' }]))).toBe('down');
  });

  it('then each certification count: a kind’s pairs, a named certification’s holders, a missing one as 0', () => {
    // Silver: 20,000 points, 12,000.00, 1 profile + 2 sales. The security program has no profile kind: 1 profile vs 0.
    const sales = table('s', [{ type: 'points', min: 20000 }, { type: 'revenue', min: '12000.00' }, { type: 'certifications', kind: 'sales', min: 2 }]);
    expect(tierMove('silver', 's', builtIn, sales)).toBe('down');
    const base = [{ type: 'points', min: 10000 }, { type: 'certifications', kind: 'security', min: 2 }] as TierRequirement[];
    const plain = table('plain', base);
    const named = table('named', [...base, { type: 'certification', certification: 'solution-architect', min: 1 }]);
    const more = table('more', [{ type: 'points', min: 10000 }, { type: 'certifications', kind: 'security', min: 3 }]);
    expect(tierMove('plain', 'named', plain, named)).toBe('up');
    expect(tierMove('named', 'plain', named, plain)).toBe('down');
    expect(tierMove('plain', 'more', plain, more)).toBe('up');
    // The same requirements in another order: the same tier under another id.
    const reordered = table('reordered', [{ type: 'certifications', kind: 'security', min: 2 }, { type: 'points', min: 10000 }]);
    expect(tierMove('plain', 'reordered', plain, reordered)).toBeNull();
  });
});
