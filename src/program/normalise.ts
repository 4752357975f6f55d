/**
 * The 0.2 forms of a program definition that `defineProgram` still reads, and
 * the one place that turns them into the canonical shape (src/program/types.ts):
 * a tier's `points`/`revenue`/`profileCertifications`/`salesCertifications` as a
 * requirement list, the activity kind `monthly` as `fixed` with a limit, the
 * fee's `monthly` as `amount` per month, and a version without
 * `certificationKinds` or `categories` as one with the built-in rows. The
 * readers here take any value (the invariants read definitions the schema
 * refused too); `normaliseProgram` takes only what the schema accepted.
 */
import { isArraySafe, isRecord, type PathSegments } from '../issues';
import { categories as builtInCategories, certificationKinds as builtInKinds } from './kinds';
import { withLegacyFeeView, withLegacyTierView } from './legacyView';
import type { ActivityRow, CategoryRow, CertificationKindRow, FeePolicy, Program, ProgramVersion, TierRequirement, TierRow } from './types';

type Row = Record<string, unknown>;

/** The 0.2 tier fields, read as a requirement list. */
export const legacyTierFields = ['points', 'revenue', 'profileCertifications', 'salesCertifications'] as const;

/** The rows of a table (a non-object row read as `{}`), `[]` when it is no array. */
export function rowsOf(value: unknown): Row[] {
  if (!isArraySafe(value)) return [];
  // Index by index: a hole of a sparse array is read as `{}`, never left a hole (`map` keeps holes).
  const list = value as unknown[];
  const rows: Row[] = [];
  for (let index = 0; index < list.length; index++) {
    const row = list[index];
    rows.push(isRecord(row) ? row : {});
  }
  return rows;
}

/** `security` → `security`, `cloud-security` → `cloudSecurity`: a kind id as the stem of its shortfall key (`cloudSecurityCertifications`). */
export function camelCase(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_, next: string) => next.toUpperCase());
}

/** The key of kind K's count in `nextTier.shortfall` (and `diffPrograms`' tier fields): `profileCertifications`, `cloudSecurityCertifications`. */
export function kindCountKey(kind: string): `${string}Certifications` {
  return `${camelCase(kind)}Certifications`;
}

/**
 * Whether a row carries a field of its own, enumerable: the 0.2 views of a
 * program's rows (legacyView.ts) are not fields its definition wrote.
 */
export function hasOwnField(row: Row, field: string): boolean {
  return Object.prototype.propertyIsEnumerable.call(row, field);
}

/** Whether a tier is written in the 0.2 form: no `requirements`, and one of the 0.2 fields. */
export function isLegacyTier(tier: Row): boolean {
  return !('requirements' in tier) && legacyTierFields.some((field) => hasOwnField(tier, field));
}

/** Whether a fee is written in the 0.2 form: `monthly` and no `amount` (a fee of the new form may carry `monthly` too: it sets the amount per month). */
export function isLegacyFee(fee: Row): boolean {
  return !('amount' in fee) && hasOwnField(fee, 'monthly');
}

/** An activity's kind with the 0.2 `monthly` read as `fixed` (its limit aside). */
export function activityKind(kind: unknown): unknown {
  return kind === 'monthly' ? 'fixed' : kind;
}

/** The kinds of a version: its `certificationKinds`, the built-in ones when it has none; `undefined` when they are not a list. */
export function kindsOf(version: Row): Row[] | undefined {
  const rows = version['certificationKinds'];
  if (rows === undefined) return builtInKinds as unknown as Row[];
  return isArraySafe(rows) ? rowsOf(rows) : undefined;
}

/** The categories of a version: its `categories`, the built-in ones when it has none; `undefined` when they are not a list. */
export function categoriesOf(version: Row): Row[] | undefined {
  const rows = version['categories'];
  if (rows === undefined) return builtInCategories as unknown as Row[];
  return isArraySafe(rows) ? rowsOf(rows) : undefined;
}

