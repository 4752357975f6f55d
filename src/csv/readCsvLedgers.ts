/**
 * The CSV ledger format (docs/csv.md): one row per entry, many partners per
 * file, as a CRM exports them. Rows are grouped by `partner_id` into ledger
 * JSON; `parseLedger` then validates that JSON, and every issue it finds is
 * mapped back to the line and column it came from.
 */
import { parse } from 'csv-parse/sync';
import { formatPath, isIdentifier, parsePath } from '../issues';

/** One problem with a CSV input: the library's `{ path, code, message }`, plus where it is. */
export type CsvIssue = {
  /** The input as the user named it (`acme.json`, `export.csv`, `<stdin>`). */
  readonly source: string;
  /** 1-based line (CSV, and JSON syntax errors). */
  readonly line?: number;
  /** The CSV column, when the issue is about one cell. */
  readonly column?: string;
  /** The partner id, when known. */
  readonly partner?: string;
  /** The path in the ledger JSON (`entries[3].amount`), `''` for the whole input. */
  readonly path: string;
  readonly code: string;
  readonly message: string;
};

/** Partner columns: `partner_<field>` of the ledger's `partner` object (frozen: headers are checked against it). */
export const partnerColumns = /* @__PURE__ */ Object.freeze(['partner_id', 'partner_name', 'partner_joinedOn'] as const);

/** Entry columns: named after the JSON fields of a ledger entry (frozen: headers are checked against it). */
export const entryColumns = /* @__PURE__ */ Object.freeze([
  'id',
  'type',
  'date',
  'status',
  'amount',
  'source',
  'activity',
  'points',
  'quantity',
  'words',
  'floss',
  'minutes',
  'category',
  'description',
  'holder',
  'certification',
  'expiresOn',
  'reason',
  'relatesTo',
  'months',
] as const);

/** Columns whose cells are integers in the JSON. */
const integerColumns = new Set<string>(['points', 'quantity', 'words', 'minutes', 'months']);
/** Free-form columns: `meta.<key>` (entry) and `partner_meta.<key>` (partner). */
const ENTRY_META = 'meta.';
const PARTNER_META = 'partner_meta.';

/**
 * Sets an own, enumerable data property, whatever the key: `meta.__proto__`
 * is plain data in CSV as in JSON (where `JSON.parse` makes it an own
 * property), never the object's prototype.
 */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** One partner's ledger read from CSV, with where each part came from. */
export type CsvLedger = {
  /** The ledger JSON, ready for `parseLedger`. */
  readonly ledger: { partner: Record<string, unknown>; entries: Record<string, unknown>[] };
  /** The partner's first line. */
  readonly line: number;
  /** The line each partner field was first given on. */
  readonly partnerLines: Readonly<Record<string, number>>;
  /** The line of each entry, by entry index. */
  readonly entryLines: readonly number[];
};

/** What {@link readCsvLedgers} returns: the ledgers, and the issues of the CSV itself. */
export type CsvReadResult = { readonly ledgers: CsvLedger[]; readonly issues: CsvIssue[] };

/** A cell as JSON: blank → absent, integers → numbers, `floss` → boolean; anything else stays text for `parseLedger` to judge. */
function cellValue(column: string, text: string): unknown {
  if (integerColumns.has(column) && /^[+-]?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (column === 'floss') {
    const lower = text.toLowerCase();
    if (lower === 'true' || lower === 'yes' || lower === '1') return true;
    if (lower === 'false' || lower === 'no' || lower === '0') return false;
  }
  return text;
}

/** The line a record starts on: csv-parse counts the line it ends on. */
function startLine(endLine: number, cells: readonly string[]): number {
  let breaks = 0;
  for (const cell of cells) for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) breaks++;
  return endLine - breaks;
}

/**
 * Reads a CSV export into one ledger per partner, in order of first
 * appearance; a partner's entries keep their row order.
 * @param text - The CSV text (a UTF-8 byte-order mark is ignored).
 * @param source - The input's name, for issues.
 */
