/**
 * The browser calculator: paste or upload a ledger, see the tier, the points,
 * a progress bar toward the next tier, and the last 12 monthly reviews as an
 * SVG chart. Everything runs in the page, under a strict Content-Security-Policy
 * (no inline code, no eval): the DOM is built with createElement, never HTML strings.
 */
import { config } from 'zod/mini';
import { evaluate, parseLedger, reviewTimeline, tiers, type Evaluation, type LedgerIssue, type Review } from '@exponential/partner-program';
import sample from '../ledgers/silver-agency.json';

// zod may compile object parsers with `new Function` (its JIT). Under a CSP
// without 'unsafe-eval' even its guarded probe would be reported as a
// violation, so tell it up front to stay interpreted (same results, no eval).
config({ jitless: true });

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const tierName = (id: string | null) => (id === null ? 'no tier' : (tiers.find((t) => t.id === id)?.name ?? id));
const formatInt = (n: number) => n.toLocaleString('en-US');
/** "12850.75" → "$12,850.75": on the decimal string, never a float. */
function formatUsd(amount: string): string {
  const negative = amount.startsWith('-');
  const [int = '0', frac = ''] = (negative ? amount.slice(1) : amount).split('.');
  return `${negative ? '-' : ''}$${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${(frac + '00').slice(0, Math.max(2, frac.length))}`;
}

/** The last day of the month 11 months before `asOf`'s month, i.e. the range of 12 month-end reviews ending on or before `asOf`. */
function timelineRange(asOf: string): { from: string; to: string } {
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7)); // 1–12
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  // Twelve month-ends: this month's if asOf is its last day, else the previous month's, and 11 before it.
  const endMonth = Number(asOf.slice(8, 10)) === lastDay ? month : month - 1;
  const start = new Date(Date.UTC(year, endMonth - 12, 1));
  return { from: start.toISOString().slice(0, 10), to: asOf };
}

function showIssues(issues: readonly { readonly path: string; readonly code: string; readonly message: string }[]): void {
  const list = $('issue-list');
  list.replaceChildren(
    ...issues.map((issue) => {
      const item = document.createElement('li');
      const path = document.createElement('code');
      path.textContent = issue.path === '' ? '(root)' : issue.path;
      item.append(path, `: ${issue.message} [${issue.code}]`);
      return item;
    }),
  );
  $('issues').hidden = issues.length === 0;
  if (issues.length > 0) $('result').hidden = true;
}

function progress(id: string, labelId: string | null, actual: number, required: number | null): void {
  const bar = $<HTMLProgressElement>(id);
  const visible = required !== null && required > 0;
  bar.hidden = !visible;
  if (labelId !== null) $(labelId).hidden = !visible;
  if (!visible) return;
  bar.max = required;
  bar.value = Math.max(0, Math.min(actual, required));
  bar.title = `${Math.floor((bar.value / required) * 100)}%`;
}

function showEvaluation(name: string, e: Evaluation): void {
  $('partner').textContent = name;
  $('tier').textContent = e.tierName ?? 'no tier yet';
  $('points').textContent = formatInt(e.points.total) + (e.points.pending > 0 ? ` (+${formatInt(e.points.pending)} pending)` : '');
  $('revenue').textContent = formatUsd(e.revenue.total);
  $('membership').textContent = e.membership.active ? `active (${e.membership.basis ?? ''})` : 'inactive';
  $('fee').textContent =
    e.fee.status === 'due' ? `due: $${e.fee.amountDue ?? ''}/month` : e.fee.status === 'paid' ? `paid through ${e.fee.paidThrough ?? ''}` : `waived (${e.fee.basis ?? ''})`;
  $('window').textContent = `Reviewed as of ${e.asOf}: entries dated ${e.window.from} … ${e.window.to} count.`;

  const next = e.nextTier;
  const checks = next === null ? [] : (e.requirements.find((r) => r.tier === next.tier)?.checks ?? []);
  const points = checks.find((c) => c.kind === 'points');
  const revenue = checks.find((c) => c.kind === 'revenue');
  if (next === null) $('next-tier').textContent = 'Top tier reached.';
  else {
    const s = next.shortfall;
    const parts = [
      s.points > 0 ? `${formatInt(s.points)} points` : '',
      /^-?0*(\.0*)?$/.test(s.revenue) ? '' : `${formatUsd(s.revenue)} revenue`,
      s.profileCertifications > 0 ? `${s.profileCertifications} profile certification(s)` : '',
      s.salesCertifications > 0 ? `${s.salesCertifications} sales certification(s)` : '',
    ].filter(Boolean);
    $('next-tier').textContent = `Next: ${next.tierName} — ${parts.length > 0 ? `still needs ${parts.join(', ')}` : 'every requirement met'}.`;
  }
  progress('progress-points', null, points?.kind === 'points' ? points.actual : 0, points?.kind === 'points' ? points.required : null);
  progress('progress-revenue', 'progress-revenue-label', revenue?.kind === 'revenue' ? Number(revenue.actual) : 0, revenue?.kind === 'revenue' ? Number(revenue.required) : null);
  $('result').hidden = false;
}

