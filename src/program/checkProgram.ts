/**
 * The invariants of a program definition that a schema cannot state: unique
 * ids, ascending versions, ordered tiers, references between tables (kinds,
 * categories, required certifications), and the rules of derived rows. Reads
 * the raw definition defensively (any value, either form: see `normalise`),
 * so these issues are reported even when the schema found others, each at
 * the path the definition wrote.
 */
import { duplicateIdIssue, formatPath, isArraySafe, isRecord, pathIssue, type PathIssue, type PathSegments } from '../issues';
import { compareMoney, parseMoney, type Money } from '../money/money';
import { activityKind, camelCase, categoriesOf, fieldPath, isLegacyTier, hasOwnField, kindsOf, requirementsOf, rowsOf } from './normalise';

type Row = Record<string, unknown>;
type Table = 'certificationKinds' | 'categories' | 'tiers' | 'activities' | 'certifications';

/** Kind ids the evaluation's `certifications` object uses for its totals. */
const reservedKinds: readonly string[] = ['valid', 'expired'];
/** The fixed keys of `points.byCategory` (R7), which no program category may take. */
const reservedCategories: readonly string[] = ['revenue', 'certification', 'partner-year', 'bonus', 'special', 'adjustment'];
/** An id of digits only: as a key of a result object it would sort before every other key (JavaScript orders integer keys first). */
const digitsOnly = /^[0-9]+$/;
const digitsMessage = (id: string, where: string): string => `"${id}" is digits only: as a key of ${where} it would not keep the program's order; give it a letter`;

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function quoted(values: readonly unknown[]): string {
  return values.map((value) => `"${String(value)}"`).join(', ') || 'none';
}

/** Which rule a row of each table cites. */
function expectedRule(table: Table, row: Row): string | undefined {
  switch (table) {
    case 'tiers':
      return 'R9';
    case 'certifications':
    case 'certificationKinds':
      return 'R8';
    case 'categories':
      return 'R3';
    default:
      if (typeof row['kind'] !== 'string') return undefined;
      if (row['kind'] !== 'derived') return 'R3';
      return row['derivedFrom'] === 'certification-entries' ? 'R8' : row['derivedFrom'] === 'partner-years' ? 'R5' : undefined;
  }
}

/** Unique ids within one table (the issue names the earlier row), and the rule each row cites. */
function checkIds(rows: Row[], at: PathSegments, table: Table, issues: PathIssue[]): void {
  const first = new Map<string, number>();
  rows.forEach((row, index) => {
    const id = row['id'];
    if (typeof id === 'string') {
      const earlier = first.get(id);
      if (earlier === undefined) first.set(id, index);
      else issues.push(duplicateIdIssue([...at, table, index, 'id'], 'id', id, [...at, table, earlier, 'id']));
    }
    const rule = row['rule'];
    const expected = expectedRule(table, row);
    if (typeof rule === 'string' && expected !== undefined && rule !== expected && /^R\d+$/.test(rule)) {
      issues.push(pathIssue([...at, table, index, 'rule'], 'invalid-value', `a row of "${table}"${table === 'activities' ? ` of kind "${String(row['kind'])}"` : ''} cites ${expected}, not ${rule}`));
    }
  });
}

/**
 * Kind ids: not the totals `valid`/`expired` of `certifications`, and no two
 * with the same shortfall key (`a-1` and `a1` are both `a1Certifications`).
 * Category ids: not a fixed key of `byCategory` (R7). Neither is digits
 * only: result objects keyed by them keep the program's order.
 */
