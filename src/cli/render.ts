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

/** A USD amount of a result (at least two decimals): "7500.50" → "$7,500.50", "-450.00" → "-$450.00". */
export const formatUsd = (amount: string): string => formatMoney(amount, 'USD');

/** Why a fee is waived or a membership held, in words (R10, R11). */
const basisWords = { 'basic-points': 'enough points', 'professional-renewal': 'Professional renewal', fee: 'fee paid' } as const;

/** A fee date: `null` is past the end of the calendar (the words of `explainEvaluation`). */
function feeDate(date: string | null | undefined): string {
  if (date === undefined) return '';
  return date === null ? ` beyond ${MAX_DATE}` : ` through ${date}`;
}

/**
 * "paid through 2027-04-30", "waived through 2027-08-31, Professional renewal", "due $45.00/month";
 * a coverage or waiver that runs past the calendar reads "paid beyond 9999-12-31".
 */
export function describeFee(fee: FeeStatus): string {
  switch (fee.status) {
    case 'paid':
      return `paid${feeDate(fee.paidThrough)}`;
    case 'waived':
      return `waived${feeDate(fee.waivedThrough)}${fee.basis ? `, ${basisWords[fee.basis]}` : ''}`;
    case 'due':
      return `due ${formatUsd(fee.amountDue ?? '0.00')}/${fee.period ?? 'month'}`;
  }
}

/** "active: enough points", "active: Professional renewal", "active: fee paid", "inactive". */
export function describeMembership(membership: Membership): string {
  if (!membership.active) return 'inactive';
  return membership.basis === null ? 'active' : `active: ${basisWords[membership.basis]}`;
}

/** "Gold: 18,140 pts, $5,149.25, 1 profile, 4 sales", or "— (top tier)". */
export function describeNext(next: Evaluation['nextTier']): string {
  if (next === null) return '— (top tier)';
  const s = next.shortfall;
  const parts: string[] = [];
  if (s.points > 0) parts.push(`${formatCount(s.points)} pts`);
  if (!isZeroAmount(s.revenue)) parts.push(formatUsd(s.revenue));
  if (s.profileCertifications > 0) parts.push(`${s.profileCertifications} profile`);
  if (s.salesCertifications > 0) parts.push(`${s.salesCertifications} sales`);
  return `${next.tierName}: ${parts.length > 0 ? parts.join(', ') : 'nothing missing'}`;
}

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
