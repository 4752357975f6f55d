// The CSV ledger format (docs/csv.md): rows grouped into ledgers by partner,
// cells typed, and every issue placed on its line and column.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, csvNumber } from '../../src/cli/csv';
import { locateCsvIssue, readCsvLedgers } from '../../src/csv';
import { csvOutputColumns } from '../../src/cli/commands/evaluate';
import { parseLedger } from '../../src/index';
import { root, runCli } from './helpers';

const header = 'partner_id,partner_name,partner_joinedOn,id,type,date,amount,source,activity,words,floss,points,description,meta.customer';

describe('readCsvLedgers', () => {
  it('groups rows by partner, in order of first appearance, keeping row order', () => {
    const csv = [
      header,
      'acme,Acme Digital,2023-03-15,r1,revenue,2026-01-10,1200.50,direct-sale,,,,,,Quayside',
      'zen,Zen Web,2024-01-01,z1,activity,2026-02-01,,,forum-post,,,,,',
      'acme,,,a1,activity,2026-02-03,,,article,900,true,,,',
    ].join('\n');
    const { ledgers, issues } = readCsvLedgers(csv, 'crm.csv');
    expect(issues).toEqual([]);
    expect(ledgers.map((l) => l.ledger.partner.id)).toEqual(['acme', 'zen']);
    expect(ledgers[0]?.ledger).toEqual({
      partner: { id: 'acme', name: 'Acme Digital', joinedOn: '2023-03-15' },
      entries: [
        { id: 'r1', type: 'revenue', date: '2026-01-10', amount: '1200.50', source: 'direct-sale', meta: { customer: 'Quayside' } },
        { id: 'a1', type: 'activity', date: '2026-02-03', activity: 'article', words: 900, floss: true },
      ],
    });
    expect(ledgers[0]?.entryLines).toEqual([2, 4]);
    for (const { ledger } of ledgers) expect(parseLedger(ledger).ok).toBe(true);
  });

  it('keeps amounts as exact decimal strings and types integer and boolean cells', () => {
    const { ledgers } = readCsvLedgers(`${header}\nacme,,2023-03-15,r1,revenue,2026-01-10,0.10,direct-sale,,,no,,,\n`, 'x.csv');
    expect(ledgers[0]?.ledger.entries[0]).toMatchObject({ amount: '0.10', floss: false });
  });

  it('reads a row with partner columns only as a partner without entries', () => {
    const { ledgers, issues } = readCsvLedgers(`${header}\nnew-co,New Co,2026-11-01,,,,,,,,,,,\n`, 'x.csv');
    expect(issues).toEqual([]);
    expect(ledgers[0]?.ledger).toEqual({ partner: { id: 'new-co', name: 'New Co', joinedOn: '2026-11-01' }, entries: [] });
  });

  it('counts lines where a record starts, across quoted line breaks and blank lines', () => {
    const csv = [header, 'acme,,2023-03-15,t1,activity,2026-01-10,,,forum-post,,,,"two', 'lines",', '', 'acme,,,r1,revenue,2026-01-11,1.2.3,direct-sale,,,,,,'].join('\n');
    const { ledgers, issues } = readCsvLedgers(csv, 'x.csv');
    expect(issues).toEqual([]);
    expect(ledgers[0]?.entryLines).toEqual([2, 5]);
  });

  it('ignores a byte-order mark and CRLF line ends', () => {
    const csv = `\uFEFF${header}\r\nacme,,2023-03-15,f1,activity,2026-01-10,,,forum-post,,,,,\r\n`;
    const { ledgers, issues } = readCsvLedgers(csv, 'x.csv');
    expect(issues).toEqual([]);
    expect(ledgers[0]?.ledger.entries).toHaveLength(1);
  });

  it('reports unknown and duplicate columns, and a missing partner_id column, on the header line', () => {
    expect(readCsvLedgers('partner_id,amout,id,id\n', 'x.csv').issues).toEqual([
      expect.objectContaining({ line: 1, column: 'amout', code: 'unknown-column' }),
      expect.objectContaining({ line: 1, column: 'id', code: 'unknown-column' }),
    ]);
    expect(readCsvLedgers('id,type\n', 'x.csv').issues).toEqual([expect.objectContaining({ line: 1, column: 'partner_id', code: 'missing-column' })]);
  });

  it('reports rows without a partner id, conflicting partner columns and CSV syntax errors with their lines, and keeps reading', () => {
    const csv = [header, 'acme,Acme,2023-03-15,f1,activity,2026-01-10,,,forum-post,,,,,', ',,,f2,activity,2026-01-10,,,forum-post,,,,,', 'acme,Acme Inc,,f3,activity,2026-01-11,,,forum-post,,,,,', 'acme,too,few', 'acme,,,f4,activity,2026-01-12,,,forum-post,,,,,'].join('\n');
    const { ledgers, issues } = readCsvLedgers(csv, 'x.csv');
    expect(issues).toEqual([
      expect.objectContaining({ line: 3, column: 'partner_id', code: 'missing-field' }),
      expect.objectContaining({ line: 4, column: 'partner_name', code: 'conflicting-partner' }),
      expect.objectContaining({ line: 5, code: 'csv-syntax' }),
    ]);
    expect(ledgers[0]?.ledger.entries.map((e) => e.id)).toEqual(['f1', 'f3', 'f4']);
  });

  it('reports an unclosed quote', () => {
    expect(readCsvLedgers(`${header}\nacme,"open,2023-03-15\n`, 'x.csv').issues).toEqual([expect.objectContaining({ code: 'csv-syntax', line: 2 })]);
  });

  it('reports an empty file and a header without rows', () => {
    expect(readCsvLedgers('', 'x.csv').issues).toEqual([expect.objectContaining({ code: 'no-ledgers' })]);
    expect(readCsvLedgers(`${header}\n`, 'x.csv').issues).toEqual([expect.objectContaining({ code: 'no-ledgers', line: 1 })]);
  });
});

