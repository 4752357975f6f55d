/**
 * The JSON-safe copy of `meta`: free-form data the library never reads, kept
 * as a deep, frozen copy of plain JSON so a parsed ledger holds nothing
 * hostile (no getters, class instances, non-finite numbers or deep nesting).
 */
import { isRecord, pathIssue, withArticle, type PathIssue } from '../issues';
import type { Meta } from './types';

/** How deep `meta` may nest. */
export const MAX_META_DEPTH = 32;

/**
 * A frozen deep copy of one `meta` object, or `undefined` when it is absent,
 * not an object (zod reports that) or holds something that is not JSON (an
 * issue at that value's path is pushed).
 * @param value - The raw `meta` value.
 * @param path - Its path (`['entries', 3, 'meta']`); the array is not kept.
 */
export function copyMeta(value: unknown, path: readonly (string | number)[], issues: PathIssue[]): Meta | undefined {
  if (!isRecord(value)) return undefined;
  const before = issues.length;
  // One mutable path for the whole walk, copied only into an issue: valid meta allocates no paths.
  const copy = copyJson(value, [...path], 0, issues);
  return issues.length === before ? (copy as Meta) : undefined;
}

/**
 * A deep copy of JSON data, at most {@link MAX_META_DEPTH} levels. Keys are
 * defined as own data properties, so `__proto__` stays a plain key.
 */
function copyJson(value: unknown, path: (string | number)[], depth: number, issues: PathIssue[]): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    issues.push(pathIssue([...path], 'invalid-type', `meta values must be JSON; ${String(value)} is not`));
    return null;
  }
  if (typeof value !== 'object') {
    issues.push(pathIssue([...path], 'invalid-type', `meta values must be JSON; ${withArticle(typeof value)} is not`));
    return null;
  }
  if (depth >= MAX_META_DEPTH) {
    issues.push(pathIssue([...path], 'too-deep', `meta nests deeper than ${MAX_META_DEPTH} levels`));
    return null;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      out.push(copyJson(value[i], path, depth + 1, issues));
      path.pop();
    }
    return Object.freeze(out);
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    issues.push(pathIssue([...path], 'invalid-type', 'meta values must be JSON; a class instance is not'));
    return null;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    path.push(key);
    const child = copyJson((value as Record<string, unknown>)[key], path, depth + 1, issues);
    path.pop();
    Object.defineProperty(out, key, { value: child, enumerable: true, writable: true, configurable: true });
  }
  // Frozen as built: a parsed ledger's meta is as immutable as the rest of it.
  return Object.freeze(out);
}
