// The machinery of test/docs/snippets.test.ts: find the code blocks of a
// Markdown file, turn the values their comments state into checks, and run a
// block as a reader would paste it — as an ES module of its own, importing the
// BUILT package by its name.
//
// The convention (README.md says it under "Use"):
// - Every ```ts and ```js block runs as written, from the repository root (file
//   paths in it are relative to the root), on its own: its imports are its own.
// - `expr; //=> value` states the value of `expr`; so does `const x = expr; //=> value`
//   for `x`, and a `//=> value` line right under the statement. The value is a
//   JavaScript literal (string, number, boolean, null, object, array); prose may
//   follow it: `//=> 'professional' (12,200 points ≥ 8,000)`. An object literal
//   compares exactly unless it holds `…` in place of a property (then the rest
//   may be anything); in a string, `…` stands for any text.
// - A block whose info string is `ts excerpt=PATH` is a verbatim excerpt of
//   PATH: it is not run, its lines must appear in PATH in that order, together.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import ts from 'typescript';
import { expect } from 'vitest';

/** A fenced code block of a Markdown file. */
export type Block = { readonly file: string; readonly line: number; readonly lang: string; readonly info: string; readonly code: string };

/** The fenced code blocks of `markdown` (``` or ~~~ fences, not indented code). */
export function codeBlocks(markdown: string, file: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)\s*(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[2]!;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !new RegExp(`^\\s*${fence[0]}{${fence.length},}\\s*$`).test(lines[j]!); j++) body.push(lines[j]!);
    blocks.push({ file, line: i + 1, lang: open[3]!.toLowerCase(), info: open[4]!.trim(), code: `${body.join('\n')}\n` });
    i = j;
  }
  return blocks;
}

/** Languages whose blocks run. */
export const runnable = new Set(['ts', 'typescript', 'js', 'javascript', 'mjs']);

/** A value a block states with `//=>`. */
export type Claim = { readonly id: number; readonly line: number; readonly expression: string; readonly value: string; readonly comment: string };

/**
 * The literal at the start of `text` (what a `//=>` comment states), without the
 * prose after it; undefined when `text` does not start with a literal.
 */
export function leadingLiteral(text: string): string | undefined {
  const s = text.trimStart();
  const first = s[0];
  if (first === undefined) return undefined;
  if (first === "'" || first === '"' || first === '`') {
    const end = stringEnd(s, 0);
    return end === -1 ? undefined : s.slice(0, end + 1);
  }
  if (first === '{' || first === '[') {
    let depth = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s[i]!;
      if (c === "'" || c === '"' || c === '`') {
        i = stringEnd(s, i);
        if (i === -1) return undefined;
      } else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) return s.slice(0, i + 1);
      }
    }
    return undefined;
  }
  return /^(?:-?(?:\d[\d_]*)(?:\.\d+)?(?:e[+-]?\d+)?|true|false|null|undefined)(?![\w.])/.exec(s)?.[0];
}

/** The index of the quote that closes the string opening at `start`, or -1. */
function stringEnd(s: string, start: number): number {
  const quote = s[start];
  for (let i = start + 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === quote) return i;
  }
  return -1;
}

const ELLIPSIS = '\u2026';
const PARTIAL = '__partial__';

/**
 * The expectation a stated literal means, for `toEqual`: `…` in place of an
 * object property makes the object partial (`expect.objectContaining`), `…` in
 * a string matches any text.
 */
export function expectation(literal: string): unknown {
  // Outside strings, `…` where a property would be becomes a marker property.
  let source = '';
  for (let i = 0; i < literal.length; i++) {
    const c = literal[i]!;
    if (c === "'" || c === '"' || c === '`') {
      const end = stringEnd(literal, i);
      source += literal.slice(i, end + 1);
      i = end;
    } else source += c === ELLIPSIS ? `${JSON.stringify(PARTIAL)}: true` : c;
  }
  const value: unknown = new Function(`return (${source});`)();
  const toMatcher = (v: unknown): unknown => {
    if (typeof v === 'string' && v.includes(ELLIPSIS)) {
      const pattern = v.split(ELLIPSIS).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*');
      return expect.stringMatching(new RegExp(`^${pattern}$`));
    }
    if (Array.isArray(v)) return v.map(toMatcher);
    if (typeof v === 'object' && v !== null) {
      const entries = Object.entries(v).filter(([key]) => key !== PARTIAL);
      const mapped = Object.fromEntries(entries.map(([key, inner]) => [key, toMatcher(inner)]));
      return PARTIAL in v ? expect.objectContaining(mapped) : mapped;
    }
    return v;
  };
  return toMatcher(value);
}

/**
 * The `//=>` comment that states `node`'s value: on the statement's own line, or
 * alone on the line right below it (the statement's line may end in prose).
 */
function claimComment(code: string, node: ts.Node): { text: string; pos: number } | undefined {
  // TypeScript counts a comment on the statement's line as trailing, one on a later line as leading.
  const sameLine = ts.getTrailingCommentRanges(code, node.end)?.[0];
  const below = ts.getLeadingCommentRanges(code, node.end)?.find((range) => (code.slice(node.end, range.pos).match(/\n/g) ?? []).length === 1);
  for (const range of [sameLine, below]) {
    if (range?.kind !== ts.SyntaxKind.SingleLineCommentTrivia) continue;
    const text = code.slice(range.pos, range.end);
    if (text.startsWith('//=>')) return { text: text.slice(4), pos: range.pos };
  }
  return undefined;
}

