import { throwIfAny, type LedgerIssue } from '../issues';
import { formatAmount, formatCount } from '../format';
import { isPlainObject, readObject, readOptionsObject } from '../readOptions';
import { kindCountKey } from './labels';
import { resolveProgram, selectVersion } from './resolveProgram';
import type { Program, ProgramVersion, RuleId, TierRow } from './types';

/** The part of a program version a change is in; `settings` holds `membershipTier`, `renewalTier` and `currency`. */
export type ProgramTable = 'settings' | 'certificationKinds' | 'categories' | 'tiers' | 'activities' | 'certifications' | 'fee';

/**
 * A value of a table field; `null` when the field is absent (or "None", for a tier requirement it does not have).
 * A tier's requirements are its fields `points`, `revenue`, `${camelCase(kind)}Certifications` for each
 * certification kind of either version (0 when it requires none of that kind) and `certifications.<id>` for
 * a certification it requires by name.
 */
export type FieldValue = string | number | boolean | null;

/** One field that differs: its dotted name (`points`, `evidence.words.min`), the old and the new value. */
export type FieldChange = { readonly field: string; readonly old: FieldValue; readonly new: FieldValue };

/** One row of a table that was added, removed or changed between two program versions, with the rule it cites. */
export type ProgramChange =
  | { readonly change: 'added' | 'removed'; readonly table: ProgramTable; readonly id: string; readonly rule: RuleId; readonly row: Readonly<Record<string, unknown>>; readonly message: string }
  | { readonly change: 'changed'; readonly table: ProgramTable; readonly id: string; readonly rule: RuleId; readonly fields: readonly FieldChange[]; readonly message: string };

/** Which version of which program a diff side is. */
export type ProgramSide = { readonly id: string; readonly version: string; readonly effectiveFrom: string };

/** What {@link diffPrograms} returns. */
export type ProgramDiff = { readonly a: ProgramSide; readonly b: ProgramSide; readonly changes: readonly ProgramChange[] };

/** Options of {@link diffPrograms}. */
export type DiffProgramsOptions = {
  /**
   * Compare the versions in effect on this date (`YYYY-MM-DD`), or on one date
   * per side (`{ a, b }`, e.g. two versions of one program). Default: each program's latest version.
   */
  readonly asOf?: string | { readonly a?: string; readonly b?: string };
};

type Row = { readonly id: string; readonly rule: RuleId; readonly name?: string };

const tableNames = {
  certificationKinds: 'certification kind',
  categories: 'category',
  tiers: 'tier',
  activities: 'activity',
  certifications: 'certification',
  fee: 'fee',
  settings: 'setting',
} as const;

/** The fields that are a tier's requirements (shown "None" when absent). */
function isRequirementField(field: string): boolean {
  return field === 'points' || field === 'revenue' || field.endsWith('Certifications') || field.startsWith('certifications.');
}

/**
 * A tier as the fields it is compared by: its requirement list read as `points`, `revenue`, one
 * count per kind of either version (0 when it requires none of that kind: a kind added is no tier
 * change) and one per certification it names, between its name and its rule.
 */
function tierFields(tier: TierRow, kinds: readonly string[]): Row {
  const fields: Record<string, unknown> = { id: tier.id, name: tier.name };
  const points = tier.requirements.find((r) => r.type === 'points');
  if (points !== undefined) fields['points'] = points.min;
  fields['revenue'] = tier.requirements.find((r) => r.type === 'revenue')?.min ?? null;
  for (const kind of kinds) fields[kindCountKey(kind)] = tier.requirements.find((r) => r.type === 'certifications' && r.kind === kind)?.min ?? 0;
  const named: Record<string, number> = {};
  for (const r of tier.requirements) if (r.type === 'certification') named[r.certification] = r.min;
  if (Object.keys(named).length > 0) fields['certifications'] = named;
  fields['rule'] = tier.rule;
  fields['source'] = tier.source;
  return fields as Row;
}

