/**
 * The invariants of a program definition that a schema cannot state: unique
 * ids, ascending versions, ordered tiers, references between tables, and the
 * rules of derived rows. Reads the raw definition defensively (any value),
 * so these issues are reported even when the schema found others.
 */
import { duplicateIdIssue, formatPath, isRecord, pathIssue, type PathIssue, type PathSegments } from '../issues';
import { compareMoney, parseMoney, type Money } from '../money/money';

type Row = Record<string, unknown>;

function rowsOf(value: unknown): Row[] {
  return Array.isArray(value) ? (value as unknown[]).map((row) => (isRecord(row) ? row : {})) : [];
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Which rule a row of each table cites. */
function expectedRule(table: 'tiers' | 'activities' | 'certifications', row: Row): string | undefined {
  switch (table) {
    case 'tiers':
      return 'R9';
    case 'certifications':
      return 'R8';
    default:
      if (typeof row['kind'] !== 'string') return undefined;
      if (row['kind'] !== 'derived') return 'R3';
      return row['derivedFrom'] === 'certification-entries' ? 'R8' : row['derivedFrom'] === 'partner-years' ? 'R5' : undefined;
  }
}

/** Unique ids within one table; the issue names the earlier row. */
function checkIds(rows: Row[], at: PathSegments, table: 'tiers' | 'activities' | 'certifications', issues: PathIssue[]): void {
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

/** R9: each tier requires at least what the tier below it requires. */
function checkTierOrder(tiers: Row[], at: PathSegments, issues: PathIssue[]): void {
  const zero = parseMoney('0.00') as Money;
  for (let index = 1; index < tiers.length; index++) {
    const below = tiers[index - 1] as Row;
    const tier = tiers[index] as Row;
    const name = typeof tier['id'] === 'string' ? `"${tier['id']}"` : `tiers[${index}]`;
    const belowName = typeof below['id'] === 'string' ? `"${below['id']}"` : `tiers[${index - 1}]`;
    // In the table's column order: points, revenue, profile, sales.
    for (const field of ['points', 'revenue', 'profileCertifications', 'salesCertifications'] as const) {
      if (field === 'revenue') {
        // "None" (null) is no revenue requirement: it orders as 0.00.
        const a = below[field] === null ? zero : typeof below[field] === 'string' ? parseMoney(below[field]) : null;
        const b = tier[field] === null ? zero : typeof tier[field] === 'string' ? parseMoney(tier[field]) : null;
        if (a !== null && b !== null && compareMoney(b, a) < 0) {
          const shown = tier[field] === null ? 'no revenue ("None")' : `revenue ${b.text}`;
          issues.push(pathIssue([...at, 'tiers', index, 'revenue'], 'unordered-tiers', `${name} requires ${shown}, less than ${belowName} below it (${a.text}): tiers go lowest first with non-decreasing requirements`));
        }
        continue;
      }
      const a = below[field];
      const b = tier[field];
      if (isCount(a) && isCount(b) && b < a) {
        issues.push(pathIssue([...at, 'tiers', index, field], 'unordered-tiers', `${name} requires ${b} ${field === 'points' ? 'points' : field === 'profileCertifications' ? 'profile certifications' : 'sales certifications'}, fewer than ${belowName} below it (${a}): tiers go lowest first with non-decreasing requirements`));
      }
    }
  }
}

/** A tier requiring certifications of a kind needs the catalogue to have one (R8). */
function checkCertificationKinds(tiers: Row[], certifications: Row[], at: PathSegments, issues: PathIssue[]): void {
  const kinds = new Set(certifications.map((row) => row['kind']));
  tiers.forEach((tier, index) => {
    for (const [field, kind] of [['profileCertifications', 'profile'], ['salesCertifications', 'sales']] as const) {
      const required = tier[field];
      if (isCount(required) && required > 0 && !kinds.has(kind)) {
        issues.push(pathIssue([...at, 'tiers', index, field], 'missing-certification-kind', `requires ${required} ${kind} certification(s), but ${formatPath([...at, 'certifications'])} has no certification of kind "${kind}"`));
      }
    }
  });
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

/** Evidence bounds, and the fields only derived rows (or only the partner-year row) carry. */
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
  });
}

/** The fee is a positive amount (R11). */
function checkFee(fee: unknown, at: PathSegments, issues: PathIssue[]): void {
  if (!isRecord(fee)) return;
  if (typeof fee['rule'] === 'string' && fee['rule'] !== 'R11' && /^R\d+$/.test(fee['rule'])) {
    issues.push(pathIssue([...at, 'fee', 'rule'], 'invalid-value', `the fee cites R11, not ${fee['rule']}`));
  }
  if (typeof fee['monthly'] !== 'string') return;
  const monthly = parseMoney(fee['monthly']);
  // Negative amounts are the schema's to refuse; zero is ours.
  if (monthly !== null && monthly.text === fee['monthly'] && compareMoney(monthly, parseMoney('0.00') as Money) === 0) {
    issues.push(pathIssue([...at, 'fee', 'monthly'], 'invalid-amount', 'the monthly fee must be more than 0.00'));
  }
}

/** Versions: unique names, strictly ascending `effectiveFrom`; an activity id keeps its kind in every version. */
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
      const seen = kinds.get(id);
      if (seen === undefined) kinds.set(id, { at, version: index, kind: row['kind'], from: row['derivedFrom'] });
      // A duplicate within one version is a duplicate-id, reported above.
      else if (seen.version !== index && (seen.kind !== row['kind'] || seen.from !== row['derivedFrom'])) {
        issues.push(pathIssue([...at, 'kind'], 'inconsistent-row', `"${id}" is "${String(row['kind'])}" here but "${String(seen.kind)}" at ${formatPath(seen.at)}: an activity keeps its kind in every version (ledgers are checked against all of them); give the new row a new id`));
      }
    });
  });
}

/**
 * Every invariant issue of a raw program definition, in path order within
 * each version.
 * @param definition - The raw definition.
 * @returns The issues (empty when none).
 */
export function checkProgram(definition: unknown): PathIssue[] {
  const issues: PathIssue[] = [];
  if (!isRecord(definition)) return issues;
  const versions = rowsOf(definition['versions']);
  versions.forEach((version, index) => {
    const at = ['versions', index];
    const tiers = rowsOf(version['tiers']);
    const activities = rowsOf(version['activities']);
    const certifications = rowsOf(version['certifications']);
    checkTierReferences(version, tiers, at, issues);
    checkIds(tiers, at, 'tiers', issues);
    checkTierOrder(tiers, at, issues);
    checkCertificationKinds(tiers, certifications, at, issues);
    checkIds(activities, at, 'activities', issues);
    checkActivityRows(activities, at, issues);
    checkIds(certifications, at, 'certifications', issues);
    checkFee(version['fee'], at, issues);
  });
  checkVersions(versions, issues);
  return issues;
}
