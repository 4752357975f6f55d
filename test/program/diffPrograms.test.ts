import { describe, expect, it } from 'vitest';
import { defineProgram, diffPrograms, exponentialProgram } from '../../src/index';
import { readFileSync } from 'node:fs';
import { thrownIssues as issuesOf } from '../helpers/ledger';
import { securityDefinition } from './securityProgram';

type Definition = { id: string; name: string; versions: Record<string, any>[] };

function definition(): Definition {
  return JSON.parse(JSON.stringify(exponentialProgram));
}

/** The built-in program with its one version changed by `edit`. */
function edited(edit: (version: Record<string, any>) => void): Definition {
  const input = definition();
  edit(input.versions[0]!);
  return input;
}

describe('diffPrograms', () => {
  it('finds nothing between a program and itself (or its definition)', () => {
    expect(diffPrograms(exponentialProgram, exponentialProgram)).toEqual({
      a: { id: 'exponential-partner-program', version: '2014.1', effectiveFrom: '2000-01-01' },
      b: { id: 'exponential-partner-program', version: '2014.1', effectiveFrom: '2000-01-01' },
      changes: [],
    });
    expect(diffPrograms(exponentialProgram, definition()).changes).toEqual([]);
  });

  it('reports a changed field with its old and new value and the row rule', () => {
    const b = edited((v) => {
      v['tiers'][4].requirements[0].min = 25000;
    });
    expect(diffPrograms(exponentialProgram, b).changes).toEqual([
      {
        change: 'changed',
        table: 'tiers',
        id: 'silver',
        rule: 'R9',
        fields: [{ field: 'points', old: 20000, new: 25000 }],
        message: 'Tier "Silver" (silver, R9): points 20,000 → 25,000',
      },
    ]);
  });

  it('lists several fields of one row in one change, money and "None" shown as such', () => {
    const b = edited((v) => {
      v['tiers'][3].requirements = [{ type: 'points', min: 7000 }];
      v['tiers'][2].requirements.push({ type: 'revenue', min: '0.00' });
    });
    const changes = diffPrograms(exponentialProgram, b).changes;
    expect(changes.map((c) => c.id)).toEqual(['basic', 'professional']);
    expect(changes[1]).toMatchObject({ fields: [{ field: 'points', old: 8000, new: 7000 }, { field: 'revenue', old: '7200.00', new: null }] });
    expect(changes[1]!.message).toBe('Tier "Professional" (professional, R9): points 8,000 → 7,000; revenue 7,200.00 USD → None');
    expect(changes[0]!.message).toBe('Tier "Basic" (basic, R9): revenue None → 0.00 USD');
  });

  it('reports added and removed rows with the whole row', () => {
    const b = edited((v) => {
      v['activities'] = v['activities'].filter((row: { id: string }) => row.id !== 'forum-post');
      v['activities'].push({ id: 'webinar', name: 'Webinar', points: 750, kind: 'fixed', category: 'knowledge', rule: 'R3', source: 'Webinar 750' });
      v['certifications'].push({ id: 'sales-cloud', name: 'Cloud Sales Certification', kind: 'sales', rule: 'R8', source: 'Cloud' });
    });
    const changes = diffPrograms(exponentialProgram, b).changes;
    expect(changes.map((c) => `${c.change} ${c.table} ${c.id} ${c.rule}`)).toEqual([
      'removed activities forum-post R3',
      'added activities webinar R3',
      'added certifications sales-cloud R8',
    ]);
    expect(changes[0]).toMatchObject({ row: { id: 'forum-post', points: 10 }, message: 'Removed activity "Forum post" (forum-post, R3)' });
    expect(changes[1]).toMatchObject({ row: { id: 'webinar', points: 750 }, message: 'Added activity "Webinar" (webinar, R3)' });
  });

  it('compares nested evidence field by field, absent fields as null', () => {
    const b = edited((v) => {
      v['activities'][11].evidence = { words: { min: 400 } };
      v['activities'][13].evidence.floss = false;
    });
    const changes = diffPrograms(exponentialProgram, b).changes;
    expect(changes).toMatchObject([
      { id: 'article', rule: 'R3', fields: [{ field: 'evidence.words.min', old: 500, new: 400 }, { field: 'evidence.words.max', old: 1500, new: null }, { field: 'evidence.floss', old: true, new: null }] },
      { id: 'tutorial', fields: [{ field: 'evidence.floss', old: null, new: false }] },
    ]);
  });

  it('reports the fee and the membership and renewal tiers', () => {
    const b = edited((v) => {
      v['fee'].amount = '50.00';
      v['membershipTier'] = 'starter';
      v['renewalTier'] = 'silver';
    });
    expect(diffPrograms(exponentialProgram, b).changes).toEqual([
      { change: 'changed', table: 'settings', id: 'membershipTier', rule: 'R10', fields: [{ field: 'membershipTier', old: 'basic', new: 'starter' }], message: 'membershipTier (R10): "basic" → "starter"' },
      { change: 'changed', table: 'settings', id: 'renewalTier', rule: 'R11', fields: [{ field: 'renewalTier', old: 'professional', new: 'silver' }], message: 'renewalTier (R11): "professional" → "silver"' },
      // Two fees per month: the amount keeps its 0.2 name.
      { change: 'changed', table: 'fee', id: 'fee', rule: 'R11', fields: [{ field: 'monthly', old: '45.00', new: '50.00' }], message: 'Fee (R11): monthly 45.00 USD → 50.00 USD' },
    ]);
    // A fee per year against one per month: `amount` and `period`.
    const yearly = edited((v) => {
      v['fee'].amount = '500.00';
      v['fee'].period = 'year';
    });
    expect(diffPrograms(exponentialProgram, yearly).changes).toEqual([
      {
        change: 'changed',
        table: 'fee',
        id: 'fee',
        rule: 'R11',
        fields: [
          { field: 'amount', old: '45.00', new: '500.00' },
          { field: 'period', old: 'month', new: 'year' },
        ],
        message: 'Fee (R11): amount 45.00 USD → 500.00 USD; period "month" → "year"',
      },
    ]);
  });

  it('is directional: swapping the programs swaps added and removed, old and new', () => {
    const b = defineProgram(edited((v) => {
      v['activities'].pop();
      v['tiers'][0].requirements[0].min = 2500;
    }));
    const forward = diffPrograms(exponentialProgram, b).changes;
    const backward = diffPrograms(b, exponentialProgram).changes;
    expect(forward.map((c) => c.change)).toEqual(['changed', 'removed']);
    expect(backward.map((c) => c.change)).toEqual(['changed', 'added']);
    expect(backward[0]).toMatchObject({ fields: [{ field: 'points', old: 2500, new: 3000 }] });
  });

  describe('versions', () => {
    const reform = defineProgram(
      (() => {
        const input = definition();
        const later = JSON.parse(JSON.stringify(input.versions[0]));
        later.version = '2027.1';
        later.effectiveFrom = '2027-01-01';
        later.tiers[4].requirements[0].min = 25000;
        input.versions.push(later);
        return input;
      })(),
    );

    it('compares the latest versions by default', () => {
      const diff = diffPrograms(exponentialProgram, reform);
      expect(diff.b).toEqual({ id: 'exponential-partner-program', version: '2027.1', effectiveFrom: '2027-01-01' });
      expect(diff.changes.map((c) => c.id)).toEqual(['silver']);
    });

    it('compares the versions in effect on a date: the day before and on effectiveFrom', () => {
      expect(diffPrograms(exponentialProgram, reform, { asOf: '2026-12-31' }).changes).toEqual([]);
      expect(diffPrograms(exponentialProgram, reform, { asOf: '2027-01-01' }).changes).toHaveLength(1);
    });

    it('compares two versions of one program with one date per side', () => {
      const diff = diffPrograms(reform, reform, { asOf: { a: '2026-12-31', b: '2027-01-01' } });
      expect([diff.a.version, diff.b.version]).toEqual(['2014.1', '2027.1']);
      expect(diff.changes).toMatchObject([{ id: 'silver', fields: [{ field: 'points', old: 20000, new: 25000 }] }]);
      expect(diffPrograms(reform, reform, { asOf: { a: '2026-12-31' } }).b.version).toBe('2027.1');
    });
  });

  // #16: the tables a program defines itself, its requirement lists, limits, caps and fee period.
  describe('programs with their own kinds, categories, requirements, limits and fee period', () => {
    const base = defineProgram(securityDefinition());
    const changed = (edit: (version: ReturnType<typeof securityDefinition>['versions'][number]) => void) => {
      const input = securityDefinition();
      edit(input.versions[0]!);
      return diffPrograms(base, defineProgram(input)).changes;
    };

    it('finds nothing between the program and its definition', () => {
      expect(diffPrograms(base, securityDefinition()).changes).toEqual([]);
    });

    it('reads a 0.2 definition as its requirement list: the 2027 example differs from the built-in program in Silver’s points only', () => {
      const reform = JSON.parse(readFileSync(new URL('../../examples/programs/exponential-2027.json', import.meta.url), 'utf8'));
      expect(diffPrograms(exponentialProgram, reform).changes.map((c) => c.change === 'changed' && c.fields.map((f) => `${c.id}.${f.field}`))).toEqual([['silver.points', 'silver.source']]);
    });

    it('reports certification kinds and categories added, removed and renamed, before the tiers', () => {
      const changes = changed((v) => {
        v.certificationKinds[1]!.name = 'Sales & Solutions';
        v.certificationKinds.push({ id: 'cloud-security', name: 'Cloud Security', rule: 'R8', source: 'Cloud Security Certifications' });
        v.certifications.push({ id: 'cloud-guard', name: 'Cloud Guard', kind: 'cloud-security', rule: 'R8', source: 'Cloud Guard' });
        v.categories.push({ id: 'events', name: 'Events', rule: 'R3', source: 'Events' });
      });
      expect(changes.map((c) => c.message)).toEqual([
        'Certification kind "Sales & Solutions" (sales, R8): name "Sales" → "Sales & Solutions"',
        'Added certification kind "Cloud Security" (cloud-security, R8)',
        'Added category "Events" (events, R3)',
        // No tier requires the new kind: a count of 0 on both sides, no tier changed.
        'Added certification "Cloud Guard" (cloud-guard, R8)',
      ]);
      expect(changes[1]).toMatchObject({ change: 'added', table: 'certificationKinds', id: 'cloud-security', rule: 'R8', row: { id: 'cloud-security', name: 'Cloud Security' } });
      expect(changes[2]).toMatchObject({ change: 'added', table: 'categories', id: 'events', rule: 'R3' });
    });

    it('reports a tier’s requirements as fields: points, revenue, a kind’s count, a named certification’s holders', () => {
      const changes = changed((v) => {
        v.tiers[1]!.requirements = [{ type: 'points', min: 12000 }, { type: 'certifications', kind: 'security', min: 3 }, { type: 'certification', certification: 'solution-architect', min: 1 }];
        v.tiers[2]!.requirements = v.tiers[2]!.requirements.map((r) => (r.type === 'certification' ? { ...r, min: 2 } : r));
      });
      expect(changes).toEqual([
        {
          change: 'changed',
          table: 'tiers',
          id: 'gold',
          rule: 'R9',
          fields: [
            { field: 'points', old: 10000, new: 12000 },
            { field: 'revenue', old: '5000.00', new: null },
            { field: 'securityCertifications', old: 2, new: 3 },
            { field: 'certifications.solution-architect', old: null, new: 1 },
          ],
          message: 'Tier "Gold" (gold, R9): points 10,000 → 12,000; revenue 5,000.00 USD → None; securityCertifications 2 → 3; certifications.solution-architect None → 1',
        },
        {
          change: 'changed',
          table: 'tiers',
          id: 'platinum',
          rule: 'R9',
          fields: [{ field: 'certifications.solution-architect', old: 1, new: 2 }],
          message: 'Tier "Platinum" (platinum, R9): certifications.solution-architect 1 → 2',
        },
      ]);
    });

    it('reports limits and caps field by field, and the fee’s amount and period', () => {
      const changes = changed((v) => {
        v.activities[0] = { ...v.activities[0]!, limit: { count: 6, per: 'quarter' } } as never;
        const { cap: _, ...forum } = v.activities[1]!;
        v.activities[1] = { ...forum, limit: { count: 10, per: 'month' } } as never;
        v.fee = { ...v.fee, amount: '150.00', period: 'quarter' };
      });
      expect(changes).toEqual([
        { change: 'changed', table: 'activities', id: 'webinar', rule: 'R3', fields: [{ field: 'limit.count', old: 4, new: 6 }], message: 'Activity "Webinar" (webinar, R3): limit.count 4 → 6' },
        {
          change: 'changed',
          table: 'activities',
          id: 'forum-post',
          rule: 'R3',
          fields: [
            { field: 'cap.points', old: 1000, new: null },
            { field: 'cap.per', old: 'year', new: null },
            { field: 'limit.count', old: null, new: 10 },
            { field: 'limit.per', old: null, new: 'month' },
          ],
          message: 'Activity "Forum post" (forum-post, R3): cap.points 1,000 → (none); cap.per "year" → (none); limit.count (none) → 10; limit.per (none) → "month"',
        },
        {
          change: 'changed',
          table: 'fee',
          id: 'fee',
          rule: 'R11',
          fields: [
            { field: 'amount', old: '500.00', new: '150.00' },
            { field: 'period', old: 'year', new: 'quarter' },
          ],
          message: 'Fee (R11): amount 500.00 USD → 150.00 USD; period "year" → "quarter"',
        },
      ]);
    });
  });

  describe('bad input: one ValidationError with every issue', () => {
    it('validates raw definitions, with paths under a and b', () => {
      const bad = edited((v) => {
        v['tiers'][4].requirements[0].min = 1;
      });
      const issues = issuesOf(() => diffPrograms({ id: 'x' }, bad));
      expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual(['a.name missing-field', 'a.versions missing-field', 'b.versions[0].tiers[4].requirements[0].min unordered-tiers']);
    });

    it('reports missing programs, bad dates and unknown options', () => {
      expect(issuesOf(() => diffPrograms(exponentialProgram, undefined)).map((i) => `${i.path} ${i.code}`)).toEqual(['b missing-field']);
      expect(issuesOf(() => diffPrograms(exponentialProgram, exponentialProgram, { asOf: '2027-02-30' })).map((i) => `${i.path} ${i.code}`)).toEqual(['asOf invalid-date']);
      expect(issuesOf(() => diffPrograms(exponentialProgram, exponentialProgram, { asOf: { a: 'x', b: 'y', c: 'z' } } as never)).map((i) => `${i.path} ${i.code}`)).toEqual([
        'asOf.c unknown-field',
        'asOf.a invalid-date',
        'asOf.b invalid-date',
      ]);
      expect(issuesOf(() => diffPrograms(exponentialProgram, exponentialProgram, { date: '2027-01-01' } as never)).map((i) => `${i.path} ${i.code}`)).toEqual(['date unknown-field']);
      expect(issuesOf(() => diffPrograms(exponentialProgram, exponentialProgram, null as never)).map((i) => i.code)).toEqual(['invalid-type']);
    });

    it('does not mutate the programs', () => {
      const input = definition();
      const before = JSON.stringify(input);
      diffPrograms(input, exponentialProgram);
      expect(JSON.stringify(input)).toBe(before);
    });
  });
});
