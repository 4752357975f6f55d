// Generates crm-export.csv: a CRM-style export of 60 partners' ledgers, one
// row per entry (docs/csv.md). Seeded, so the file is the same on every run:
//   node examples/csv/generate.mjs            # rewrite crm-export.csv
//   node examples/csv/generate.mjs --check    # exit 1 if crm-export.csv is not what it generates
// Plain Node, no dependencies.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SEED = 20261130;
const PARTNERS = 60;
const target = fileURLToPath(new URL('./crm-export.csv', import.meta.url));

/** mulberry32: a small, well-known seeded PRNG. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(SEED);
const int = (min, max) => min + Math.floor(random() * (max - min + 1));
const pick = (list) => list[Math.floor(random() * list.length)];
const chance = (p) => random() < p;

const DAY = 86_400_000;
const day = (iso) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const iso = (n) => new Date(n * DAY).toISOString().slice(0, 10);
const START = day('2025-01-01');
const END = day('2026-11-28');
const someDay = (from = START, to = END) => int(from, to);
const plusYears = (date, years) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;

const first = ['Acme', 'Blue', 'Cedar', 'Delta', 'Ember', 'Fjord', 'Granite', 'Harbor', 'Iris', 'Juniper', 'Kestrel', 'Lumen', 'Maple', 'Nova', 'Orbit', 'Pine', 'Quartz', 'Riverside', 'Summit', 'Tidal'];
const second = ['Digital', 'Web', 'Labs', 'Studio', 'Systems', 'Works', 'Media', 'Partners', 'Collective', 'Solutions'];
const people = ['ana', 'ben', 'chen', 'dara', 'eli', 'fatima', 'gus', 'hana', 'ivan', 'jo', 'kai', 'lena', 'mo', 'nia'];
const managers = ['j.ortega', 's.kim', 'r.haddad', 'l.meyer'];
const customers = ['City Museum', 'Northport Council', 'Quayside Ltd', 'Green Valley Coop', 'Harbour Health', 'Westbrook School'];
const profile = ['developer', 'design', 'solution'];
const sales = ['sales-premium', 'sales-exponential-6', 'sales-newsletter'];

/** The kinds of partner a CRM holds, with how active each is. */
const archetypes = [
  { name: 'community', weight: 4 },
  { name: 'newcomer', weight: 2 },
  { name: 'integrator', weight: 3 },
  { name: 'agency', weight: 2 },
  { name: 'scale', weight: 1 },
];
function pickArchetype() {
  let n = random() * archetypes.reduce((s, a) => s + a.weight, 0);
  for (const a of archetypes) if ((n -= a.weight) < 0) return a.name;
  return archetypes[0].name;
}

