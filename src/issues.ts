/**
 * Issue codes, paths and the one error class (SPEC §2.1, §3).
 *
 * Every validation problem anywhere in the library is a {@link LedgerIssue}
 * with a code from {@link issueCodes}; functions that cannot return issues
 * throw one {@link ValidationError} carrying all of them.
 */

/** The closed list of validation issue codes, with what each means (frozen: a closed list stays closed). */
export const issueCodes = /* @__PURE__ */ Object.freeze({
  'invalid-type': 'the value has the wrong JSON type (e.g. a number where a string is expected)',
  'missing-field': 'a required field is absent',
  'unknown-field': 'a field the schema does not know (free-form data belongs in `meta`)',
  'invalid-value': 'the value is not one of the allowed values',
  'unknown-entry-type': 'the entry `type` is not one of the ledger entry types',
  'unknown-activity': 'the activity id is not in the program (in any of its versions)',
  'unknown-certification': 'the certification id is not in the program catalogue (a ledger entry, or a tier requiring it by name)',
  'derived-activity': 'the activity is credited by the library itself (R5, R8) and cannot be reported',
  'field-not-applicable': 'the field does not apply to this activity row',
  'below-minimum': 'the points are below the minimum of a "+" activity row (R3)',
  'invalid-date': 'not a real calendar date `YYYY-MM-DD` or an RFC 3339 timestamp',
  'invalid-range': 'the bounds are in the wrong order (e.g. `expiresOn` before `date`, `from` after `to`, evidence `words.min` above `max`)',
  'invalid-amount': 'not a plain decimal amount (string or finite number) within the allowed range',
  'invalid-integer': 'not an integer within the allowed range',
  'too-long': 'the string is longer than allowed',
  'too-deep': '`meta` is nested deeper than allowed',
  'duplicate-id': 'an id is used more than once (ledger entries; certification kinds, categories, tiers, activities, certifications or versions of a program; a requirement twice in one tier)',
  'unknown-reference': '`relatesTo` names no entry of the ledger',
  'invalid-program': 'the value is not a program returned by `defineProgram` or `exponentialProgram`',
  'unordered-versions': 'program versions are not in strictly ascending `effectiveFrom`',
  'unordered-tiers': 'a tier requires less (points, revenue, certifications of a kind, holders of a certification) than the tier below it',
  'unknown-tier': '`membershipTier` or `renewalTier` names no tier of its version',
  'missing-certification-kind': 'a tier requires certifications of a kind its version does not define, or whose catalogue has no certification of it',
  'duplicate-derived-row': 'more than one activity row of a version derives its points from the same source (`derivedFrom`)',
  'inconsistent-row': 'an activity id has another `kind` or `derivedFrom` in another version of the program',
  'too-many-issues': 'the last issue of a list cut at `MAX_ISSUES`: it says how many more issues were found and not listed',
  'unreadable-value': 'the value could not be read: a getter or a Proxy trap threw, or the Proxy was revoked',
} as const);

/** A validation issue code. */
export type IssueCode = keyof typeof issueCodes;

/** One validation problem: where (a path such as `entries[3].amount`), what (`code`) and a sentence. */
export type LedgerIssue = {
  readonly path: string;
  readonly code: IssueCode;
  readonly message: string;
};

/** A path as segments, as zod reports it. */
export type PathSegments = readonly PropertyKey[];

const identifier = /^[A-Za-z_$][\w$]*$/;

/** Whether a key is written `.key` in a path (else `["key"]`). */
export function isIdentifier(key: string): boolean {
  return identifier.test(key);
}

/**
 * Appends one segment to a path the way the SPEC quotes paths: `[3]` for an
 * index, `.name` for a plain key (just `name` at the start), `["a b"]` otherwise.
 * @example
 * appendToPath('entries[3].meta', 'a b') //=> 'entries[3].meta["a b"]'
 */
