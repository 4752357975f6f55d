// The rule for tests that need a tool outside npm: skipped with a reason on a
// developer's machine, a failure in CI.
import { describe, expect, it, vi } from 'vitest';
import { isCi, requireTool } from './tools';

describe('requireTool', () => {
  it('runs the test when the tool is there, in CI or not', () => {
    expect(requireTool('Chromium', true, 'apt-get install -y chromium', true)).toEqual({ skip: false, reason: '' });
    expect(requireTool('Chromium', true, 'apt-get install -y chromium', false)).toEqual({ skip: false, reason: '' });
  });

  it('skips with the reason outside CI', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(requireTool('Chromium', false, 'apt-get install -y chromium', false)).toEqual({ skip: true, reason: ' (skipped: no Chromium; apt-get install -y chromium)' });
      expect(warn).toHaveBeenCalledOnce();
    } finally {
      warn.mockRestore();
    }
  });

  it('fails in CI', () => {
    expect(() => requireTool('Chromium', false, 'apt-get install -y chromium', true)).toThrow('Chromium is missing, and CI must run this test: apt-get install -y chromium');
  });

  it('reads CI as CI services set it', () => {
    for (const value of ['true', '1', 'yes', 'TRUE', 'woodpecker']) expect(isCi(value), value).toBe(true);
    for (const value of [undefined, '', '0', 'false', ' False ']) expect(isCi(value), String(value)).toBe(false);
  });
});