/** A row as dotted fields: `{ evidence: { words: { min: 500 } } }` → `{ 'evidence.words.min': 500 }`. */
function flatten(value: unknown, prefix: string, out: Map<string, FieldValue>): Map<string, FieldValue> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix === '' ? key : `${prefix}.${key}`, out);
  } else out.set(prefix, (value as FieldValue | undefined) ?? null);
  return out;
}

function show(field: string, value: FieldValue, currency: string): string {
  if (value === null) return isRequirementField(field) ? 'None' : '(none)';
  if (typeof value === 'number') return formatCount(value);
  if (typeof value === 'string' && (field === 'revenue' || field === 'amount' || field === 'monthly') && /^\d/.test(value)) return formatAmount(value, currency);
  return typeof value === 'string' ? `"${value}"` : String(value);
}

function label(table: ProgramTable, row: Row): string {
  return table === 'fee' || table === 'settings' ? `${row.id} (${row.rule})` : `${tableNames[table]} "${row.name ?? row.id}" (${row.id}, ${row.rule})`;
}

function diffRow(table: ProgramTable, before: Row, after: Row, currency: string, changes: ProgramChange[]): void {
  const old = flatten(before, '', new Map());
  const next = flatten(after, '', new Map());
  const fields: FieldChange[] = [];
  for (const field of new Set([...old.keys(), ...next.keys()])) {
    const a = old.get(field) ?? null;
    const b = next.get(field) ?? null;
    if (a !== b) fields.push({ field, old: a, new: b });
  }
  if (fields.length === 0) return;
  // A setting is its own only field: `membershipTier (R10): "basic" → "starter"`.
  const what = fields.map((f) => `${table === 'settings' ? '' : `${f.field} `}${show(f.field, f.old, currency)} → ${show(f.field, f.new, currency)}`).join('; ');
  const text = label(table, after);
  const message = `${table === 'settings' ? text : `${text.charAt(0).toUpperCase()}${text.slice(1)}`}: ${what}`;
  changes.push({ change: 'changed', table, id: after.id, rule: after.rule, fields, message });
}

/** `fields` compares a row by other fields than its own (a tier: by its requirements); added and removed rows are given as they are. */
function diffTable<T extends Row>(
  table: Exclude<ProgramTable, 'settings' | 'fee'>,
  a: readonly T[],
  b: readonly T[],
  currency: string,
  changes: ProgramChange[],
  fields: { a: (row: T) => Row; b: (row: T) => Row } = { a: (row) => row, b: (row) => row },
): void {
  const after = new Map(b.map((row) => [row.id, row] as const));
  const before = new Set(a.map((row) => row.id));
  for (const row of a) {
    const match = after.get(row.id);
    if (match === undefined) changes.push({ change: 'removed', table, id: row.id, rule: row.rule, row, message: `Removed ${label(table, row)}` });
    else diffRow(table, fields.a(row), fields.b(match), currency, changes);
  }
  for (const row of b) {
    if (!before.has(row.id)) changes.push({ change: 'added', table, id: row.id, rule: row.rule, row, message: `Added ${label(table, row)}` });
  }
}

const settings = [
  ['membershipTier', 'R10'],
  ['renewalTier', 'R11'],
  ['currency', 'R2'],
] as const;

function diffVersions(a: ProgramVersion, b: ProgramVersion): ProgramChange[] {
  const changes: ProgramChange[] = [];
  for (const [field, rule] of settings) {
    if (a[field] !== b[field]) diffRow('settings', { id: field, rule, [field]: a[field] } as Row, { id: field, rule, [field]: b[field] } as Row, b.currency, changes);
  }
  diffTable('certificationKinds', a.certificationKinds, b.certificationKinds, b.currency, changes);
  diffTable('categories', a.categories, b.categories, b.currency, changes);
  const kinds = [...new Set([...a.certificationKinds, ...b.certificationKinds].map((kind) => kind.id))];
  diffTable('tiers', a.tiers, b.tiers, b.currency, changes, { a: (tier) => tierFields(tier, kinds), b: (tier) => tierFields(tier, kinds) });
  diffTable('activities', a.activities, b.activities, b.currency, changes);
  diffTable('certifications', a.certifications, b.certifications, b.currency, changes);
  // Two fees per month compare their amount as 0.2 named it, `monthly`; otherwise `amount` per `period`.
  const monthly = a.fee.period === 'month' && b.fee.period === 'month';
  const feeRow = ({ amount, ...rest }: ProgramVersion['fee']): Row => (monthly ? { monthly: amount, ...rest, id: 'fee' } : { amount, ...rest, id: 'fee' }) as unknown as Row;
  diffRow('fee', feeRow(a.fee), feeRow(b.fee), b.fee.currency, changes);
  return changes;
}