/**
 * One requirement of a tier as written: the requirement, where it is (under
 * the tier), and whether it is a 0.2 field (then every issue about it is at
 * that field: `tiers[4].salesCertifications`, not `…requirements[3].kind`).
 */
export type WrittenRequirement = { readonly requirement: Row; readonly at: PathSegments; readonly legacy: boolean };

/**
 * A tier's requirements in list order: its `requirements`, or its 0.2 fields
 * read as the list `[points, revenue (unless null), profile (if > 0), sales (if > 0)]`.
 */
export function requirementsOf(tier: Row): WrittenRequirement[] {
  if (!isLegacyTier(tier)) {
    const list = rowsOf(tier['requirements']).map((requirement, index): WrittenRequirement => ({ requirement, at: ['requirements', index], legacy: false }));
    return legacyTierFields.some((field) => hasOwnField(tier, field)) ? withLegacyFields(list, tier) : list;
  }
  const out: WrittenRequirement[] = [{ requirement: { type: 'points', min: tier['points'] }, at: ['points'], legacy: true }];
  const revenue = tier['revenue'];
  // A missing revenue (not "None") is pushed as it is: unreadable, so not compared.
  if (revenue !== null) out.push({ requirement: { type: 'revenue', min: revenue }, at: ['revenue'], legacy: true });
  for (const [field, kind] of [['profileCertifications', 'profile'], ['salesCertifications', 'sales']] as const) {
    const min = tier[field];
    if (typeof min !== 'number' || min > 0) out.push({ requirement: { type: 'certifications', kind, min }, at: [field], legacy: true });
  }
  return out;
}

/**
 * A tier of the new form that also carries 0.2 fields (a spread copy of a
 * built-in tier with `points` changed): each field sets its requirement in
 * place, or adds it after those of the fields before it (points, revenue,
 * profile, sales); `revenue: null` and a count of 0 remove it ("None").
 */
function withLegacyFields(list: WrittenRequirement[], tier: Row): WrittenRequirement[] {
  const out = [...list];
  const fields = [
    ['points', (r: Row) => r['type'] === 'points', (min: unknown) => ({ type: 'points', min }), false],
    ['revenue', (r: Row) => r['type'] === 'revenue', (min: unknown) => ({ type: 'revenue', min }), true],
    ['profileCertifications', (r: Row) => r['type'] === 'certifications' && r['kind'] === 'profile', (min: unknown) => ({ type: 'certifications', kind: 'profile', min }), true],
    ['salesCertifications', (r: Row) => r['type'] === 'certifications' && r['kind'] === 'sales', (min: unknown) => ({ type: 'certifications', kind: 'sales', min }), true],
  ] as const;
  let after = -1;
  for (const [field, matches, make, removable] of fields) {
    const at = out.findIndex((written) => matches(written.requirement));
    if (!hasOwnField(tier, field)) {
      if (at >= 0) after = at;
      continue;
    }
    const value = tier[field];
    const none = removable && (value === null || value === 0);
    if (none) {
      if (at >= 0) out.splice(at, 1);
      continue;
    }
    const written: WrittenRequirement = { requirement: make(value), at: [field], legacy: true };
    if (at >= 0) {
      out[at] = written;
      after = at;
    } else {
      out.splice(after + 1, 0, written);
      after += 1;
    }
  }
  return out;
}

/** Where a requirement field is: `requirements[k].min`, or the 0.2 field itself. */
export function fieldPath(written: WrittenRequirement, field: string): PathSegments {
  return written.legacy ? written.at : [...written.at, field];
}

function requirement(row: Row): TierRequirement {
  const min = row['min'] as number;
  switch (row['type']) {
    case 'points':
      return { type: 'points', min };
    case 'revenue':
      return { type: 'revenue', min: row['min'] as string };
    case 'certifications':
      return { type: 'certifications', kind: row['kind'] as string, min };
    default:
      return { type: 'certification', certification: row['certification'] as string, min };
  }
}

