// Every command accepts every format that fits its output, and the guide says
// the same (issue 12, item 15): the format table of docs/guides/command-line.md,
// the registry (src/cli/formats.ts) and each command's --help agree, and every
// listed pair runs.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { commandFormats, defaultFormat, outputFormats, type CommandName } from '../../src/cli/formats';
import { root, runCli } from './helpers';

const AS_OF = '2026-11-30';
const silver = 'examples/ledgers/silver-agency.json';
const commands = Object.keys(commandFormats) as CommandName[];

/** The guide's format table: command → formats, and the default on a terminal and elsewhere. */
function guideTable(): Map<string, { formats: string[]; tty: string; piped: string }> {
  const text = readFileSync(join(root, 'docs', 'guides', 'command-line.md'), 'utf8');
  const section = text.slice(text.indexOf('## Output formats'));
  const rows = new Map<string, { formats: string[]; tty: string; piped: string }>();
  for (const line of section.split('\n')) {
    const match = /^\| `(\w+)` \| ([^|]+) \| ([^|]+) \|$/.exec(line);
    if (!match) continue;
    const codes = (cell: string) => [...cell.matchAll(/`([a-z]+)`/g)].map((m) => m[1] ?? '');
    const defaults = codes(match[3] ?? '');
    rows.set(match[1] ?? '', { formats: codes(match[2] ?? ''), tty: defaults[0] ?? '', piped: defaults[1] ?? defaults[0] ?? '' });
  }
  return rows;
}

/** The arguments that run a command on the silver example. */
const argsOf: Record<CommandName, string[]> = {
  evaluate: ['evaluate', silver, '--as-of', AS_OF],
  validate: ['validate', silver],
  timeline: ['timeline', silver, '--to', AS_OF],
  plan: ['plan', silver, '--as-of', AS_OF, '--target', 'gold', '--by', '2027-06-30'],
  describe: ['describe'],
  statement: ['statement', silver, '--as-of', AS_OF],
  schema: ['schema', 'ledger'],
};

describe('the format table of docs/guides/command-line.md', () => {
  const table = guideTable();

  it('lists every command, with the formats and defaults of the registry', () => {
    expect([...table.keys()].sort()).toEqual([...commands].sort());
    for (const command of commands) {
      expect(table.get(command), command).toEqual({ formats: [...commandFormats[command]], tty: defaultFormat(command, true), piped: defaultFormat(command, false) });
    }
  });

  it.each(commands)('matches the --format choices of `%s --help`', async (command) => {
    const { code, stdout } = await runCli([command, '--help']);
    expect(code).toBe(0);
    // Commander wraps long option lines: read the help as one line.
    const help = stdout.replace(/\s+/g, ' ');
    const choices = /\(choices: ([^)]*)\)/.exec(help.slice(help.indexOf('--format <format>')))?.[1] ?? '';
    expect(choices.split(', ').map((c) => c.replace(/"/g, ''))).toEqual(table.get(command)?.formats);
  });
});

describe('every command writes every format it lists', () => {
  const pairs = commands.flatMap((command) => commandFormats[command].map((format) => [command, format] as const));

  it.each(pairs)('%s --format %s', async (command, format) => {
    const { code, stdout, stderr, stdoutBytes } = await runCli([...argsOf[command], '--format', format]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.length).toBeGreaterThan(0);
    switch (format) {
      case 'json':
        expect(() => JSON.parse(stdout) as unknown).not.toThrow();
        break;
      case 'ndjson':
        for (const line of stdout.trimEnd().split('\n')) expect(() => JSON.parse(line) as unknown).not.toThrow();
        break;
      case 'csv': {
        const [header, ...rows] = parse(stdout) as string[][];
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) expect(row).toHaveLength(header?.length ?? 0);
        break;
      }
      case 'markdown':
        expect(stdout).toMatch(/^#/);
        break;
      case 'table':
        expect(stdout).not.toMatch(/^[{[]/);
        break;
      case 'html':
        expect(stdout).toMatch(/^<!doctype html>\n/);
        break;
      case 'pdf':
        expect(stdoutBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(stdoutBytes.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
        break;
    }
  }, 60_000);

  it.each(commands.flatMap((command) => outputFormats.filter((f) => !(commandFormats[command] as readonly string[]).includes(f)).map((f) => [command, f] as const)))(
    '%s --format %s is a usage error',
    async (command, format) => {
      expect((await runCli([...argsOf[command], '--format', format])).code).toBe(2);
    },
  );
});

describe('--help names only files that exist', () => {
  it.each(['', ...commands])('%s --help', async (command) => {
    const { stdout } = await runCli(command === '' ? ['--help'] : [command, '--help']);
    const files = [...stdout.matchAll(/\bexamples\/[\w./-]+\.(?:json|csv)\b/g)].map((m) => m[0]);
    for (const file of files) expect(existsSync(join(root, file)), file).toBe(true);
  });
});