export function appendToPath(path: string, segment: PropertyKey): string {
  if (typeof segment === 'number') return `${path}[${segment}]`;
  const key = String(segment);
  if (isIdentifier(key)) return path === '' ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

/**
 * Formats path segments the way the SPEC quotes them.
 * @example
 * formatPath(['entries', 3, 'amount']) //=> 'entries[3].amount'
 * formatPath(['meta', 'a b']) //=> 'meta["a b"]'
 */
export function formatPath(segments: PathSegments): string {
  return segments.reduce<string>(appendToPath, '');
}

const pathToken = /(?:^|\.)([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;

/**
 * The segments of a path {@link formatPath} wrote: its exact inverse, for
 * readers that get an issue at the public edge, where the path is text.
 * @returns The segments, or `undefined` for text formatPath never writes.
 * @example
 * parsePath('entries[3].meta["a b"]') //=> ['entries', 3, 'meta', 'a b']
 */
export function parsePath(path: string): (string | number)[] | undefined {
  const segments: (string | number)[] = [];
  pathToken.lastIndex = 0;
  while (pathToken.lastIndex < path.length) {
    const start = pathToken.lastIndex;
    const m = pathToken.exec(path);
    // formatPath never writes a leading dot.
    if (m === null || (start === 0 && path.startsWith('.'))) return undefined;
    if (m[1] !== undefined) segments.push(m[1]);
    else if (m[2] !== undefined) segments.push(Number(m[2]));
    else {
      try {
        segments.push(JSON.parse(m[3] as string) as string);
      } catch {
        return undefined;
      }
    }
  }
  return segments;
}

/** Builds one issue. */
export function issue(path: string, code: IssueCode, message: string): LedgerIssue {
  return { path, code, message };
}

/** An issue whose path is still segments (`['entries', 3, 'amount']`): formatted once, at the edge, by {@link formatIssue}. */
export type PathIssue = {
  readonly path: PathSegments;
  readonly code: IssueCode;
  readonly message: string;
};

/** Builds one issue with its path as segments. */
export function pathIssue(path: PathSegments, code: IssueCode, message: string): PathIssue {
  return { path, code, message };
}

/**
 * The one duplicate-id issue, for ledger entries and for a program's tables
 * and versions: at the later use, naming the first.
 * @param what - What the id names: `id`, `version`.
 * @example
 * duplicateIdIssue(['entries', 3, 'id'], 'id', 'r1', ['entries', 0, 'id']).message //=> 'duplicate id "r1": entries[0].id has it too'
 */
export function duplicateIdIssue(path: PathSegments, what: string, id: string, first: PathSegments): PathIssue {
  return pathIssue(path, 'duplicate-id', `duplicate ${what} "${id}": ${formatPath(first)} has it too`);
}

/** The public issue: its path formatted ({@link formatPath}). */
export function formatIssue(value: PathIssue): LedgerIssue {
  return issue(formatPath(value.path), value.code, value.message);
}

/**
 * Whether `value` is an object that is not an array (a revoked Proxy counts
 * as one: reading it then throws, which each reader turns into an issue).
 * The one such test of the library.
 * @example
 * isRecord({ a: 1 }) //=> true
 * isRecord([1]) //=> false
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !isArraySafe(value);
}

/** The most issues one list carries before {@link capIssues} cuts it. */
export const MAX_ISSUES = 1000;

/**
 * A list of issues of bounded size, so that hostile input cannot make one
 * list (and every message printed from it) grow without end: the first
 * {@link MAX_ISSUES} issues as they are, then one `too-many-issues` issue at
 * the root saying how many more there were.
 * @param issues - Issues in their reporting order.
 * @param total - How many issues were found in all (default: `issues.length`), when some were already left out.
 * @returns At most `MAX_ISSUES + 1` issues; the list itself when it is short enough.
 * @example
 * capIssues(twelveHundredIssues).at(-1)
 * //=> { path: '', code: 'too-many-issues', message: '1200 issues in all: the first 1000 are listed, 200 more are not' }
 */
export function capIssues<T extends readonly LedgerIssue[]>(issues: T, total = issues.length): T {
  if (total <= MAX_ISSUES) return issues;
  const more = total - MAX_ISSUES;
  const last = issue('', 'too-many-issues', `${total} issues in all: the first ${MAX_ISSUES} are listed, ${more} more ${more === 1 ? 'is' : 'are'} not`);
  return [...issues.slice(0, MAX_ISSUES), last] as unknown as T;
}

/**
 * The one error class of the library: invalid ledgers, programs and options
 * throw it with every issue found, never a `TypeError` from inside. Every
 * thrower goes through this constructor, so it is where the list is capped
 * ({@link capIssues}): whoever collected the issues, the error carries the
 * first {@link MAX_ISSUES} and one `too-many-issues` issue counting the rest.
 */
export class ValidationError extends Error {
  readonly issues: readonly [LedgerIssue, ...LedgerIssue[]];

  constructor(issues: readonly [LedgerIssue, ...LedgerIssue[]]) {
    const capped = capJoined(issues);
    const [first] = capped;
    const more = capped.length > 1 ? ` (+${capped.length - 1} more)` : '';
    super(`${first.path === '' ? '(root)' : first.path}: ${first.message}${more}`);
    this.name = 'ValidationError';
    this.issues = capped;
  }
}

/**
 * {@link capIssues} for a list that may join lists already cut (one per
 * ledger of `compareUnder`): the list is cut once, as one list. Each earlier
 * `too-many-issues` issue is taken out and the issues it counted count toward
 * the total of the joined list.
 */
function capJoined(issues: readonly [LedgerIssue, ...LedgerIssue[]]): readonly [LedgerIssue, ...LedgerIssue[]] {
  if (!issues.some((one) => one.code === 'too-many-issues')) return capIssues(issues);
  const kept: LedgerIssue[] = [];
  let left = 0;
  for (const one of issues) {
    const cut = one.code === 'too-many-issues' ? /(\d+) more/.exec(one.message) : null;
    if (cut === null) kept.push(one);
    else left += Number(cut[1]);
  }
  // A list of nothing but cuts (never built by the library) is left as it is.
  if (kept.length === 0) return issues;
  return capIssues(kept, kept.length + left) as [LedgerIssue, ...LedgerIssue[]];
}

/** Throws a {@link ValidationError} when `issues` is not empty. */
export function throwIfAny(issues: readonly LedgerIssue[]): void {
  if (issues.length > 0) throw new ValidationError(issues as [LedgerIssue, ...LedgerIssue[]]);
}

/** The parts of a zod issue the mapping reads (zod v4, parsed with `reportInput`). */
export type ZodIssueLike = {
  readonly code: string;
  readonly path: PathSegments;
  readonly input?: unknown;
  readonly expected?: string;
  readonly keys?: readonly string[];
  readonly values?: readonly unknown[];
  readonly options?: readonly unknown[];
  readonly note?: string;
  readonly origin?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly message?: string;
  readonly params?: { readonly code?: IssueCode; readonly message?: string };
};

/**
 * A noun with its indefinite article, by the first letter (the nouns are type
 * names: "an object", "an array", "an integer", "a string", "a bigint").
 * @example
 * withArticle('object') //=> 'an object'
 */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** Whether `value` is an array, `false` for a revoked Proxy (on which `Array.isArray` throws). */
export function isArraySafe(value: unknown): boolean {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * A value as every issue message shows it (one wording for the whole library),
 * without touching its insides: no
 * `JSON.stringify` (which throws on a BigInt or a cycle), no `toString` (which
 * a Proxy or an object may override to throw).
 * @example
 * describeValue('2026-13-01') //=> '"2026-13-01"'
 * describeValue(10n) //=> '10n'
 * describeValue({}) //=> 'an object'
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 64 ? `${value.slice(0, 64)}…` : value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'bigint':
      return `${String(value)}n`;
    case 'symbol':
      return String(value);
    case 'undefined':
      return 'nothing';
    case 'function':
      return 'a function';
    default:
      return value === null ? 'null' : isArraySafe(value) ? 'an array' : 'an object';
  }
}

function list(values: readonly unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join(', ');
}

/**
 * Maps a zod issue to ours: every zod code becomes one of {@link issueCodes}
 * (`unrecognized_keys` → one `unknown-field` per key, a missing value →
 * `missing-field`, custom checks carry their own code).
 */
export function fromZodIssue(zodIssue: ZodIssueLike): LedgerIssue[] {
  return zodIssueAt(zodIssue).map(formatIssue);
}

/** {@link fromZodIssue} with the paths left as segments. */
export function zodIssueAt(zodIssue: ZodIssueLike): PathIssue[] {
  const path = zodIssue.path;
  const last = zodIssue.path[zodIssue.path.length - 1];
  const input = zodIssue.input;
  switch (zodIssue.code) {
    case 'unrecognized_keys':
      return (zodIssue.keys ?? []).map((key) =>
        pathIssue([...zodIssue.path, key], 'unknown-field', `unknown field "${key}" (free-form data belongs in "meta")`),
      );
    case 'invalid_type':
      if (input === undefined) return [pathIssue(path, 'missing-field', last === undefined ? 'a value is required' : `"${String(last)}" is required`)];
      if (zodIssue.expected === 'int' && typeof input === 'number') {
        return [pathIssue(path, 'invalid-integer', `expected an integer, received ${describeValue(input)}`)];
      }
      return [pathIssue(path, 'invalid-type', `expected ${withArticle(zodIssue.expected === 'int' ? 'integer' : String(zodIssue.expected))}, received ${describeValue(input)}`)];
    case 'invalid_value':
      if (input === undefined) return [pathIssue(path, 'missing-field', `"${String(last)}" is required: one of ${list(zodIssue.values ?? [])}`)];
      return [pathIssue(path, 'invalid-value', `expected one of ${list(zodIssue.values ?? [])}, received ${describeValue(input)}`)];
    case 'invalid_union':
      if (zodIssue.note === 'No matching discriminator') {
        // zod reports the whole entry as the input; the discriminator is the last path segment.
        const value = typeof input === 'object' && input !== null && last !== undefined ? (input as Record<PropertyKey, unknown>)[last] : input;
        if (value === undefined) return [pathIssue(path, 'missing-field', `"${String(last)}" is required`)];
        return [pathIssue(path, 'unknown-entry-type', `"${String(last)}" must be an entry type, one of ${list(zodIssue.options ?? [])}; received ${describeValue(value)}`)];
      }
      if (last === 'amount') {
        if (input === undefined) return [pathIssue(path, 'missing-field', '"amount" is required')];
        return [pathIssue(path, 'invalid-amount', `expected a decimal string or a finite number, received ${describeValue(input)}`)];
      }
      return [pathIssue(path, 'invalid-value', `received ${describeValue(input)}, which matches no allowed form`)];
    case 'too_small':
    case 'too_big': {
      const bound = zodIssue.code === 'too_small' ? `at least ${String(zodIssue.minimum)}` : `at most ${String(zodIssue.maximum)}`;
      if (zodIssue.origin === 'string') {
        return zodIssue.code === 'too_big'
          ? [pathIssue(path, 'too-long', `must be ${bound} characters long`)]
          : [pathIssue(path, 'invalid-value', 'must not be empty')];
      }
      return [pathIssue(path, 'invalid-integer', `must be ${bound}, received ${describeValue(input)}`)];
    }
    case 'custom':
      if (zodIssue.params?.code !== undefined) return [pathIssue(path, zodIssue.params.code, zodIssue.message ?? '')];
      return [pathIssue(path, 'invalid-type', `expected a JSON object, received ${describeValue(input)}`)];
    default:
      return [pathIssue(path, 'invalid-value', `invalid value: ${describeValue(input)}`)];
  }
}
