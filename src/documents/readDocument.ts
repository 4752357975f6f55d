/**
 * The one structural check of a document model, shared by `renderMarkdown`,
 * `renderHtml` and `renderPdf`: every field a renderer reads, read once into
 * a plain copy that the renderer then works from. Judged by structure, not by
 * origin, so a model that went through JSON or a worker renders; anything
 * else (a missing field, a number where text goes, a Proxy or a getter that
 * throws, a cycle) is one issue at the first path that does not fit.
 */
import { toIsoDate } from '../dates/isoDate';
import { appendToPath, issue, type IssueCode, type LedgerIssue } from '../issues';
import { describeError, describeValue, isArraySafe } from '../readOptions';
import type { DocumentBlock, DocumentColumn, DocumentMetadata, DocumentModel, DocumentSection } from './types';

/** Sections nest at most this deep: headings h2 to h6. A deeper (or cyclic) model is refused. */
export const MAX_SECTION_DEPTH = 5;
/** At most this many items in any list of a model (sections, blocks, rows, …): a Proxy may claim any length. */
const MAX_ITEMS = 10_000_000;

const EXPECTED = 'a document model, what programOverview or partnerStatement returns';

// Thrown (never an Error, never seen outside this module) to stop at the first misfit.
const STOP: unique symbol = Symbol('misfit');

