// The shipped JSON Schemas (draft 2020-12), checked with a standard validator
// (ajv's 2020-12 build) against every example, and against the zod schemas
// they are generated from: `npm run schemas` rewrites them after a change.
import { specLedger as specSample } from '../fixtures/specLedger';
import { readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { defineProgram, exponentialProgram, generateJsonSchema, parseLedger, ValidationError } from '../../src/index';

const root = new URL('../../', import.meta.url);
const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
const shipped = { ledger: readJson('schemas/ledger.schema.json'), program: readJson('schemas/program.schema.json') };
const packageJson = readJson('package.json') as { files: string[]; exports: Record<string, unknown>; scripts: Record<string, string> };

function compile(schema: unknown) {
  // strict: unknown keywords or formats in our schemas are errors, not silently ignored.
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  return ajv.compile(schema as object);
}

const validateLedger = compile(shipped.ledger);
const validateProgram = compile(shipped.program);

function errorsOf(validate: ReturnType<typeof compile>, value: unknown): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** The sample ledger of SPEC §3. */
const specLedger = specSample();

const ledgerFiles = readdirSync(new URL('examples/ledgers/', root)).filter((name) => name.endsWith('.json'));
const extraLedgers = readdirSync(new URL('examples/programs/ledgers/', root)).filter((name) => name.endsWith('.json'));

describe('schemas/ledger.schema.json', () => {
  it('is a draft 2020-12 schema with a title', () => {
    expect(shipped.ledger).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'Exponential Partner Program ledger', type: 'object' });
  });

  it.each([...ledgerFiles.map((name) => `examples/ledgers/${name}`), ...extraLedgers.map((name) => `examples/programs/ledgers/${name}`)])('accepts %s', (path) => {
    const ledger = readJson(path);
    expect(errorsOf(validateLedger, ledger)).toEqual([]);
    expect(parseLedger(ledger).ok).toBe(true);
  });

  it('accepts the SPEC §3 sample ledger', () => {
    expect(errorsOf(validateLedger, specLedger)).toEqual([]);
    expect(parseLedger(specLedger).ok).toBe(true);
  });

  it('refuses examples/ledgers/invalid/broken.json', () => {
    const broken = readJson('examples/ledgers/invalid/broken.json');
    expect(validateLedger(broken)).toBe(false);
    expect(parseLedger(broken).ok).toBe(false);
  });

  it('refuses an unknown field on the ledger, the partner and an entry (a typo must not vanish)', () => {
    expect(validateLedger({ ...specLedger, note: 'x' })).toBe(false);
    expect(validateLedger({ ...specLedger, partner: { ...specLedger.partner, joined: '2023-03-15' } })).toBe(false);
    expect(validateLedger({ ...specLedger, entries: [{ ...specLedger.entries[0], amout: '1.00' }] })).toBe(false);
  });

  it('accepts meta objects anywhere, and only objects', () => {
    const withMeta = { ...specLedger, meta: { crm: { id: 7 } }, partner: { ...specLedger.partner, meta: {} }, entries: [{ ...specLedger.entries[0], meta: { tags: ['a'] } }] };
    expect(errorsOf(validateLedger, withMeta)).toEqual([]);
    expect(validateLedger({ ...specLedger, meta: 'note' })).toBe(false);
    expect(validateLedger({ ...specLedger, meta: [1] })).toBe(false);
  });

  it('checks the shape of dates and amounts as parseLedger does', () => {
    const entry = specLedger.entries[0]!;
    const accepts = (changes: Record<string, unknown>) => validateLedger({ ...specLedger, entries: [{ ...entry, ...changes }] });
    expect(accepts({ date: '2026-03-31T23:30:00-05:00' })).toBe(true);
    expect(accepts({ date: '2026-03-31t23:30:00.5z' })).toBe(true);
    expect(accepts({ date: '31/03/2026' })).toBe(false);
    expect(accepts({ date: '2026-3-31' })).toBe(false);
    expect(accepts({ amount: 1200.5 })).toBe(true);
    expect(accepts({ amount: '-450.00' })).toBe(true);
    expect(accepts({ amount: '1e3' })).toBe(false);
    expect(accepts({ amount: '1,200.00' })).toBe(false);
    expect(accepts({ amount: '1000000000.00' })).toBe(false);
    expect(accepts({ source: 'gift' })).toBe(false);
    expect(validateLedger({ ...specLedger, entries: [{ ...entry, type: 'donation' }] })).toBe(false);
    expect(validateLedger({ ...specLedger, entries: [{ id: 'a', type: 'activity', date: '2026-01-01', activity: 'article', words: 1.5 }] })).toBe(false);
  });

  it('accepts a $schema field, so a ledger file can name its schema', () => {
    expect(validateLedger({ $schema: 'https://example.com/ledger.schema.json', ...specLedger })).toBe(true);
  });
});