function activity(row: Omit<ActivityRow, 'kind'> & { readonly kind: string }): ActivityRow {
  const out: Record<string, unknown> = { id: row.id, name: row.name, points: row.points, kind: activityKind(row.kind), category: row.category };
  const { evidence } = row;
  if (evidence !== undefined) {
    const words = evidence.words === undefined ? undefined : { ...(evidence.words.min === undefined ? {} : { min: evidence.words.min }), ...(evidence.words.max === undefined ? {} : { max: evidence.words.max }) };
    out['evidence'] = { ...(words === undefined ? {} : { words }), ...(evidence.floss === undefined ? {} : { floss: evidence.floss }) };
  }
  if (row.derivedFrom !== undefined) out['derivedFrom'] = row.derivedFrom;
  if (row.maxYears !== undefined) out['maxYears'] = row.maxYears;
  const limit = row.kind === 'monthly' ? { count: 1, per: 'month' } : row.limit;
  if (limit !== undefined) out['limit'] = { count: limit.count, per: limit.per };
  if (row.cap !== undefined) out['cap'] = { points: row.cap.points, per: row.cap.per };
  out['rule'] = row.rule;
  out['source'] = row.source;
  return out as ActivityRow;
}

function version(row: Row): ProgramVersion {
  const kinds = kindsOf(row) as unknown as readonly (Omit<CertificationKindRow, 'rule'> & Partial<CertificationKindRow>)[];
  const categories = categoriesOf(row) as unknown as readonly (Pick<CategoryRow, 'id' | 'name'> & Partial<CategoryRow>)[];
  const fee = row['fee'] as Row;
  return {
    version: row['version'] as string,
    effectiveFrom: row['effectiveFrom'] as ProgramVersion['effectiveFrom'],
    currency: row['currency'] as string,
    membershipTier: row['membershipTier'] as string,
    renewalTier: row['renewalTier'] as string,
    certificationKinds: kinds.map((kind) => ({ id: kind.id, name: kind.name, rule: kind.rule ?? 'R8', source: kind.source as string })),
    categories: categories.map((category) => ({ id: category.id, name: category.name, rule: category.rule ?? 'R3', source: category.source ?? category.name })),
    tiers: rowsOf(row['tiers']).map((tier): TierRow =>
      withLegacyTierView({
        id: tier['id'] as string,
        name: tier['name'] as string,
        requirements: requirementsOf(tier).map((written) => requirement(written.requirement)),
        rule: tier['rule'] as TierRow['rule'],
        source: tier['source'] as string,
      }),
    ),
    activities: (row['activities'] as (Omit<ActivityRow, 'kind'> & { kind: string })[]).map(activity),
    certifications: rowsOf(row['certifications']).map((c) => ({ id: c['id'] as string, name: c['name'] as string, kind: c['kind'] as string, rule: c['rule'] as 'R8', source: c['source'] as string })),
    fee: withLegacyFeeView({
      // The 0.2 `monthly`, on either form, is the amount per month.
      amount: (fee['monthly'] ?? fee['amount']) as string,
      period: (fee['period'] ?? 'month') as FeePolicy['period'],
      currency: fee['currency'] as string,
      rule: fee['rule'] as 'R11',
      source: fee['source'] as string,
    }),
  };
}

/**
 * A definition the schema and the invariants accepted, in the canonical
 * shape and key order (the built-in literal's): the 0.2 forms read, the
 * optional `rule`/`source` of kinds and categories filled, `$schema` dropped.
 * Canonical input comes back deep-equal, so normalising is idempotent.
 * @param definition - A checked definition (either form).
 * @returns A new, unfrozen program.
 */
export function normaliseProgram(definition: unknown): Program {
  const program = definition as Row;
  return { id: program['id'] as string, name: program['name'] as string, versions: rowsOf(program['versions']).map(version) as unknown as Program['versions'] };
}
