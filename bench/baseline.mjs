/**
 * The hand-written plain-number baseline (SPEC §4): what a careful engineer
 * would write by hand for the built-in program, with no library, no tables,
 * no explanations — only the points total and the tier.
 *
 * It is honest, not a strawman: it applies the same rules as `evaluate` for
 * the total and the tier — the R1 rolling window (month-end rule included),
 * approved-only, entries after the review date ignored, revenue floored on
 * the exact sum in integer cents and clamped at 0, evidence rules, "+" rows,
 * per-attendee rows, the pipeline monthly limit, certification credits once
 * per (holder, certification) pair earned in the window, certification
 * validity on the review date (profile / sales counts for the tier),
 * partner-year credits (R5), bonus / special / adjustment, fee payments never
 * counted, total = max(0, Σ). Like `parseLedger`, it converts dates and
 * amounts once (`prepareBaseline`), so the loop compares integers.
 *
 * What it does not do (and `evaluate` does): validation, per-entry outcomes
 * with reasons, pending points, points by category, requirement checks and
 * shortfalls, membership and fee status (R10, R11), program versions,
 * custom programs, other windows, amounts beyond whole cents.
 */

const PROFILE = new Set(['developer', 'design', 'solution']);

// The tier table (R9) as plain numbers: points, revenue in cents (-Infinity: "None", so a net refund never fails it), profile, sales.
const TIERS = [
  ['now', 3000, -Infinity, 0, 0],
  ['starter', 4000, -Infinity, 0, 0],
  ['basic', 5000, -Infinity, 0, 0],
  ['professional', 8000, 720_000, 0, 0],
  ['silver', 20_000, 1_200_000, 1, 2],
  ['gold', 50_000, 1_800_000, 2, 6],
  ['platinum', 200_000, 3_000_000, 3, 10],
];

// The activity table (R3) as plain numbers. kind: 0 fixed, 1 minimum ("+"), 2 per attendee, 3 monthly.
const FIXED = 0;
const MINIMUM = 1;
const PER_ATTENDEE = 2;
const MONTHLY = 3;
const ROWS = {
  'premium-project': [5000, MINIMUM],
  'exponential-6-project': [2500, MINIMUM],
  'newsletter-project': [2000, MINIMUM],
  'training-course': [2000, PER_ATTENDEE],
  'event-attendance': [5000, FIXED],
  'pipeline-share': [1000, MONTHLY],
  'case-study': [1000, FIXED],
  'customer-site': [1000, FIXED],
  'customer-reference': [500, FIXED],
  article: [500, FIXED],
  'press-release': [500, FIXED],
  tutorial: [500, FIXED],
  'conference-talk': [500, FIXED],
  'powered-by-badge': [500, FIXED],
  'bug-report': [50, FIXED],
  'forum-post': [10, FIXED],
};

const dayKey = (iso) => +iso.slice(0, 4) * 10_000 + +iso.slice(5, 7) * 100 + +iso.slice(8, 10);
const daysIn = (y, m) => (m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);

/** The R1 rolling window as integer YYYYMMDD bounds. */
export function baselineWindow(asOf) {
  const y = +asOf.slice(0, 4);
  const m = +asOf.slice(5, 7);
  const d = +asOf.slice(8, 10);
  if (d === daysIn(y, m)) {
    // Month end: 12 whole months, from the first day of the month 11 months earlier.
    const fm = m - 11 <= 0 ? m + 1 : m - 11;
    const fy = m - 11 <= 0 ? y - 1 : y;
    return { from: fy * 10_000 + fm * 100 + 1, to: y * 10_000 + m * 100 + d };
  }
  // subMonths(asOf, 12) clamps the day (only February can be short), then + 1 day.
  const sd = Math.min(d, daysIn(y - 1, m));
  let fy = y - 1;
  let fm = m;
  let fd = sd + 1;
  if (fd > daysIn(fy, fm)) {
    fd = 1;
    fm += 1;
    if (fm > 12) {
      fm = 1;
      fy += 1;
    }
  }
  return { from: fy * 10_000 + fm * 100 + fd, to: y * 10_000 + m * 100 + d };
}

