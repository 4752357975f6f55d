// The README's set-up commands and its ledger format. Its code blocks, and the
// values their `//=>` comments state, are run and checked by snippets.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLedger } from '../../src/index';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('gives the two set-up commands first', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toMatch(/\nnpm test\s/);
    expect(readme.indexOf('npm ci && npm start')).toBeLessThan(readme.indexOf('## Use'));
  });

  it('documents a ledger format that parses', () => {
    const json = /### Ledger format\s+```json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(json).toBeDefined();
    expect(parseLedger(JSON.parse(json!)).ok).toBe(true);
  });

  it('states the values of its usage example with //=>, so that they are checked', () => {
    const usage = /## Use\s+```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(usage).toContain("result.tier;                //=> 'professional'");
    expect(usage.match(/\/\/=>/g)?.length).toBeGreaterThanOrEqual(3);
  });
});
