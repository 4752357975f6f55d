import { describe, expect, it } from 'vitest';
import { defineProgram, diffPrograms, exponentialProgram } from '../../src/index';
import { thrownIssues as issuesOf } from '../helpers/ledger';

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
      v['tiers'][4].points = 25000;
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
      v['tiers'][3].revenue = null;
      v['tiers'][3].points = 7000;
      v['tiers'][2].revenue = '0.00';
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
      v['fee'].monthly = '50.00';
      v['membershipTier'] = 'starter';
      v['renewalTier'] = 'silver';
    });
    expect(diffPrograms(exponentialProgram, b).changes).toEqual([
      { change: 'changed', table: 'settings', id: 'membershipTier', rule: 'R10', fields: [{ field: 'membershipTier', old: 'basic', new: 'starter' }], message: 'membershipTier (R10): "basic" → "starter"' },
      { change: 'changed', table: 'settings', id: 'renewalTier', rule: 'R11', fields: [{ field: 'renewalTier', old: 'professional', new: 'silver' }], message: 'renewalTier (R11): "professional" → "silver"' },
      { change: 'changed', table: 'fee', id: 'fee', rule: 'R11', fields: [{ field: 'monthly', old: '45.00', new: '50.00' }], message: 'Fee (R11): monthly 45.00 USD → 50.00 USD' },
    ]);
  });

  it('is directional: swapping the programs swaps added and removed, old and new', () => {
    const b = defineProgram(edited((v) => {
      v['activities'].pop();
      v['tiers'][0].points = 2500;
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
        later.tiers[4].points = 25000;
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

  describe('bad input: one ValidationError with every issue', () => {
    it('validates raw definitions, with paths under a and b', () => {
      const bad = edited((v) => {
        v['tiers'][4].points = 1;
      });
      const issues = issuesOf(() => diffPrograms({ id: 'x' }, bad));
      expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual(['a.name missing-field', 'a.versions missing-field', 'b.versions[0].tiers[4].points unordered-tiers']);
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