/** The block's code with every `//=>` statement reporting its value, and the claims. */
export function instrument(block: Block): { code: string; claims: Claim[]; problems: string[] } {
  const { code } = block;
  const source = ts.createSourceFile('snippet.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const claims: Claim[] = [];
  const problems: string[] = [];
  const edits: { at: number; end: number; text: string }[] = [];
  const used = new Set<number>();
  const lineOf = (pos: number) => block.line + source.getLineAndCharacterOfPosition(pos).line + 1;

  const visit = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node) || ts.isVariableStatement(node)) {
      const comment = claimComment(code, node);
      if (comment) {
        used.add(comment.pos);
        const value = leadingLiteral(comment.text);
        const line = lineOf(comment.pos);
        if (value === undefined) problems.push(`${block.file}:${line}: "//=>${comment.text}" does not start with a literal value`);
        else if (ts.isExpressionStatement(node)) {
          const id = claims.length;
          claims.push({ id, line, expression: node.expression.getText(source), value, comment: comment.text.trim() });
          edits.push({ at: node.expression.getStart(source), end: node.expression.end, text: `__claim(${id}, (${node.expression.getText(source)}))` });
        } else {
          const [declaration, ...more] = node.declarationList.declarations;
          if (!declaration || more.length > 0 || !ts.isIdentifier(declaration.name)) problems.push(`${block.file}:${line}: a //=> value after a declaration needs one plain name`);
          else {
            const id = claims.length;
            claims.push({ id, line, expression: declaration.name.text, value, comment: comment.text.trim() });
            edits.push({ at: node.end, end: node.end, text: ` __claim(${id}, ${declaration.name.text});` });
          }
        }
      }
      // A statement's trailing `// 'value'` without `=>` would state a value nobody checks.
      const trailing = ts.getTrailingCommentRanges(code, node.end)?.[0];
      if (trailing && /^\/\/\s+['"`{[]/.test(code.slice(trailing.pos, trailing.end))) {
        problems.push(`${block.file}:${lineOf(trailing.pos)}: "${code.slice(trailing.pos, trailing.end)}" states a value: write it as //=> so it is checked`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);

  // Every `//=>` must belong to a statement, or it would check nothing. Comments
  // are the trivia before each token (the end-of-file token included).
  const leaves = (node: ts.Node): ts.Node[] => (node.getChildCount(source) === 0 ? [node] : node.getChildren(source).flatMap(leaves));
  for (const leaf of leaves(source)) {
    for (const range of [...(ts.getTrailingCommentRanges(code, leaf.end) ?? []), ...(ts.getLeadingCommentRanges(code, leaf.pos) ?? [])]) {
      const text = code.slice(range.pos, range.end);
      if (text.startsWith('//=>') && !used.has(range.pos) && used.add(range.pos)) problems.push(`${block.file}:${lineOf(range.pos)}: "${text}" follows no statement whose value it could state`);
    }
  }

  let out = code;
  for (const edit of [...edits].sort((a, b) => b.at - a.at)) out = `${out.slice(0, edit.at)}${edit.text}${out.slice(edit.end)}`;
  // Appended, so the reader's line numbers stay those of the block; a function declaration is hoisted.
  out += `\nfunction __claim(id, value) { process.stdout.write('\\u0000claim ' + JSON.stringify({ id, type: typeof value, json: value === undefined ? null : JSON.stringify(value) }) + '\\n'); return value; }\n`;
  return { code: out, claims, problems };
}

/** What a block's run reported: the values of its claims (each time it was reached), its output and exit status. */
export type Run = { status: number | null; stdout: string; stderr: string; values: Map<number, unknown[]> };

/**
 * Runs instrumented code as its own ES module in a fresh `node`, from `root`:
 * types stripped and relative imports bundled by esbuild, packages left to Node,
 * which resolves `@exponential/partner-program` to the built package through its
 * own package.json ("exports" self-reference).
 */
export function runBlock(block: Block, code: string, root: string): Run {
  const loader = block.lang === 'ts' || block.lang === 'typescript' ? 'ts' : 'js';
  const built = buildSync({
    stdin: { contents: code, loader, resolveDir: root, sourcefile: `${block.file}:${block.line}` },
    bundle: true,
    packages: 'external',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  const result = spawnSync(process.execPath, ['--input-type=module', '-'], { cwd: root, input: built.outputFiles[0]!.text, encoding: 'utf8', timeout: 60_000 });
  const values = new Map<number, unknown[]>();
  const stdout: string[] = [];
  for (const line of result.stdout.split('\n')) {
    if (!line.startsWith('\u0000claim ')) {
      stdout.push(line);
      continue;
    }
    const { id, type, json } = JSON.parse(line.slice(7)) as { id: number; type: string; json: string | null };
    const value = type === 'undefined' ? undefined : JSON.parse(json!);
    values.set(id, [...(values.get(id) ?? []), value]);
  }
  return { status: result.status, stdout: stdout.join('\n'), stderr: result.stderr + (result.error ? String(result.error) : ''), values };
}

/** The lines of an excerpt block, found in order and together in the file it names (indentation aside). */
export function excerptFound(block: Block, root: string): { path: string; found: boolean } {
  const path = /(?:^|\s)excerpt=(\S+)/.exec(block.info)![1]!;
  const wanted = block.code.trimEnd().split('\n').map((l) => l.trim());
  const have = readFileSync(join(root, path), 'utf8').split('\n').map((l) => l.trim());
  for (let i = 0; i + wanted.length <= have.length; i++) {
    if (wanted.every((line, k) => have[i + k] === line)) return { path, found: true };
  }
  return { path, found: false };
}