export function readCsvLedgers(text: string, source: string): CsvReadResult {
  const issues: CsvIssue[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: false,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error: { message: string; lines?: number } | undefined) => {
        if (error) issues.push({ source, ...(error.lines === undefined ? {} : { line: error.lines }), path: '', code: 'csv-syntax', message: error.message });
      },
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    issues.push({ source, ...(e.lines === undefined ? {} : { line: e.lines }), path: '', code: 'csv-syntax', message: e.message ?? String(error) });
    return { ledgers: [], issues };
  }
  const [header, ...rows] = records;
  if (header === undefined) {
    issues.push({ source, path: '', code: 'no-ledgers', message: 'the CSV is empty: expected a header row and one row per entry' });
    return { ledgers: [], issues };
  }

  const headerLine = startLine(header.info.lines, header.record);
  const columns = header.record.map((name) => name.trim());
  let headerOk = true;
  const seen = new Set<string>();
  for (const name of columns) {
    const known =
      (partnerColumns as readonly string[]).includes(name) ||
      (entryColumns as readonly string[]).includes(name) ||
      (name.startsWith(ENTRY_META) && name.length > ENTRY_META.length) ||
      (name.startsWith(PARTNER_META) && name.length > PARTNER_META.length);
    if (!known) {
      headerOk = false;
      issues.push({ source, line: headerLine, column: name || '(blank)', path: '', code: 'unknown-column', message: `unknown column "${name}" (see docs/csv.md for the columns)` });
    } else if (seen.has(name)) {
      headerOk = false;
      issues.push({ source, line: headerLine, column: name, path: '', code: 'unknown-column', message: `column "${name}" appears twice` });
    }
    seen.add(name);
  }
  if (!columns.includes('partner_id')) {
    headerOk = false;
    issues.push({ source, line: headerLine, column: 'partner_id', path: '', code: 'missing-column', message: 'the header needs a "partner_id" column: it says which partner each row belongs to' });
  }
  if (!headerOk) return { ledgers: [], issues };

  type Building = CsvLedger & { ledger: CsvLedger['ledger']; partnerLines: Record<string, number>; entryLines: number[] };
  const byPartner = new Map<string, Building>();
  for (const { record, info } of rows) {
    const line = startLine(info.lines, record);
    const partner: Record<string, unknown> = {};
    const partnerMeta: Record<string, unknown> = {};
    const entry: Record<string, unknown> = {};
    const entryMeta: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      const text = (record[i] ?? '').trim();
      if (text === '') return;
      if (column.startsWith(PARTNER_META)) setOwn(partnerMeta, column.slice(PARTNER_META.length), text);
      else if (column.startsWith('partner_')) partner[column.slice('partner_'.length)] = text;
      else if (column.startsWith(ENTRY_META)) setOwn(entryMeta, column.slice(ENTRY_META.length), text);
      else entry[column] = cellValue(column, text);
    });
    const id = partner.id;
    if (typeof id !== 'string') {
      issues.push({ source, line, column: 'partner_id', path: '', code: 'missing-field', message: 'every row needs a partner_id' });
      continue;
    }
    let building = byPartner.get(id);
    if (building === undefined) {
      building = { ledger: { partner: { id }, entries: [] }, line, partnerLines: { id: line }, entryLines: [] };
      byPartner.set(id, building);
    }
    const target = building.ledger.partner;
    for (const [field, value] of Object.entries(partner)) {
      if (target[field] === undefined) {
        target[field] = value;
        building.partnerLines[field] = line;
      } else if (target[field] !== value) {
        issues.push({
          source,
          line,
          column: `partner_${field}`,
          partner: id,
          path: `partner.${field}`,
          code: 'conflicting-partner',
          message: `"${String(value)}" differs from "${String(target[field])}" on line ${building.partnerLines[field]}`,
        });
      }
    }
    if (Object.keys(partnerMeta).length > 0) {
      const meta = (target.meta ??= {}) as Record<string, unknown>;
      for (const [key, value] of Object.entries(partnerMeta)) if (!Object.hasOwn(meta, key)) setOwn(meta, key, value);
      building.partnerLines.meta ??= line;
    }
    // A row with partner columns only declares a partner (one with no entries yet).
    if (Object.keys(entry).length === 0 && Object.keys(entryMeta).length === 0) continue;
    if (Object.keys(entryMeta).length > 0) entry.meta = entryMeta;
    building.ledger.entries.push(entry);
    building.entryLines.push(line);
  }
  if (byPartner.size === 0 && issues.length === 0) {
    issues.push({ source, line: headerLine, path: '', code: 'no-ledgers', message: 'the CSV has a header but no rows' });
  }
  // Syntax errors were collected while parsing, before the rows: report in line order.
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { ledgers: [...byPartner.values()], issues };
}

/** Maps a ledger issue (`entries[3].amount`) back to its CSV line and column. */
export function locateCsvIssue(
  csv: Pick<CsvLedger, 'line' | 'partnerLines' | 'entryLines'>,
  issue: { path: string; code: string; message: string },
  source: string,
  partner: string | undefined,
): CsvIssue {
  const base = { source, path: issue.path, code: issue.code, message: issue.message, ...(partner === undefined ? {} : { partner }) };
  // The path as segments (the inverse of the one formatter): `entries[3].meta.crm` → ['entries', 3, 'meta', 'crm'].
  const [head, second, field, ...rest] = parsePath(issue.path) ?? [];
  const named = (key: unknown): key is string => typeof key === 'string' && isIdentifier(key);
  if (head === 'entries' && typeof second === 'number' && (field === undefined || named(field))) {
    const line = csv.entryLines[second] ?? csv.line;
    if (field === 'meta') return { ...base, line, column: formatPath(['meta', ...rest]) };
    return field === undefined ? { ...base, line } : { ...base, line, column: field };
  }
  if (head === 'partner' && named(second)) {
    const column = second === 'meta' ? formatPath(['partner_meta', ...(field === undefined ? [] : [field]), ...rest]) : `partner_${second}`;
    return { ...base, line: csv.partnerLines[second] ?? csv.line, column };
  }
  return { ...base, line: csv.line };
}