/**
 * What changed between two programs, row by row: the settings
 * `membershipTier`, `renewalTier` and `currency`, the certification kinds,
 * the categories, tiers (their requirements as the fields `points`,
 * `revenue`, `<kind>Certifications` and `certifications.<id>`), activities
 * (with `limit.count`, `limit.per`, `cap.points`, `cap.per`), certifications
 * and the fee (`amount` and `period`; `monthly` when both fees are per month,
 * as 0.2 named it) — each change `added`, `removed` or
 * `changed` (with every field's old and new value), citing the row's rule,
 * with a sentence.
 * @param a - The program before (`exponentialProgram`, a defined program, or a definition).
 * @param b - The program after.
 * @param opts - `asOf`: compare the versions in effect on a date (or `{ a, b }`, one date per side); default the latest versions.
 * @returns `{ a, b, changes }`; `changes` is empty when the versions have the same tables.
 * @throws {ValidationError} When a program or an option is invalid (paths `a…`, `b…`, `asOf`).
 * @example
 * const reform = defineProgram(JSON.parse(readFileSync('examples/programs/exponential-2027.json', 'utf8')));
 * diffPrograms(exponentialProgram, reform).changes
 * //=> [{ change: 'changed', table: 'tiers', id: 'silver', rule: 'R9',
 * //      fields: [{ field: 'points', old: 20000, new: 25000 }, { field: 'source', old: 'Silver 20,000 …', new: 'Silver 25,000 …' }],
 * //      message: 'Tier "Silver" (silver, R9): points 20,000 → 25,000; source …' }]
 * diffPrograms(reform, reform, { asOf: { a: '2026-12-31', b: '2027-01-01' } }).changes.length //=> 1
 */
export function diffPrograms(a: Program | unknown, b: Program | unknown, opts: DiffProgramsOptions = {}): ProgramDiff {
  const issues: LedgerIssue[] = [];
  const options = readOptionsObject(opts, ['asOf'], 'options must be an object: { asOf? }', issues);
  const programA = resolveProgram(a, 'a', issues);
  const programB = resolveProgram(b, 'b', issues);
  let sides: Record<string, unknown> | undefined = { a: options['asOf'], b: options['asOf'] };
  let pathA = 'asOf';
  let pathB = 'asOf';
  const asOf = options['asOf'];
  if (!('asOf' in options)) sides = undefined;
  else if (isPlainObject(asOf)) {
    // One date per side, { a, b }: read once, like the options themselves. Anything else (a Date, a Map) is judged as a date.
    sides = readObject(asOf, ['a', 'b'], 'asOf', '"asOf" must be a date or { a, b }', issues);
    [pathA, pathB] = ['asOf.a', 'asOf.b'];
  }
  // An unreadable date (not in `sides`) has its issue already; its side then has no version.
  const [dateA, dateB] = [sides?.['a'], sides?.['b']];
  const readA = sides !== undefined && 'a' in sides;
  const readB = sides !== undefined && 'b' in sides;
  const versionA = programA === undefined || !readA ? undefined : selectVersion(programA, dateA, pathA, issues);
  // The same bad date is reported once.
  const versionB = programB === undefined || !readB ? undefined : selectVersion(programB, dateB, pathB, pathA === pathB && versionA === undefined && programA !== undefined ? [] : issues);
  throwIfAny(issues);
  const [va, vb] = [versionA as ProgramVersion, versionB as ProgramVersion];
  return {
    a: { id: (programA as Program).id, version: va.version, effectiveFrom: va.effectiveFrom },
    b: { id: (programB as Program).id, version: vb.version, effectiveFrom: vb.effectiveFrom },
    changes: diffVersions(va, vb),
  };
}
