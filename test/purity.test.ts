// The core runs unchanged in browsers and edge runtimes: no `node:` imports,
// no globals, no clock, no randomness, no I/O outside src/cli; date-fns only by path, and only in src/dates.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const srcDir = new URL('../src/', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'cli' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const forbidden: [RegExp, string][] = [
  [/from ['"]node:/, 'a node: import'],
  [/require\(/, 'require()'],
  [/Date\.now\(|new Date\(\)|performance\.now/, 'a clock read'],
  [/Math\.random/, 'randomness'],
  [/\bprocess\.|\bglobalThis\b|\bdocument\.|\blocalStorage\b|\bconsole\./, 'a global'],
  [/\bfetch\(|XMLHttpRequest/, 'I/O'],
  [/from ['"]date-fns['"]/, 'the date-fns root index (import functions by path)'],
  // UTCDate (the root, /date and the `utc` context) builds three Intl formatters on import; the arithmetic needs UTCDateMini only.
  [/from ['"]@date-fns\/utc(\/date|\/utc)?['"]/, 'the full UTCDate of @date-fns/utc (import @date-fns/utc/date/mini)'],
  [/from ['"]zod['"]/, 'the full zod namespace (the core uses zod/mini)'],
];

describe('purity of the core', () => {
  const files = sourceFiles(srcDir);
  it('has source files to check', () => expect(files.length).toBeGreaterThan(10));
  it.each(files.map((file) => [file.slice(srcDir.length), file]))('%s', (_, file) => {
    const text = readFileSync(file, 'utf8');
    for (const [pattern, what] of forbidden) expect(pattern.test(text), `${what} in ${file}`).toBe(false);
  });

  it('creates Date objects only in src/dates', () => {
    for (const file of files.filter((f) => !f.includes('/dates/'))) expect(/new Date\(/.test(readFileSync(file, 'utf8')), file).toBe(false);
  });

  it('does calendar arithmetic only in src/dates: date-fns and @date-fns/utc are imported there and nowhere else', () => {
    const importers = files.filter((f) => /from ['"](date-fns|@date-fns\/utc)\//.test(readFileSync(f, 'utf8'))).map((f) => f.slice(srcDir.length));
    expect(importers.length).toBeGreaterThan(0);
    for (const file of importers) expect(file.startsWith('dates/'), file).toBe(true);
  });
});
