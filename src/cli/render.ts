/**
 * Output formats of `evaluate`: a table for people (TTY), Markdown for
 * reports, CSV for spreadsheets, JSON and NDJSON for machines. Money stays a
 * decimal string throughout: it is grouped as text, never through a float.
 */
import { MAX_DATE } from '../dates/isoDate';
import { cell } from '../format';
import type { Evaluation, FeeStatus, Membership } from '../index';
import { csvDocument, csvNumber } from './csv';
import type { LedgerOutcome, PartnerRef } from './jobs';
import type { Style } from './style';
import { renderColumns, wrap, type Cell, type Column } from './table';

export { outputFormats, type DataFormat, type OutputFormat } from './formats';

/** Which date a run reviews, and why: `--as-of`, or today (UTC) by default. */
export type AsOf = { readonly date: string; readonly defaulted: boolean };

/** An evaluated partner. */
export type Evaluated = { readonly source: string; readonly partner: PartnerRef; readonly evaluation: Evaluation };

/** 12345 → "12,345". */
export function formatInt(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "7500.5" → "$7,500.50", "-450.00" → "-$450.00": on the decimal string, never a float. */
export function formatUsd(amount: string): string {
  const negative = amount.startsWith('-');
  const [intPart = '0', fracPart = ''] = (negative ? amount.slice(1) : amount).split('.');
  const cents = (fracPart + '00').slice(0, Math.max(2, fracPart.length));
  return `${negative ? '-' : ''}$${intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

const isZeroAmount = (amount: string) => /^-?0*(\.0*)?$/.test(amount);

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
      return `due ${formatUsd(fee.amountDue ?? '0')}/${fee.period ?? 'month'}`;
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
  if (s.points > 0) parts.push(`${formatInt(s.points)} pts`);
  if (!isZeroAmount(s.revenue)) parts.push(formatUsd(s.revenue));
  if (s.profileCertifications > 0) parts.push(`${s.profileCertifications} profile`);
  if (s.salesCertifications > 0) parts.push(`${s.salesCertifications} sales`);
  return `${next.tierName}: ${parts.length > 0 ? parts.join(', ') : 'nothing missing'}`;
}

/** "review as of 2026-11-30 (today, UTC)". */
export function asOfText(asOf: AsOf): string {
  return `as of ${asOf.date}${asOf.defaulted ? ' (today, UTC; --as-of to change)' : ''}`;
}

/** The shared window, when every evaluation has the same one. */
function commonWindow(rows: readonly Evaluated[]): string {
  const first = rows[0]?.evaluation.window;
  if (first === undefined || !rows.every((r) => r.evaluation.window.from === first.from && r.evaluation.window.to === first.to)) return '';
  return ` — window ${first.from} … ${first.to}`;
}

/**
 * The columns of the evaluate table, most important first when the terminal
 * is narrow: partner, tier and points always; then revenue, the next tier's
 * shortfall, the fee, and membership (its basis is in the fee column too).
 */
export const evaluateColumns: readonly Column[] = [
  { title: 'Partner', priority: 0, min: 16 },
  { title: 'Tier', priority: 0 },
  { title: 'Points', align: 'right', priority: 0 },
  { title: 'Revenue (USD)', align: 'right', priority: 1 },
  { title: 'Membership', priority: 4, min: 12 },
  { title: 'Fee', priority: 3, min: 22 },
  { title: 'Next tier (shortfall)', priority: 2, min: 24 },
];

function cellsOf({ partner, evaluation: e }: Evaluated): string[] {
  return [
    partner.name ?? partner.id,
    e.tierName ?? '—',
    formatInt(e.points.total),
    formatUsd(e.revenue.total),
    describeMembership(e.membership),
    describeFee(e.fee),
    describeNext(e.nextTier),
  ];
}

/**
 * The readable table: one row per partner, fitted to `width` columns (none: no limit).
 * Text from ledgers is escaped (`escapeControls`).
 */
export function renderTable(rows: readonly Evaluated[], asOf: AsOf, style: Style, width?: number): string {
  const title = `Exponential Partner Program — review ${asOfText(asOf)}${commonWindow(rows)}`;
  // A narrow terminal gets the title on as many lines as it needs, broken between words.
  const out: string[] = [style.bold(wrap(title, width))];
  out.push(style.dim(`${rows.length} partner${rows.length === 1 ? '' : 's'} evaluated`), '');
  if (rows.length === 0) return `${out.join('\n')}\n`;
  const cells = rows.map((row): Cell[] => {
    const e = row.evaluation;
    const paints = [
      String,
      e.tier === null ? style.dim : style.bold,
      String,
      String,
      e.membership.active ? style.green : style.red,
      e.fee.status === 'due' ? style.red : e.fee.status === 'paid' ? style.yellow : style.green,
      String,
    ];
    return cellsOf(row).map((text, i) => ({ text, paint: paints[i] ?? String }));
  });
  const { lines, note } = renderColumns(evaluateColumns, cells, style, width);
  out.push(...lines);
  if (note !== undefined) out.push('', style.dim(note));
  return `${out.join('\n')}\n`;
}

/** A GitHub-flavoured Markdown table, with the review date above it; every cell through `cell` (controls and Markdown syntax escaped). */
export function renderMarkdown(rows: readonly Evaluated[], asOf: AsOf): string {
  const out = [`## ${cell(`Partner review ${asOfText(asOf)}${commonWindow(rows)}`)}`, ''];
  out.push(`| ${evaluateColumns.map((c) => cell(c.title)).join(' | ')} |`);
  out.push(`|${evaluateColumns.map((c) => (c.align === 'right' ? '---:' : '---')).join('|')}|`);
  for (const row of rows) out.push(`| ${cellsOf(row).map(cell).join(' | ')} |`);
  return `${out.join('\n')}\n`;
}

/** The CSV columns of `--format csv`. */
export const csvOutputColumns = [
  'source',
  'partner_id',
  'partner_name',
  'as_of',
  'window_from',
  'window_to',
  'tier',
  'tier_name',
  'points',
  'pending_points',
  'revenue',
  'profile_certifications',
  'sales_certifications',
  'membership_active',
  'membership_basis',
  'fee_status',
  'fee_paid_through',
  'fee_waived_through',
  'fee_amount_due',
  'next_tier',
  'shortfall_points',
  'shortfall_revenue',
  'shortfall_profile_certifications',
  'shortfall_sales_certifications',
] as const;

/** One CSV row per partner: text from ledgers neutralised against formulas, numbers as numbers (`csvCell`). */
export function renderCsv(rows: readonly Evaluated[]): string {
  return csvDocument(
    csvOutputColumns,
    rows.map(({ source, partner, evaluation: e }) => {
      const s = e.nextTier?.shortfall;
      return [
        source,
        partner.id,
        partner.name,
        e.asOf,
        e.window.from,
        e.window.to,
        e.tier,
        e.tierName,
        e.points.total,
        e.points.pending,
        csvNumber(e.revenue.total),
        e.certifications.profile,
        e.certifications.sales,
        e.membership.active,
        e.membership.basis,
        e.fee.status,
        e.fee.paidThrough,
        e.fee.waivedThrough,
        csvNumber(e.fee.amountDue),
        e.nextTier?.tier,
        s?.points,
        csvNumber(s?.revenue),
        s?.profileCertifications,
        s?.salesCertifications,
      ];
    }),
  );
}

/** One JSON record per ledger (NDJSON lines; the `results` of `--format json`). */
export function outcomeRecord(outcome: LedgerOutcome): Record<string, unknown> {
  if (outcome.ok) return { source: outcome.source, ok: true, partner: outcome.partner, evaluation: outcome.evaluation };
  return { source: outcome.source, ok: false, ...(outcome.partner === undefined ? {} : { partner: { id: outcome.partner } }), issues: outcome.issues };
}