describe('locateCsvIssue', () => {
  const csv = { line: 2, partnerLines: { id: 2, joinedOn: 7 }, entryLines: [2, 5, 9] };
  it.each([
    ['entries[1].amount', 5, 'amount'],
    ['entries[2]', 9, undefined],
    ['entries[2].meta.customer', 9, 'meta.customer'],
    ['partner.joinedOn', 7, 'partner_joinedOn'],
    ['partner.name', 2, 'partner_name'],
    ['', 2, undefined],
  ])('%s → line %i, column %s', (path, line, column) => {
    const located = locateCsvIssue(csv, { path, code: 'invalid-amount', message: 'm' }, 'x.csv', 'acme');
    expect(located.line).toBe(line);
    expect(located.column).toBe(column);
    expect(located).toMatchObject({ source: 'x.csv', path, partner: 'acme' });
  });
});

describe('examples/csv/crm-export.csv', () => {
  const text = readFileSync(join(root, 'examples', 'csv', 'crm-export.csv'), 'utf8');

  it('is what the seeded generator produces', () => {
    expect(() => execFileSync(process.execPath, [join(root, 'examples', 'csv', 'generate.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('holds at least 50 partners, every ledger valid', () => {
    const { ledgers, issues } = readCsvLedgers(text, 'crm-export.csv');
    expect(issues).toEqual([]);
    expect(ledgers.length).toBeGreaterThanOrEqual(50);
    for (const { ledger } of ledgers) {
      const parsed = parseLedger(ledger);
      expect(parsed.ok ? [] : parsed.issues, String(ledger.partner.id)).toEqual([]);
    }
  });
});

describe('csvCell: no formulas in CSV output (OWASP CSV injection)', () => {
  const triggers = ['=', '+', '-', '@', '\t', '\r'];

  it.each(triggers)('text starting with %j gets a leading quote', (start) => {
    const text = `${start}HYPERLINK("http://x","y")`;
    const written = csvCell(text);
    const rows = parse(written, { relax_quotes: false }) as string[][];
    expect(rows).toEqual([[`'${text}`]]);
  });

  it('leaves other text, numbers, booleans and exact decimal amounts as they are, negative ones included', () => {
    expect(csvCell('Acme Digital')).toBe('Acme Digital');
    expect(csvCell("'quoted")).toBe("'quoted");
    expect(csvCell(-7001)).toBe('-7001');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(false)).toBe('false');
    expect(csvCell(csvNumber('-450.00'))).toBe('-450.00');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    // The same text from a ledger is text: neutralised.
    expect(csvCell('-450.00')).toBe("'-450.00");
  });

  it('reads back as the text, prefixed where a spreadsheet would run it, in one cell', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const rows = parse(`${csvCell(text)}\r\n`, { relax_quotes: false, skip_empty_lines: false }) as string[][];
        expect(rows).toEqual([[/^[=+\-@\t\r]/.test(text) ? `'${text}` : text]]);
      }),
    );
  });

  it('evaluate --format csv neutralises names, ids and sources and keeps computed numbers numbers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-csv-out-'));
    const file = join(dir, '=sources.json');
    const partner = { id: "=cmd|'/c calc'!A1", name: '@SUM(A1:A9)', joinedOn: '2024-01-01' };
    // A refund alone: the revenue total is negative.
    writeFileSync(file, JSON.stringify({ partner, entries: [{ id: 'r1', type: 'revenue', date: '2026-06-01', amount: '-450.00', source: 'direct-sale' }] }));
    const { code, stdout } = await runCli(['evaluate', file, '--as-of', '2026-11-30', '--format', 'csv']);
    expect(code).toBe(0);
    const [header, row] = parse(stdout) as string[][];
    const get = (column: (typeof csvOutputColumns)[number]) => row?.[header?.indexOf(column) ?? -1];
    expect(get('partner_id')).toBe(`'${partner.id}`);
    expect(get('partner_name')).toBe(`'${partner.name}`);
    expect(get('source')).toBe(file);
    expect(get('revenue')).toBe('-450.00');
    expect(Number(get('points'))).not.toBeNaN();
  });
});