describe('schemas/program.schema.json', () => {
  it('is a draft 2020-12 schema with a title', () => {
    expect(shipped.program).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'Exponential Partner Program definition', type: 'object' });
  });

  it('accepts the built-in program and examples/programs/exponential-2027.json', () => {
    expect(errorsOf(validateProgram, JSON.parse(JSON.stringify(exponentialProgram)))).toEqual([]);
    expect(errorsOf(validateProgram, readJson('examples/programs/exponential-2027.json'))).toEqual([]);
  });

  it.each(readdirSync(new URL('examples/programs/', root)).filter((name) => name.endsWith('.json')))('accepts examples/programs/%s, as defineProgram does', (name) => {
    const program = readJson(`examples/programs/${name}`);
    expect(errorsOf(validateProgram, program)).toEqual([]);
    expect(() => defineProgram(program)).not.toThrow();
  });

  it('accepts the 0.2 forms defineProgram reads (tier fields, kind "monthly", fee "monthly", no kinds or categories), and what defineProgram makes of them', () => {
    const legacy = JSON.parse(JSON.stringify(exponentialProgram)) as { versions: Record<string, any>[] };
    const [version] = legacy.versions;
    delete version!['certificationKinds'];
    delete version!['categories'];
    version!['tiers'][0] = { id: 'now', name: 'Now', points: 3000, revenue: null, profileCertifications: 0, salesCertifications: 0, rule: 'R9', source: 'Now 3,000 None None' };
    version!['activities'][6] = { ...version!['activities'][6], kind: 'monthly', limit: undefined };
    version!['fee'] = { monthly: '45.00', period: 'month', currency: 'USD', rule: 'R11', source: 'A monthly fee' };
    const json = JSON.parse(JSON.stringify(legacy));
    expect(errorsOf(validateProgram, json)).toEqual([]);
    expect(errorsOf(validateProgram, JSON.parse(JSON.stringify(defineProgram(json))))).toEqual([]);
  });

  it('accepts a tier or a fee of the new form carrying 0.2 fields, as defineProgram does (they set what they name)', () => {
    for (const edit of [(v: Record<string, any>) => (v['tiers'][0].points = 3500), (v: Record<string, any>) => (v['fee'].monthly = '50.00')]) {
      const input = JSON.parse(JSON.stringify(exponentialProgram)) as { versions: Record<string, any>[] };
      edit(input.versions[0]!);
      expect(validateProgram(input)).toBe(true);
      expect(() => defineProgram(input)).not.toThrow();
    }
    // A 0.2 field beside the new ones is still checked: a negative count is refused by both.
    const bad = JSON.parse(JSON.stringify(exponentialProgram)) as { versions: Record<string, any>[] };
    bad.versions[0]!['tiers'][0].points = -1;
    expect(validateProgram(bad)).toBe(false);
    expect(() => defineProgram(bad)).toThrow(ValidationError);
  });

  it('refuses unknown fields, bad ids, amounts and dates as defineProgram does', () => {
    const base = JSON.parse(JSON.stringify(exponentialProgram)) as { versions: Record<string, any>[] };
    const variants: [string, (v: Record<string, any>) => void][] = [
      ['unknown field', (v) => (v['tiers'][0].pointz = 1)],
      ['id not kebab-case', (v) => (v['tiers'][0].id = 'Now')],
      ['fee not canonical', (v) => (v['fee'].amount = '45')],
      ['fee per week', (v) => (v['fee'].period = 'week')],
      ['negative revenue', (v) => (v['tiers'][3].requirements[1].min = '-7200.00')],
      ['requirement of an unknown type', (v) => v['tiers'][3].requirements.push({ type: 'referrals', min: 1 })],
      ['certification count of 0', (v) => v['tiers'][3].requirements.push({ type: 'certifications', kind: 'sales', min: 0 })],
      ['certification named by no kebab id', (v) => v['tiers'][3].requirements.push({ type: 'certification', certification: 'Solution', min: 1 })],
      ['limit of 0 entries', (v) => (v['activities'][6].limit.count = 0)],
      ['limit per week', (v) => (v['activities'][6].limit.per = 'week')],
      ['cap of 0 points', (v) => (v['activities'][0].cap = { points: 0, per: 'year' })],
      ['kind without a source', (v) => delete v['certificationKinds'][0].source],
      ['category that is no kebab id', (v) => (v['activities'][0].category = 'Program')],
      ['date with a time', (v) => (v['effectiveFrom'] = '2000-01-01T00:00:00Z')],
      ['zero activity points', (v) => (v['activities'][0].points = 0)],
      ['unknown rule id', (v) => (v['tiers'][0].rule = 'R13')],
    ];
    for (const [what, edit] of variants) {
      const input = JSON.parse(JSON.stringify(base));
      edit(input.versions[0]);
      expect(validateProgram(input), what).toBe(false);
      expect(() => defineProgram(input), what).toThrow(ValidationError);
    }
  });
});

