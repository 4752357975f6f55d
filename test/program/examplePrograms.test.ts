// examples/programs/: the dated 2027 version of the Exponential program, and
// compare.mjs, which compares the sample ledgers under both with the built package.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareUnder, defineProgram, diffPrograms, evaluate, exponentialProgram } from '../../src/index';
import { ensureBuilt } from '../cli/helpers';

const root = new URL('../../', import.meta.url);
const readJson = (path: string | URL): unknown => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
const definition = readJson('examples/programs/exponential-2027.json') as { $schema: string; versions: unknown[] };
const reform = defineProgram(definition);

const ledgerPaths = [
  ...readdirSync(new URL('examples/ledgers/', root)).filter((n) => n.endsWith('.json')).sort().map((n) => `examples/ledgers/${n}`),
  ...readdirSync(new URL('examples/programs/ledgers/', root)).filter((n) => n.endsWith('.json')).sort().map((n) => `examples/programs/ledgers/${n}`),
];
const ledgers = ledgerPaths.map((path) => readJson(path));

describe('examples/programs/exponential-2027.json', () => {
  it('names the shipped program schema and is a valid definition', () => {
    expect(definition.$schema).toBe('../../schemas/program.schema.json');
    expect(reform.id).toBe(exponentialProgram.id);
    expect(reform.versions.map((v) => [v.version, v.effectiveFrom])).toEqual([
      ['2014.1', '2000-01-01'],
      ['2027.1', '2027-01-01'],
    ]);
  });

  it('keeps the 2014 version as the built-in one', () => {
    expect(reform.versions[0]).toEqual(exponentialProgram.versions[0]);
    expect(diffPrograms(exponentialProgram, reform, { asOf: '2026-12-31' }).changes).toEqual([]);
  });

  it('changes only Silver, to 25,000 points, from 2027-01-01', () => {
    const changes = diffPrograms(exponentialProgram, reform).changes;
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ change: 'changed', table: 'tiers', id: 'silver', rule: 'R9' });
    expect(changes[0]!.change === 'changed' ? changes[0]!.fields : []).toEqual([
      { field: 'points', old: 20000, new: 25000 },
      { field: 'source', old: 'Silver 20,000 $12,000 USD 1 Profile + 2 Sales', new: 'Silver 25,000 $12,000 USD 1 Profile + 2 Sales' },
    ]);
  });

  it('evaluates like the built-in program before 2027, with version 2027.1 from 2027-01-01', () => {
    for (const ledger of ledgers) {
      expect(evaluate(ledger, { asOf: '2026-12-31', program: reform })).toEqual(evaluate(ledger, { asOf: '2026-12-31' }));
      expect(evaluate(ledger, { asOf: '2027-01-01', program: reform }).program.version).toBe('2027.1');
    }
  });
});

describe('comparing the sample ledgers as of 2027-01-31', () => {
  const comparison = compareUnder(ledgers, { asOf: '2027-01-31', base: exponentialProgram, candidate: reform });

  it('moves Kestrel (23,770 points, Silver by the 2014 table) down to Professional; nobody else moves', () => {
    expect(comparison.partners.filter((p) => p.move !== 'same').map((p) => [p.partner, p.base.tier, p.candidate.tier, p.base.points])).toEqual([['kestrel', 'silver', 'professional', 23770]]);
    expect(comparison.summary).toBe(`1 moves down from Silver to Professional; ${ledgers.length - 1} stay.`);
  });

  it('gives the TSDoc example of compareUnder', () => {
    const kestrel = readJson('examples/programs/ledgers/kestrel-silver-edge.json');
    const meridian = readJson('examples/ledgers/silver-agency.json');
    expect(compareUnder([kestrel, meridian], { asOf: '2027-01-31', base: exponentialProgram, candidate: reform }).summary).toBe('1 moves down from Silver to Professional; 1 stays.');
  });

  // compare.mjs uses the built package: build it when it is missing or stale, never skip.
  it('compare.mjs prints the changes, every partner and the summary', () => {
    ensureBuilt();
    const output = execFileSync(process.execPath, [fileURLToPath(new URL('examples/programs/compare.mjs', root))], { encoding: 'utf8' });
    const lines = output.trimEnd().split('\n');
    expect(lines[0]).toBe('exponential-partner-program 2014.1 → exponential-partner-program 2027.1:');
    expect(lines[1]).toContain('Tier "Silver" (silver, R9): points 20,000 → 25,000');
    expect(output).toContain('As of 2027-01-31:');
    for (const row of comparison.partners) expect(output).toContain(row.name ?? row.partner);
    expect(output).toMatch(/Kestrel Commerce +23,770 points {2}Silver → Professional \(down\)/);
    expect(lines.at(-1)).toBe(comparison.summary);
  });
});