function checkReservedIds(kinds: Row[] | undefined, categories: Row[] | undefined, at: PathSegments, issues: PathIssue[]): void {
  const keys = new Map<string, number>();
  (kinds ?? []).forEach((row, index) => {
    const id = row['id'];
    if (typeof id !== 'string') return;
    if (reservedKinds.includes(id)) issues.push(pathIssue([...at, 'certificationKinds', index, 'id'], 'invalid-value', `"${id}" is the name of a total of the evaluation's certifications (valid, expired): give the kind another id`));
    else if (digitsOnly.test(id)) issues.push(pathIssue([...at, 'certificationKinds', index, 'id'], 'invalid-value', digitsMessage(id, "the evaluation's certifications")));
    const key = camelCase(id);
    const earlier = keys.get(key);
    if (earlier === undefined) keys.set(key, index);
    else if ((kinds as Row[])[earlier]?.['id'] !== id) {
      issues.push(pathIssue([...at, 'certificationKinds', index, 'id'], 'duplicate-id', `"${id}" has the shortfall key "${key}Certifications" of ${formatPath([...at, 'certificationKinds', earlier, 'id'])}: give the kind another id`));
    }
  });
  (categories ?? []).forEach((row, index) => {
    const id = row['id'];
    if (typeof id === 'string' && reservedCategories.includes(id)) {
      issues.push(pathIssue([...at, 'categories', index, 'id'], 'invalid-value', `"${id}" is a fixed category of points.byCategory (${reservedCategories.join(', ')}, R7): give the category another id`));
    } else if (typeof id === 'string' && digitsOnly.test(id)) issues.push(pathIssue([...at, 'categories', index, 'id'], 'invalid-value', digitsMessage(id, 'points.byCategory')));
  });
}

/** Each catalogue row names a kind of the version (R8); each activity row a category of it (R3). */
function checkTableReferences(version: Row, kinds: Row[] | undefined, categories: Row[] | undefined, at: PathSegments, issues: PathIssue[]): void {
  const check = (rows: Row[], table: Table, field: string, known: Row[] | undefined, what: string, listed: Table) => {
    const ids = idsOf(known);
    if (ids === undefined) return;
    rows.forEach((row, index) => {
      const value = row[field];
      if (typeof value === 'string' && !ids.includes(value)) {
        issues.push(pathIssue([...at, table, index, field], 'invalid-value', `"${value.slice(0, 60)}" is not a ${what} of this version (${formatPath([...at, listed])}: ${quoted(ids)})`));
      }
    });
  };
  check(rowsOf(version['certifications']), 'certifications', 'kind', kinds, 'certification kind', 'certificationKinds');
  check(rowsOf(version['activities']), 'activities', 'category', categories, 'category', 'categories');
}

/**
 * What a requirement measures, its identity within its tier (at most one of
 * each, R9) and in the tier order: `points`, `revenue`, `kind:<id>`,
 * `certification:<id>`; `undefined` when it cannot be read.
 */
function measureKey(row: Row): string | undefined {
  const type = row['type'];
  if (type === 'points' || type === 'revenue') return type;
  if (type === 'certifications') return typeof row['kind'] === 'string' ? `kind:${row['kind']}` : undefined;
  if (type === 'certification') return typeof row['certification'] === 'string' ? `certification:${row['certification']}` : undefined;
  return undefined;
}

/** A measure key as the messages name it. */
function measureName(key: string): string {
  if (key.startsWith('kind:')) return `certifications of kind "${key.slice('kind:'.length)}"`;
  if (key.startsWith('certification:')) return `the certification "${key.slice('certification:'.length)}"`;
  return key;
}

/** The ids of a table's rows, `undefined` unless every row has one (then what it lacks cannot be judged). */
function idsOf(rows: Row[] | undefined): string[] | undefined {
  const ids = rows?.map((row) => row['id']);
  return ids?.every((id): id is string => typeof id === 'string') ? ids : undefined;
}

/**
 * Each tier's requirements: one of each (type, kind or certification); a
 * kind the version defines and its catalogue has a certification of; a
 * certification of the catalogue (R8, R9).
 */
