/**
 * What several commands print: the review date, fee and membership and the
 * next tier in words, a tier's name, Markdown table rows, and JSON and NDJSON.
 * Figures are formatted by the library's src/format.ts (fixed `en` grouping,
 * money on its decimal string, never through a float).
 */
import { MAX_DATE } from '../dates/isoDate';
import { cell, formatCount, formatMoney, isZeroAmount } from '../format';
import type { Evaluation, FeeStatus, Membership, Program } from '../index';
import type { DataFormat } from './formats';
import type { CliIo } from './io';
import type { Column } from './table';

/** Which date a run reviews, and why: `--as-of`, or today (UTC) by default. */
export type AsOf = { readonly date: string; readonly defaulted: boolean };

/** Why a fee is waived or a membership held, in words (R10, R11). */
const basisWords = { 'basic-points': 'enough points', 'professional-renewal': 'Professional renewal', fee: 'fee paid' } as const;

/** A basis in words; the renewal waiver names the program's renewal tier ("Professional renewal" in the built-in program). */
function basisText(basis: keyof typeof basisWords, renewal: string | undefined): string {
  return basis === 'professional-renewal' && renewal !== undefined ? `${renewal} renewal` : basisWords[basis];
}

/** The name of the renewal tier (R11) of the program version a result names, or `undefined` when the program lacks it. */
export function renewalName(program: Program, version: string): string | undefined {
  const named = program.versions.find((v) => v.version === version);
  return named?.tiers.find((tier) => tier.id === named.renewalTier)?.name;
}

/** A fee date: `null` is past the end of the calendar (the words of `explainEvaluation`). */
function feeDate(date: string | null | undefined): string {
  if (date === undefined) return '';
  return date === null ? ` beyond ${MAX_DATE}` : ` through ${date}`;
}

/**
 * "paid through 2027-04-30", "waived through 2027-08-31, Professional renewal", "due $45.00/month",
 * "due 500.00 EUR/year" (the program's currency and fee period); a coverage or waiver that runs past
 * the calendar reads "paid beyond 9999-12-31".
 */
export function describeFee(fee: FeeStatus, currency = 'USD', renewal?: string): string {
  switch (fee.status) {
    case 'paid':
      return `paid${feeDate(fee.paidThrough)}`;
    case 'waived':
      return `waived${feeDate(fee.waivedThrough)}${fee.basis ? `, ${basisText(fee.basis, renewal)}` : ''}`;
    case 'due':
      return `due ${formatMoney(fee.amountDue ?? '0.00', currency)}/${fee.period ?? 'month'}`;
  }
}

/** "active: enough points", "active: Professional renewal" (the program's renewal tier), "active: fee paid", "inactive". */
export function describeMembership(membership: Membership, renewal?: string): string {
  if (!membership.active) return 'inactive';
  return membership.basis === null ? 'active' : `active: ${basisText(membership.basis, renewal)}`;
}

/**
 * `cloudSecurityCertifications` → `cloud-security`: the kind id of a shortfall key, one of `kinds`
 * whose key it is, else read back from its camelCase.
 */