describe('README "Programs" section', () => {
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Programs\n'), readme.indexOf('\n## Documentation\n'));

  it('exists, before Documentation', () => {
    expect(section.length).toBeGreaterThan(500);
  });

  it('shows what the library gives', () => {
    const acme = defineProgram({ ...exponentialProgram, id: 'acme-partners', name: 'Acme Partners' });
    expect(evaluate({ partner: { id: 'p', joinedOn: '2024-01-01' }, entries: [] }, { asOf: '2026-06-30', program: acme }).program).toMatchObject({ id: 'acme-partners', version: '2014.1' });
    const message = diffPrograms(exponentialProgram, reform).changes[0]!.message;
    expect(message.startsWith('Tier "Silver" (silver, R9): points 20,000 → 25,000; source ')).toBe(true);
    expect(section).toContain(`'Tier "Silver" (silver, R9): points 20,000 → 25,000; source …'`);
    const summary = compareUnder(ledgers, { asOf: '2027-01-31', base: exponentialProgram, candidate: reform }).summary;
    expect(section).toContain(`//=> '${summary}'`);
    expect(section).toContain(`\n${summary}\n`);
    expect(section).toContain('versions[0].tiers[4].points: "silver" requires 7999 points, fewer than\n"professional" below it (8000)');
    const input = JSON.parse(JSON.stringify(exponentialProgram));
    input.versions[0].tiers[4].points = 7999;
    expect(() => defineProgram(input)).toThrow('versions[0].tiers[4].points: "silver" requires 7999 points, fewer than "professional" below it (8000)');
  });

  it('shows lines compare.mjs prints', () => {
    for (const row of comparison().partners.filter((p) => p.partner === 'kestrel' || p.partner === 'meridian')) {
      const arrow = row.move === 'same' ? `${row.base.tierName} (same)` : `${row.base.tierName} → ${row.candidate.tierName} (${row.move})`;
      expect(section).toMatch(new RegExp(`${row.name} +${row.base.points.toLocaleString('en-US')} points {2}${arrow.replace(/[()]/g, '\\$&')}`));
    }
  });
});

function comparison() {
  return compareUnder(ledgers, { asOf: '2027-01-31', base: exponentialProgram, candidate: reform });
}

// The second program of examples/programs/ (issue 16); its rules are tested in test/program/secondProgram.test.ts.
describe('examples/programs/northwind-security-partners.json', () => {
  it('differs from Exponential in every table; its ledgers (ledgers/northwind/) are valid only under it, so the comparison above leaves them out', () => {
    const northwind = defineProgram(readJson('examples/programs/northwind-security-partners.json'));
    const tables = new Set(diffPrograms(exponentialProgram, northwind).changes.map((c) => c.table));
    expect([...tables].sort()).toEqual(['activities', 'categories', 'certificationKinds', 'certifications', 'fee', 'settings', 'tiers']);
    const dir = 'examples/programs/ledgers/northwind/';
    const names = readdirSync(new URL(dir, root)).filter((n) => n.endsWith('.json'));
    expect(names.length).toBeGreaterThanOrEqual(5);
    for (const name of names) {
      const ledger = readJson(`${dir}${name}`);
      expect(evaluate(ledger, { asOf: '2026-11-30', program: northwind }).program.id, name).toBe('northwind-security-partners');
      expect(() => evaluate(ledger, { asOf: '2026-11-30' }), name).toThrow();
      expect(ledgers).not.toContainEqual(ledger);
    }
  });
});
