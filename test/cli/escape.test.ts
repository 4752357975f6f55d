// Text from a ledger cannot drive the terminal (issue 12, item 12): every
// human-readable output goes through escapeControls (src/format.ts), Markdown
// through cell, and JSON stays exact.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cell, escapeControls } from '../../src/format';
import { runCli } from './helpers';

const AS_OF = '2026-11-30';
// Every character the helper must escape: C0, DEL, C1, line/paragraph separators, bidi embeddings, overrides and isolates.
const controlCodes = [
  ...Array.from({ length: 0x20 }, (_, i) => i),
  ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
  0x2028,
  0x2029,
  ...Array.from({ length: 5 }, (_, i) => 0x202a + i),
  ...Array.from({ length: 4 }, (_, i) => 0x2066 + i),
];
const isControl = (c: string) => controlCodes.includes(c.codePointAt(0) ?? -1);
const anyControl = new RegExp(`[${controlCodes.map((c) => `\\u{${c.toString(16)}}`).join('')}]`, 'u');

/** A ledger whose every text field is hostile: ESC sequences that clear the screen and retitle the terminal, a line break, a pipe, a heading. */
const hostileName = 'Evil\u001b]0;pwned\u0007\u001b[2J\nCo | #1 \u009b31m\u202eoc.lem';
const hostileId = '\u001b[31mred\r';
const hostile = {
  partner: { id: hostileId, name: hostileName, joinedOn: '2024-01-01' },
  entries: [{ id: 'f1', type: 'activity', date: '2026-06-01', activity: 'forum-post' }],
};
const invalid = { partner: { id: hostileId, joinedOn: '2024-01-01' }, entries: [{ id: 'r1', type: 'revenue', date: '2026-06-01', amount: '1\u001b[2J\u009b2J', source: 'direct-sale' }] };

function files() {
  const dir = mkdtempSync(join(tmpdir(), 'pp-escape-'));
  writeFileSync(join(dir, 'hostile.json'), JSON.stringify(hostile));
  writeFileSync(join(dir, 'invalid.json'), JSON.stringify(invalid));
  return { dir, hostile: join(dir, 'hostile.json'), invalid: join(dir, 'invalid.json') };
}

describe('escapeControls', () => {
  it('writes every control character as its code point, \\u{…} in lowercase hex', () => {
    for (const code of controlCodes) expect(escapeControls(`a${String.fromCodePoint(code)}b`)).toBe(`a\\u{${code.toString(16)}}b`);
    expect(escapeControls('\u001b[2J')).toBe('\\u{1b}[2J');
  });

  it('leaves no control character, and every other character as it was', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const escaped = escapeControls(text);
        expect(anyControl.test(escaped)).toBe(false);
        // Without control characters in the input, nothing changes.
        const clean = Array.from(text).filter((c) => !isControl(c)).join('');
        expect(escapeControls(clean)).toBe(clean);
        // Escaping twice is escaping once: the notation holds no control character.
        expect(escapeControls(escaped)).toBe(escaped);
      }),
    );
  });
});

describe('cell (Markdown)', () => {
  it('escapes controls, the cell separator and Markdown syntax', () => {
    expect(cell('a | b')).toBe('a \\| b');
    expect(cell('# Heading')).toBe('\\# Heading');
    expect(cell('line\nbreak')).toBe('line\\\\u{a}break');
    expect(cell('<img src=x onerror=alert(1)> [x](javascript:y) *b* _i_ `c` ~s~ \\')).toBe(
      '\\<img src=x onerror=alert(1)\\> \\[x\\](javascript:y) \\*b\\* \\_i\\_ \\`c\\` \\~s\\~ \\\\',
    );
  });

  it('keeps a table row one row of the same number of cells, whatever the text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }), (cells) => {
        const row = `| ${cells.map(cell).join(' | ')} |`;
        expect(anyControl.test(row)).toBe(false);
        // Unescaped pipes are exactly the separators.
        expect(row.split(/(?<!\\)(?:\\\\)*\|/).length - 2).toBe(cells.length);
      }),
    );
  });
});

describe('human-readable output escapes what comes from a ledger', () => {
  const { hostile: hostileFile, invalid: invalidFile } = files();

  it.each([
    ['evaluate table', ['evaluate', hostileFile, '--as-of', AS_OF, '--format', 'table']],
    ['evaluate markdown', ['evaluate', hostileFile, '--as-of', AS_OF, '--format', 'markdown']],
    ['timeline table', ['timeline', hostileFile, '--to', AS_OF, '--format', 'table']],
    ['timeline markdown', ['timeline', hostileFile, '--to', AS_OF, '--format', 'markdown']],
    ['plan table', ['plan', hostileFile, '--as-of', AS_OF, '--format', 'table']],
    ['plan markdown', ['plan', hostileFile, '--as-of', AS_OF, '--format', 'markdown']],
    ['validate table', ['validate', hostileFile, invalidFile, '--format', 'table']],
    ['validate markdown', ['validate', hostileFile, invalidFile, '--format', 'markdown']],
  ])('%s', async (_, argv) => {
    const { stdout, stderr } = await runCli(argv);
    for (const text of [stdout, stderr]) {
      // Line breaks are the output's own; no other control character, no ESC at all (colour is off).
      expect(anyControl.test(text.replace(/\n/g, ''))).toBe(false);
    }
    expect(stdout + stderr).toMatch(/\\u\{1b\}/);
  });

  it('keeps the partner on one table row', async () => {
    const { stdout } = await runCli(['evaluate', hostileFile, '--as-of', AS_OF, '--format', 'table']);
    const row = stdout.split('\n').find((line) => line.startsWith('Evil'));
    expect(row).toContain('Evil\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\u{a}Co | #1 \\u{9b}31m\\u{202e}oc.lem');
    expect(row).toContain('Now: ');
  });

  it('keeps a Markdown row one row, its pipe and heading mark escaped', async () => {
    const { stdout } = await runCli(['evaluate', hostileFile, '--as-of', AS_OF, '--format', 'markdown']);
    const rows = stdout.split('\n').filter((line) => line.startsWith('| Evil'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('Co \\| \\#1');
  });

  it('escapes the invalid values that issue messages echo, on stderr too', async () => {
    const { code, stderr } = await runCli(['evaluate', invalidFile, '--as-of', AS_OF, '--format', 'json']);
    expect(code).toBe(1);
    // The library quotes the value JSON-escaped (ESC as \u001b); JSON leaves the C1 CSI raw, so the CLI escapes that.
    expect(stderr).toContain('entries[0].amount: "1\\u001b[2J\\u{9b}2J"');
    expect(stderr).not.toMatch(/[\u001b\u009b]/);
  });

  it('keeps JSON and NDJSON exact', async () => {
    const json = JSON.parse((await runCli(['evaluate', hostileFile, '--as-of', AS_OF, '--format', 'json'])).stdout) as { results: { partner: { id: string; name: string } }[] };
    expect(json.results[0]?.partner).toEqual({ id: hostileId, name: hostileName });
    const ndjson = (await runCli(['evaluate', hostileFile, '--as-of', AS_OF, '--format', 'ndjson'])).stdout.trim().split('\n');
    expect(ndjson).toHaveLength(1);
    expect((JSON.parse(ndjson[0] ?? '') as { partner: { name: string } }).partner.name).toBe(hostileName);
  });
});
