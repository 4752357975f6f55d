// Tables fit the terminal (issue 12, item 16): the width is injected (COLUMNS,
// or the stream's columns on a TTY), never read from this test's terminal.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateColumns } from '../../src/cli/commands/evaluate';
import { describeFee, describeMembership } from '../../src/cli/render';
import { visibleLength, styleFor } from '../../src/cli/style';
import { renderColumns, shorten, wrap, type Column } from '../../src/cli/table';
import { runCli } from './helpers';

const AS_OF = '2026-11-30';
const evaluateArgs = ['evaluate', 'examples/ledgers', '--as-of', AS_OF, '--format', 'table'];
const plain = styleFor({ write: () => true }, {});

/** The titles in the title row of a table output. */
function shownTitles(stdout: string, titles: readonly string[]): string[] {
  // eslint-disable-next-line no-control-regex
  const header = stdout.replace(/\u001b\[[0-9;]*m/g, '').split('\n').find((line) => line.startsWith('Partner') || line.startsWith('Review')) ?? '';
  return titles.filter((t) => header.includes(t));
}
const titles = evaluateColumns.map((c) => c.title);
const kept = evaluateColumns.filter((c) => c.priority === 0).map((c) => c.title);
const widest = (stdout: string) => Math.max(...stdout.split('\n').map(visibleLength));

describe('the evaluate table fits the terminal', () => {
  it('at 100 columns: no line is wider, the kept columns are shown, and a note says how to get the rest', async () => {
    const { stdout } = await runCli(evaluateArgs, { tty: true, columns: 100 });
    expect(widest(stdout)).toBeLessThanOrEqual(100);
    expect(shownTitles(stdout, titles)).toEqual(expect.arrayContaining(kept));
    const left = titles.filter((t) => !shownTitles(stdout, titles).includes(t));
    expect(left.length).toBeGreaterThan(0);
    expect(stdout.replace(/\s+/g, ' ')).toContain(`Left out: ${left.join(', ')}.`);
    expect(stdout).toContain('--format json|csv');
  });

  it('takes COLUMNS over the terminal width, and fits a pipe only when COLUMNS says', async () => {
    expect(widest((await runCli(evaluateArgs, { tty: true, columns: 200, env: { COLUMNS: '72' } })).stdout)).toBeLessThanOrEqual(72);
    expect(widest((await runCli(evaluateArgs, { env: { COLUMNS: '72' } })).stdout)).toBeLessThanOrEqual(72);
    const piped = (await runCli(evaluateArgs, { columns: 40 })).stdout;
    expect(shownTitles(piped, titles)).toEqual(titles);
    expect(piped).not.toContain('Left out');
  });

  it('shows every column, unshortened, when the terminal is wide enough', async () => {
    const { stdout } = await runCli(evaluateArgs, { tty: true, columns: 400 });
    expect(shownTitles(stdout, titles)).toEqual(titles);
    expect(stdout).not.toMatch(/\S…/);
    expect(stdout).not.toContain('Every field');
  });

  it('fits any width from the narrowest the kept columns allow, leaving out columns least important first', async () => {
    // The kept columns at their narrowest, with the gaps between them.
    const narrowest = 16 + 'Professional'.length + 'Points'.length + 2 * 2;
    const byPriority = [...evaluateColumns].sort((a, b) => b.priority - a.priority).map((c) => c.title);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: narrowest, max: 240 }), async (width) => {
        const { stdout } = await runCli(evaluateArgs, { tty: true, columns: width, env: { NO_COLOR: '1' } });
        expect(widest(stdout)).toBeLessThanOrEqual(width);
        const left = titles.filter((t) => !shownTitles(stdout, titles).includes(t));
        // What is left out is always the least important columns.
        expect(new Set(left)).toEqual(new Set(byPriority.slice(0, left.length)));
      }),
      { numRuns: 40 },
    );
  });

  it('fits the timeline table too', async () => {
    const { stdout } = await runCli(['timeline', 'examples/ledgers/silver-agency.json', '--to', AS_OF, '--format', 'table'], { tty: true, columns: 64, env: { NO_COLOR: '1' } });
    expect(widest(stdout)).toBeLessThanOrEqual(64);
    expect(stdout).toMatch(/2026-07-31\s+Professional\s+▼ down\s+30,240/);
    expect(stdout).toContain('--format json|csv');
  });
});

describe('renderColumns', () => {
  const columns: Column[] = [
    { title: 'Name', priority: 0, min: 4 },
    { title: 'A', priority: 2 },
    { title: 'B', priority: 1 },
  ];
  const rows = [['Alexandra', 'aaaa', 'bbbb']];

  it('shortens a shrinkable column before leaving any out', () => {
    const { lines, note } = renderColumns(columns, rows, plain, 6 + 2 + 4 + 2 + 4);
    expect(lines[2]).toBe('Alexa…  aaaa  bbbb');
    expect(note?.replace(/\s+/g, ' ')).toContain('Shortened (…): Name.');
  });

  it('leaves out the column of highest priority number first', () => {
    const { lines, note } = renderColumns(columns, rows, plain, 4 + 2 + 4);
    expect(lines[0]).toBe('Name  B');
    expect(note?.replace(/\s+/g, ' ')).toContain('Left out: A.');
  });

  it('escapes cells before measuring them', () => {
    const { lines } = renderColumns(columns, [['a\u001bb', '', '']], plain, undefined);
    expect(lines[2]?.startsWith('a\\u{1b}b')).toBe(true);
  });

  it('shorten and wrap', () => {
    expect(shorten('abcdef', 4)).toBe('abc…');
    expect(shorten('abc', 4)).toBe('abc');
    expect(wrap('one two three', 7)).toBe('one two\nthree');
    expect(wrap('one two three', undefined)).toBe('one two three');
  });
});

describe('membership and fee in words', () => {
  it.each([
    [{ status: 'waived', basis: 'professional-renewal', waivedThrough: '2027-08-31', nextAnniversary: '2027-09-01' }, 'waived through 2027-08-31, Professional renewal'],
    [{ status: 'waived', basis: 'basic-points', nextAnniversary: '2027-09-01' }, 'waived, enough points'],
    [{ status: 'paid', paidThrough: '2027-04-30', nextAnniversary: '2027-09-01' }, 'paid through 2027-04-30'],
    [{ status: 'due', amountDue: '45.00', period: 'month', nextAnniversary: '2027-09-01' }, 'due $45.00/month'],
    // Beyond the calendar, results carry null: said in words, never "through ?".
    [{ status: 'paid', paidThrough: null, nextAnniversary: null }, 'paid beyond 9999-12-31'],
    [{ status: 'waived', basis: 'professional-renewal', waivedThrough: null, nextAnniversary: null }, 'waived beyond 9999-12-31, Professional renewal'],
  ] as const)('fee %j', (fee, words) => {
    expect(describeFee(fee)).toBe(words);
  });

  it.each([
    [{ active: true, basis: 'basic-points', bases: ['basic-points'] }, 'active: enough points'],
    [{ active: true, basis: 'professional-renewal', bases: ['professional-renewal'] }, 'active: Professional renewal'],
    [{ active: true, basis: 'fee', bases: ['fee'] }, 'active: fee paid'],
    [{ active: false, basis: null, bases: [] }, 'inactive'],
  ] as const)('membership %j', (membership, words) => {
    expect(describeMembership(membership)).toBe(words);
  });
});
