// The documentation of this issue: every public function has an @example
// (typedoc renders it), the guides exist and the README links them, and
// docs/csv.md names every column the CSV reader accepts.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index';
import { entryColumns, partnerColumns } from '../../src/csv';
import { root } from '../cli/helpers';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'cli' ? [] : sources(join(dir, e.name))) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('API reference', () => {
  const files = sources(join(root, 'src')).map((file) => readFileSync(file, 'utf8'));
  const functions = Object.entries(api)
    .filter(([, value]) => typeof value === 'function' && !/^class\s/.test(Function.prototype.toString.call(value)))
    .map(([name]) => name);

  it('has public functions', () => expect(functions.length).toBeGreaterThan(3));

  it.each(functions)('%s has a TSDoc @example', (name) => {
    const declaration = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*export (?:async )?function ${name}\\b`);
    const doc = files.map((text) => declaration.exec(text)?.[1]).find((d) => d !== undefined);
    expect(doc, `no TSDoc before "export function ${name}"`).toBeDefined();
    expect(doc).toContain('@example');
  });

  it('typedoc.json documents src/index.ts into the git-ignored docs/api', () => {
    const config = JSON.parse(readFileSync(join(root, 'typedoc.json'), 'utf8')) as { entryPoints: string[]; out: string };
    expect(config.entryPoints).toEqual(['src/index.ts']);
    expect(config.out).toBe('docs/api');
    expect(readFileSync(join(root, '.gitignore'), 'utf8').split('\n')).toContain('docs/api/');
  });
});

describe('guides', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  it.each(['command-line', 'crm-integration', 'serverless', 'browser', 'dashboard', 'documents', 'second-program'])('docs/guides/%s.md exists and the README links it', (name) => {
    expect(readFileSync(join(root, 'docs', 'guides', `${name}.md`), 'utf8').length).toBeGreaterThan(500);
    expect(readme).toContain(`(docs/guides/${name}.md)`);
  });

  it('the README has "Command line" and "Guides" sections and links docs/csv.md', () => {
    expect(readme).toMatch(/\n## Command line\n/);
    expect(readme).toMatch(/\n## Guides\n/);
    expect(readme).toContain('(docs/csv.md)');
  });
});

describe('docs/csv.md', () => {
  const doc = readFileSync(join(root, 'docs', 'csv.md'), 'utf8');
  it.each([...partnerColumns, ...entryColumns, 'partner_meta.<key>', 'meta.<key>'])('names the column %s', (column) => {
    expect(doc).toContain(`\`${column}\``);
  });
});
