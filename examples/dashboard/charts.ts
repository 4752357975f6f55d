/**
 * The two charts, drawn as SVG by Preact: points by category (R7) and the
 * monthly reviews with their forecast against the tier thresholds (R9, R12).
 * Each is laid out for its real width (no scaled-down text), and its labels
 * are placed so that none overlaps another or leaves the drawing.
 */
import { html } from 'htm/preact';
import type { RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PointsByCategory, ProgramVersion, Review, TierRow } from '@exponential/partner-program';
import { categoryName, formatCount, formatMonth, formatMoney, tierPoints } from './format';

const FONT = 11;
/** A generous width per character of the chart font: labels are placed on it, so it errs wide. */
const CHAR = FONT * 0.68;
const textWidth = (text: string) => Math.ceil(text.length * CHAR);

/** The width of an element, following its resizes. */
function useWidth(fallback: number): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  // Measured before the browser paints, so a chart is never shown at the wrong width.
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return undefined;
    const measure = () => setWidth(Math.max(240, Math.floor(element.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/**
 * Spreads labels wanted at `ys` so that no two are closer than `gap`, within
 * [min, max], moving each as little as it can; returns the positions in input order.
 */
export function spreadLabels(ys: readonly number[], gap: number, min: number, max: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const placed = order.map((o) => Math.min(max, Math.max(min, o.y)));
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k]!, placed[k - 1]! + gap);
  const overflow = (placed[placed.length - 1] ?? max) - max;
  if (overflow > 0) {
    placed[placed.length - 1] = max;
    for (let k = placed.length - 2; k >= 0; k--) placed[k] = Math.min(placed[k]!, placed[k + 1]! - gap);
  }
  const out: number[] = [];
  order.forEach((o, k) => (out[o.i] = placed[k]!));
  return out;
}

/** Round steps for an axis from 0 to `max`: about `count` of them. */
function ticks(max: number, count: number): number[] {
  const raw = max / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(Math.max(1, raw)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? power * 10;
  const out: number[] = [];
  for (let v = 0; v <= max; v += step) out.push(v);
  return out;
}

const compact = (n: number) => (n >= 1000 ? `${formatCount(Math.round(n / 100) / 10).replace(/\.0$/, '')}k` : String(n));

/** Points by category: one horizontal bar per category of R7, the number beside it. */
export function CategoryChart({ byCategory, version }: { byCategory: PointsByCategory; version?: ProgramVersion }) {
  const [ref, width] = useWidth(640);
  const rows = Object.entries(byCategory).map(([key, points]) => ({ key, name: categoryName(key, version), points }));
  const labelWidth = Math.max(...rows.map((r) => textWidth(r.name))) + 8;
  const valueWidth = Math.max(...rows.map((r) => textWidth(formatCount(r.points)))) + 8;
  const rowHeight = 24;
  const height = rows.length * rowHeight + 4;
  const barSpace = Math.max(20, width - labelWidth - valueWidth);
  const largest = Math.max(1, ...rows.map((r) => Math.abs(r.points)));
  return html`<div ref=${ref} class="chart">
    <svg width=${width} height=${height} viewBox=${`0 0 ${width} ${height}`} role="img" aria-labelledby="categories-title">
      <title id="categories-title">Points by category</title>
      ${rows.map((row, i) => {
        const y = i * rowHeight + 2;
        const length = (Math.abs(row.points) / largest) * barSpace;
        return html`<g key=${row.key} data-category=${row.key} data-points=${row.points}>
          <text x="0" y=${y + rowHeight / 2 + 4}>${row.name}</text>
          <rect class=${`category cat-${row.key}${row.points < 0 ? ' negative' : ''}`} x=${labelWidth} y=${y + 4} width=${Math.max(row.points === 0 ? 0 : 2, length)} height=${rowHeight - 8} />
          <text x=${labelWidth + length + 6} y=${y + rowHeight / 2 + 4}>${formatCount(row.points)}</text>
        </g>`;
      })}
    </svg>
  </div>`;
}

/** The tier colours' class for a tier id (`null`: below the first tier). */
export const tierClass = (tier: string | null) => `tier-${tier ?? 'none'}`;

/**
 * The monthly reviews: a bar per month-end (points, coloured by tier, the
 * forecast paler), the thresholds of the tiers in range as dashed lines named
 * on the right, a points axis on the left, months below; a legend, and the
 * same figures as a table.
 */
export function TimelineChart({ reviews, lastReview, tiers, tierName, currency }: { reviews: readonly Review[]; lastReview: string; tiers: readonly TierRow[]; tierName: (id: string | null) => string; currency: string }) {
  const [ref, width] = useWidth(720);
  const height = 260;
  const top = 12;
  // Room below the axis for the month names, clear of a threshold name pushed down to the axis.
  const bottom = 32;
  const plot = height - top - bottom;
  const highest = Math.max(1, ...reviews.map((r) => r.points.total));
  // The thresholds worth a line: those up to a quarter above the highest bar (at least the first tier).
  const shown = tiers.filter((t, i) => i === 0 || tierPoints(t) <= highest * 1.25);
  const axisMax = Math.max(highest, ...shown.map(tierPoints)) * 1.08;
  const axis = ticks(axisMax, 4);
  const left = Math.max(...axis.map((v) => textWidth(compact(v)))) + 12;
  const right = Math.max(...shown.map((t) => textWidth(t.name))) + 12;
  const plotWidth = Math.max(60, width - left - right);
  const y = (points: number) => top + plot - (points / axisMax) * plot;
  const step = plotWidth / Math.max(1, reviews.length);
  const monthLabel = (date: string) => formatMonth(date, true);
  // Every k-th month is named so that the names never touch; the review date's month always is.
  const every = Math.max(1, Math.ceil((textWidth('Mmm 00') + 6) / step));
  const anchor = Math.max(0, reviews.findIndex((r) => r.date === lastReview));
  const thresholdYs = spreadLabels(
    shown.map((t) => y(tierPoints(t))),
    FONT + 3,
    top + FONT / 2,
    top + plot - 2,
  );
  const forecastFrom = reviews.findIndex((r) => r.date > lastReview);
  return html`<div ref=${ref} class="chart">
    <svg width=${width} height=${height} viewBox=${`0 0 ${width} ${height}`} role="img" aria-labelledby="timeline-title" aria-describedby="timeline-table-caption">
      <title id="timeline-title">Points and tier at each month-end review, with the forecast</title>
      ${axis.map(
        (v) => html`<g class="tick" key=${`t${v}`}>
          <line class="grid" x1=${left} x2=${left + plotWidth} y1=${y(v)} y2=${y(v)} />
          <text class="axis-label" x=${left - 6} y=${y(v) + 4} text-anchor="end">${compact(v)}</text>
        </g>`,
      )}
      ${reviews.map((review, i) => {
        const x = left + i * step + step * 0.15;
        const forecast = review.date > lastReview;
        return html`<rect
          key=${review.date}
          class=${`review ${tierClass(review.tier)}${forecast ? ' forecast' : ''}`}
          x=${x}
          y=${y(review.points.total)}
          width=${step * 0.7}
          height=${Math.max(0, top + plot - y(review.points.total))}
          data-date=${review.date}
          data-tier=${review.tier ?? ''}
          data-points=${review.points.total}
          data-forecast=${forecast ? 'true' : 'false'}
          ><title>${`${formatMonth(review.date)}: ${tierName(review.tier)}, ${formatCount(review.points.total)} points${forecast ? ' (forecast)' : ''}`}</title></rect
        >`;
      })}
      ${forecastFrom > 0 ? html`<line class="now" x1=${left + forecastFrom * step} x2=${left + forecastFrom * step} y1=${top} y2=${top + plot} />` : null}
      <line class="axis" x1=${left} y1=${top + plot} x2=${left + plotWidth} y2=${top + plot} />
      <line class="axis" x1=${left} y1=${top} x2=${left} y2=${top + plot} />
      ${shown.map(
        (tier, i) => html`<g key=${tier.id} class="threshold-group" data-tier=${tier.id}>
          <line class=${`threshold ${tierClass(tier.id)}`} x1=${left} x2=${left + plotWidth + 4} y1=${y(tierPoints(tier))} y2=${y(tierPoints(tier))} />
          ${Math.abs(thresholdYs[i]! - y(tierPoints(tier))) > 1 ? html`<line class="leader" x1=${left + plotWidth + 4} x2=${left + plotWidth + 8} y1=${y(tierPoints(tier))} y2=${thresholdYs[i]} />` : null}
          <text class="threshold-label" x=${left + plotWidth + 10} y=${thresholdYs[i]! + 4}>${tier.name}</text>
        </g>`,
      )}
      ${reviews.map((review, i) => {
        if ((i - anchor) % every !== 0) return null;
        const label = monthLabel(review.date);
        const half = textWidth(label) / 2;
        const cx = Math.min(width - half, Math.max(half, left + (i + 0.5) * step));
        return html`<text key=${`m${review.date}`} class="month-label" x=${cx} y=${height - 8} text-anchor="middle">${label}</text>`;
      })}
    </svg>
    <ul class="legend" aria-label="Legend">
      ${[...new Set(reviews.map((r) => r.tier))].map((tier) => html`<li key=${tier ?? 'none'}><span class=${`swatch ${tierClass(tier)}`}></span>${tierName(tier)}</li>`)}
      <li><span class="swatch forecast"></span>Forecast (after ${formatMonth(lastReview)}, the ledger as it is)</li>
      <li><span class="swatch dashed"></span>Tier threshold (points)</li>
    </ul>
    <details class="timeline-table">
      <summary>The reviews as a table</summary>
      <div class="scroll">
        <table class="stack">
          <caption id="timeline-table-caption">Month-end reviews: ${reviews.length} months, the last ${reviews.length - Math.max(0, forecastFrom === -1 ? reviews.length : forecastFrom)} a forecast</caption>
          <thead><tr><th scope="col">Month-end</th><th scope="col">Tier</th><th scope="col">Points</th><th scope="col">Revenue</th><th scope="col">Member</th><th scope="col">Change</th></tr></thead>
          <tbody>
            ${reviews.map(
              (r) => html`<tr key=${r.date} data-date=${r.date} class=${r.date > lastReview ? 'forecast' : ''}>
                <th scope="row">${r.date}${r.date > lastReview ? ' (forecast)' : ''}</th>
                <td data-label="Tier">${tierName(r.tier)}</td>
                <td class="num" data-label="Points">${formatCount(r.points.total)}</td>
                <td class="num" data-label="Revenue">${formatMoney(r.revenue.total, currency)}</td>
                <td data-label="Member">${r.membership.active ? 'yes' : 'no'}</td>
                <td data-label="Change">${r.change === null ? '' : `${r.change} from ${tierName(r.previousTier)}`}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </details>
  </div>`;
}