describe('the shipped schemas', () => {
  // Each kind ships twice, byte for byte the same: <kind>.schema.json (the file a
  // `$schema` field names) and <kind>.json, the file at the package subpath
  // itself, which resolvers without "exports" (TypeScript's node10) look for.
  it.each(['ledger', 'program'] as const)('%s: both files equal what the zod schemas generate now (run `npm run schemas` after a schema change)', (kind) => {
    const generated = `${JSON.stringify(generateJsonSchema(kind), null, 2)}\n`;
    expect(readFileSync(new URL(`schemas/${kind}.schema.json`, root), 'utf8')).toBe(generated);
    expect(readFileSync(new URL(`schemas/${kind}.json`, root), 'utf8')).toBe(generated);
  });

  it('leave no schema empty: every check zod cannot express has an override', () => {
    const empty: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (typeof node !== 'object' || node === null) return;
      if (!Array.isArray(node) && Object.keys(node).length === 0) empty.push(path);
      for (const [key, value] of Object.entries(node)) if (key !== 'const' && key !== 'enum') walk(value, `${path}/${key}`);
    };
    walk(shipped.ledger, '#');
    walk(shipped.program, '#');
    expect(empty).toEqual([]);
  });

  it('generateJsonSchema returns a fresh document each time and refuses an unknown kind', () => {
    const a = generateJsonSchema('ledger');
    expect(a).not.toBe(generateJsonSchema('ledger'));
    expect(() => generateJsonSchema('entry' as never)).toThrow(ValidationError);
  });

  it('answers any other kind with one ValidationError at kind, never a TypeError (#12)', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    const throwing = Object.defineProperty({}, 'toJSON', { enumerable: true, get: () => { throw new Error('boom'); } });
    const trap = () => { throw new Error('boom'); };
    const proxy = new Proxy({}, { get: trap, getPrototypeOf: trap, ownKeys: trap, has: trap });
    const revoked = Proxy.revocable([], {});
    revoked.revoke();
    const kinds: unknown[] = ['entry', 'Ledger', '', 10n, 1, null, undefined, Symbol('ledger'), cyclic, throwing, proxy, revoked.proxy, ['ledger'], () => 'ledger'];
    for (const kind of kinds) {
      let thrown: unknown;
      try {
        generateJsonSchema(kind as never);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ValidationError);
      const issues = (thrown as ValidationError).issues;
      expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual([`kind ${typeof kind === 'string' ? 'invalid-value' : 'invalid-type'}`]);
      expect(issues[0]?.message).toMatch(/^"kind" must be "ledger" or "program", received /);
    }
  });

  it('ship in the package under documented subpath exports', () => {
    expect(packageJson.files).toContain('schemas');
    // The subpath and the file have the same name, so every resolution mode finds the same file.
    expect(packageJson.exports['./schemas/ledger.json']).toBe('./schemas/ledger.json');
    expect(packageJson.exports['./schemas/program.json']).toBe('./schemas/program.json');
    // attw's default profile includes node10, which ignores "exports".
    expect(packageJson.scripts['lint:package']).toMatch(/attw --pack \.(?! --profile)/);
    expect(packageJson.scripts['schemas']).toContain('scripts/schemas.mjs');
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    expect(readme).toContain('@exponential/partner-program/schemas/ledger.json');
    expect(readme).toContain('@exponential/partner-program/schemas/program.json');
  });
});