/** Reads `value` as a document model; the first misfit stops it, its issue kept in `found`. */
function reader(found: LedgerIssue[]) {
  const fail = (path: string, code: IssueCode, message: string): never => {
    found.push(issue(path, code, message));
    throw STOP;
  };
  const object = (value: unknown, path: string, what: string): object => {
    if (typeof value !== 'object' || value === null || isArraySafe(value)) fail(path, 'invalid-type', `"${path}" must be ${what}, received ${describeValue(value)}`);
    return value as object;
  };
  const unreadable = (path: string, error: unknown): never => fail(path, 'unreadable-value', `"${path}" could not be read (a getter or a Proxy threw ${describeError(error)})`);
  const field = (from: object, key: string, path: string): unknown => {
    try {
      return (from as Record<string, unknown>)[key];
    } catch (error) {
      return unreadable(path, error);
    }
  };
  const text = (from: object, key: string, path: string): string => {
    const at = appendToPath(path, key);
    const value = field(from, key, at);
    return typeof value === 'string' ? value : fail(at, value === undefined ? 'missing-field' : 'invalid-type', `"${at}" must be a string, received ${describeValue(value)}`);
  };
  const oneOf = <T extends string>(from: object, key: string, path: string, values: readonly T[]): T => {
    const at = appendToPath(path, key);
    const value = field(from, key, at);
    return values.includes(value as T) ? (value as T) : fail(at, value === undefined ? 'missing-field' : 'invalid-value', `"${at}" must be ${values.map((v) => `"${v}"`).join(' or ')}, received ${describeValue(value)}`);
  };
  const date = (from: object, key: string, path: string): string => {
    const value = text(from, key, path);
    return value.length === 10 && toIsoDate(value) === value ? value : fail(appendToPath(path, key), 'invalid-date', `"${appendToPath(path, key)}" must be a calendar date YYYY-MM-DD, received ${describeValue(value)}`);
  };
  /**
   * An array, each item read once and passed to `item` with the array's path and its index (a long
   * table has many cells: an item's path is only built when it does not fit); `length`, when given,
   * is the exact length required.
   */
  const array = <T>(value: unknown, at: string, item: (value: unknown, at: string, index: number) => T, length?: number): T[] => {
    if (!isArraySafe(value)) return fail(at, value === undefined ? 'missing-field' : 'invalid-type', `"${at}" must be an array, received ${describeValue(value)}`);
    const n = field(value as object, 'length', at);
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0 || n > MAX_ITEMS) fail(at, 'invalid-value', `"${at}" may hold at most ${MAX_ITEMS} items, received a length of ${describeValue(n)}`);
    if (length !== undefined && n !== length) fail(at, 'invalid-value', `"${at}" must have ${length} cells, one per column, received ${describeValue(n)}`);
    const items: T[] = [];
    for (let i = 0; i < (n as number); i++) {
      let element: unknown;
      try {
        element = (value as unknown[])[i];
      } catch (error) {
        unreadable(appendToPath(at, i), error);
      }
      items.push(item(element, at, i));
    }
    return items;
  };
  const list = <T>(from: object, key: string, path: string, item: (value: unknown, at: string, index: number) => T): T[] => {
    const at = appendToPath(path, key);
    return array(field(from, key, at), at, item);
  };
  const string = (value: unknown, at: string, index: number): string => (typeof value === 'string' ? value : fail(appendToPath(at, index), 'invalid-type', `"${appendToPath(at, index)}" must be a string, received ${describeValue(value)}`));

  const column = (value: unknown, at: string, index: number): DocumentColumn => {
    const path = appendToPath(at, index);
    const o = object(value, path, 'a column { header, align }');
    return { header: text(o, 'header', path), align: oneOf(o, 'align', path, ['left', 'right'] as const) };
  };
  const block = (value: unknown, at: string, index: number): DocumentBlock => {
    const path = appendToPath(at, index);
    const o = object(value, path, 'a block (a paragraph, list, quote or table)');
    const kind = oneOf(o, 'kind', path, ['paragraph', 'list', 'quote', 'table'] as const);
    switch (kind) {
      case 'paragraph':
      case 'quote':
        return { kind, text: text(o, 'text', path) };
      case 'list': {
        const ordered = field(o, 'ordered', appendToPath(path, 'ordered'));
        if (typeof ordered !== 'boolean') fail(appendToPath(path, 'ordered'), 'invalid-type', `"${appendToPath(path, 'ordered')}" must be true or false, received ${describeValue(ordered)}`);
        return { kind, ordered: ordered as boolean, items: list(o, 'items', path, string) };
      }
      case 'table': {
        const caption = text(o, 'caption', path);
        const columns = list(o, 'columns', path, column);
        const rows = list(o, 'rows', path, (row, at, index) => array(row, appendToPath(at, index), string, columns.length));
        return { kind, caption, columns, rows };
      }
    }
  };
  const section = (value: unknown, path: string, depth: number): DocumentSection => {
    if (depth > MAX_SECTION_DEPTH) fail(path, 'invalid-value', `"${path}" nests sections deeper than ${MAX_SECTION_DEPTH} levels (headings h2 to h6)`);
    const o = object(value, path, 'a section { id, heading, blocks, subsections }');
    return {
      id: text(o, 'id', path),
      heading: text(o, 'heading', path),
      blocks: list(o, 'blocks', path, block),
      subsections: list(o, 'subsections', path, (sub, at, index) => section(sub, appendToPath(at, index), depth + 1)),
    };
  };
  const metadata = (from: object, path: string): DocumentMetadata => {
    const at = appendToPath(path, 'metadata');
    const o = object(field(from, 'metadata', at), at, 'the document metadata { title, subject, date, language, program }');
    const programAt = appendToPath(at, 'program');
    const p = object(field(o, 'program', programAt), programAt, 'the program { id, name, version, effectiveFrom, currency }');
    const partnerAt = appendToPath(at, 'partner');
    const partnerValue = field(o, 'partner', partnerAt);
    let partner: DocumentMetadata['partner'];
    if (partnerValue !== undefined) {
      const q = object(partnerValue, partnerAt, 'the partner { id, name? }');
      const id = text(q, 'id', partnerAt);
      const name = field(q, 'name', appendToPath(partnerAt, 'name'));
      partner = name === undefined ? { id } : { id, name: typeof name === 'string' ? name : fail(appendToPath(partnerAt, 'name'), 'invalid-type', `"${appendToPath(partnerAt, 'name')}" must be a string, received ${describeValue(name)}`) };
    }
    return {
      title: text(o, 'title', at),
      subject: text(o, 'subject', at),
      date: date(o, 'date', at),
      language: oneOf(o, 'language', at, ['en'] as const),
      program: { id: text(p, 'id', programAt), name: text(p, 'name', programAt), version: text(p, 'version', programAt), effectiveFrom: date(p, 'effectiveFrom', programAt), currency: text(p, 'currency', programAt) },
      ...(partner === undefined ? {} : { partner }),
    };
  };
  return (value: unknown, path: string): DocumentModel => {
    const o = object(value, path, EXPECTED);
    return {
      kind: oneOf(o, 'kind', path, ['program-overview', 'partner-statement'] as const),
      title: text(o, 'title', path),
      subtitle: text(o, 'subtitle', path),
      metadata: metadata(o, path),
      sections: list(o, 'sections', path, (s, at, index) => section(s, appendToPath(at, index), 1)),
    };
  };
}

/**
 * A document model read once: a plain copy of every field a renderer reads,
 * checked on the way.
 * @param value - What the caller passed as the document model.
 * @param path - Its path in issues (`doc`).
 * @param issues - Where the one issue goes when `value` is not a document model.
 * @returns The copy, or `undefined` after pushing an issue at the first path that does not fit.
 * @example
 * readDocument({ kind: 'program-overview' }, 'doc', issues) //=> undefined, and issues gets a missing-field at `doc.title`
 */
export function readDocument(value: unknown, path: string, issues: LedgerIssue[]): DocumentModel | undefined {
  try {
    return reader(issues)(value, path);
  } catch (error) {
    if (error === STOP) return undefined;
    throw error;
  }
}
