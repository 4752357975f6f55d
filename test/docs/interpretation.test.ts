// Keeps docs/interpretation.md in step with the tables: every rule has its
// section quoting its program sentences and naming test files that exist,
// and the generated table block equals what the tables render to now.
// `UPDATE_DOCS=1 npx vitest run test/docs` rewrites the block.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exponentialProgram, rules } from '../../src/index';

const docUrl = new URL('../../docs/interpretation.md', import.meta.url);
const root = new URL('../../', import.meta.url);
const START = '<!-- tables:start (generated from src/program by test/docs/interpretation.test.ts) -->';
const END = '<!-- tables:end -->';

function cell(value: unknown): string {
  return String(value).replace(/\|/g, '\\|');
}

/** The tables of the built-in program as Markdown, each row with its rule and source. */
export function renderTables(): string {
  const [version] = exponentialProgram.versions;
  const out: string[] = [];
  out.push('### Activities (R3, R5, R8)', '', '| id | points | kind | category | rule | program line |', '|---|---|---|---|---|---|');
  for (const row of version.activities) {
    const limit = 'limit' in row ? ` (at most ${row.limit.count} per ${row.limit.per})` : '';
    out.push(`| \`${row.id}\` | ${row.points} | ${row.kind}${limit} | ${row.category} | ${row.rule} | ${cell(row.source)} |`);
  }
  out.push('', '### Tiers (R9)', '', '| id | name | requirements | program line |', '|---|---|---|---|');
  for (const row of version.tiers) {
    const requirements = row.requirements.map((r) => (r.type === 'points' ? `${r.min} points` : r.type === 'revenue' ? `revenue ${r.min}` : r.type === 'certifications' ? `${r.min} ${r.kind}` : `${(r as { certification: string }).certification} ×${(r as { min: number }).min}`));
    out.push(`| \`${row.id}\` | ${row.name} | ${requirements.join(', ')} | ${cell(row.source)} |`);
  }
  out.push('', '### Certifications (R8)', '', '| id | kind | program line |', '|---|---|---|');
  for (const row of version.certifications) out.push(`| \`${row.id}\` | ${row.kind} | ${cell(row.source)} |`);
  out.push('', '### Fee (R11)', '', `${version.fee.amount} ${version.fee.currency} per ${version.fee.period} — ${version.fee.source}`);
  return out.join('\n');
}

const doc = readFileSync(docUrl, 'utf8');

describe('docs/interpretation.md', () => {
  it.each(rules.map((rule) => [rule.id, rule] as const))('%s has its section, quotes and tests', (id, rule) => {
    const start = doc.indexOf(`\n## ${id} ${rule.title}\n`);
    expect(start, `heading "## ${id} ${rule.title}"`).toBeGreaterThanOrEqual(0);
    const next = doc.indexOf('\n## ', start + 1);
    const section = doc.slice(start, next === -1 ? undefined : next);
    for (const source of rule.sources) expect(section).toContain(`> ${source}`);
    const tests = [...section.matchAll(/`(test\/[^`]+\.test\.ts)`/g)].map((m) => m[1]!);
    expect(tests.length, `${id} names the tests that prove it`).toBeGreaterThan(0);
    for (const file of tests) expect(existsSync(new URL(file, root)), file).toBe(true);
  });

  it('carries the tables as they are', () => {
    const block = `${START}\n\n${renderTables()}\n\n${END}`;
    if (process.env['UPDATE_DOCS'] === '1') {
      const from = doc.indexOf(START);
      const updated = from === -1 ? `${doc.trimEnd()}\n\n## The tables\n\n${block}\n` : `${doc.slice(0, from)}${block}${doc.slice(doc.indexOf(END) + END.length)}`;
      writeFileSync(docUrl, updated);
      return;
    }
    expect(doc).toContain(block);
  });
});