const SVG = 'http://www.w3.org/2000/svg';
function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** A bar per monthly review (points, coloured by tier), with the tier thresholds in range as dashed lines. */
function showTimeline(reviews: readonly Review[]): void {
  const width = 720;
  const height = 260;
  const left = 56;
  const bottom = 28;
  const top = 12;
  const plot = height - bottom - top;
  const highest = Math.max(1, ...reviews.map((r) => r.points.total));
  const thresholds = tiers.filter((t) => t.points <= highest * 1.25);
  const max = Math.max(highest, ...thresholds.map((t) => t.points)) * 1.08;
  const y = (points: number) => top + plot - (points / max) * plot;
  const step = (width - left - 8) / Math.max(1, reviews.length);

  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'Points and tier at each monthly review' });
  chart.append(svg('line', { class: 'axis', x1: left, y1: top + plot, x2: width - 4, y2: top + plot }));
  for (const tier of thresholds) {
    chart.append(svg('line', { class: 'threshold', x1: left, x2: width - 4, y1: y(tier.points), y2: y(tier.points) }));
    chart.append(svg('text', { x: left - 6, y: y(tier.points) + 4, 'text-anchor': 'end' }, tier.name));
  }
  reviews.forEach((review, i) => {
    const x = left + i * step + step * 0.15;
    const bar = svg('rect', {
      class: `review tier-${review.tier ?? 'none'}`,
      x,
      y: y(review.points.total),
      width: step * 0.7,
      height: Math.max(0, top + plot - y(review.points.total)),
      'data-date': review.date,
      'data-tier': review.tier ?? '',
      'data-points': review.points.total,
    });
    bar.append(svg('title', {}, `${review.date}: ${tierName(review.tier)}, ${formatInt(review.points.total)} points${review.change ? ` (${review.change})` : ''}`));
    chart.append(bar, svg('text', { x: x + step * 0.35, y: height - 10, 'text-anchor': 'middle' }, review.date.slice(2, 7)));
  });
  $('timeline').replaceChildren(chart);
  const changes = reviews.filter((r) => r.change !== null).map((r) => `${r.date} ${r.change} to ${tierName(r.tier)}`);
  $('timeline-note').textContent = changes.length > 0 ? `Tier changes: ${changes.join('; ')}.` : 'No tier change in these 12 reviews.';
}

function run(): void {
  const asOf = $<HTMLInputElement>('as-of').value;
  let input: unknown;
  try {
    input = JSON.parse($<HTMLTextAreaElement>('ledger').value);
  } catch (error) {
    showIssues([{ path: '', code: 'invalid-json', message: error instanceof Error ? error.message : 'not JSON' }]);
    return;
  }
  const parsed = parseLedger(input);
  if (!parsed.ok) {
    showIssues(parsed.issues);
    return;
  }
  try {
    const evaluation = evaluate(parsed.ledger, { asOf });
    showIssues([]);
    showEvaluation(parsed.ledger.partner.name ?? parsed.ledger.partner.id, evaluation);
    showTimeline(reviewTimeline(parsed.ledger, timelineRange(evaluation.asOf)));
  } catch (error) {
    // Only the options can still be wrong here (e.g. an empty review date).
    const issues = (error as { issues?: LedgerIssue[] }).issues;
    if (issues === undefined) throw error;
    showIssues(issues);
  }
}

function start(): void {
  const asOf = $<HTMLInputElement>('as-of');
  // The page may read the clock; the library never does: it is given the date.
  if (asOf.value === '') asOf.value = new Date().toISOString().slice(0, 10);
  $('evaluate').addEventListener('click', run);
  $('sample').addEventListener('click', () => {
    $<HTMLTextAreaElement>('ledger').value = JSON.stringify(sample, null, 2);
    run();
  });
  $<HTMLInputElement>('file').addEventListener('change', async (event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file === undefined) return;
    $<HTMLTextAreaElement>('ledger').value = await file.text();
    run();
  });
  document.body.dataset.ready = 'true';
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