function checkRequirements(tiers: Row[], kinds: Row[] | undefined, certifications: Row[], at: PathSegments, issues: PathIssue[]): void {
  const kindIds = idsOf(kinds);
  const catalogue = new Set(certifications.map((row) => row['id']));
  const kindsInCatalogue = new Set(certifications.map((row) => row['kind']));
  tiers.forEach((tier, index) => {
    const tierAt = [...at, 'tiers', index];
    const seen = new Map<string, PathSegments>();
    for (const written of requirementsOf(tier)) {
      const { requirement } = written;
      const key = measureKey(requirement);
      const earlier = key === undefined ? undefined : seen.get(key);
      if (key !== undefined && earlier !== undefined) {
        issues.push(pathIssue([...tierAt, ...written.at], 'duplicate-id', `a second requirement of ${measureName(key)}: ${formatPath([...tierAt, ...earlier])} has it already (one of each per tier)`));
      } else if (key !== undefined) seen.set(key, written.at);
      const min = requirement['min'];
      if (requirement['type'] === 'certifications' && typeof requirement['kind'] === 'string' && kindIds !== undefined && (!written.legacy || (isCount(min) && min > 0))) {
        const kind = requirement['kind'];
        const where = !kindIds.includes(kind) ? `${formatPath([...at, 'certificationKinds'])} has no kind "${kind}" (${quoted(kindIds)})` : !kindsInCatalogue.has(kind) ? `${formatPath([...at, 'certifications'])} has no certification of kind "${kind}"` : undefined;
        if (where !== undefined) issues.push(pathIssue([...tierAt, ...fieldPath(written, 'kind')], 'missing-certification-kind', `requires ${isCount(min) ? min : 'some'} ${kind} certification(s), but ${where}`));
      }
      if (requirement['type'] === 'certification' && typeof requirement['certification'] === 'string' && !catalogue.has(requirement['certification'])) {
        issues.push(pathIssue([...tierAt, ...fieldPath(written, 'certification')], 'unknown-certification', `requires the certification "${requirement['certification'].slice(0, 60)}", which ${formatPath([...at, 'certifications'])} does not have`));
      }
    }
  });
}

/** One measure of a tier for the order check: its minimum (`undefined` when the tier has no such requirement) and where it is written. */
type Measure = { readonly value: number | Money | undefined; readonly at: PathSegments } | 'unreadable';

/** The measures a tier requires, by key: `points`, `revenue`, `kind:<id>`, `certification:<id>`. */
function measuresOf(tier: Row): Map<string, Measure> {
  const measures = new Map<string, Measure>();
  for (const written of requirementsOf(tier)) {
    const { requirement } = written;
    const type = requirement['type'];
    const key = measureKey(requirement);
    if (key === undefined || measures.has(key)) continue;
    const min = requirement['min'];
    // Only what the schema accepts is compared: an amount in canonical form, a count (≥ 1 for certifications).
    const money = type === 'revenue' && typeof min === 'string' && !min.startsWith('-') ? parseMoney(min) : null;
    const value = type === 'revenue' ? (money !== null && money.text === min ? money : undefined) : isCount(min) && (type === 'points' || min > 0) ? min : undefined;
    measures.set(key, value === undefined ? 'unreadable' : { value, at: fieldPath(written, 'min') });
  }
  return measures;
}

/** Where a tier lacking a requirement says so: the 0.2 field (`revenue` "None", a count of 0), else its `requirements`. */
function missingAt(tier: Row, key: string): PathSegments {
  if (!isLegacyTier(tier)) return ['requirements'];
  const field = key === 'points' || key === 'revenue' ? key : key === 'kind:profile' ? 'profileCertifications' : key === 'kind:sales' ? 'salesCertifications' : undefined;
  return field === undefined ? [] : [field];
}