function entriesFor(kind, joinedOn) {
  const entries = [];
  const add = (fields) => entries.push(fields);
  const from = Math.max(START, day(joinedOn));
  const knowledge = (count) => {
    for (let i = 0; i < count; i++) {
      const activity = pick(['forum-post', 'forum-post', 'forum-post', 'bug-report', 'article', 'tutorial', 'conference-talk']);
      const e = { type: 'activity', date: someDay(from), activity };
      if (activity === 'article') Object.assign(e, { words: int(500, 1500), floss: 'true' });
      if (activity === 'tutorial') e.words = int(1500, 4000);
      add(e);
    }
  };
  const revenue = (count, min, max) => {
    for (let i = 0; i < count; i++) {
      const e = { type: 'revenue', date: someDay(from), amount: `${int(min, max)}.${String(int(0, 99)).padStart(2, '0')}`, source: pick(['direct-sale', 'project-licensing', 'subscription']) };
      if (chance(0.5)) e['meta.customer'] = pick(customers);
      add(e);
    }
    if (count > 2 && chance(0.3)) add({ type: 'revenue', date: someDay(from), amount: `-${int(100, 900)}.00`, source: 'direct-sale', description: undefined });
  };
  const program = (count) => {
    for (let i = 0; i < count; i++) {
      const activity = pick(['pipeline-share', 'pipeline-share', 'customer-site', 'case-study', 'customer-reference', 'powered-by-badge', 'press-release', 'event-attendance', 'training-course', 'exponential-6-project', 'newsletter-project', 'premium-project']);
      const e = { type: 'activity', date: someDay(from), activity };
      if (activity === 'training-course') e.quantity = int(1, 4);
      if (activity === 'premium-project') e.points = 5000 + 100 * int(0, 40);
      if (activity === 'exponential-6-project' && chance(0.5)) e.points = 2500 + 100 * int(0, 20);
      add(e);
    }
  };
  const certifications = (profiles, saleCerts) => {
    const holders = [...people].sort(() => random() - 0.5);
    for (let i = 0; i < profiles + saleCerts; i++) {
      const certification = i < profiles ? profile[i % 3] : sales[(i - profiles) % 3];
      const date = iso(someDay(from - 400, END));
      add({ type: 'certification', date: day(date), holder: holders[i % holders.length], certification, expiresOn: iso(day(plusYears(date, 2)) - 1) });
    }
  };
  const time = (count) => {
    for (let i = 0; i < count; i++) {
      add({ type: 'time', date: someDay(from), minutes: 30 * int(1, 12), category: pick(['knowledge', 'program']), description: pick(['Campaign support', 'Feedback session', 'Testing marketing materials', 'Community support', 'Wiki documentation']) });
    }
  };

  switch (kind) {
    case 'community':
      knowledge(int(12, 40));
      time(int(2, 8));
      break;
    case 'newcomer':
      knowledge(int(3, 10));
      revenue(int(0, 2), 200, 900);
      add({ type: 'fee-payment', date: day(joinedOn) < START ? START : day(joinedOn), months: 12, amount: '540.00' });
      break;
    case 'integrator':
      knowledge(int(4, 12));
      revenue(int(3, 8), 600, 2400);
      program(int(4, 9));
      time(int(1, 4));
      break;
    case 'agency':
      knowledge(int(6, 14));
      revenue(int(5, 9), 1200, 3600);
      program(int(8, 14));
      certifications(int(1, 2), int(2, 4));
      break;
    case 'scale':
      knowledge(int(8, 20));
      revenue(int(8, 14), 2000, 5000);
      program(int(14, 24));
      certifications(int(2, 3), int(6, 9));
      add({ type: 'bonus', date: someDay(from), points: 100 * int(5, 20), reason: 'Strategic launch' });
      add({ type: 'special', date: someDay(from), points: 100 * int(3, 15), description: 'Translation of the admin UI' });
      break;
  }
  if (chance(0.15)) add({ type: 'adjustment', date: someDay(from), points: -10 * int(1, 10), reason: 'Duplicate forum post' });
  // A few entries still awaiting approval, or refused.
  for (const e of entries) if (chance(0.04)) e.status = chance(0.6) ? 'pending' : 'rejected';
  return entries.sort((a, b) => a.date - b.date);
}

const columns = [
  'partner_id', 'partner_name', 'partner_joinedOn', 'partner_meta.accountManager',
  'id', 'type', 'date', 'status', 'amount', 'source', 'activity', 'points', 'quantity', 'words', 'floss',
  'minutes', 'category', 'description', 'holder', 'certification', 'expiresOn', 'reason', 'months', 'meta.customer',
];
const cell = (value) => {
  const text = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

const lines = [columns.join(',')];
const names = new Set();
for (let p = 1; p <= PARTNERS; p++) {
  let name;
  do name = `${pick(first)} ${pick(second)}`;
  while (names.has(name));
  names.add(name);
  const kind = pickArchetype();
  const joinedOn = kind === 'newcomer' ? iso(someDay(day('2025-06-01'), day('2026-09-30'))) : iso(someDay(day('2018-01-01'), day('2025-05-31')));
  const partner = { partner_id: `p${String(p).padStart(3, '0')}`, partner_name: name, partner_joinedOn: joinedOn, 'partner_meta.accountManager': pick(managers) };
  const entries = entriesFor(kind, joinedOn);
  if (entries.length === 0) lines.push(columns.map((c) => cell(partner[c])).join(','));
  entries.forEach((entry, i) => {
    // Partner columns repeat on every row, as CRM exports do.
    const row = { ...partner, ...entry, id: `${partner.partner_id}-${String(i + 1).padStart(3, '0')}`, date: iso(entry.date) };
    lines.push(columns.map((c) => cell(row[c])).join(','));
  });
}
const csv = `${lines.join('\n')}\n`;

if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== csv) {
    console.error('examples/csv/crm-export.csv differs from what generate.mjs produces: run node examples/csv/generate.mjs');
    process.exit(1);
  }
  console.log(`examples/csv/crm-export.csv is up to date (${PARTNERS} partners, ${lines.length - 1} rows)`);
} else {
  writeFileSync(target, csv);
  console.log(`wrote examples/csv/crm-export.csv: ${PARTNERS} partners, ${lines.length - 1} rows`);
}
