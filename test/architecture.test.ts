// src/ against docs/architecture.md: every file belongs to one part, every import (type imports and
// re-exports included) is an arrow the table allows, and no two files of src/ import each other in a circle.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const src = join(root, 'src');

type Part = { readonly name: string; readonly paths: readonly string[]; readonly mayImport: ReadonlySet<string> };

/** The parts table of docs/architecture.md. */
export function readParts(markdown: string): Part[] {
  const section = markdown.slice(markdown.indexOf('## Parts'));
  const rows = section.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| part') && !line.startsWith('| ---'));
  return rows.map((line) => {
    const [name, paths, may] = line.split('|').slice(1, 4).map((cell) => cell.trim());
    return {
      name: name as string,
      paths: [...(paths as string).matchAll(/`([^`]+)`/g)].map((m) => m[1] as string),
      mayImport: new Set((may as string).split(',').map((p) => p.trim()).filter((p) => p !== '')),
    };
  });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The src/ files a file imports (static, dynamic, type-only and re-exports), resolved. */
function importsOf(file: string, files: ReadonlySet<string>): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const out: string[] = [];
  for (const { fileName } of info.importedFiles) {
    if (!fileName.startsWith('.')) continue;
    const base = resolve(dirname(file), fileName);
    const target = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base].find((candidate) => files.has(candidate));
    if (target === undefined) throw new Error(`${relative(root, file)} imports ${fileName}, which is no file of src/`);
    out.push(target);
  }
  return out;
}

function partOf(file: string, parts: readonly Part[]): Part[] {
  const path = relative(root, file);
  return parts.filter((part) => part.paths.some((p) => (p.endsWith('/') ? path.startsWith(p) : path === p)));
}

/** A cycle in the import graph, as a list of files, or `null`. */
function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, 1);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 1) return [...stack.slice(stack.indexOf(next)), next];
      if (state.get(next) === undefined) {
        const found = visit(next);
        if (found !== null) return found;
      }
    }
    stack.pop();
    state.set(node, 2);
    return null;
  };
  for (const node of graph.keys()) {
    if (state.get(node) === undefined) {
      const found = visit(node);
      if (found !== null) return found;
    }
  }
  return null;
}

const parts = readParts(readFileSync(join(root, 'docs/architecture.md'), 'utf8'));
const files = sourceFiles(src);
const fileSet = new Set(files);
const graph = new Map(files.map((file) => [file, importsOf(file, fileSet)]));

describe('architecture (docs/architecture.md)', () => {
  it('describes the parts the issue names, each allowed only known parts', () => {
    const names = new Set(parts.map((p) => p.name));
    for (const name of ['base', 'program', 'ledger', 'evaluate', 'explain', 'timeline', 'plan', 'compare', 'schemas', 'index', 'cli', 'csv', 'documents', 'pdf']) expect(names.has(name), name).toBe(true);
    for (const part of parts) for (const allowed of part.mayImport) expect(names.has(allowed), `${part.name} may import ${allowed}`).toBe(true);
  });

  it('puts every file of src/ in exactly one part', () => {
    for (const file of files) expect(partOf(file, parts).map((p) => p.name), relative(root, file)).toHaveLength(1);
  });

  it('has no import the table forbids', () => {
    const forbidden: string[] = [];
    for (const [file, targets] of graph) {
      const [from] = partOf(file, parts) as [Part];
      for (const target of targets) {
        const [to] = partOf(target, parts) as [Part];
        if (to.name !== from.name && !from.mayImport.has(to.name)) forbidden.push(`${relative(root, file)} (${from.name}) → ${relative(root, target)} (${to.name})`);
      }
    }
    expect(forbidden).toEqual([]);
  });

  it('keeps ledger and program free of evaluation, and nothing imports cli', () => {
    const byName = new Map(parts.map((p) => [p.name, p]));
    for (const low of ['ledger', 'program', 'base']) expect(byName.get(low)?.mayImport.has('evaluate'), low).toBe(false);
    for (const part of parts) expect(part.mayImport.has('cli'), part.name).toBe(false);
  });

  it('has no import circle between the files of src/', () => {
    const cycle = findCycle(graph);
    expect(cycle?.map((file) => relative(root, file)) ?? null).toBeNull();
  });

  it('catches what it is meant to catch', () => {
    // The checker itself: a forbidden arrow and a circle on a made-up graph.
    expect(findCycle(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]))).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(new Map([['a', ['b']], ['b', []]]))).toBeNull();
    const table = readParts('## Parts\n| part | folders | may import | what |\n| --- | --- | --- | --- |\n| low | `src/low/` | | x |\n| high | `src/high/`, `src/x.ts` | low | y |\n');
    expect(table.map((p) => [p.name, p.paths, [...p.mayImport]])).toEqual([['low', ['src/low/'], []], ['high', ['src/high/', 'src/x.ts'], ['low']]]);
  });
});
