/**
 * Seeded generator of valid ledgers for the benchmarks (no dependencies).
 *
 * The mix is what a real partner ledger looks like: mostly time, activities
 * and revenue; some certifications; some pending and rejected entries; a few
 * fee payments; dates spread over about two years around the review date
 * (18 months before it, 6 months after it), so every outcome occurs:
 * counted, pending, rejected, outside-window, after-as-of, monthly-limit,
 * evidence-not-met, already-credited, earned-before-window.
 *
 * Entries come in date order (as an export from a CRM would), ids unique,
 * dates and amounts already in canonical form, so the raw ledger, the parsed
 * ledger and the baseline all see the same data.
 */

/** The review date every benchmark uses. */
export const AS_OF = '2026-06-30';
/** The partner's join date: the second anniversary (2025-09-15) falls in the window, so R5 credits and the R11 renewal review both run. */
export const JOINED_ON = '2024-09-15';

/** mulberry32: a tiny, fast, seeded 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
function isoOf(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}
function msOf(iso) {
  return Date.parse(`${iso}T00:00:00Z`);
}

// Dates: 18 months before the review date … 6 months after it (~2 years).
const FIRST_MS = msOf('2025-01-01');
const LAST_MS = msOf('2026-12-31');
/** Every date of the spread, as shared strings (one allocation per day, like JSON.parse would not, but cheap for the generator). */
const DAYS = [];
for (let ms = FIRST_MS; ms <= LAST_MS; ms += DAY_MS) DAYS.push(isoOf(ms));

/** Activity rows and their relative frequency, with realistic extras. */
const ACTIVITIES = [
  ['forum-post', 30],
  ['bug-report', 14],
  ['article', 8],
  ['tutorial', 5],
  ['conference-talk', 4],
  ['pipeline-share', 10],
  ['customer-reference', 3],
  ['press-release', 3],
  ['powered-by-badge', 3],
  ['case-study', 3],
  ['customer-site', 3],
  ['training-course', 4],
  ['event-attendance', 2],
  ['premium-project', 2],
  ['exponential-6-project', 3],
  ['newsletter-project', 3],
];
const ACTIVITY_WEIGHT = ACTIVITIES.reduce((s, [, w]) => s + w, 0);
const MINIMUM = { 'premium-project': 5000, 'exponential-6-project': 2500, 'newsletter-project': 2000 };
const CERTS = ['developer', 'design', 'solution', 'sales-premium', 'sales-exponential-6', 'sales-newsletter'];
const SOURCES = ['direct-sale', 'project-licensing', 'subscription'];

/**
 * A valid raw ledger of `size` entries.
 * @param {number} size - Number of entries.
 * @param {number} [seed] - PRNG seed; the same seed gives the same ledger.
 * @param {string} [partnerId]
 */
export function generateLedger(size, seed = 1, partnerId = `partner-${seed}`) {
  const rnd = mulberry32(seed);
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(rnd() * list.length)];

  // Dates first, sorted: the ledger is in date order.
  const dayIndex = new Int32Array(size);
  for (let i = 0; i < size; i++) dayIndex[i] = Math.floor(rnd() * DAYS.length);
  dayIndex.sort();

  // A few fee payments (a partner pays at most a few times a year): at most 4, none for tiny ledgers.
  const feeSlots = new Set();
  const fees = size < 10 ? 0 : Math.min(4, Math.floor(size / 25));
  while (feeSlots.size < fees) feeSlots.add(int(0, size - 1));

  // People who hold certifications: a small team that grows with the ledger.
  const people = Math.max(3, Math.min(500, Math.floor(size / 200)));

  const entries = new Array(size);
  for (let i = 0; i < size; i++) {
    const date = DAYS[dayIndex[i]];
    const id = `e${i}`;
    let entry;
    if (feeSlots.has(i)) {
      // One in five pays the wrong amount (fee-amount-mismatch).
      const months = pick([1, 3, 6, 12]);
      const amount = rnd() < 0.2 ? `${months * 40}.00` : (months * 45).toFixed(2);
      entry = { id, type: 'fee-payment', date, months, amount };
    } else {
      const r = rnd();
      if (r < 0.3) {
        entry = { id, type: 'time', date, minutes: int(10, 240), category: rnd() < 0.5 ? 'knowledge' : 'program' };
        if (rnd() < 0.3) entry.description = 'community support';
      } else if (r < 0.6) {
        let w = rnd() * ACTIVITY_WEIGHT;
        let activity = ACTIVITIES[0][0];
        for (const [name, weight] of ACTIVITIES) {
          if ((w -= weight) < 0) {
            activity = name;
            break;
          }
        }
        entry = { id, type: 'activity', date, activity };
        if (activity === 'article') {
          entry.words = int(300, 2000); // some fail the 500–1500 evidence
          if (rnd() < 0.8) entry.floss = rnd() < 0.9;
        } else if (activity === 'tutorial') {
          entry.words = int(1000, 4000);
        } else if (activity === 'training-course') {
          entry.quantity = int(1, 12);
        } else if (activity in MINIMUM && rnd() < 0.5) {
          entry.points = MINIMUM[activity] + int(0, 20) * 100;
        }
      } else if (r < 0.86) {
        // Revenue in cents; one in twenty is a refund.
        const cents = int(1_000, 150_000) * (rnd() < 0.05 ? -1 : 1);
        const amount = (cents / 100).toFixed(2);
        entry = { id, type: 'revenue', date, amount, source: pick(SOURCES) };
      } else if (r < 0.9) {
        const expires = rnd() < 0.8 ? isoOf(msOf(date) + int(180, 900) * DAY_MS) : undefined;
        entry = { id, type: 'certification', date, holder: `person-${int(1, people)}`, certification: pick(CERTS) };
        if (expires !== undefined) entry.expiresOn = expires;
      } else if (r < 0.94) {
        entry = { id, type: 'bonus', date, points: int(1, 20) * 50, reason: 'strategic activity' };
        if (i > 0 && rnd() < 0.5) entry.relatesTo = `e${int(0, i - 1)}`;
      } else if (r < 0.97) {
        entry = { id, type: 'special', date, points: int(1, 10) * 100, description: 'translation' };
      } else {
        entry = { id, type: 'adjustment', date, points: int(-500, 300), reason: 'correction' };
      }
    }
    // Status: ~85 % approved (half explicit, half defaulted), 10 % pending, 5 % rejected.
    const s = rnd();
    if (s < 0.1) entry.status = 'pending';
    else if (s < 0.15) entry.status = 'rejected';
    else if (s < 0.5) entry.status = 'approved';
    entries[i] = entry;
  }
  return { partner: { id: partnerId, name: `Partner ${seed}`, joinedOn: JOINED_ON }, entries };
}

/** `count` ledgers of `size` entries each, seeds `seed`, `seed + 1`, … */
export function generateBatch(count, size, seed = 1000) {
  const out = new Array(count);
  for (let i = 0; i < count; i++) out[i] = generateLedger(size, seed + i);
  return out;
}