/** addYears(joinedOn, k) as YYYYMMDD: 29 February becomes 28 February in a common year. */
function anniversaryKey(joinedOn, k) {
  const y = +joinedOn.slice(0, 4) + k;
  const m = +joinedOn.slice(5, 7);
  const d = Math.min(+joinedOn.slice(8, 10), daysIn(y, m));
  return y * 10_000 + m * 100 + d;
}

/**
 * Converts dates and amounts once, as `parseLedger` does: dates to integer
 * YYYYMMDD, revenue amounts to integer cents.
 */
export function prepareBaseline(ledger) {
  const entries = ledger.entries;
  const n = entries.length;
  const days = new Int32Array(n);
  const cents = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const e = entries[i];
    days[i] = dayKey(e.date);
    if (e.type === 'revenue') {
      const a = String(e.amount);
      const dot = a.indexOf('.');
      // Whole cents (the generator's amounts have at most two decimals).
      cents[i] = dot < 0 ? +a * 100 : +(a.slice(0, dot) + a.slice(dot + 1).padEnd(2, '0').slice(0, 2));
    }
  }
  return { entries, days, cents, joinedOn: ledger.partner.joinedOn };
}

/**
 * The points total and the tier on `asOf` (rolling window), plus the facts
 * the tier depends on.
 */
export function baselineEvaluate(prepared, asOf) {
  const { entries, days, cents, joinedOn } = prepared;
  const { from, to } = baselineWindow(asOf);
  let points = 0;
  let revenue = 0;
  const months = new Set();
  const credited = new Set();
  const validProfile = new Set();
  const validSales = new Set();
  for (let i = 0; i < entries.length; i++) {
    const day = days[i];
    if (day > to) continue;
    const e = entries[i];
    if (e.status === 'pending' || e.status === 'rejected') continue;
    const type = e.type;
    if (type === 'certification') {
      // Validity ignores the window (R8); the credit needs the pair earned in it.
      const pair = `${e.holder}\u0000${e.certification}`;
      if (e.expiresOn === undefined || e.expiresOn >= asOf) (PROFILE.has(e.certification) ? validProfile : validSales).add(pair);
      if (day >= from) credited.add(pair);
      continue;
    }
    if (day < from) continue;
    switch (type) {
      case 'revenue':
        revenue += cents[i];
        break;
      case 'time':
        points += e.minutes;
        break;
      case 'activity': {
        const row = ROWS[e.activity];
        const a = e.activity;
        const words = e.words;
        if (a === 'article') {
          if ((words !== undefined && (words < 500 || words > 1500)) || (e.floss !== undefined && e.floss !== true)) break;
        } else if (a === 'tutorial') {
          if (words !== undefined && words < 1500) break;
        }
        switch (row[1]) {
          case FIXED:
            points += row[0];
            break;
          case MINIMUM:
            points += e.points !== undefined && e.points > row[0] ? e.points : row[0];
            break;
          case PER_ATTENDEE:
            points += row[0] * e.quantity;
            break;
          default:
            // Monthly: one per calendar month; every one earns the same, so the count of months is the points.
            months.add((day / 100) | 0);
        }
        break;
      }
      case 'bonus':
      case 'special':
      case 'adjustment':
        points += e.points;
        break;
      // fee-payment: never points, never revenue.
    }
  }
  points += months.size * 1000 + credited.size * 1000;
  for (let k = 0; k < 3; k++) {
    const a = anniversaryKey(joinedOn, k);
    if (a >= from && a <= to) points += 1000;
  }
  const revenuePoints = revenue > 0 ? Math.floor(revenue / 100) : 0;
  const total = Math.max(0, points + revenuePoints);
  const profile = validProfile.size;
  const sales = validSales.size;
  let tier = null;
  for (let t = TIERS.length - 1; t >= 0; t--) {
    const [id, p, r, pc, sc] = TIERS[t];
    if (total >= p && revenue >= r && profile >= pc && sales >= sc) {
      tier = id;
      break;
    }
  }
  return { total, tier, facts: { points: total, revenueCents: revenue, profile, sales } };
}

/** The tier table, for the rules-engine comparison. */
export const baselineTiers = TIERS.map(([id, points, revenueCents, profile, sales]) => ({ id, points, revenueCents, profile, sales }));