describe('__proto__ keys: plain data in CSV as in JSON', () => {
  const json = {
    partner: { id: 'acme', joinedOn: '2023-03-15', meta: JSON.parse('{"__proto__":"partner data"}') as Record<string, string> },
    entries: [{ id: 'f1', type: 'activity', date: '2026-01-10', activity: 'forum-post', meta: JSON.parse('{"__proto__":"entry data","customer":"Quayside"}') as Record<string, string> }],
  };
  const csv = ['partner_id,partner_joinedOn,partner_meta.__proto__,id,type,date,activity,meta.__proto__,meta.customer', 'acme,2023-03-15,partner data,f1,activity,2026-01-10,forum-post,entry data,Quayside'].join('\n');

  it('reads a meta.__proto__ column as an own property, as JSON.parse does', () => {
    const { ledgers, issues } = readCsvLedgers(csv, 'x.csv');
    expect(issues).toEqual([]);
    const ledger = ledgers[0]?.ledger as typeof json;
    expect(Object.hasOwn(ledger.partner.meta, '__proto__')).toBe(true);
    expect(Object.hasOwn(ledger.entries[0]?.meta ?? {}, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(ledger.entries[0]?.meta)).toBe(Object.prototype);
    expect(JSON.stringify(ledger)).toBe(JSON.stringify(json));
  });

  it('gives parseLedger the same ledger from CSV and from JSON', () => {
    const fromCsv = parseLedger(readCsvLedgers(csv, 'x.csv').ledgers[0]?.ledger);
    const fromJson = parseLedger(JSON.parse(JSON.stringify(json)));
    expect(fromCsv.ok && fromJson.ok).toBe(true);
    if (!fromCsv.ok || !fromJson.ok) return;
    expect(JSON.stringify(fromCsv.ledger)).toBe(JSON.stringify(fromJson.ledger));
    expect(JSON.stringify(fromCsv.ledger)).toContain('"__proto__":"entry data"');
  });

  it('keeps the key through the command line, from either input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-proto-'));
    writeFileSync(join(dir, 'a.csv'), csv);
    writeFileSync(join(dir, 'a.json'), JSON.stringify(json));
    const partners = await Promise.all(
      ['a.csv', 'a.json'].map(async (name) => {
        const out = JSON.parse((await runCli(['timeline', join(dir, name), '--to', '2026-11-30', '--format', 'json'])).stdout) as { results: { partner: unknown }[] };
        return JSON.stringify(out.results[0]?.partner);
      }),
    );
    expect(partners[0]).toContain('"__proto__":"partner data"');
    expect(partners[0]).toBe(partners[1]);
  });
});
