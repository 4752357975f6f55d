/**
 * How every public function reads what a caller hands it (SPEC §3): each
 * option once, from a snapshot, and whatever it holds — a BigInt, a cyclic
 * object, a getter that throws, a Proxy, a revoked Proxy — turned into an
 * issue at the option's path, never a `TypeError` or the getter's own error.
 * A leaf module (dates and issues only), so every reader can share it.
 */
import { toIsoDate, type IsoDate } from './dates/isoDate';
import { appendToPath, describeValue, isArraySafe, issue, ValidationError, type LedgerIssue } from './issues';

// The one value describer and array test live with the issues (zod's issues use them too); re-exported for every reader.
export { describeValue, isArraySafe } from './issues';

/**
 * Whether `value` is a plain object (`{ … }` or `Object.create(null)`, from
 * any realm): an option that holds fields (`{ a, b }`) must be one, so that a
 * date object or a `Map`, whose own keys are none, is never read as `{}`.
 * @example
 * isPlainObject({ a: 1 }) //=> true
 * isPlainObject(new Map()) //=> false
 */
export function isPlainObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || isArraySafe(value)) return false;
  try {
    const prototype: unknown = Object.getPrototypeOf(value);
    // Object.prototype of any realm is the one prototype whose own prototype is null.
    return prototype === null || Object.getPrototypeOf(prototype) === null;
  } catch {
    // A Proxy whose trap throws: read as an object, so the reader reports it as unreadable.
    return true;
  }
}

/** What a getter or a Proxy trap threw, as an issue message shows it (a thrown value may itself be hostile). */
export function describeError(error: unknown): string {
  try {
    if (error instanceof Error) return `${String(error.name)}: ${String(error.message)}`.slice(0, 200);
  } catch {
    // A hostile error object (a Proxy, a throwing `message` getter): described by its type below.
  }
  return typeof error === 'string' ? JSON.stringify(error.slice(0, 200)) : describeValue(error);
}

function unreadable(path: string, error: unknown): LedgerIssue {
  return issue(path, 'unreadable-value', `${path === '' ? 'the value' : `"${path}"`} could not be read (a getter or a Proxy threw ${describeError(error)})`);
}

/**
 * Reads an object once, as a snapshot: its own keys (each one not in `known`
 * is an `unknown-field` issue, its value never read), and the value of each
 * known name, read exactly once (inherited properties and getters included).
 * A name whose read throws is an `unreadable-value` issue at its path and
 * absent from the snapshot; a name that was read is present, `undefined`
 * when not given — so `name in snapshot` tells "not given" from "unreadable".
 * @param value - The object (options, or an option holding an object).
 * @param known - The names to read.
 * @param path - The object's own path (`''` for a function's options).
 * @param expected - The message when `value` is not an object (`options must be an object with at least "asOf"`).
 * @returns The snapshot (a null-prototype object), or `undefined` after pushing an issue at `path` when `value` is not a readable object.
 * @example
 * readObject({ asOf: '2026-06-30', asof: 'x' }, ['asOf'], '', 'options', issues)
 * //=> { asOf: '2026-06-30' }, and issues gets an unknown-field at `asof`
 */
export function readObject(value: unknown, known: readonly string[], path: string, expected: string, issues: LedgerIssue[]): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null || isArraySafe(value)) {
    issues.push(issue(path, 'invalid-type', expected));
    return undefined;
  }
  let keys: string[];
  try {
    keys = Object.keys(value);
  } catch (error) {
    issues.push(unreadable(path, error));
    return undefined;
  }
  for (const key of keys) {
    if (!known.includes(key)) issues.push(issue(appendToPath(path, key), 'unknown-field', `unknown ${path === '' ? 'option' : 'field'} "${key}"; expected ${known.join(', ')}`));
  }
  const snapshot: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const name of known) {
    try {
      snapshot[name] = (value as Record<string, unknown>)[name];
    } catch (error) {
      issues.push(unreadable(appendToPath(path, name), error));
    }
  }
  return snapshot;
}

