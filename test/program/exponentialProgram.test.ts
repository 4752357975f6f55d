import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { activities, certifications, defineProgram, evaluate, exponentialProgram, feePolicy, rules, tiers } from '../../src/index';
import * as csvEntry from '../../src/csv/index';
import * as library from '../../src/index';
import * as pdfEntry from '../../src/pdf/index';
import { normaliseProgram } from '../../src/program/normalise';
import { requirementOf } from '../helpers/tiers';
import { getProgramSchema } from '../../src/program/schema';

const programText = readFileSync(new URL('../fixtures/partner-program.txt', import.meta.url), 'utf8');
const lines = programText.split('\n').map((line) => line.replace(/^\s*•\s*/, '').trim());

/** "5,000+" → 5000 */
function number(text: string): number {
  return Number(text.replace(/[,+$]/g, ''));
}

describe('exponentialProgram', () => {
  it('is a valid program definition', () => {
    const result = getProgramSchema().safeParse(exponentialProgram);
    expect(result.success ? [] : result.error.issues).toEqual([]);
    // The schema's copy also reads the 0.2 views (non-enumerable on the literal) as fields; normalised, it is the literal.
    expect(normaliseProgram(result.data)).toEqual(exponentialProgram);
  });

  it('passes through defineProgram unchanged (all invariants hold), and evaluates the same', () => {
    const defined = defineProgram(exponentialProgram);
    expect(defined).toEqual(exponentialProgram);
    const ledger = { partner: { id: 'p', joinedOn: '2024-01-01' }, entries: [{ id: 'r1', type: 'revenue', date: '2026-01-10', amount: '7200.00', source: 'direct-sale' }] };
    expect(evaluate(ledger, { asOf: '2026-06-30', program: defined })).toEqual(evaluate(ledger, { asOf: '2026-06-30' }));
  });

  it('has one version with 7 tiers, 18 activity rows, 6 certifications and the $45 fee', () => {
    expect(exponentialProgram.versions).toHaveLength(1);
    const [version] = exponentialProgram.versions;
    expect(version.tiers).toHaveLength(7);
    expect(version.activities).toHaveLength(18);
    expect(version.certifications).toHaveLength(6);
    expect(version.fee).toMatchObject({ amount: '45.00', period: 'month' });
    expect(version.certificationKinds.map((row) => row.id)).toEqual(['profile', 'sales']);
    expect(version.categories.map((row) => row.id)).toEqual(['knowledge', 'program']);
    expect(version.membershipTier).toBe('basic');
    expect(version.renewalTier).toBe('professional');
  });

  it('cites a program line verbatim on every row', () => {
    const rows = [...activities, ...tiers, ...certifications, feePolicy];
    for (const row of rows) expect(lines, `${row.source} (${row.rule})`).toContain(row.source.replace(/^\s*•\s*/, ''));
    for (const rule of rules) for (const source of rule.sources) expect(programText.replace(/\s+/g, ' ')).toContain(source);
  });

  it('has unique ids in every table', () => {
    for (const table of [activities, tiers, certifications]) {
      const ids = table.map((row) => row.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});

describe('R3 activity table matches the program text', () => {
  it.each(activities.map((row) => [row.id, row] as const))('%s', (_, row) => {
    // The source line ends with the points: "5,000+", "2,000", "1,000/year".
    const m = /([\d,]+)(\+|\/year)?$/.exec(row.source);
    expect(m).not.toBeNull();
    expect(number(m![1]!)).toBe(row.points);
    expect(row.kind === 'minimum').toBe(m![2] === '+');
    expect(row.rule).toBe(row.kind === 'derived' ? (row.id === 'certification' ? 'R8' : 'R5') : 'R3');
  });

  it('puts exactly the knowledge-sharing rows in the knowledge category', () => {
    const knowledge = activities.filter((row) => row.category === 'knowledge').map((row) => row.id);
    expect(knowledge.sort()).toEqual(['article', 'bug-report', 'conference-talk', 'forum-post', 'tutorial']);
  });

  it('has the kinds of the SPEC', () => {
    const kinds = Object.fromEntries(activities.map((row) => [row.id, row.kind]));
    expect(kinds).toMatchObject({
      'premium-project': 'minimum',
      'exponential-6-project': 'minimum',
      'newsletter-project': 'minimum',
      'training-course': 'per-attendee',
      certification: 'derived',
      'partner-year': 'derived',
      'pipeline-share': 'fixed',
      'event-attendance': 'fixed',
    });
  });

  it('limits exactly the monthly row to one entry per calendar month (its line says “monthly”)', () => {
    expect(activities.filter((row) => 'limit' in row).map((row) => [row.id, (row as { limit?: unknown }).limit])).toEqual([['pipeline-share', { count: 1, per: 'month' }]]);
    expect(activities.filter((row) => 'cap' in row)).toEqual([]);
  });
});

describe('R9 tier table matches the program text', () => {
  it.each(tiers.map((row) => [row.id, row] as const))('%s', (_, row) => {
    const line = lines.find((candidate) => candidate.startsWith(`${row.name} `));
    expect(line).toBe(row.source);
    const m = /^(\w+) ([\d,]+) (None|\$[\d,]+ USD) (None|(\d+) Profile \+ (\d+) Sales)$/.exec(row.source);
    expect(m).not.toBeNull();
    // The requirements in the table's column order; a "None" is no requirement.
    const expected = [
      { type: 'points', min: number(m![2]!) },
      ...(m![3] === 'None' ? [] : [{ type: 'revenue', min: `${number(m![3]!.replace(' USD', ''))}.00` }]),
      ...(m![5] === undefined ? [] : [{ type: 'certifications', kind: 'profile', min: Number(m![5]) }]),
      ...(m![6] === undefined ? [] : [{ type: 'certifications', kind: 'sales', min: Number(m![6]) }]),
    ];
    expect(row.requirements).toEqual(expected);
  });

  it('lists the tiers lowest first with non-decreasing requirements', () => {
    expect(tiers.map((row) => row.id)).toEqual(['now', 'starter', 'basic', 'professional', 'silver', 'gold', 'platinum']);
    for (let i = 1; i < tiers.length; i++) {
      const [a, b] = [tiers[i - 1]!, tiers[i]!];
      expect(requirementOf(b, 'points')).toBeGreaterThan(requirementOf(a, 'points'));
      expect(requirementOf(b, 'revenue')).toBeGreaterThanOrEqual(requirementOf(a, 'revenue'));
      expect(requirementOf(b, 'certifications', 'profile')).toBeGreaterThanOrEqual(requirementOf(a, 'certifications', 'profile'));
      expect(requirementOf(b, 'certifications', 'sales')).toBeGreaterThanOrEqual(requirementOf(a, 'certifications', 'sales'));
    }
  });
});

describe('R8 certification catalogue', () => {
  it('has three profile and three sales certifications', () => {
    expect(certifications.filter((row) => row.kind === 'profile').map((row) => row.id)).toEqual(['developer', 'design', 'solution']);
    expect(certifications.filter((row) => row.kind === 'sales').map((row) => row.id)).toEqual(['sales-premium', 'sales-exponential-6', 'sales-newsletter']);
  });
});

describe('R11 fee policy', () => {
  it('is $45 a month, citing the program', () => {
    expect(feePolicy).toMatchObject({ amount: '45.00', period: 'month', currency: 'USD', rule: 'R11' });
    expect(feePolicy.source).toContain('$45 USD');
  });
});

/** Every object and array inside `value` (itself included), with its path. */
function objectsIn(value: unknown, path: string, out: [string, object][] = []): [string, object][] {
  if (typeof value === 'object' && value !== null) {
    out.push([path, value]);
    for (const key of Object.keys(value)) objectsIn((value as Record<string, unknown>)[key], `${path}.${key}`, out);
  }
  return out;
}

describe('the built-in tables are deeply frozen (shared data no caller can change)', () => {
  const tables = { exponentialProgram, activities, tiers, certifications, feePolicy, rules } as const;
  const ledger = {
    partner: { id: 'p', joinedOn: '2024-01-01' },
    entries: [
      { id: 'r1', type: 'revenue', date: '2026-01-10', amount: '7200.00', source: 'direct-sale' },
      { id: 'a1', type: 'activity', date: '2026-02-03', activity: 'article', words: 900, floss: true },
      { id: 'c1', type: 'certification', date: '2026-03-01', holder: 'h', certification: 'developer' },
      { id: 'f1', type: 'fee-payment', date: '2026-01-01', months: 1, amount: '45.00' },
    ],
  };

  it.each(Object.entries(tables))('%s and everything in it', (name, table) => {
    const objects = objectsIn(table, name);
    // A table and each of its rows at least.
    expect(objects.length).toBeGreaterThanOrEqual(Array.isArray(table) ? table.length + 1 : 1);
    for (const [path, object] of objects) expect(Object.isFrozen(object), path).toBe(true);
  });

  it('freezes the nested rows, quotes and evidence', () => {
    const article = activities.find((row) => row.id === 'article');
    expect(Object.isFrozen(article?.evidence)).toBe(true);
    expect(Object.isFrozen(article?.evidence?.words)).toBe(true);
    expect(Object.isFrozen(rules[0]?.sources)).toBe(true);
    expect(Object.isFrozen(exponentialProgram.versions)).toBe(true);
    expect(Object.isFrozen(exponentialProgram.versions[0])).toBe(true);
    // The program holds the very tables that are exported: one frozen copy of each.
    expect(exponentialProgram.versions[0].activities).toBe(activities);
    expect(exponentialProgram.versions[0].tiers).toBe(tiers);
    expect(exponentialProgram.versions[0].certifications).toBe(certifications);
    expect(exponentialProgram.versions[0].fee).toBe(feePolicy);
  });

  it('refuses every write in strict mode with a TypeError, and no evaluation changes', () => {
    const before = evaluate(ledger, { asOf: '2026-06-30' });
    const writable = <T>(value: T) => value as { -readonly [K in keyof T]: unknown };
    const article = activities.find((row) => row.id === 'article');
    const writes: [string, () => unknown][] = [
      ['a tier threshold', () => (writable(tiers[3].requirements[0]).min = 0)],
      ['a tier requirement list', () => (writable(tiers[3].requirements) as unknown as unknown[]).pop()],
      ['another tier', () => (writable(tiers)[0] = { ...tiers[6] })],
      ['an activity row', () => (writable(activities[5]).points = 1_000_000)],
      ['a new activity', () => (activities as unknown as unknown[]).push({ id: 'x' })],
      ['evidence bounds', () => ((article?.evidence?.words as { max?: number }).max = 1)],
      ['evidence removed', () => delete (article as { evidence?: unknown }).evidence],
      ['a certification kind', () => (writable(certifications[0]).kind = 'sales')],
      ['the fee', () => (writable(feePolicy).amount = '0.00')],
      ['a rule quote', () => (rules[0]?.sources as unknown as string[]).push('x')],
      ['a rule title', () => (writable(rules[0]).title = 'x')],
      ['the program versions', () => (writable(exponentialProgram).versions = [])],
      ['the tiers of the version', () => (writable(exponentialProgram.versions[0]).tiers = [])],
      ['the membership tier', () => (writable(exponentialProgram.versions[0]).membershipTier = 'now')],
      ['a prototype', () => Object.setPrototypeOf(feePolicy, { amount: '0.00' })],
    ];
    for (const [name, write] of writes) expect(write, name).toThrow(TypeError);
    expect(evaluate(ledger, { asOf: '2026-06-30' })).toEqual(before);
    expect(evaluate(ledger, { asOf: '2026-06-30', program: defineProgram(exponentialProgram) })).toEqual(before);
  });

  it('freezes with the one helper defineProgram uses', () => {
    const sources = (dir: URL): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? sources(new URL(`${entry.name}/`, dir)) : entry.name.endsWith('.ts') ? [readFileSync(new URL(entry.name, dir), 'utf8')] : [],
      );
    const helpers = sources(new URL('../../src/', import.meta.url)).join('\n').match(/function deepFreeze\b/g) ?? [];
    expect(helpers).toHaveLength(1);
    const defined = defineProgram(exponentialProgram);
    for (const [path, object] of objectsIn(defined, 'defined')) expect(Object.isFrozen(object), path).toBe(true);
  });
});

describe('every value the package exports is deeply frozen (#12: no list a caller can widen)', () => {
  // Read from the entries themselves, so the next exported table or list is checked the day it is added.
  const entries = { '.': library, './csv': csvEntry, './pdf': pdfEntry };
  const values = Object.entries(entries).flatMap(([entry, exports]) =>
    Object.entries(exports)
      .filter(([, value]) => typeof value !== 'function')
      .map(([name, value]) => [`${entry} ${name}`, value] as const),
  );
  const objects = values.filter(([, value]) => typeof value === 'object' && value !== null);

  it('finds the exported tables and lists', () => {
    const names = ['exponentialProgram', 'activities', 'tiers', 'certifications', 'feePolicy', 'rules', 'windowKinds', 'issueCodes'].map((name) => `. ${name}`);
    expect(objects.map(([name]) => name)).toEqual(expect.arrayContaining([...names, './csv partnerColumns', './csv entryColumns']));
    // The rest are primitives (constants such as a font name), which no caller can change.
    for (const [name, value] of values) if (!objects.some(([other]) => other === name)) expect(['string', 'number', 'boolean'], name).toContain(typeof value);
  });

  it.each(objects)('%s and everything in it', (name, value) => {
    for (const [path, object] of objectsIn(value, name)) expect(Object.isFrozen(object), path).toBe(true);
  });

  it('keeps the window option closed: a caller cannot add or rename a window kind', () => {
    const ledger = { partner: { id: 'p', joinedOn: '2024-01-01' }, entries: [] };
    const kinds = library.windowKinds as unknown as string[];
    expect(() => kinds.push('weekly')).toThrow(TypeError);
    expect(() => (kinds[0] = 'bogus')).toThrow(TypeError);
    expect(() => evaluate(ledger, { asOf: '2026-06-30', window: 'weekly' as never })).toThrow(library.ValidationError);
    expect(evaluate(ledger, { asOf: '2026-06-30', window: 'rolling-12-months' }).window).toEqual({ from: '2025-07-01', to: '2026-06-30' });
    expect(() => ((library.issueCodes as Record<string, string>)['made-up'] = 'x')).toThrow(TypeError);
    expect(Object.keys(library.issueCodes)).not.toContain('made-up');
  });
});

describe('R9/R11 the 0.2 fields as read-only views (#16)', () => {
  it('a tier reads points, revenue, profile and sales counts from its requirements; the fee reads monthly; none is enumerable', () => {
    for (const tier of tiers) {
      const find = (type: string, kind?: string) => (tier.requirements as readonly { type: string; kind?: string; min: number | string }[]).find((r) => r.type === type && (kind === undefined || r.kind === kind))?.min;
      const view = tier as unknown as Record<string, unknown>;
      expect([view['points'], view['revenue'], view['profileCertifications'], view['salesCertifications']]).toEqual([find('points') ?? 0, find('revenue') ?? null, find('certifications', 'profile') ?? 0, find('certifications', 'sales') ?? 0]);
      expect(Object.keys(tier)).toEqual(['id', 'name', 'requirements', 'rule', 'source']);
    }
    expect((feePolicy as unknown as Record<string, unknown>)['monthly']).toBe('45.00');
    expect(Object.keys(feePolicy)).toEqual(['amount', 'period', 'currency', 'rule', 'source']);
  });
  it('a defined program has the same views, a fee of another period no `monthly`; defining it again changes nothing', () => {
    const definition = JSON.parse(JSON.stringify(exponentialProgram));
    definition.id = 'yearly';
    definition.versions[0].fee = { ...definition.versions[0].fee, amount: '500.00', period: 'year' };
    const yearly = defineProgram(definition);
    expect((yearly.versions[0].fee as unknown as Record<string, unknown>)['monthly']).toBeUndefined();
    expect((yearly.versions[0].tiers[4] as unknown as Record<string, unknown>)['points']).toBe(20000);
    expect(JSON.stringify(defineProgram(yearly))).toBe(JSON.stringify(yearly));
    // A spread copy with one 0.2 field written sets that requirement (the views are not copied).
    const spread = defineProgram({ ...exponentialProgram, id: 'spread', versions: [{ ...exponentialProgram.versions[0], tiers: tiers.map((tier) => (tier.id === 'silver' ? { ...tier, points: 25000 } : tier)) }] });
    expect(spread.versions[0].tiers[4]!.requirements[0]).toEqual({ type: 'points', min: 25000 });
  });
});
