import { issue, ValidationError } from '../issues';

/**
 * A snapshot of an options object, each own property read once: whatever the
 * value holds (a Proxy, a throwing getter), bad options give one
 * `ValidationError`, never a TypeError from inside.
 */
export function readOptions(value: unknown, expected: string): Readonly<Record<string, unknown>> {
  try {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) out[key] = (value as Record<string, unknown>)[key];
      return out;
    }
  } catch {
    // Falls through to the one issue below.
  }
  throw new ValidationError([issue('', 'invalid-type', expected)]);
}