function kindOfKey(key: string, kinds: readonly string[]): string {
  return kinds.find((kind) => shortfallKey(kind) === key) ?? key.slice(0, -'Certifications'.length).replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/**
 * "Gold: 18,140 pts, $5,149.25, 1 profile, 4 sales", each kind's pairs by its id (one of the program's
 * `kinds`) in the program's order, then a certification required by name as "solution ×1"; or "— (top tier)".
 */
export function describeNext(next: Evaluation['nextTier'], kinds: readonly string[] = [], currency = 'USD'): string {
  if (next === null) return '— (top tier)';
  const s = next.shortfall;
  const parts: string[] = [];
  if (s.points > 0) parts.push(`${formatCount(s.points)} pts`);
  if (!isZeroAmount(s.revenue)) parts.push(formatMoney(s.revenue, currency));
  for (const [key, count] of Object.entries(s)) if (key.endsWith('Certifications') && typeof count === 'number' && count > 0) parts.push(`${formatCount(count)} ${kindOfKey(key, kinds)}`);
  for (const [certification, count] of Object.entries(s.certifications ?? {})) if (count > 0) parts.push(`${certification} ×${formatCount(count)}`);
  return `${next.tierName}: ${parts.length > 0 ? parts.join(', ') : 'nothing missing'}`;
}

/** The certification kinds of a program (every version's, in first-defined order) and the certifications some tier requires by name. */
export function countsOf(program: Program): { readonly kinds: readonly string[]; readonly named: readonly string[] } {
  const kinds = new Set<string>();
  const named = new Set<string>();
  for (const version of program.versions) {
    for (const kind of version.certificationKinds) kinds.add(kind.id);
    for (const tier of version.tiers) for (const r of tier.requirements) if (r.type === 'certification') named.add(r.certification);
  }
  return { kinds: [...kinds], named: [...named] };
}

/** The program version in effect on `date`: the latest that starts on or before it, the first before them all. */
export function versionOn(program: Program, date: string): Program['versions'][number] {
  let chosen = program.versions[0];
  for (const version of program.versions) if (version.effectiveFrom <= date) chosen = version;
  return chosen;
}

/** The currency of the program version in effect on `date`: what its amounts are in. */
export function currencyOn(program: Program, date: string): string {
  return versionOn(program, date).currency;
}

/** A table's revenue column title: "Revenue (USD)", or "Revenue" when the rows' currencies differ (each cell names its own). */
export function revenueTitle(currencies: readonly string[]): string {
  const [first] = currencies;
  return first !== undefined && currencies.every((c) => c === first) ? `Revenue (${first})` : 'Revenue';
}

/** `cloud-security` → `cloud_security`: an id in a CSV column name. */
export const snakeCase = (id: string): string => id.replace(/-/g, '_');

/** `security` → `securityCertifications`: a kind's key in `nextTier.shortfall` (and a plan's shortfall). */
export const shortfallKey = (kind: string): `${string}Certifications` => `${kind.replace(/-([a-z0-9])/g, (_, next: string) => next.toUpperCase())}Certifications`;

/** "review as of 2026-11-30 (today, UTC)". */
export function asOfText(asOf: AsOf): string {
  return `as of ${asOf.date}${asOf.defaulted ? ' (today, UTC; --as-of to change)' : ''}`;
}

/** A tier's display name in a program (any version), or its id; `null` (no tier) is "—". */
export function tierName(program: Program, id: string | null): string {
  if (id === null) return '—';
  for (const version of program.versions) for (const tier of version.tiers) if (tier.id === id) return tier.name;
  return id;
}

/** The two head lines of a GitHub-flavoured Markdown table: the titles, and the rule that aligns them. */
export function markdownHead(columns: readonly Column[]): string {
  return `| ${columns.map((c) => cell(c.title)).join(' | ')} |\n|${columns.map((c) => (c.align === 'right' ? '---:' : '---')).join('|')}|`;
}

/** A Markdown table row, every cell through `cell` (controls and Markdown syntax escaped). */
export function markdownRow(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

/** `value` as indented JSON, a line of its own. */
export function writeJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** NDJSON: one record a line. */
function writeNdjson(io: CliIo, records: Iterable<unknown>): void {
  for (const record of records) io.stdout.write(`${JSON.stringify(record)}\n`);
}

/**
 * The formats for programs: `--format json` (one document), `ndjson` (a
 * record a line) and `csv`, each made only when it is the one asked for.
 * @returns Whether it wrote one; false for `table` and `markdown`, which each command prints itself.
 */
export function writeDataFormat(
  io: CliIo,
  format: DataFormat,
  output: { readonly json: () => unknown; readonly records: () => Iterable<unknown>; readonly csv: () => string },
): boolean {
  switch (format) {
    case 'json':
      writeJson(io, output.json());
      return true;
    case 'ndjson':
      writeNdjson(io, output.records());
      return true;
    case 'csv':
      io.stdout.write(output.csv());
      return true;
    case 'table':
    case 'markdown':
      return false;
  }
}
