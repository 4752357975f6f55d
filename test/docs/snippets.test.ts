// Every ```ts and ```js block of README.md and docs/**/*.md runs as written —
// pasted into a file of its own, imports included — against the BUILT package,
// and gives the values its `//=>` comments state. The convention is in
// test/docs/snippets.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tiers } from '../../src/index';
import { ensureBuilt, root } from '../cli/helpers';
import { codeBlocks, excerptFound, expectation, instrument, leadingLiteral, runBlock, runnable, type Block } from './snippets';

const markdownFiles = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === join('docs', 'api') ? [] : markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
const files = ['README.md', ...markdownFiles('docs').sort()];
const blocks = files.flatMap((file) => codeBlocks(readFileSync(join(root, file), 'utf8'), file)).filter((block) => runnable.has(block.lang));
const toRun = blocks.filter((block) => !/(?:^|\s)excerpt=/.test(block.info));
const excerpts = blocks.filter((block) => /(?:^|\s)excerpt=/.test(block.info));
const title = (block: Block) => `${block.file}:${block.line}`;

describe('code blocks in the docs', () => {
  beforeAll(() => ensureBuilt(), 180_000); // they import the package by name: dist/

  it('are found, and state values to check', () => {
    expect(toRun.length).toBeGreaterThanOrEqual(10);
    expect(toRun.filter((block) => block.file === 'README.md').length).toBeGreaterThanOrEqual(4);
    expect(toRun.flatMap((block) => instrument(block).claims).length).toBeGreaterThanOrEqual(15);
  });

  it.each(toRun.map((block) => [title(block), block] as const))('%s runs as written and gives the values it states', (_, block) => {
    const { code, claims, problems } = instrument(block);
    expect(problems).toEqual([]);
    const run = runBlock(block, code, root);
    expect(run.status, `${title(block)} exited ${run.status}:\n${run.stderr}`).toBe(0);
    for (const claim of claims) {
      const where = `${block.file}:${claim.line}: ${claim.expression} //=> ${claim.comment}`;
      const seen = run.values.get(claim.id);
      expect(seen, `${where}: the statement never ran`).toBeDefined();
      for (const value of seen!) expect(value, where).toEqual(expectation(claim.value));
    }
  });

  it.each(excerpts.map((block) => [title(block), block] as const))('%s is a verbatim excerpt of the file it names', (_, block) => {
    const { path, found } = excerptFound(block, root);
    expect(found, `${title(block)}: these lines are not in ${path}, in this order and together`).toBe(true);
  });
});

// The convention itself, on blocks made up here: a checker that cannot fail would prove nothing.
describe('the //=> convention', () => {
  beforeAll(() => ensureBuilt(), 180_000);
  const block = (code: string): Block => ({ file: 'doc.md', line: 10, lang: 'ts', info: '', code });

  it('reads the literal before the prose', () => {
    expect(leadingLiteral(" 'professional' (12,200 points ≥ 8,000)")).toBe("'professional'");
    expect(leadingLiteral(" { points: 7800, revenue: '4800.00' } and more")).toBe("{ points: 7800, revenue: '4800.00' }");
    expect(leadingLiteral(" [1, 'a]', { b: ']' }] rest")).toBe("[1, 'a]', { b: ']' }]");
    expect(leadingLiteral(' -12.5 points')).toBe('-12.5');
    expect(leadingLiteral(' 12 month ends')).toBe('12');
    expect(leadingLiteral(' null (no tier)')).toBe('null');
    expect(leadingLiteral(' twelve')).toBeUndefined();
    expect(leadingLiteral(" 'unterminated")).toBeUndefined();
  });

  it('makes … a wildcard in strings and a rest in objects, and compares exactly otherwise', () => {
    expect('Professional as of 2026-11-30 (R9): 19,690 points (8,000 needed).').toEqual(expectation("'Professional as of 2026-11-30 (R9): 19,690 points …'"));
    expect('Basic as of 2026-11-30').not.toEqual(expectation("'Professional …'"));
    expect({ id: 'acme', version: '2014.1', name: 'x' }).toEqual(expectation("{ id: 'acme', version: '2014.1', … }"));
    expect({ id: 'acme', version: '2014.1', name: 'x' }).not.toEqual(expectation("{ id: 'acme', version: '2014.1' }"));
    expect({ id: 'acme', version: '2027.1' }).not.toEqual(expectation("{ id: 'acme', version: '2014.1', … }"));
    expect({ text: 'a … b' }).toEqual(expectation("{ text: 'a … b' }"));
  });

  it('finds a claim on the statement line, under it, and after a declaration', () => {
    const { claims, problems } = instrument(block("const a = [1, 2];\na.length; //=> 2 (two)\na\n  .map((x) => x * 2);\n//=> [2, 4]\nconst b = a[0]; //=> 1\n"));
    expect(problems).toEqual([]);
    expect(claims.map((c) => [c.line, c.expression, c.value])).toEqual([
      [12, 'a.length', '2'],
      [15, 'a\n  .map((x) => x * 2)', '[2, 4]'],
      [16, 'b', '1'],
    ]);
  });

  it('refuses a //=> that belongs to no statement, one without a literal, and an unchecked `// value`', () => {
    expect(instrument(block('const a = 1;\n\n//=> 1\n')).problems).toEqual(['doc.md:13: "//=> 1" follows no statement whose value it could state']);
    expect(instrument(block('a; //=> some words\n')).problems).toEqual(['doc.md:11: "//=> some words" does not start with a literal value']);
    expect(instrument(block("a.tier; // 'professional'\n")).problems).toEqual([`doc.md:11: "// 'professional'" states a value: write it as //=> so it is checked`]);
    expect(instrument(block('a.tier; // the tier\n')).problems).toEqual([]);
  });

  it('runs a block against the built package and reports what each claim saw, or a failure', () => {
    const good = block("import { tiers } from '@exponential/partner-program';\nfor (const n of [1, 2]) n * 10; //=> 10\ntiers[0].id; //=> 'x'\n");
    const run = runBlock(good, instrument(good).code, root);
    expect(run.status).toBe(0);
    expect([...run.values]).toEqual([[0, [10, 20]], [1, [tiers[0]!.id]]]);
    const bad = block('missing.value; //=> 1\n');
    expect(runBlock(bad, instrument(bad).code, root).status).not.toBe(0);
  });

  it('checks an excerpt line by line against its file', () => {
    const path = relative(root, join(root, 'examples', 'serverless', 'handler.ts'));
    const lines = readFileSync(join(root, path), 'utf8').split('\n');
    const at = lines.findIndex((line) => line.includes('getReader()'));
    const excerpt = (code: string): Block => ({ file: 'doc.md', line: 1, lang: 'ts', info: `excerpt=${path}`, code });
    expect(excerptFound(excerpt(`${lines.slice(at, at + 3).join('\n')}\n`), root).found).toBe(true);
    expect(excerptFound(excerpt(`${lines[at + 1]}\n${lines[at]}\n`), root).found).toBe(false);
  });
});
