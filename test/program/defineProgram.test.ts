import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defineProgram, evaluate, exponentialProgram, issueCodes, parseLedger, ValidationError, type LedgerIssue, type Program } from '../../src/index';
import { MAX_ISSUES } from '../../src/issues';
import { ledger, thrownIssues } from '../helpers/ledger';

/** A mutable deep copy of the built-in program, as plain JSON. */
function definition(): { id: string; name: string; versions: Record<string, any>[]; [key: string]: unknown } {
  return JSON.parse(JSON.stringify(exponentialProgram));
}

/** The issues `defineProgram` throws (fails the test when it accepts the input). */
function issuesOf(input: unknown): LedgerIssue[] {
  return thrownIssues(() => defineProgram(input));
}

function found(input: unknown): string[] {
  return issuesOf(input).map((i) => `${i.path} ${i.code}`);
}

describe('defineProgram', () => {
  describe('the built-in program', () => {
    it('is a valid definition and comes back equal', () => {
      const program = defineProgram(exponentialProgram);
      expect(program).toEqual(exponentialProgram);
      expect(program).not.toBe(exponentialProgram);
    });

    it('comes back equal from its JSON text too', () => {
      expect(defineProgram(definition())).toEqual(exponentialProgram);
    });

    it('evaluates the same as the built-in program (tier, fee, certifications, outcomes)', () => {
      const program = defineProgram(definition());
      const raw = ledger([
        { id: 'r1', type: 'revenue', date: '2026-01-10', amount: '12500.00', source: 'direct-sale' },
        { id: 'a1', type: 'activity', date: '2026-02-03', activity: 'premium-project', points: 9000 },
        { id: 'c1', type: 'certification', date: '2026-03-01', holder: 'jane', certification: 'developer' },
        { id: 'c2', type: 'certification', date: '2026-03-01', holder: 'jane', certification: 'sales-premium' },
        { id: 'c3', type: 'certification', date: '2026-03-01', holder: 'joe', certification: 'sales-newsletter' },
        { id: 'f1', type: 'fee-payment', date: '2026-01-01', months: 12, amount: '540.00' },
      ]);
      for (const asOf of ['2026-06-30', '2026-12-31', '2027-01-01']) {
        expect(evaluate(raw, { asOf, program })).toEqual(evaluate(raw, { asOf }));
      }
    });

    it('evaluates every example ledger the same as the built-in program', () => {
      const program = defineProgram(definition());
      const dir = new URL('../../examples/ledgers/', import.meta.url);
      const files = readdirSync(dir).filter((name) => name.endsWith('.json'));
      expect(files.length).toBeGreaterThanOrEqual(5);
      for (const name of files) {
        const raw: unknown = JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
        expect(evaluate(raw, { asOf: '2026-11-30', program }), name).toEqual(evaluate(raw, { asOf: '2026-11-30' }));
      }
    });
  });

  describe('what it returns', () => {
    it('is deep-frozen, and registered so parseLedger and evaluate accept it', () => {
      const program = defineProgram({ ...definition(), id: 'acme-partners' });
      expect(Object.isFrozen(program)).toBe(true);
      expect(Object.isFrozen(program.versions[0].tiers[0])).toBe(true);
      expect(Object.isFrozen(program.versions[0].activities[11]!.evidence!.words)).toBe(true);
      expect(parseLedger(ledger([]), { program }).ok).toBe(true);
      expect(evaluate(ledger([]), { asOf: '2026-06-30', program }).program).toMatchObject({ id: 'acme-partners', version: '2014.1' });
    });

    it('does not mutate or keep the definition', () => {
      const input = definition();
      const before = JSON.stringify(input);
      const program = defineProgram(input);
      expect(JSON.stringify(input)).toBe(before);
      expect(Object.isFrozen(input)).toBe(false);
      input.versions[0]!['tiers'][0].requirements[0].min = 1;
      expect(program.versions[0].tiers[0]!.requirements[0]).toEqual({ type: 'points', min: 3000 });
    });

    it('drops a top-level $schema', () => {
      const program = defineProgram({ $schema: '../schemas/program.schema.json', ...definition() });
      expect(program).toEqual(exponentialProgram);
      expect('$schema' in program).toBe(false);
    });

    it('a plain copy of a defined program is not a program until defined', () => {
      const copy = { ...defineProgram(definition()) } as Program;
      expect(() => evaluate(ledger([]), { asOf: '2026-06-30', program: copy })).toThrow(ValidationError);
    });
  });

  describe('shape (one issue per problem, with its path)', () => {
    it.each([null, 42, 'program', [], undefined])('refuses %j as one invalid-type issue', (value) => {
      const issues = issuesOf(value);
      expect(issues).toHaveLength(1);
      expect(issues[0]!.code).toBe('invalid-type');
    });

    it('refuses an unknown field anywhere (a typo must not vanish)', () => {
      const input = definition();
      input['description'] = 'x';
      input.versions[0]!['tiers'][4].pointz = 1;
      expect(found(input)).toEqual(['description unknown-field', 'versions[0].tiers[4].pointz unknown-field']);
    });

    it('names every missing field', () => {
      const input = definition();
      delete input.versions[0]!['fee'].amount;
      delete input.versions[0]!['activities'][7].kind;
      delete input.versions[0]!['tiers'][2].requirements;
      delete input.versions[0]!['certificationKinds'][1].source;
      expect(found(input)).toEqual([
        'versions[0].certificationKinds[1].source missing-field',
        'versions[0].tiers[2].requirements missing-field',
        'versions[0].activities[7].kind missing-field',
        'versions[0].fee.amount missing-field',
      ]);
    });

    it('requires at least one version and one tier', () => {
      expect(found({ ...definition(), versions: [] })).toEqual(['versions invalid-integer']);
      const input = definition();
      input.versions[0]!['tiers'] = [];
      expect(found(input)).toContain('versions[0].tiers invalid-integer');
    });

    it('refuses ids that are not kebab-case, saying so', () => {
      const input = definition();
      input.versions[0]!['activities'][7].id = 'Partner Year';
      input.versions[0]!['certifications'][0].id = 'dev_cert';
      const issues = issuesOf(input);
      expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual(['versions[0].activities[7].id invalid-value', 'versions[0].certifications[0].id invalid-value']);
      expect(issues[0]!.message).toContain('kebab-case');
    });

    it('requires positive integer activity points: 0, 1.5, "500" and -1 are refused, 1 is fine', () => {
      for (const [points, code] of [
        [0, 'invalid-integer'],
        [1.5, 'invalid-integer'],
        ['500', 'invalid-type'],
        [-1, 'invalid-integer'],
      ] as const) {
        const input = definition();
        input.versions[0]!['activities'][17].points = points;
        expect(found(input), String(points)).toEqual([`versions[0].activities[17].points ${code}`]);
      }
      const input = definition();
      input.versions[0]!['activities'][17].points = 1;
      expect(defineProgram(input).versions[0].activities[17]!.points).toBe(1);
    });

    it('requires fees and revenue thresholds as canonical decimal strings', () => {
      for (const bad of ['45', '45.0', '45.000', '-45.00', 45, '4,500.00', '1e3']) {
        const input = definition();
        input.versions[0]!['fee'].amount = bad;
        input.versions[0]!['tiers'][3].requirements[1].min = bad;
        const code = typeof bad === 'number' ? 'invalid-type' : 'invalid-amount';
        expect(found(input), String(bad)).toEqual([`versions[0].tiers[3].requirements[1].min ${code}`, `versions[0].fee.amount ${code}`]);
      }
      const input = definition();
      input.versions[0]!['fee'].amount = '39.50';
      input.versions[0]!['tiers'][3].requirements[1].min = '7200.125';
      const program = defineProgram(input);
      expect(program.versions[0].fee.amount).toBe('39.50');
      expect(program.versions[0].tiers[3]!.requirements[1]).toEqual({ type: 'revenue', min: '7200.125' });
    });

    it('requires a positive fee with a currency label and a period of month, quarter or year', () => {
      const input = definition();
      input.versions[0]!['fee'].amount = '0.00';
      input.versions[0]!['fee'].currency = '';
      expect(found(input)).toEqual(['versions[0].fee.currency invalid-value', 'versions[0].fee.amount invalid-amount']);
      const cent = definition();
      cent.versions[0]!['fee'].amount = '0.01';
      cent.versions[0]!['fee'].currency = 'EUR';
      expect(defineProgram(cent).versions[0].fee).toMatchObject({ amount: '0.01', period: 'month', currency: 'EUR' });
      for (const period of ['quarter', 'year'] as const) {
        const other = definition();
        other.versions[0]!['fee'].period = period;
        expect(defineProgram(other).versions[0].fee.period).toBe(period);
      }
      for (const period of ['week', 'window', 'monthly', undefined]) {
        const bad = definition();
        bad.versions[0]!['fee'].period = period;
        expect(found(bad), String(period)).toEqual([`versions[0].fee.period ${period === undefined ? 'missing-field' : 'invalid-value'}`]);
      }
    });

    it('refuses impossible dates', () => {
      const input = definition();
      input.versions[0]!['effectiveFrom'] = '2027-02-29';
      expect(found(input)).toEqual(['versions[0].effectiveFrom invalid-date']);
      input.versions[0]!['effectiveFrom'] = '2027-01-01T00:00:00Z';
      expect(found(input)).toEqual(['versions[0].effectiveFrom invalid-date']);
    });

    it('refuses functions and other non-JSON values', () => {
      const input = definition();
      input.versions[0]!['tiers'][0].requirements[0].min = () => 3000;
      input.versions[0]!['activities'][0].name = Symbol('x');
      expect(found(input)).toEqual(['versions[0].tiers[0].requirements[0].min invalid-type', 'versions[0].activities[0].name invalid-type']);
    });

    it('turns a hostile input into one issue, never a TypeError', () => {
      const hostile = new Proxy({}, { get: () => { throw new Error('boom'); }, ownKeys: () => { throw new Error('boom'); } });
      const issues = issuesOf(hostile);
      expect(issues).toHaveLength(1);
      expect(issues[0]!.code).toBe('invalid-type');
    });
  });

  describe('invariants', () => {
    it('unique ids in each table of a version, naming the earlier row', () => {
      const input = definition();
      input.versions[0]!['tiers'][5].id = 'silver';
      input.versions[0]!['activities'][7].id = 'case-study';
      input.versions[0]!['certifications'][2].id = 'design';
      const issues = issuesOf(input);
      expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual([
        'versions[0].tiers[5].id duplicate-id',
        'versions[0].activities[8].id duplicate-id',
        'versions[0].certifications[2].id duplicate-id',
      ]);
      expect(issues[0]!.message).toContain('versions[0].tiers[4].id');
      expect(issues[1]!.message).toContain('versions[0].activities[7].id');
    });

    it('an activity and a tier may share an id (separate tables)', () => {
      const input = definition();
      input.versions[0]!['activities'][17].id = 'gold';
      expect(defineProgram(input).versions[0].activities[17]!.id).toBe('gold');
    });

    it('unique version names and strictly ascending effectiveFrom', () => {
      const input = definition();
      const v = input.versions[0]!;
      input.versions = [v, { ...v, effectiveFrom: '2000-01-01' }, { ...v, version: '2027.1', effectiveFrom: '1999-12-31' }];
      const issues = issuesOf(input);
      expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual([
        'versions[1].version duplicate-id',
        'versions[1].effectiveFrom unordered-versions',
        'versions[2].effectiveFrom unordered-versions',
      ]);
      expect(issues[1]!.message).toContain('versions[0].effectiveFrom (2000-01-01)');
    });

    it('accepts versions one day apart', () => {
      const input = definition();
      const v = input.versions[0]!;
      input.versions = [v, { ...v, version: '2014.2', effectiveFrom: '2000-01-02' }];
      expect(defineProgram(input).versions.map((x) => x.effectiveFrom)).toEqual(['2000-01-01', '2000-01-02']);
    });

    it('tiers with non-decreasing points, revenue, profile and sales counts, at the requirement that drops', () => {
      const input = definition();
      const tiers = input.versions[0]!['tiers'];
      tiers[4].requirements[0].min = 7999; // below Professional's 8,000
      tiers[5].requirements[1].min = '11999.99'; // below Silver's 12,000.00
      tiers[5].requirements.splice(2, 1); // no profile requirement: 0, below Silver's 1
      tiers[6].requirements[3].min = 5; // below Gold's 6
      tiers[3].requirements.splice(1, 1); // no revenue above Basic's none is fine
      const issues = issuesOf(input);
      expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual([
        'versions[0].tiers[4].requirements[0].min unordered-tiers',
        'versions[0].tiers[5].requirements[1].min unordered-tiers',
        'versions[0].tiers[5].requirements unordered-tiers',
        'versions[0].tiers[6].requirements[3].min unordered-tiers',
      ]);
      expect(issues[0]!.message).toContain('"professional"');
      expect(issues[2]!.message).toBe('"gold" requires 0 profile certifications, fewer than "silver" below it (1): tiers go lowest first with non-decreasing requirements');
    });

    it('a tier with no revenue requirement above one with a requirement is unordered', () => {
      const input = definition();
      input.versions[0]!['tiers'][4].requirements.splice(1, 1);
      expect(found(input)).toEqual(['versions[0].tiers[4].requirements unordered-tiers']);
    });

    it('equal requirements are allowed (exactly at the threshold), and a requirement of 0 points or 0.00 revenue equals none', () => {
      const input = definition();
      const tiers = input.versions[0]!['tiers'];
      tiers[1].requirements[0].min = 3000;
      tiers[5].requirements[1].min = '12000.00';
      tiers[5].requirements[2].min = 1;
      tiers[5].requirements[3].min = 2;
      tiers[0].requirements.push({ type: 'revenue', min: '0.00' });
      expect(() => defineProgram(input)).not.toThrow();
      const zero = definition();
      zero.versions[0]!['tiers'][1].requirements = [];
      zero.versions[0]!['tiers'][0].requirements = [{ type: 'points', min: 0 }];
      expect(defineProgram(zero).versions[0].tiers[1]!.requirements).toEqual([]);
    });

    it('the order holds for every kind and named certification, in the requirement order (points, revenue, kinds, certifications)', () => {
      const input = definition();
      const tiers = input.versions[0]!['tiers'];
      tiers[4].requirements.push({ type: 'certification', certification: 'solution', min: 2 });
      tiers[5].requirements.unshift({ type: 'certification', certification: 'solution', min: 1 }); // fewer holders than Silver's 2
      tiers[5].requirements[1].min = 1; // points below Silver's 20,000
      // Platinum has no "solution" requirement at all: 0, below Gold's 1.
      expect(found(input)).toEqual([
        'versions[0].tiers[5].requirements[1].min unordered-tiers',
        'versions[0].tiers[5].requirements[0].min unordered-tiers',
        'versions[0].tiers[6].requirements unordered-tiers',
      ]);
      tiers[5].requirements[0].min = 2;
      tiers[5].requirements[1].min = 50000;
      tiers[6].requirements.push({ type: 'certification', certification: 'solution', min: 2 });
      expect(() => defineProgram(input)).not.toThrow();
    });

    it('a tier requiring certifications of a kind needs the kind defined and a catalogue certification of it', () => {
      const noSales = definition();
      noSales.versions[0]!['certifications'] = noSales.versions[0]!['certifications'].filter((c: { kind: string }) => c.kind === 'profile');
      const issues = issuesOf(noSales);
      expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual([
        'versions[0].tiers[4].requirements[3].kind missing-certification-kind',
        'versions[0].tiers[5].requirements[3].kind missing-certification-kind',
        'versions[0].tiers[6].requirements[3].kind missing-certification-kind',
      ]);
      expect(issues[0]!.message).toBe('requires 2 sales certification(s), but versions[0].certifications has no certification of kind "sales"');
      const undefinedKind = definition();
      undefinedKind.versions[0]!['tiers'][6].requirements.push({ type: 'certifications', kind: 'security', min: 1 });
      const undefinedIssues = issuesOf(undefinedKind);
      expect(undefinedIssues.map((i) => `${i.path} ${i.code}`)).toEqual(['versions[0].tiers[6].requirements[4].kind missing-certification-kind']);
      expect(undefinedIssues[0]!.message).toContain('versions[0].certificationKinds has no kind "security" ("profile", "sales")');
      const none = definition();
      none.versions[0]!['certifications'] = [];
      for (const tier of none.versions[0]!['tiers']) tier.requirements = tier.requirements.filter((r: { kind?: string }) => r.kind !== 'sales');
      expect(found(none).filter((x) => x.includes('missing-certification-kind'))).toHaveLength(3);
      for (const tier of none.versions[0]!['tiers']) tier.requirements = tier.requirements.filter((r: { type: string }) => r.type !== 'certifications');
      expect(() => defineProgram(none)).not.toThrow();
    });

    it('a tier requiring a certification by name needs it in the catalogue', () => {
      const input = definition();
      input.versions[0]!['tiers'][6].requirements.push({ type: 'certification', certification: 'architect', min: 1 });
      input.versions[0]!['tiers'][6].requirements.push({ type: 'certification', certification: 'solution', min: 1 });
      const issues = issuesOf(input);
      expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual(['versions[0].tiers[6].requirements[4].certification unknown-certification']);
      expect(issues[0]!.message).toContain('"architect"');
      input.versions[0]!['tiers'][6].requirements.splice(4, 1);
      expect(defineProgram(input).versions[0].tiers[6]!.requirements.at(-1)).toEqual({ type: 'certification', certification: 'solution', min: 1 });
    });

    it('at most one requirement of each type, kind and certification per tier', () => {
      const input = definition();
      // On the top tier, so that the order against the tier above is not in question.
      const platinum = input.versions[0]!['tiers'][6].requirements;
      platinum.push({ type: 'points', min: 200000 }, { type: 'certifications', kind: 'sales', min: 10 }, { type: 'certification', certification: 'solution', min: 1 }, { type: 'certification', certification: 'solution', min: 1 });
      platinum.push({ type: 'certification', certification: 'design', min: 1 }, { type: 'revenue', min: '30000.00' });
      const issues = issuesOf(input);
      expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual([
        'versions[0].tiers[6].requirements[4] duplicate-id',
        'versions[0].tiers[6].requirements[5] duplicate-id',
        'versions[0].tiers[6].requirements[7] duplicate-id',
        'versions[0].tiers[6].requirements[9] duplicate-id',
      ]);
      expect(issues[1]!.message).toBe('a second requirement of certifications of kind "sales": versions[0].tiers[6].requirements[3] has it already (one of each per tier)');
      // A kind and a certification of the same id are different requirements.
      const both = definition();
      both.versions[0]!['certifications'][0].id = 'profile';
      both.versions[0]!['tiers'][6].requirements.push({ type: 'certification', certification: 'profile', min: 1 });
      expect(() => defineProgram(both)).not.toThrow();
    });

    it('refuses a requirement of an unknown type, or a count below 1, with its path', () => {
      const input = definition();
      const tier = input.versions[0]!['tiers'][6];
      tier.requirements = [
        { type: 'points', min: 200000 },
        { type: 'revenue', min: '30000.00', extra: true },
        { type: 'referrals', min: 1 },
        { min: 1 },
        { type: 'certifications', kind: 'profile', min: 3 },
        { type: 'certifications', kind: 'sales', min: 0 },
        { type: 'certification', certification: 'solution', min: 1.5 },
      ];
      // Only these: a minimum the schema refuses is not compared with the tier below.
      expect(found(input)).toEqual([
        'versions[0].tiers[6].requirements[1].extra unknown-field',
        'versions[0].tiers[6].requirements[2].type invalid-value',
        'versions[0].tiers[6].requirements[3].type missing-field',
        'versions[0].tiers[6].requirements[5].min invalid-integer',
        'versions[0].tiers[6].requirements[6].min invalid-integer',
      ]);
    });

    it('membershipTier and renewalTier name tiers of their version', () => {
      const input = definition();
      input.versions[0]!['membershipTier'] = 'bronze';
      input.versions[0]!['renewalTier'] = 'diamond';
      const issues = issuesOf(input);
      expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual(['versions[0].membershipTier unknown-tier', 'versions[0].renewalTier unknown-tier']);
      expect(issues[0]!.message).toContain('now, starter, basic');
    });

    it('evidence words: min ≤ max (equal is fine)', () => {
      const input = definition();
      input.versions[0]!['activities'][11].evidence.words = { min: 1501, max: 1500 };
      expect(found(input)).toEqual(['versions[0].activities[11].evidence.words invalid-range']);
      input.versions[0]!['activities'][11].evidence.words = { min: 1500, max: 1500 };
      expect(() => defineProgram(input)).not.toThrow();
    });

    it('at most one derived row of each derivedFrom', () => {
      const input = definition();
      const activities = input.versions[0]!['activities'];
      activities.push({ ...activities[4], id: 'certification-bonus' });
      expect(found(input)).toEqual(['versions[0].activities[18].derivedFrom duplicate-derived-row']);
    });

    it('derivedFrom only on derived rows, and required there', () => {
      const input = definition();
      const activities = input.versions[0]!['activities'];
      activities[0].derivedFrom = 'partner-years';
      delete activities[4].derivedFrom;
      expect(found(input)).toEqual(['versions[0].activities[0].derivedFrom field-not-applicable', 'versions[0].activities[4].derivedFrom missing-field']);
    });

    it('maxYears only on the partner-years row, and required there', () => {
      const input = definition();
      const activities = input.versions[0]!['activities'];
      activities[4].maxYears = 3;
      activities[9].maxYears = 1;
      delete activities[7].maxYears;
      expect(found(input)).toEqual([
        'versions[0].activities[4].maxYears field-not-applicable',
        'versions[0].activities[7].maxYears missing-field',
        'versions[0].activities[9].maxYears field-not-applicable',
      ]);
    });

    it('no evidence on derived rows', () => {
      const input = definition();
      input.versions[0]!['activities'][7].evidence = { floss: true };
      expect(found(input)).toEqual(['versions[0].activities[7].evidence field-not-applicable']);
    });

    it('each row cites the rule of its table', () => {
      const input = definition();
      input.versions[0]!['tiers'][0].rule = 'R3';
      input.versions[0]!['activities'][0].rule = 'R9';
      input.versions[0]!['activities'][7].rule = 'R3'; // the partner-year row is R5
      input.versions[0]!['certifications'][0].rule = 'R9';
      input.versions[0]!['fee'].rule = 'R10';
      expect(found(input)).toEqual([
        'versions[0].tiers[0].rule invalid-value',
        'versions[0].activities[0].rule invalid-value',
        'versions[0].activities[7].rule invalid-value',
        'versions[0].certifications[0].rule invalid-value',
        'versions[0].fee.rule invalid-value',
      ]);
    });

    it('an activity keeps its kind in every version', () => {
      const input = definition();
      const later = JSON.parse(JSON.stringify(input.versions[0]));
      later.version = '2027.1';
      later.effectiveFrom = '2027-01-01';
      later.activities[6].kind = 'minimum'; // pipeline-share was fixed
      input.versions.push(later);
      expect(found(input)).toEqual(['versions[1].activities[6].kind inconsistent-row']);
    });
  });

  describe('one ValidationError with every issue', () => {
    it('reports schema and invariant issues together, in path order, each with a known code', () => {
      const input = definition();
      const v = input.versions[0]!;
      v['tiers'][4].requirements[0].min = 2; // unordered
      v['activities'][7].id = 'forum-post'; // duplicate of row 17
      v['membershipTier'] = 'bronze';
      v['fee'].amount = '45';
      v['categories'][0].id = 'bonus';
      v['tiers'][1].name = '';
      let error: unknown;
      try {
        defineProgram(input);
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(ValidationError);
      const issues = (error as ValidationError).issues;
      expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual([
        'versions[0].membershipTier unknown-tier',
        'versions[0].categories[0].id invalid-value',
        'versions[0].tiers[1].name invalid-value',
        'versions[0].tiers[4].requirements[0].min unordered-tiers',
        // The knowledge rows now name a category the version lacks.
        ...[11, 13, 14, 16].map((row) => `versions[0].activities[${row}].category invalid-value`),
        'versions[0].activities[17].id duplicate-id',
        'versions[0].activities[17].category invalid-value',
        'versions[0].fee.amount invalid-amount',
      ]);
      for (const found of issues) {
        expect(Object.keys(issueCodes)).toContain(found.code);
        expect(found.message.length).toBeGreaterThan(0);
      }
      expect((error as ValidationError).message).toContain('(+10 more)');
    });
  });
});

describe('defineProgram: any number of issues (#12)', () => {
  // A valid row with an id that is not kebab-case: exactly one issue per row, and no duplicate.
  const badRows = (count: number) => {
    const forumPost = exponentialProgram.versions[0].activities.find((row) => row.id === 'forum-post');
    return Array.from({ length: count }, (_, i) => ({ ...forumPost, id: `Bad-${i}` }));
  };
  const withBadRows = (count: number) => {
    const d = definition();
    d.versions[0]!['activities'] = [...d.versions[0]!['activities'], ...badRows(count)];
    return d;
  };
  const first = exponentialProgram.versions[0].activities.length;

  it('keeps the path of every issue of 200,000 invalid rows: the first 1,000 in order, then one too-many-issues', () => {
    const count = 200_000;
    const issues = issuesOf(withBadRows(count));
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(issues.slice(0, MAX_ISSUES).map((i) => `${i.path} ${i.code}`)).toEqual(Array.from({ length: MAX_ISSUES }, (_, i) => `versions[0].activities[${first + i}].id invalid-value`));
    expect(issues.at(-1)).toEqual({ path: '', code: 'too-many-issues', message: `${count} issues in all: the first ${MAX_ISSUES} are listed, ${count - MAX_ISSUES} more are not` });
  }, 30_000);

  it('caps the list as parseLedger does: exactly MAX_ISSUES as they are, 5,000 as MAX_ISSUES and a count', () => {
    expect(issuesOf(withBadRows(MAX_ISSUES))).toHaveLength(MAX_ISSUES);
    const many = issuesOf(withBadRows(5000));
    expect(many).toHaveLength(MAX_ISSUES + 1);
    expect(many.at(-1)).toMatchObject({ code: 'too-many-issues', message: `5000 issues in all: the first ${MAX_ISSUES} are listed, 4000 more are not` });
  });

  it('reports what one parse of the whole schema reports, row by row', () => {
    // Issues at every level at once: top level, a version's fields and unknown keys, rows of each table.
    const d = definition();
    d['extra'] = 1;
    d.versions[0]!['effectiveFrom'] = '2026-02-30';
    d.versions[0]!['zzz'] = true;
    d.versions[0]!['tiers'][2].requirements[0].min = -1;
    d.versions[0]!['activities'][0].kind = 'nope';
    d.versions[0]!['certifications'][1].unknown = 1;
    expect(found(d)).toEqual([
      'extra unknown-field',
      'versions[0].effectiveFrom invalid-date',
      'versions[0].zzz unknown-field',
      'versions[0].tiers[2].requirements[0].min invalid-integer',
      'versions[0].activities[0].kind invalid-value',
      'versions[0].certifications[1].unknown unknown-field',
    ]);
    expect(found({ ...definition(), versions: {} })).toEqual(['versions invalid-type']);
    expect(found({ ...definition(), versions: [{ ...definition().versions[0], tiers: 'x' }] })).toContain('versions[0].tiers invalid-type');
  });

  it('answers a revoked Proxy, or one whose traps throw, with one issue at the root', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(issuesOf(proxy)).toEqual([{ path: '', code: 'invalid-type', message: "the program definition could not be read: TypeError: Cannot perform 'IsArray' on a proxy that has been revoked" }]);
    const throwing = new Proxy(definition(), {
      get() {
        throw new Error('boom');
      },
    });
    expect(issuesOf(throwing)).toEqual([{ path: '', code: 'invalid-type', message: 'the program definition could not be read: Error: boom' }]);
  });
});

describe('defineProgram keeps exactly what it checked (#12)', () => {
  it('judges the invariants on the copy it returns, whatever a getter gives on each read', () => {
    const good = definition().versions;
    const duplicated = definition().versions;
    duplicated[0]!['tiers'][1] = { ...duplicated[0]!['tiers'][0] }; // schema-valid, but two tiers "now"
    for (const start of [0, 1]) {
      let reads = start;
      const input = { ...definition() } as Record<string, unknown>;
      Object.defineProperty(input, 'versions', { enumerable: true, get: () => (reads++ % 2 === 0 ? good : duplicated) });
      let program: Program | undefined;
      try {
        program = defineProgram(input);
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
      }
      if (program !== undefined) {
        const ids = program.versions[0]!.tiers.map((tier) => tier.id);
        expect(new Set(ids).size, `start ${start}`).toBe(ids.length);
      }
    }
  });
});
