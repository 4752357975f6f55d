/**
 * Output formats of `evaluate`: a table for people (TTY), Markdown for
 * reports, CSV for spreadsheets, JSON and NDJSON for machines. Money stays a
 * decimal string throughout: it is grouped as text, never through a float.
 */
import type { Evaluation, FeeStatus } from '../index';
import type { LedgerOutcome, PartnerRef } from './jobs';
import { visibleLength, type Style } from './style';

/** The output formats. */
export const outputFormats = ['table', 'json', 'ndjson', 'markdown', 'csv'] as const;
/** An output format. */
export type OutputFormat = (typeof outputFormats)[number];

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

/** "paid through 2027-04-30", "waived (basic-points)", "due $45.00/month". */
export function describeFee(fee: FeeStatus): string {
  switch (fee.status) {
    case 'paid':
      return `paid through ${fee.paidThrough ?? '?'}`;
    case 'waived':
      return `waived (${fee.basis ?? '?'})${fee.waivedThrough ? ` through ${fee.waivedThrough}` : ''}`;
    case 'due':
      return `due ${formatUsd(fee.amountDue ?? '0')}/${fee.period ?? 'month'}`;
  }
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

const membershipText = (e: Evaluation) => (e.membership.active ? (e.membership.basis ?? 'active') : 'inactive');

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

const titles = ['Partner', 'Tier', 'Points', 'Revenue (USD)', 'Membership', 'Fee', 'Next tier (shortfall)'] as const;
const rightAligned = new Set([2, 3]);

function cellsOf({ partner, evaluation: e }: Evaluated): string[] {
  return [
    partner.name ?? partner.id,
    e.tierName ?? '—',
    formatInt(e.points.total),
    formatUsd(e.revenue.total),
    membershipText(e),
    describeFee(e.fee),
    describeNext(e.nextTier),
  ];
}

/** The readable table: one row per partner. */
export function renderTable(rows: readonly Evaluated[], asOf: AsOf, style: Style): string {
  const out: string[] = [style.bold(`Exponential Partner Program — review ${asOfText(asOf)}${commonWindow(rows)}`)];
  out.push(style.dim(`${rows.length} partner${rows.length === 1 ? '' : 's'} evaluated`), '');
  if (rows.length === 0) return `${out.join('\n')}\n`;
  const cells = rows.map(cellsOf);
  const widths = titles.map((title, i) => Math.max(title.length, ...cells.map((row) => visibleLength(row[i] ?? ''))));
  const pad = (text: string, i: number) => {
    const fill = ' '.repeat(Math.max(0, (widths[i] ?? 0) - visibleLength(text)));
    return rightAligned.has(i) ? fill + text : i === titles.length - 1 ? text : text + fill;
  };
  out.push(style.bold(titles.map((t, i) => pad(t, i)).join('  ')));
  out.push(widths.map((w) => '─'.repeat(w)).join('  '));
  rows.forEach((row, r) => {
    const e = row.evaluation;
    const colours: ((text: string) => string)[] = [
      String,
      e.tier === null ? style.dim : style.bold,
      String,
      String,
      e.membership.active ? style.green : style.red,
      e.fee.status === 'due' ? style.red : e.fee.status === 'paid' ? style.yellow : style.green,
      String,
    ];
    out.push((cells[r] ?? []).map((cell, i) => (colours[i] ?? String)(pad(cell, i))).join('  '));
  });
  return `${out.join('\n')}\n`;
}

const escapeMarkdown = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A GitHub-flavoured Markdown table, with the review date above it. */
export function renderMarkdown(rows: readonly Evaluated[], asOf: AsOf): string {
  const out = [`## Partner review ${asOfText(asOf)}${commonWindow(rows)}`, ''];
  out.push(`| ${titles.join(' | ')} |`);
  out.push(`|${titles.map((_, i) => (rightAligned.has(i) ? '---:' : '---')).join('|')}|`);
  for (const row of rows) out.push(`| ${cellsOf(row).map(escapeMarkdown).join(' | ')} |`);
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

/** RFC 4180 quoting: only where a cell needs it. Cells starting with = + - @ are left alone: these are data, not formulas, and numbers may be negative. */
function csvCell(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV row per partner. */
export function renderCsv(rows: readonly Evaluated[]): string {
  const lines = [csvOutputColumns.join(',')];
  for (const { source, partner, evaluation: e } of rows) {
    const s = e.nextTier?.shortfall;
    lines.push(
      [
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
        e.revenue.total,
        e.certifications.profile,
        e.certifications.sales,
        e.membership.active,
        e.membership.basis,
        e.fee.status,
        e.fee.paidThrough,
        e.fee.waivedThrough,
        e.fee.amountDue,
        e.nextTier?.tier,
        s?.points,
        s?.revenue,
        s?.profileCertifications,
        s?.salesCertifications,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** One JSON record per ledger (NDJSON lines; the `results` of `--format json`). */
export function outcomeRecord(outcome: LedgerOutcome): Record<string, unknown> {
  if (outcome.ok) return { source: outcome.source, ok: true, partner: outcome.partner, evaluation: outcome.evaluation };
  return { source: outcome.source, ok: false, ...(outcome.partner === undefined ? {} : { partner: { id: outcome.partner } }), issues: outcome.issues };
}
