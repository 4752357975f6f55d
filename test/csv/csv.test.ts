// The public CSV entry `@exponential/partner-program/csv` (docs/csv.md): the
// reader the command line uses, published for every runtime. The reader's own
// behaviour is tested in test/cli/csv.test.ts; this file checks the entry: the
// same functions from src and from the built ESM and CJS files, csv-parse
// bundled into the entry and kept out of the core, and no Node global needed.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as entry from '../../src/csv/index';
import { parseLedger } from '../../src/index';
import { ensureBuilt, root } from '../cli/helpers';

type CsvApi = typeof entry;
const docsExample = [
  'partner_id,partner_name,partner_joinedOn,id,type,date,amount,source,activity,words,floss,meta.customer',
  'acme,Acme Digital,2023-03-15,r1,revenue,2026-01-10,1200.50,direct-sale,,,,Quayside Museum',
  'acme,Acme Digital,2023-03-15,a1,activity,2026-02-03,,,article,900,true,',
  'zen,Zen Web,2024-01-01,z1,activity,2026-02-01,,,forum-post,,,',
].join('\n');
const crmExport = readFileSync(join(root, 'examples', 'csv', 'crm-export.csv'), 'utf8');
/** A quoted cell across lines, a bad amount on line 4, and an unclosed quote at the end. */
const withIssues = ['partner_id,partner_joinedOn,id,type,date,amount,source,meta.note', 'a,2020-01-01,r1,revenue,2026-01-10,10.00,direct-sale,"two', 'lines"', 'a,,r2,revenue,2026-01-11,"1,200.00",direct-sale,', 'b,2020-01-01,"r3'].join('\n');

/** What a caller does with the entry: read, then validate each ledger and place its issues on their lines. */
function readAll(api: CsvApi, text: string) {
  const { ledgers, issues } = api.readCsvLedgers(text, 'in.csv');
  const ledgerIssues = ledgers.flatMap((csv) => {
    const parsed = parseLedger(csv.ledger);
    return parsed.ok ? [] : parsed.issues.map((issue) => api.locateCsvIssue(csv, issue, 'in.csv', String(csv.ledger.partner.id)));
  });
  return { ledgers: ledgers.map((l) => ({ ledger: l.ledger, line: l.line, entryLines: l.entryLines })), issues, ledgerIssues };
}

describe('@exponential/partner-program/csv from src', () => {
  it('is the command line’s reader, not a copy: src/cli parses no CSV of its own', () => {
    const cliDir = join(root, 'src', 'cli');
    const sources = readdirSync(cliDir).filter((name) => name.endsWith('.ts')).map((name) => readFileSync(join(cliDir, name), 'utf8'));
    expect(sources.filter((text) => text.includes('csv-parse'))).toEqual([]);
    expect(readFileSync(join(cliDir, 'inputs.ts'), 'utf8')).toMatch(/import \{ readCsvLedgers[^}]*\} from '\.\.\/csv';/);
  });

  it('reads the example of docs/csv.md into two valid ledgers', () => {
    const { ledgers, issues, ledgerIssues } = readAll(entry, docsExample);
    expect(issues).toEqual([]);
    expect(ledgerIssues).toEqual([]);
    expect(ledgers.map((l) => [l.ledger.partner.id, l.ledger.entries.map((e) => e.id)])).toEqual([
      ['acme', ['r1', 'a1']],
      ['zen', ['z1']],
    ]);
  });

  it('places each issue on its line', () => {
    const { issues, ledgerIssues } = readAll(entry, withIssues);
    expect(issues.map((i) => i.code)).toEqual(['csv-syntax']);
    expect(ledgerIssues).toContainEqual(expect.objectContaining({ line: 4, column: 'amount', code: 'invalid-amount', path: 'entries[1].amount' }));
  });
});

describe('@exponential/partner-program/csv as built', () => {
  let esm: CsvApi;
  let cjs: CsvApi;
  beforeAll(async () => {
    ensureBuilt();
    esm = (await import(pathToFileURL(join(root, 'dist', 'csv.js')).href)) as CsvApi;
    cjs = createRequire(import.meta.url)(join(root, 'dist', 'csv.cjs')) as CsvApi;
  }, 120_000);

  it('is exported as ./csv, ESM and CJS with their types', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
    expect(pkg.exports['./csv']).toEqual({
      import: { types: './dist/csv.d.ts', default: './dist/csv.js' },
      require: { types: './dist/csv.d.cts', default: './dist/csv.cjs' },
    });
    for (const file of ['csv.d.ts', 'csv.d.cts']) expect(readFileSync(join(root, 'dist', file), 'utf8')).toMatch(/declare function readCsvLedgers/);
  });

  it('resolves without "exports" too (node10): csv/package.json points at the built CJS entry and its types', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { files: string[] };
    const stub = JSON.parse(readFileSync(join(root, 'csv', 'package.json'), 'utf8')) as { main: string; types: string };
    expect(pkg.files).toContain('csv');
    expect(join('csv', stub.main)).toBe(join('dist', 'csv.cjs'));
    expect(join('csv', stub.types)).toBe(join('dist', 'csv.d.cts'));
    expect(createRequire(import.meta.url)(join(root, 'csv')).readCsvLedgers).toBeTypeOf('function');
  });

  it.each([
    ['the docs example', docsExample],
    ['the 60-partner CRM export', crmExport],
    ['a file with issues', withIssues],
  ])('gives what src gives, from ESM and CJS: %s', (_, text) => {
    const expected = readAll(entry, text);
    expect(readAll(esm, text)).toEqual(expected);
    expect(readAll(cjs, text)).toEqual(expected);
  });

  it('bundles csv-parse: the entry imports nothing, and the core never includes csv-parse', () => {
    for (const file of ['csv.js', 'csv.cjs']) {
      const text = readFileSync(join(root, 'dist', file), 'utf8');
      expect(text, file).not.toMatch(/^\s*(import|export)\b[^;]*\bfrom\s*["']|\bimport\s*\(\s*["']|\brequire\s*\(\s*["']|["']node:/m);
    }
    for (const file of ['index.js', 'index.cjs']) expect(readFileSync(join(root, 'dist', file), 'utf8')).not.toMatch(/csv-parse|csv-syntax/);
  });

  it('runs where there is no Buffer, process or require, as in a browser', () => {
    const module = { exports: {} as CsvApi };
    runInNewContext(readFileSync(join(root, 'dist', 'csv.cjs'), 'utf8'), { module, exports: module.exports });
    const sandboxed = module.exports;
    const { ledgers, issues } = sandboxed.readCsvLedgers(docsExample, 'in.csv');
    expect(issues).toEqual([]);
    // A structured copy: the sandbox's objects have the sandbox's prototypes.
    expect(JSON.parse(JSON.stringify(ledgers.map((l) => l.ledger)))).toEqual(entry.readCsvLedgers(docsExample, 'in.csv').ledgers.map((l) => l.ledger));
  });
});