function describeMeasure(key: string, value: number | Money | undefined): string {
  if (key === 'revenue') return value === undefined ? 'no revenue ("None")' : `revenue ${(value as Money).text}`;
  const count = (value as number | undefined) ?? 0;
  if (key === 'points') return `${count} points`;
  const [type, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  return type === 'kind' ? `${count} ${id} certifications` : `${count} holders of "${id}"`;
}

/**
 * R9: each tier requires at least what the tier below it requires, measure by
 * measure in the order points, revenue, each kind's count (the version's
 * kinds first), each named certification's holders; a missing requirement is
 * 0 (revenue "None" is 0.00). The issue is at the upper tier's requirement,
 * or where it lacks one.
 */
function checkTierOrder(tiers: Row[], kinds: Row[] | undefined, certifications: Row[], at: PathSegments, issues: PathIssue[]): void {
  // A tier whose requirements cannot be read (no list) is left out of the comparison: the schema reports it.
  const measures = tiers.map((tier) => (isLegacyTier(tier) || isArraySafe(tier['requirements']) ? measuresOf(tier) : undefined));
  const order = ['points', 'revenue', ...(kinds ?? []).flatMap((row) => (typeof row['id'] === 'string' ? [`kind:${row['id']}`] : []))];
  // A kind the version does not define, or a certification its catalogue lacks, is not compared: its own issue says so.
  const catalogue = new Set(certifications.map((row) => row['id']));
  for (const tier of measures) {
    for (const key of tier?.keys() ?? []) if (key.startsWith('certification:') && catalogue.has(key.slice('certification:'.length)) && !order.includes(key)) order.push(key);
  }
  const zero = parseMoney('0.00') as Money;
  const compare = (key: string, a: number | Money | undefined, b: number | Money | undefined): number =>
    key === 'revenue' ? compareMoney((b as Money | undefined) ?? zero, (a as Money | undefined) ?? zero) : ((b as number | undefined) ?? 0) - ((a as number | undefined) ?? 0);
  for (let index = 1; index < tiers.length; index++) {
    const [lower, upper] = [measures[index - 1], measures[index]];
    if (lower === undefined || upper === undefined) continue;
    const tier = tiers[index] as Row;
    const name = typeof tier['id'] === 'string' ? `"${tier['id']}"` : `tiers[${index}]`;
    const belowRow = tiers[index - 1] as Row;
    const belowName = typeof belowRow['id'] === 'string' ? `"${belowRow['id']}"` : `tiers[${index - 1}]`;
    for (const key of order) {
      const below = lower.get(key);
      const mine = upper.get(key);
      if (below === 'unreadable' || mine === 'unreadable') continue;
      if (compare(key, below?.value, mine?.value) >= 0) continue;
      const shownBelow = key === 'revenue' ? ((below?.value as Money | undefined)?.text ?? '0.00') : String(below?.value ?? 0);
      issues.push(pathIssue([...at, 'tiers', index, ...(mine?.at ?? missingAt(tier, key))], 'unordered-tiers', `${name} requires ${describeMeasure(key, mine?.value)}, ${key === 'revenue' ? 'less' : 'fewer'} than ${belowName} below it (${shownBelow}): tiers go lowest first with non-decreasing requirements`));
    }
  }
}

/** R10, R11: the membership and renewal tiers are tiers of the version. */
function checkTierReferences(version: Row, tiers: Row[], at: PathSegments, issues: PathIssue[]): void {
  const ids = tiers.map((row) => row['id']).filter((id): id is string => typeof id === 'string');
  for (const field of ['membershipTier', 'renewalTier'] as const) {
    const value = version[field];
    if (typeof value === 'string' && !ids.includes(value)) {
      issues.push(pathIssue([...at, field], 'unknown-tier', `"${value.slice(0, 60)}" is not a tier of this version (${ids.join(', ')})`));
    }
  }
}

/** Evidence bounds, and the fields only some rows carry: derivedFrom and maxYears on derived rows, limit and cap on reported ones. */
function checkActivityRows(activities: Row[], at: PathSegments, issues: PathIssue[]): void {
  const derived = new Map<unknown, number>();
  activities.forEach((row, index) => {
    const path = [...at, 'activities', index];
    const evidence = row['evidence'];
    const words = isRecord(evidence) ? evidence['words'] : undefined;
    if (isRecord(words) && isCount(words['min']) && isCount(words['max']) && words['min'] > words['max']) {
      issues.push(pathIssue([...path, 'evidence', 'words'], 'invalid-range', `words.min (${words['min']}) is above words.max (${words['max']})`));
    }
    const kind = row['kind'];
    const from = row['derivedFrom'];
    if (kind === 'derived') {
      if (from === undefined) issues.push(pathIssue([...path, 'derivedFrom'], 'missing-field', 'a derived row names where its points come from: "certification-entries" (R8) or "partner-years" (R5)'));
      if (evidence !== undefined) issues.push(pathIssue([...path, 'evidence'], 'field-not-applicable', 'a derived row is never reported, so it has no evidence'));
    } else if (from !== undefined && typeof kind === 'string') {
      issues.push(pathIssue([...path, 'derivedFrom'], 'field-not-applicable', `only rows of kind "derived" have "derivedFrom"; this row is "${kind}"`));
    }
    if (kind === 'derived' && typeof from === 'string') {
      const earlier = derived.get(from);
      if (earlier === undefined) derived.set(from, index);
      else issues.push(pathIssue([...path, 'derivedFrom'], 'duplicate-derived-row', `${formatPath([...at, 'activities', earlier])} already derives its points from "${from}"`));
    }
    if (row['maxYears'] !== undefined && typeof kind === 'string' && !(kind === 'derived' && from === 'partner-years')) {
      issues.push(pathIssue([...path, 'maxYears'], 'field-not-applicable', '"maxYears" belongs to the partner-year row only (kind "derived", derivedFrom "partner-years")'));
    }
    if (kind === 'derived' && from === 'partner-years' && row['maxYears'] === undefined) {
      issues.push(pathIssue([...path, 'maxYears'], 'missing-field', 'the partner-year row says how many partnership years earn the credit (R5), e.g. 3'));
    }
    for (const field of ['limit', 'cap'] as const) {
      if (row[field] === undefined) continue;
      if (kind === 'derived') issues.push(pathIssue([...path, field], 'field-not-applicable', `a derived row is credited by the library, never reported, so it has no "${field}"`));
      else if (kind === 'monthly' && field === 'limit') issues.push(pathIssue([...path, field], 'field-not-applicable', 'the 0.2 kind "monthly" is already a limit of one entry a month: write kind "fixed" with this limit instead'));
    }
  });
}

/** The fee cites R11 and is a positive amount (at `amount`, or the 0.2 `monthly`). */
function checkFee(fee: unknown, at: PathSegments, issues: PathIssue[]): void {
  if (!isRecord(fee)) return;
  if (typeof fee['rule'] === 'string' && fee['rule'] !== 'R11' && /^R\d+$/.test(fee['rule'])) {
    issues.push(pathIssue([...at, 'fee', 'rule'], 'invalid-value', `the fee cites R11, not ${fee['rule']}`));
  }
  const field = hasOwnField(fee, 'monthly') && fee['monthly'] !== undefined ? 'monthly' : 'amount';
  // The 0.2 `monthly` beside `amount` is an amount per month: on a fee of another period it says two things (a 0.2 fee's own period is the schema's).
  if (field === 'monthly' && hasOwnField(fee, 'amount') && fee['period'] !== undefined && fee['period'] !== 'month' && typeof fee['period'] === 'string') {
    issues.push(pathIssue([...at, 'fee', 'monthly'], 'invalid-value', `"monthly" is the 0.2 fee per month, but this fee is per ${fee['period'].slice(0, 20)}: give "amount" per period instead`));
  }
  const text = fee[field];
  if (typeof text !== 'string') return;
  const amount = parseMoney(text);
  // Negative amounts are the schema's to refuse; zero is ours.
  if (amount !== null && amount.text === text && compareMoney(amount, parseMoney('0.00') as Money) === 0) {
    issues.push(pathIssue([...at, 'fee', field], 'invalid-amount', `the ${field === 'monthly' ? 'monthly fee' : 'fee'} must be more than 0.00`));
  }
}

/** Versions: unique names, strictly ascending `effectiveFrom`; an activity id keeps its kind in every version (`monthly` read as `fixed`). */
function checkVersions(versions: Row[], issues: PathIssue[]): void {
  const names = new Map<string, number>();
  const kinds = new Map<string, { at: PathSegments; version: number; kind: unknown; from: unknown }>();
  versions.forEach((version, index) => {
    const name = version['version'];
    if (typeof name === 'string') {
      const earlier = names.get(name);
      if (earlier === undefined) names.set(name, index);
      else issues.push(duplicateIdIssue(['versions', index, 'version'], 'version', name, ['versions', earlier, 'version']));
    }
    const previous = index > 0 ? (versions[index - 1] as Row)['effectiveFrom'] : undefined;
    const from = version['effectiveFrom'];
    if (typeof previous === 'string' && typeof from === 'string' && from <= previous) {
      issues.push(pathIssue(['versions', index, 'effectiveFrom'], 'unordered-versions', `${from} is not after versions[${index - 1}].effectiveFrom (${previous}): versions go in strictly ascending effectiveFrom`));
    }
    rowsOf(version['activities']).forEach((row, rowIndex) => {
      const id = row['id'];
      if (typeof id !== 'string') return;
      const at = ['versions', index, 'activities', rowIndex];
      const kind = activityKind(row['kind']);
      const seen = kinds.get(id);
      if (seen === undefined) kinds.set(id, { at, version: index, kind, from: row['derivedFrom'] });
      // A duplicate within one version is a duplicate-id, reported above.
      else if (seen.version !== index && (seen.kind !== kind || seen.from !== row['derivedFrom'])) {
        issues.push(pathIssue([...at, 'kind'], 'inconsistent-row', `"${id}" is "${String(kind)}" here but "${String(seen.kind)}" at ${formatPath(seen.at)}: an activity keeps its kind in every version (ledgers are checked against all of them); give the new row a new id`));
      }
    });
  });
}

/**
 * Every invariant issue of a raw program definition (either form), in path
 * order within each version's tables.
 * @param definition - The raw definition.
 * @returns The issues (empty when none).
 */
export function checkProgram(definition: unknown): PathIssue[] {
  const issues: PathIssue[] = [];
  if (!isRecord(definition)) return issues;
  const versions = rowsOf(definition['versions']);
  versions.forEach((version, index) => {
    const at = ['versions', index];
    const kinds = kindsOf(version);
    const categories = categoriesOf(version);
    const tiers = rowsOf(version['tiers']);
    const activities = rowsOf(version['activities']);
    const certifications = rowsOf(version['certifications']);
    checkTierReferences(version, tiers, at, issues);
    if (version['certificationKinds'] !== undefined) checkIds(kinds ?? [], at, 'certificationKinds', issues);
    if (version['categories'] !== undefined) checkIds(categories ?? [], at, 'categories', issues);
    checkReservedIds(kinds, categories, at, issues);
    checkIds(tiers, at, 'tiers', issues);
    checkRequirements(tiers, kinds, certifications, at, issues);
    checkTierOrder(tiers, kinds, certifications, at, issues);
    checkIds(activities, at, 'activities', issues);
    checkActivityRows(activities, at, issues);
    checkIds(certifications, at, 'certifications', issues);
    checkTableReferences(version, kinds, categories, at, issues);
    checkFee(version['fee'], at, issues);
  });
  checkVersions(versions, issues);
  return issues;
}
