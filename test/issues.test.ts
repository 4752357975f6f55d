import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendToPath, formatPath, isRecord, parsePath } from '../src/issues';
import { runs } from './properties/arbitraries';

const segment = fc.oneof(
  fc.nat({ max: 1_000_000 }),
  fc.constantFrom('entries', 'meta', 'partner', '$schema', '_x1', 'a b', '3', '', 'é', 'say "hi"', 'back\\slash', 'new\nline', '[0]', '.dot'),
  fc.string({ maxLength: 6 }),
);

describe('formatPath', () => {
  it.each<[readonly (string | number)[], string]>([
    [[], ''],
    [['entries', 3, 'amount'], 'entries[3].amount'],
    [['meta', 'a b'], 'meta["a b"]'],
    [['partner', 'meta', '$ref', 0], 'partner.meta.$ref[0]'],
    [['3'], '["3"]'],
    [[0, 'x'], '[0].x'],
  ])('%j → %s', (segments, text) => {
    expect(formatPath(segments)).toBe(text);
    expect(segments.reduce<string>(appendToPath, '')).toBe(text);
  });
});

describe('parsePath', () => {
  it('property: is the exact inverse of formatPath', () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (segments) => {
        expect(parsePath(formatPath(segments))).toStrictEqual(segments);
      }),
      runs(500),
    );
  });

  it.each(['.a', 'a..b', 'a.', 'a b', '[x]', '[01', 'a["b]', '["\\x"]', 'a[1]b', '[-1]'])('%s is not a path formatPath writes: undefined', (text) => {
    expect(parsePath(text)).toBeUndefined();
  });
});

describe('isRecord', () => {
  it('is true for objects that are not arrays, a revoked Proxy included (reading it is what fails)', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect([{}, Object.create(null), new Map(), proxy].map(isRecord)).toStrictEqual([true, true, true, true]);
    expect([[], null, undefined, 'a', 1, () => 1].map(isRecord)).toStrictEqual([false, false, false, false, false, false]);
  });
});