/**
 * A function's options read once (see {@link readObject}): the value of each
 * known option, `undefined` when absent; an option whose getter or Proxy trap
 * threw is missing from it, its issue already pushed.
 */
export type OptionsSnapshot = Readonly<Record<string, unknown>>;

/**
 * Snapshots a function's options once (see {@link readObject}): unknown names
 * are issues, each known option is read exactly once. Options that are not an
 * object, or cannot even be listed, are one `ValidationError` at the root.
 * @param opts - The options argument; `undefined` reads as `{}`, so each required option is then reported missing at its own path.
 * @param known - The option names.
 * @param expected - The message when `opts` is not an object (`options must be an object with at least "asOf"`).
 * @param issues - Where the unknown-name and unreadable-option issues go.
 * @returns The snapshot.
 * @throws {ValidationError} When `opts` is not a readable object.
 */
export function readOptionsObject(opts: unknown, known: readonly string[], expected: string, issues: LedgerIssue[]): OptionsSnapshot {
  const found: LedgerIssue[] = [];
  const snapshot = readObject(opts === undefined ? {} : opts, known, '', expected, found);
  if (snapshot === undefined) throw new ValidationError(found as [LedgerIssue, ...LedgerIssue[]]);
  issues.push(...found);
  return snapshot;
}

/**
 * Reads an array once: its length (at most `max`), then each element.
 * @param expected - The message when `value` is not an array.
 * @returns A plain copy, or `undefined` after pushing an issue at `path` (`invalid-type`, or `unreadable-value` when reading threw).
 */
export function readArray(value: unknown, path: string, expected: string, max: number, issues: LedgerIssue[]): unknown[] | undefined {
  if (!isArraySafe(value)) {
    issues.push(issue(path, 'invalid-type', expected));
    return undefined;
  }
  const items: unknown[] = [];
  // -1 while the length is read: a throw then belongs to the array, afterwards to its element.
  let index = -1;
  try {
    const length = (value as unknown[]).length;
    // A Proxy may claim any length: bound the loop before reading.
    if (!(length <= max)) {
      issues.push(issue(path, 'invalid-value', `"${path}" may hold at most ${max} items, received a length of ${describeValue(length)}`));
      return undefined;
    }
    for (index = 0; index < length; index++) items.push((value as unknown[])[index]);
  } catch (error) {
    issues.push(unreadable(index === -1 ? path : appendToPath(path, index), error));
    return undefined;
  }
  return items;
}

/**
 * Reads a date option (`asOf`, `from`, `to`, `by`) of a snapshot, pushing an
 * issue when it is missing or not a date. An option whose reading threw is
 * not in the snapshot: its issue is already there.
 */
export function readDateOption(opts: OptionsSnapshot, name: string, issues: LedgerIssue[], required = true): IsoDate | undefined {
  if (!(name in opts)) return undefined;
  return readDate(opts[name], name, issues, required);
}

/**
 * The one date reader of options and helper arguments: `YYYY-MM-DD` or an
 * RFC 3339 timestamp, reduced to its UTC date.
 * @param value - The raw value (`undefined` when not given).
 * @param path - Where it is (`asOf`, `asOf.a`, `joinedOn`).
 * @param required - Whether a missing value is an issue (`missing-field`).
 * @returns The date, or `undefined` (after pushing an `invalid-date` issue when the value was given).
 */
export function readDate(value: unknown, path: string, issues: LedgerIssue[], required = true): IsoDate | undefined {
  if (value === undefined) {
    if (required) issues.push(issue(path, 'missing-field', `"${path}" is required: the review date, YYYY-MM-DD (the library never reads the clock)`));
    return undefined;
  }
  const date = typeof value === 'string' ? toIsoDate(value) : null;
  if (date === null) issues.push(issue(path, 'invalid-date', `"${path}" must be a calendar date YYYY-MM-DD or an RFC 3339 timestamp, received ${describeValue(value)}`));
  return date ?? undefined;
}
