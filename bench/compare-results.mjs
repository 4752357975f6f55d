/**
 * Before/after check of issue #13 ("Stays"): every public result is byte-identical
 * JSON between two builds of the package, apart from planUpgrade's `entries` and
 * `steps` (and the plan steps a partner statement lists, which are those steps).
 *
 *   node bench/compare-results.mjs [--before=/tmp/before/dist] [--after=dist] [--count=1000] [--show=5]
 *
 * Both builds' index.js are imported side by side and given the same inputs: every
 * ledger under examples/ (valid and invalid), then `--count` seeds of
 * bench/generate.mjs, each with mutated variants that exercise the edge rules
 * and invalid variants whose issue lists must match. For every case the two
 * results (or the thrown ValidationError's `issues` and message) are compared
 * by `JSON.stringify`, byte for byte. Exit code 1 on any difference.
 * Not part of `npm test`: it needs the "before" build (see docs/performance.md).
 * Prefix `TZ=Pacific/Kiritimati` (or any zone) to check that no result depends on the host zone.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateLedger, mulberry32 } from './generate.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const match = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (match === null) throw new Error(`unknown argument ${arg}`);
    return [match[1], match[2] ?? 'true'];
  }),
);
const beforeDir = resolve(args.before ?? '/tmp/before/dist');
const afterDir = resolve(root, args.after ?? 'dist');
const COUNT = Number(args.count ?? 1000);
const SHOW = Number(args.show ?? 5);

const before = await import(pathToFileURL(join(beforeDir, 'index.js')).href);
const after = await import(pathToFileURL(join(afterDir, 'index.js')).href);
const builds = [before, after];

// ---------------------------------------------------------------- comparing

/** Per function: cases compared, differences, and exempt differences (plans' entries and steps). */
const stats = new Map();
const differences = [];
let totalCases = 0;

function statOf(fn) {
  let s = stats.get(fn);
  if (s === undefined) stats.set(fn, (s = { cases: 0, diffs: 0, exempt: 0, threw: 0, ms: 0 }));
  return s;
}

/** The JSON of a result, or of what was thrown (a ValidationError by its issues and message). */
function outcome(lib, run) {
  try {
    const value = run(lib);
    const json = JSON.stringify(value);
    return json === undefined ? 'undefined' : json;
  } catch (error) {
    if (error instanceof lib.ValidationError) return JSON.stringify({ threw: 'ValidationError', issues: error.issues, message: error.message });
    return JSON.stringify({ threw: error?.name ?? typeof error, message: String(error?.message ?? error) });
  }
}

/** The first path at which two JSON values differ, with both values there (shortened). */
function firstDifference(a, b, path = '$') {
  if (Object.is(a, b)) return null;
  const kind = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  if (kind(a) !== kind(b) || typeof a !== 'object' || a === null) return { path, before: a, after: b };
  if (Array.isArray(a)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d !== null) return d;
    }
    return a.length === b.length ? null : { path: `${path}.length`, before: a.length, after: b.length };
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    if (ka[i] !== kb[i]) return { path: `${path} (key #${i})`, before: ka[i] ?? '(none)', after: kb[i] ?? '(none)' };
    const d = firstDifference(a[ka[i]], b[ka[i]], `${path}.${ka[i]}`);
    if (d !== null) return d;
  }
  return null;
}

const short = (v) => {
  const text = v === undefined ? 'undefined' : JSON.stringify(v);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
};

function record(fn, describe, jsonBefore, jsonAfter, note = '') {
  const s = statOf(fn);
  s.diffs++;
  // The first SHOW differences, and the first of every function (one fault can fill the first SHOW).
  if (differences.length < SHOW || s.diffs === 1) {
    let at;
    try {
      at = firstDifference(JSON.parse(jsonBefore), JSON.parse(jsonAfter));
    } catch {
      at = { path: '$', before: jsonBefore.slice(0, 80), after: jsonAfter.slice(0, 80) };
    }
    differences.push({ fn, describe: typeof describe === 'function' ? describe() : describe, note, at });
  }
}

/**
 * One case: `run(lib)` on both builds, compared byte for byte. `strip(value)`
 * removes what may change (the plans' entries and steps) before comparing;
 * what it removed is compared too, and counted as exempt when it differs.
 */
function check(fn, describe, run, strip) {
  const t0 = performance.now();
  compare(fn, describe, run, strip);
  statOf(fn).ms += performance.now() - t0;
}

function compare(fn, describe, run, strip) {
  totalCases++;
  const s = statOf(fn);
  s.cases++;
  if (strip === undefined) {
    const a = outcome(before, run);
    const b = outcome(after, run);
    if (a.startsWith('{"threw":')) s.threw++;
    if (a !== b) record(fn, describe, a, b);
    return;
  }
  const parts = builds.map((lib) => {
    let exempt = '';
    const kept = outcome(lib, (l) => {
      const value = run(l);
      const [rest, removed] = strip(value);
      exempt = JSON.stringify(removed) ?? '';
      return rest;
    });
    return { kept, exempt };
  });
  if (parts[0].kept.startsWith('{"threw":')) s.threw++;
  if (parts[0].kept !== parts[1].kept) record(fn, describe, parts[0].kept, parts[1].kept);
  else if (parts[0].exempt !== parts[1].exempt) s.exempt++;
}

const stripPlan = (plan) => {
  const { entries, steps, ...rest } = plan;
  return [rest, { entries, steps }];
};
/** A statement lists the plan's steps in its next-tier section: those may change with the plan. */
const stripStatementPlan = (doc) => {
  const removed = [];
  const sections = doc.sections.map((section) =>
    section.id !== 'next-tier'
      ? section
      : {
          ...section,
          blocks: section.blocks.map((block) => {
            if (block.kind !== 'list') return block;
            removed.push(block.items);
            return { ...block, items: '(plan steps)' };
          }),
        },
  );
  return [{ ...doc, sections }, removed];
};

// ---------------------------------------------------------------- dates

const DAY = 86_400_000;
const ms = (date) => Date.parse(`${String(date).slice(0, 10)}T00:00:00Z`);
const iso = (t) => (Number.isNaN(t) ? 'not-a-date' : new Date(t).toISOString().slice(0, 10));
const addDays = (date, n) => iso(ms(date) + n * DAY);
/** The last day of the month `n` months from `date`'s. */
/** UTC midnight of y-m-d (m from 0, may overflow); setUTCFullYear keeps years 0–99 (Date.UTC maps them to 19xx). */
function utc(y, m, d) {
  const date = new Date(0);
  date.setUTCFullYear(y, m, d);
  return date.getTime();
}
function monthEnd(date, n = 0) {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + n;
  return iso(utc(y, m + 1, 0));
}
function monthStart(date, n = 0) {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + n;
  return iso(utc(y, m, 1));
}
/**
 * Dates moved by whole years, leap years onto leap years (no century year lies
 * between): -2016 puts the generated ledgers in years 3–13, +7968 in 9987–9997.
 */
const shiftYears = (by) => (date) =>
  typeof date === 'string' && /^\d{4}-/.test(date) ? `${String(Number(date.slice(0, 4)) + by).padStart(4, '0')}${date.slice(4)}` : date;
function shiftLedger(raw, mapDate) {
  raw.partner.joinedOn = mapDate(raw.partner.joinedOn);
  for (const entry of raw.entries) {
    entry.date = mapDate(entry.date);
    if (entry.expiresOn !== undefined) entry.expiresOn = mapDate(entry.expiresOn);
  }
  return raw;
}

// ---------------------------------------------------------------- programs

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
function jsonFilesUnder(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...jsonFilesUnder(path));
    else if (name.endsWith('.json')) out.push(path);
  }
  return out;
}

const reformFile = join(root, 'examples/programs/exponential-2027.json');
const reformDefinition = readJson(reformFile);
/** A defineProgram variant: "what if Silver needed 25,000 and Basic 4,500?", with a second, dated version. */
function variantDefinition(lib) {
  const definition = JSON.parse(JSON.stringify(lib.exponentialProgram));
  definition.id = 'exponential-variant';
  const v0 = definition.versions[0];
  const v1 = JSON.parse(JSON.stringify(v0));
  v1.version = '2026.2';
  v1.effectiveFrom = '2026-03-01';
  v1.tiers[4].points = 25000;
  v1.tiers[2].points = 4500;
  definition.versions.push(v1);
  return definition;
}
/** Per build: its own program objects (the same definitions), so neither build sees the other's. */
const programsOf = new Map(
  builds.map((lib) => [
    lib,
    {
      exponential: lib.exponentialProgram,
      reform: lib.defineProgram(JSON.parse(JSON.stringify(reformDefinition))),
      variant: lib.defineProgram(variantDefinition(lib)),
    },
  ]),
);
const program = (lib, name) => programsOf.get(lib)[name];
const PROGRAMS = ['exponential', 'reform', 'variant'];

// ---------------------------------------------------------------- ledgers

const JOINS = ['2024-09-15', '2020-02-29', '2024-02-29', '2025-01-31', '2025-08-31', '2026-03-31', '2026-06-15', '2027-01-15', '2019-12-31', '2025-12-01', '2023-03-01'];
const AS_OFS = ['2026-06-30', '2026-03-31', '2026-02-28', '2026-06-15', '2025-12-31', '2026-09-30', '2024-02-29', '2028-02-29', '2026-12-31', '2025-06-01', '2027-01-31'];
const WINDOWS = ['rolling-12-months', 'calendar-year', 'partnership-year'];
const POLICIES = ['highest-met', 'one-step-up', { graceReviews: 2 }];
const TARGETS = ['now', 'basic', 'professional', 'silver', 'gold', 'platinum'];
const OFFSETS = ['T23:30:00-05:00', 'T00:15:00+02:00', 'T12:00:00Z', 'T23:59:59.999Z', 'T00:00:00+14:00', 'T22:00:00-12:00'];

const clone = (value) => JSON.parse(JSON.stringify(value));

/** Valid mutations: each takes a raw ledger (a copy) and a seeded `rnd`, and edits it in place. */
const MUTATIONS = {
  unsorted(l, rnd) {
    const e = l.entries;
    for (let i = e.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [e[i], e[j]] = [e[j], e[i]];
    }
  },
  statuses(l, rnd) {
    for (const entry of l.entries) {
      const r = rnd();
      if (r < 0.25) entry.status = 'pending';
      else if (r < 0.45) entry.status = 'rejected';
      else if (r < 0.6) entry.status = 'approved';
      else if (r < 0.7) delete entry.status;
    }
  },
  duplicateCertifications(l, rnd) {
    const certs = l.entries.filter((e) => e.type === 'certification');
    const n = l.entries.length;
    if (certs.length === 0) certs.push({ id: 'c0', type: 'certification', date: '2026-01-10', holder: 'person-1', certification: 'developer' });
    certs.forEach((c, k) => {
      for (const shift of [0, 30, -200]) {
        const twin = { ...c, id: `dup-${k}-${shift}`, date: addDays(c.date, shift) };
        if (rnd() < 0.3) delete twin.expiresOn;
        else if (rnd() < 0.5) twin.expiresOn = addDays(twin.date, 400);
        l.entries.splice(Math.floor(rnd() * (n + 1)), 0, twin);
      }
    });
  },
  expiringCertifications(l, rnd) {
    const around = ['2026-06-29', '2026-06-30', '2026-07-01', '2026-07-31', '2026-03-31', '2026-02-28', '2024-02-29', '2026-12-31'];
    const list = l.entries.filter((e) => e.type === 'certification');
    for (let k = 0; k < 4; k++) list.push({ id: `xc${k}`, type: 'certification', date: '2025-11-05', holder: `exp-${k % 2}`, certification: k % 2 === 0 ? 'developer' : 'sales-premium' });
    for (const c of list) {
      const expires = around[Math.floor(rnd() * around.length)];
      if (ms(expires) >= ms(c.date)) c.expiresOn = expires;
    }
    for (const c of list.filter((c) => c.id.startsWith('xc'))) l.entries.push(c);
  },
  refunds(l, rnd) {
    for (let k = 0; k < 5; k++) l.entries.push({ id: `refund-${k}`, type: 'revenue', date: ['2026-01-15', '2026-05-31', '2025-08-01', '2026-06-30', '2026-02-28'][k], amount: `-${(20000 + Math.floor(rnd() * 90000)).toFixed(0)}.${String(Math.floor(rnd() * 100)).padStart(2, '0')}`, source: 'direct-sale' });
  },
  negativeAdjustments(l, rnd) {
    l.entries.push({ id: 'adj-big', type: 'adjustment', date: '2026-04-01', points: -(50_000 + Math.floor(rnd() * 900_000)), reason: 'clawback' });
    l.entries.push({ id: 'adj-small', type: 'adjustment', date: '2025-07-01', points: -2500, reason: 'correction' });
    l.entries.push({ id: 'adj-late', type: 'adjustment', date: '2026-08-01', points: 700, reason: 'late credit' });
  },
  afterAsOf(l, rnd) {
    const dates = ['2026-07-01', '2026-07-31', '2026-12-31', '2027-02-28', '2028-02-29', '2019-01-01'];
    dates.forEach((date, k) => {
      l.entries.push({ id: `late-${k}`, type: 'activity', date, activity: k % 2 === 0 ? 'event-attendance' : 'pipeline-share' });
      l.entries.push({ id: `late-r${k}`, type: 'revenue', date, amount: `${1000 + Math.floor(rnd() * 9000)}.00`, source: 'subscription' });
    });
  },
  timestamps(l, rnd) {
    for (const entry of l.entries) if (rnd() < 0.5) entry.date = `${entry.date}${OFFSETS[Math.floor(rnd() * OFFSETS.length)]}`;
    l.entries.push({ id: 'ts-1', type: 'revenue', date: '2026-03-31T23:30:00-05:00', amount: '999.99', source: 'direct-sale' });
    l.entries.push({ id: 'ts-2', type: 'activity', date: '2026-06-30T23:30:00-05:00', activity: 'event-attendance' });
    l.entries.push({ id: 'ts-3', type: 'time', date: '2025-12-31T22:00:00-03:00', minutes: 120, category: 'program' });
    l.entries.push({ id: 'ts-4', type: 'activity', date: '2024-02-29T23:00:00-02:00', activity: 'forum-post' });
  },
  numberAmounts(l, rnd) {
    for (const entry of l.entries) if ('amount' in entry && rnd() < 0.7) entry.amount = Number(entry.amount);
    l.entries.push({ id: 'num-1', type: 'revenue', date: '2026-05-05', amount: 1200.5, source: 'direct-sale' });
    l.entries.push({ id: 'num-2', type: 'revenue', date: '2026-05-06', amount: 0.1, source: 'direct-sale' });
    l.entries.push({ id: 'num-3', type: 'revenue', date: '2026-05-07', amount: -75, source: 'subscription' });
    l.entries.push({ id: 'num-4', type: 'fee-payment', date: '2026-01-02', months: 12, amount: 540 });
  },
  monthlyLimit(l, rnd) {
    for (let k = 0; k < 12; k++) l.entries.push({ id: `ps-${k}`, type: 'activity', date: `2026-0${1 + (k % 3)}-${String(1 + k).padStart(2, '0')}`, activity: k % 4 === 0 ? 'forum-post' : 'pipeline-share', ...(rnd() < 0.2 ? { status: 'pending' } : {}) });
  },
  mixed(l, rnd) {
    MUTATIONS.statuses(l, rnd);
    MUTATIONS.timestamps(l, rnd);
    MUTATIONS.numberAmounts(l, rnd);
    MUTATIONS.duplicateCertifications(l, rnd);
    MUTATIONS.unsorted(l, rnd);
  },
};
const MUTATION_NAMES = Object.keys(MUTATIONS);

/** Invalid mutations: the issue lists (paths, codes, messages, order) must be identical. */
const INVALID = {
  badDates(l, rnd) {
    const bad = ['2026-02-30', '2026-13-01', '2026/03/01', '2026-3-1', '2025-02-29', '2026-06-31T10:00:00Z', '2026-06-30T25:00:00Z', '2026-06-30T10:00:00', '0000-01-01', 20260101, ''];
    for (let k = 0; k < 4 && l.entries.length > 0; k++) l.entries[Math.floor(rnd() * l.entries.length)].date = bad[Math.floor(rnd() * bad.length)];
    if (l.entries.length === 0 || rnd() < 0.3) l.partner.joinedOn = bad[Math.floor(rnd() * bad.length)];
  },
  unknownActivity(l, rnd) {
    l.entries.push({ id: 'ua-1', type: 'activity', date: '2026-04-01', activity: 'forum-posting' });
    l.entries.push({ id: 'ua-2', type: 'certification', date: '2026-04-01', holder: 'x', certification: 'wizard' });
    l.entries.push({ id: 'ua-3', type: 'teleport', date: '2026-04-01' });
    l.entries.push({ id: 'ua-4', type: 'revenue', date: '2026-04-01', amount: '10.00', source: 'barter' });
  },
  duplicateIds(l, rnd) {
    const n = l.entries.length;
    for (let k = 0; k < 3 && n > 0; k++) l.entries.push({ ...l.entries[Math.floor(rnd() * n)] });
    l.entries.push({ id: 'dup', type: 'activity', date: '2026-01-01', activity: 'forum-post' }, { id: 'dup', type: 'activity', date: '2026-01-02', activity: 'forum-post' });
    l.entries.push({ id: 'rel', type: 'bonus', date: '2026-01-03', points: 100, reason: 'x', relatesTo: 'nowhere' });
  },
  wrongTypes(l, rnd) {
    l.entries.push({ id: 'wt-1', type: 'time', date: '2026-02-01', minutes: '60', category: 'program' });
    l.entries.push({ id: 'wt-2', type: 'revenue', date: '2026-02-01', amount: { value: 5 }, source: 'direct-sale' });
    l.entries.push({ id: 'wt-3', type: 'bonus', date: '2026-02-01', points: 12.5, reason: 7 });
    l.entries.push({ id: 42, type: 'activity', date: '2026-02-01', activity: 'forum-post', status: 'maybe' });
    l.entries.push({ id: 'wt-5', type: 'revenue', date: '2026-02-01', amount: '1,200.00', source: 'direct-sale' });
    l.entries.push({ id: 'wt-6', type: 'revenue', date: '2026-02-01', amount: '12.345', source: 'direct-sale' });
    l.entries.push({ id: 'wt-7', type: 'revenue', date: '2026-02-01', amount: Number.NaN, source: 'direct-sale' });
    l.entries.push({ id: 'wt-8', type: 'fee-payment', date: '2026-02-01', months: 5, amount: '225.00' });
    l.entries.push({ id: 'wt-9', type: 'activity', date: '2026-02-01', activity: 'article', words: -3, floss: 'yes' });
    l.entries.push({ id: 'wt-10', type: 'certification', date: '2026-02-01', holder: 'ana', certification: 'developer', expiresOn: '2025-01-01' });
    if (rnd() < 0.5) l.entries.push(null, 'entry', 7);
  },
  missingFields(l, rnd) {
    l.entries.push({ id: 'mf-1', type: 'certification', date: '2026-02-01', certification: 'developer' });
    l.entries.push({ id: 'mf-2', type: 'revenue', date: '2026-02-01', amount: '10.00' });
    l.entries.push({ id: 'mf-3', type: 'activity', date: '2026-02-01' });
    l.entries.push({ type: 'activity', date: '2026-02-01', activity: 'forum-post' });
    l.entries.push({ id: 'mf-5', type: 'time', minutes: 30, category: 'knowledge' });
    if (rnd() < 0.5) delete l.partner.joinedOn;
    else delete l.partner.id;
  },
  extraKeys(l, rnd) {
    l.entries.push({ id: 'ek-1', type: 'activity', date: '2026-02-01', activity: 'forum-post', note: 'should be in meta' });
    l.extra = true;
    l.partner.tier = 'gold';
    if (l.entries.length > 0) l.entries[Math.floor(rnd() * l.entries.length)].colour = 'blue';
  },
  shape(l, rnd) {
    const shapes = [() => (l.entries = 'none'), () => (l.entries = null), () => delete l.entries, () => (l.partner = 'acme'), () => delete l.partner];
    shapes[Math.floor(rnd() * shapes.length)]();
  },
  manyIssues(l) {
    // Past MAX_ISSUES (1,000): one too-many-issues issue counts the rest.
    for (let k = 0; k < 1100; k++) l.entries.push({ id: `mi-${k}`, type: 'activity', date: '2026-02-30', activity: 'nope' });
  },
};
const INVALID_NAMES = Object.keys(INVALID);

// ---------------------------------------------------------------- the cases of one ledger

/** The build's own parsed ledger (raw input when it does not parse: the calls then throw its issues). */
function parsedBy(lib, raw) {
  const result = lib.parseLedger(raw);
  return result.ok ? result.ledger : raw;
}

/**
 * Every case of one ledger. `raws` holds one copy of the raw input per build
 * (a build that changed its input would not spoil the other's).
 * `level`: 'full' (small ledgers), 'lite' (large ledgers), 'invalid'.
 */
function ledgerCases(label, raw, seed, level, { mutated = false, mapDate = (date) => date, dates } = {}) {
  const rnd = mulberry32(seed * 7919 + 13);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const raws = new Map(builds.map((lib) => [lib, clone(raw)]));
  const rawOf = (lib) => raws.get(lib);
  const parsedCache = new Map();
  const parsed = (lib) => {
    let p = parsedCache.get(lib);
    if (p === undefined) parsedCache.set(lib, (p = parsedBy(lib, rawOf(lib))));
    return p;
  };
  const d = (what) => () => `${label} ${what}`;

  check('parseLedger', d('parseLedger()'), (lib) => lib.parseLedger(rawOf(lib)));
  if (seed % 5 === 0) check('parseLedger', d('parseLedger(program: reform)'), (lib) => lib.parseLedger(rawOf(lib), { program: program(lib, 'reform') }));

  const joined = raw?.partner?.joinedOn;
  const joinedOn = typeof joined === 'string' && /^\d{4}-\d\d-\d\d$/.test(joined) && !Number.isNaN(ms(joined)) && iso(ms(joined)) === joined ? joined : '2024-09-15';
  const asOfs = dates !== undefined ? [...dates] : [mapDate(pick(AS_OFS)), mapDate(pick(AS_OFS)), joinedOn, addDays(joinedOn, -1)];
  if (level === 'lite') asOfs.length = 2;
  else if (mutated && dates === undefined) asOfs.splice(1, 2);

  if (level === 'invalid') {
    const asOf = asOfs[0];
    check('evaluate', d(`evaluate(raw, ${asOf})`), (lib) => lib.evaluate(rawOf(lib), { asOf }));
    check('reviewTimeline', d(`reviewTimeline(raw, 13 months to ${asOf})`), (lib) => lib.reviewTimeline(rawOf(lib), { from: monthStart(asOf, -12), to: monthEnd(asOf) }));
    check('planUpgrade', d(`planUpgrade(raw, ${asOf})`), (lib) => lib.planUpgrade(rawOf(lib), { asOf }), stripPlan);
    if (seed % 3 === 0) check('partnerStatement', d(`partnerStatement(raw, ${asOf})`), (lib) => lib.partnerStatement(rawOf(lib), { asOf }), stripStatementPlan);
    return;
  }

  // evaluate: raw input and parsed ledger, every window, several dates; the parsed one twice.
  check('evaluate', d(`evaluate(raw, ${asOfs[0]})`), (lib) => lib.evaluate(rawOf(lib), { asOf: asOfs[0] }));
  check('evaluate', d(`evaluate(parsed, ${asOfs[0]}) twice`), (lib) => {
    const first = JSON.stringify(lib.evaluate(parsed(lib), { asOf: asOfs[0] }));
    const second = JSON.stringify(lib.evaluate(parsed(lib), { asOf: asOfs[0] }));
    return first === second ? JSON.parse(first) : { repeatedEvaluationDiffers: true, first: JSON.parse(first), second: JSON.parse(second) };
  });
  const evaluations = [];
  for (const asOf of asOfs) {
    for (const window of WINDOWS) {
      check('evaluate', d(`evaluate(parsed, ${asOf}, ${window})`), (lib) => lib.evaluate(parsed(lib), { asOf, window }));
      if (window === WINDOWS[evaluations.length % 3] && evaluations.length < 3) evaluations.push({ asOf, window });
    }
  }
  if (level === 'full' && seed % 4 === 0) {
    const asOf = pick(asOfs);
    check('evaluate', d(`evaluate(parsed, ${asOf}, program: variant)`), (lib) => lib.evaluate(parsed(lib), { asOf, program: program(lib, 'variant') }));
    check('evaluate', d(`evaluate(raw, ${asOf}T23:30:00-05:00)`), (lib) => lib.evaluate(rawOf(lib), { asOf: `${asOf}T23:30:00-05:00` }));
  }

  // explainEvaluation of those evaluations, text and Markdown.
  evaluations.forEach(({ asOf, window }, k) => {
    const format = k % 2 === 0 ? 'text' : 'markdown';
    check('explainEvaluation', d(`explainEvaluation(evaluate(${asOf}, ${window}), ${format})`), (lib) => lib.explainEvaluation(lib.evaluate(parsed(lib), { asOf, window }), { format }));
  });

  // reviewTimeline: 13 and 25 months, each policy (large ledgers: 13 months, one policy).
  const asOf = asOfs[0];
  const spans = level === 'lite' ? [[monthStart(asOf, -12), monthEnd(asOf)]] : [[monthStart(asOf, -12), monthEnd(asOf)], [monthStart(asOf, -12), monthEnd(asOf, 12)]];
  const policies = level === 'lite' || mutated ? [POLICIES[seed % 3]] : POLICIES;
  for (const [from, to] of spans) {
    for (const policy of policies) {
      const window = WINDOWS[(seed + POLICIES.indexOf(policy)) % 3];
      check('reviewTimeline', d(`reviewTimeline(parsed, ${from}..${to}, ${JSON.stringify(policy)}, ${window})`), (lib) => lib.reviewTimeline(parsed(lib), { from, to, policy, window }));
    }
  }
  if (level === 'full' && seed % 3 === 0) {
    const from = addDays(joinedOn, -40);
    const to = addDays(joinedOn, 400);
    check('reviewTimeline', d(`reviewTimeline(raw, ${from}..${to} around the join date)`), (lib) => lib.reviewTimeline(rawOf(lib), { from, to }));
  }

  // planUpgrade with and without target/by: everything but entries and steps.
  const planOptions = [
    () => ({ asOf: pick(asOfs) }),
    () => ({ asOf: pick(asOfs), target: pick(TARGETS) }),
    () => {
      const a = pick(asOfs);
      return { asOf: a, target: pick(TARGETS), by: monthEnd(a, 1 + Math.floor(rnd() * 5)), window: pick(WINDOWS) };
    },
    () => {
      const a = pick(asOfs);
      return { asOf: a, by: addDays(a, 45) };
    },
    () => ({ asOf: pick(asOfs), target: 'platinum', prefer: ['tutorial', 'forum-post'] }),
    () => {
      const a = pick(asOfs);
      return { asOf: a, by: addDays(a, -1) };
    },
  ];
  // Plans cost the most (the before build parses the ledger per candidate): one per base ledger, one on every third variant.
  const plans = !mutated || seed % 3 === 0 ? [planOptions[seed % planOptions.length]] : [];
  for (const make of plans) {
    const opts = make();
    check('planUpgrade', d(`planUpgrade(parsed, ${JSON.stringify(opts)})`), (lib) => lib.planUpgrade(parsed(lib), opts), stripPlan);
  }

  // A parsed ledger spread with one more entry is new input (parsed again).
  if (level === 'full' && seed % 5 === 2) {
    const a = asOfs[0];
    const more = { id: 'spread-extra', type: 'activity', date: a, activity: 'event-attendance' };
    check('evaluate', d(`evaluate({ ...parsed, entries: [...entries, one more] }, ${a})`), (lib) => {
      const ledger = parsed(lib);
      return lib.evaluate({ ...ledger, entries: [...ledger.entries, more] }, { asOf: a });
    });
  }

  // A sequence on one parsed ledger: whatever plan and timeline prepare must not change a later evaluate.
  if (seed % 6 === 1) {
    const a = asOfs[1];
    check('evaluate', d(`evaluate(parsed, ${a}) after planUpgrade and reviewTimeline`), (lib) => {
      const ledger = parsed(lib);
      lib.planUpgrade(ledger, { asOf: a, target: 'gold' });
      lib.reviewTimeline(ledger, { from: monthStart(a, -3), to: monthEnd(a, 3) });
      return lib.evaluate(ledger, { asOf: a });
    });
  }

  // partnerStatement: a share of the ledgers (it plans twice and reviews 12 months).
  if ((level === 'full' && seed % 6 === 0) || (level === 'lite' && seed % 3 === 0)) {
    const a = pick(asOfs);
    const window = pick(WINDOWS);
    check('partnerStatement', d(`partnerStatement(parsed, ${a}, ${window})`), (lib) => lib.partnerStatement(parsed(lib), { asOf: a, window }), stripStatementPlan);
  }

  // The raw input is left as it was.
  check('input unchanged', d('raw input after every call'), (lib) => JSON.stringify(rawOf(lib)) === JSON.stringify(raw));
}

// ---------------------------------------------------------------- run

const started = performance.now();

// Option errors and the program functions (few cases, every build).
{
  const sample = readJson(join(root, 'examples/ledgers/silver-agency.json'));
  const optionCases = [
    { asOf: '2026-02-30' },
    { asOf: '' },
    {},
    { asOf: '2026-06-30', window: 'weekly' },
    { asOf: '2026-06-30', program: { id: 'x' } },
    { asOf: '0001-01-01' },
    { asOf: '9999-12-31' },
    { asOf: '2026-06-30T23:30:00-05:00' },
  ];
  for (const opts of optionCases) check('evaluate', `option ${JSON.stringify(opts)}`, (lib) => lib.evaluate(sample, opts));
  check('evaluate', 'no options', (lib) => lib.evaluate(sample));
  const timelineCases = [{ from: '2026-06-30', to: '2026-01-01' }, { from: '2026-02-30', to: '2026-06-30' }, { from: '2026-01-01', to: '2026-06-30', policy: 'sometimes' }, { from: '2026-01-01', to: '2026-06-30', policy: { graceReviews: 0 } }, { from: '2026-01-15', to: '2026-01-20' }, { from: '0001-01-01', to: '0001-03-31' }];
  for (const opts of timelineCases) check('reviewTimeline', `option ${JSON.stringify(opts)}`, (lib) => lib.reviewTimeline(sample, opts));
  const planCases = [{ asOf: '2026-06-30', target: 'diamond' }, { asOf: '2026-06-30', by: '2026-02-30' }, { asOf: '2026-06-30', prefer: ['nope'] }, { asOf: '2026-06-30', target: 'now' }, { asOf: '2026-06-30', by: '9999-12-31' }, { asOf: '2026-06-30', target: 'platinum', by: '2026-06-30' }];
  for (const opts of planCases) check('planUpgrade', `option ${JSON.stringify(opts)}`, (lib) => lib.planUpgrade(sample, opts), stripPlan);
  check('explainEvaluation', 'not an evaluation', (lib) => lib.explainEvaluation({ tier: 'gold' }));
  check('explainEvaluation', 'format html', (lib) => lib.explainEvaluation(lib.evaluate(sample, { asOf: '2026-06-30' }), { format: 'html' }));
  check('partnerStatement', 'option asOf 2026-13-01', (lib) => lib.partnerStatement(sample, { asOf: '2026-13-01' }));

  const dates = ['2026-06-30', '2026-02-28', '2024-02-29', '2026-12-31', '2000-01-01', '1999-06-30', '2027-01-01', '2027-06-15'];
  for (const name of PROGRAMS) {
    check('describeProgram', `describeProgram(${name})`, (lib) => lib.describeProgram(program(lib, name)));
    for (const asOf of dates) {
      check('describeProgram', `describeProgram(${name}, asOf ${asOf})`, (lib) => lib.describeProgram(program(lib, name), { asOf }));
      check('programOverview', `programOverview(${name}, ${asOf})`, (lib) => lib.programOverview(program(lib, name), { asOf }));
    }
    for (const version of ['2014.1', '2026.2', '2027.1', 'nope']) check('describeProgram', `describeProgram(${name}, version ${version})`, (lib) => lib.describeProgram(program(lib, name), { version }));
  }
  check('describeProgram', 'describeProgram(definition)', (lib) => lib.describeProgram(clone(reformDefinition)));
  check('describeProgram', 'describeProgram(invalid)', (lib) => lib.describeProgram({ id: 'x', versions: [] }));
  check('programOverview', 'programOverview(invalid date)', (lib) => lib.programOverview(lib.exponentialProgram, { asOf: '2026-02-29' }));
  for (const [a, b] of [['exponential', 'reform'], ['exponential', 'variant'], ['variant', 'reform']]) {
    for (const asOf of [undefined, '2026-06-30', '2027-02-01']) check('diffPrograms', `diffPrograms(${a}, ${b}, ${asOf})`, (lib) => lib.diffPrograms(program(lib, a), program(lib, b), asOf === undefined ? undefined : { asOf }));
  }
  for (const kind of ['ledger', 'program', 'nope']) check('generateJsonSchema', `generateJsonSchema(${kind})`, (lib) => lib.generateJsonSchema(kind));
  check('constants', 'export names', (lib) => Object.keys(lib).sort());
  for (const name of PROGRAMS) {
    check('renderMarkdown', `renderMarkdown(programOverview(${name}))`, (lib) => lib.renderMarkdown(lib.programOverview(program(lib, name), { asOf: '2026-06-30' })));
    check('renderHtml', `renderHtml(programOverview(${name}))`, (lib) => lib.renderHtml(lib.programOverview(program(lib, name), { asOf: '2026-06-30' })));
  }
  for (const name of ['exponentialProgram', 'activities', 'tiers', 'certifications', 'feePolicy', 'rules', 'issueCodes', 'windowKinds']) check('constants', name, (lib) => lib[name]);
  for (const date of ['2026-06-30', '2024-02-29', '2026-01-01', '2026-12-31']) {
    for (const kind of WINDOWS) {
      for (const joinedOn of [undefined, '2020-02-29', '2025-08-31']) {
        check('reviewWindow', `reviewWindow(${date}, ${kind}, ${joinedOn})`, (lib) => lib.reviewWindow(date, kind, joinedOn));
        check('leavesWindowOn', `leavesWindowOn(${date}, ${kind}, ${joinedOn})`, (lib) => lib.leavesWindowOn(date, kind, joinedOn));
      }
    }
  }
}

// The ends of the calendar (0001-01-01 … 9999-12-31), where the date code was rewritten.
{
  const first = {
    partner: { id: 'first', joinedOn: '0001-01-01' },
    entries: [
      { id: 'a1', type: 'activity', date: '0001-01-01', activity: 'event-attendance' },
      { id: 'r1', type: 'revenue', date: '0001-02-28', amount: '7300.00', source: 'direct-sale' },
      { id: 'c1', type: 'certification', date: '0001-03-01', holder: 'ana', certification: 'developer', expiresOn: '0002-02-28' },
      { id: 'c2', type: 'certification', date: '0001-03-01T23:30:00-05:00', holder: 'ana', certification: 'sales-premium' },
      { id: 't1', type: 'time', date: '0001-12-31', minutes: 600, category: 'program' },
      { id: 'f1', type: 'fee-payment', date: '0001-01-15', months: 12, amount: '540.00' },
      { id: 'p1', type: 'activity', date: '0004-02-29', activity: 'pipeline-share' },
      { id: 'x1', type: 'adjustment', date: '0002-01-01', points: -900, reason: 'correction' },
    ],
  };
  ledgerCases('calendar start (0001-01-01)', first, 11, 'full', { dates: ['0001-01-01', '0001-01-31', '0001-12-31', '0002-02-28', '0004-02-29'] });
  const last = {
    partner: { id: 'last', joinedOn: '9996-02-29' },
    entries: [
      { id: 'a1', type: 'activity', date: '9999-01-01', activity: 'event-attendance' },
      { id: 'r1', type: 'revenue', date: '9999-06-30', amount: '12000.00', source: 'direct-sale' },
      { id: 'c1', type: 'certification', date: '9998-03-01', holder: 'ana', certification: 'developer', expiresOn: '9999-12-31' },
      { id: 'c2', type: 'certification', date: '9999-12-31T23:30:00+05:00', holder: 'ben', certification: 'sales-premium' },
      { id: 't1', type: 'time', date: '9999-12-31', minutes: 240, category: 'knowledge' },
      { id: 'f1', type: 'fee-payment', date: '9999-03-01', months: 6, amount: '270.00' },
    ],
  };
  ledgerCases('calendar end (9999-12-31)', last, 12, 'full', { dates: ['9999-12-31', '9999-11-30', '9999-06-15', '9996-02-29', '9997-02-28'] });
}

// The sample ledgers, valid and invalid, with every function and the reform program.
const sampleFiles = [...jsonFilesUnder(join(root, 'examples/ledgers')), ...jsonFilesUnder(join(root, 'examples/programs/ledgers'))];
const samples = sampleFiles.map((file) => ({ label: relative(root, file), raw: readJson(file) }));
samples.forEach(({ label, raw }, k) => {
  const ok = before.parseLedger(raw).ok;
  ledgerCases(label, raw, 4 * k, ok ? 'full' : 'invalid');
  if (ok) {
    // Every sample gets a statement and each plan kind, whatever its seed picked.
    for (const asOf of ['2026-06-30', '2026-11-30', '2027-01-31']) {
      check('partnerStatement', `${label} partnerStatement(${asOf})`, (lib) => lib.partnerStatement(raw, { asOf }), stripStatementPlan);
      check('planUpgrade', `${label} planUpgrade(${asOf})`, (lib) => lib.planUpgrade(raw, { asOf }), stripPlan);
      for (const target of TARGETS) check('planUpgrade', `${label} planUpgrade(${asOf}, ${target})`, (lib) => lib.planUpgrade(raw, { asOf, target, by: monthEnd(asOf, 2) }), stripPlan);
    }
  }
});
const validSamples = samples.filter((s) => before.parseLedger(s.raw).ok);
check('compareUnder', 'samples with the invalid ones', (lib) => lib.compareUnder(samples.map((s) => s.raw), { asOf: '2026-06-30', base: lib.exponentialProgram, candidate: program(lib, 'reform') }));
for (const asOf of ['2026-06-30', '2027-01-31', '2026-02-28']) {
  for (const candidate of ['reform', 'variant']) {
    for (const window of WINDOWS) {
      check('compareUnder', `samples compareUnder(exponential → ${candidate}, ${asOf}, ${window})`, (lib) =>
        lib.compareUnder(
          validSamples.map((s) => s.raw),
          { asOf, base: program(lib, 'exponential'), candidate: program(lib, candidate), window },
        ),
      );
    }
  }
}
check('compareUnder', 'options: missing candidate', (lib) => lib.compareUnder([samples[0].raw], { asOf: '2026-06-30', base: lib.exponentialProgram }));
check('compareUnder', 'options: bad asOf, not an array', (lib) => lib.compareUnder('ledgers', { asOf: '2026-02-30', base: lib.exponentialProgram, candidate: lib.exponentialProgram }));

// The generated ledgers.
let group = [];
for (let seed = 1; seed <= COUNT; seed++) {
  const rnd = mulberry32(seed * 104729 + 7);
  const big = seed % 50 === 0;
  const size = big ? 1000 + Math.floor(rnd() * 4001) : seed % 97 === 0 ? 0 : Math.floor(rnd() * 401);
  const raw = generateLedger(size, seed);
  raw.partner.joinedOn = JOINS[seed % JOINS.length];
  if (seed % 7 === 0) delete raw.partner.name;
  const level = big ? 'lite' : 'full';
  ledgerCases(`seed ${seed} (${size} entries, joined ${raw.partner.joinedOn})`, raw, seed, level);

  const kinds = big ? [MUTATION_NAMES[seed % MUTATION_NAMES.length]] : [MUTATION_NAMES[seed % MUTATION_NAMES.length], MUTATION_NAMES[(seed * 7 + 3) % MUTATION_NAMES.length]];
  for (const kind of new Set(kinds)) {
    const variant = clone(raw);
    MUTATIONS[kind](variant, mulberry32(seed * 31 + kind.length));
    ledgerCases(`seed ${seed} (${size} entries, joined ${raw.partner.joinedOn}) mutated: ${kind}`, variant, seed + 17, big ? 'lite' : 'full', { mutated: true });
    // Years 1–99 and 99xx: the calendar code's edge (Date.UTC maps years 0–99 to 19xx).
    if (seed % 20 === 3 || seed % 20 === 13) {
      const by = seed % 20 === 3 ? -2016 : 7968;
      const mapDate = shiftYears(by);
      ledgerCases(`seed ${seed} (${size} entries) mutated: ${kind}, years ${by > 0 ? '+' : ''}${by}`, shiftLedger(clone(variant), mapDate), seed + 29, big ? 'lite' : 'full', { mutated: true, mapDate });
    }
    if (group.length < 8) group.push(variant);
  }
  const invalidKind = INVALID_NAMES[seed % INVALID_NAMES.length];
  const invalid = clone(raw);
  INVALID[invalidKind](invalid, mulberry32(seed * 13 + 5));
  ledgerCases(`seed ${seed} (${size} entries) invalid: ${invalidKind}`, invalid, seed, 'invalid');

  if (!big) group.push(raw);
  if (seed % 25 === 0 && invalidKind !== 'manyIssues') group.push(invalid);
  if (group.length >= 10) {
    const asOf = AS_OFS[seed % AS_OFS.length];
    const candidate = seed % 2 === 0 ? 'reform' : 'variant';
    const window = WINDOWS[seed % 3];
    const ledgers = group;
    check('compareUnder', `seeds ..${seed} compareUnder(${ledgers.length} ledgers, exponential → ${candidate}, ${asOf}, ${window})`, (lib) =>
      lib.compareUnder(ledgers, { asOf, base: program(lib, 'exponential'), candidate: program(lib, candidate), window }),
    );
    group = [];
  }
  if (seed % 100 === 0) process.stderr.write(`  ${seed}/${COUNT} seeds, ${totalCases} cases, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
}

// ---------------------------------------------------------------- report

const seconds = ((performance.now() - started) / 1000).toFixed(1);
const cpu = process.cpuUsage();
const cpuSeconds = ((cpu.user + cpu.system) / 1e6).toFixed(1);
const totalDiffs = [...stats.values()].reduce((sum, s) => sum + s.diffs, 0);
const totalExempt = [...stats.values()].reduce((sum, s) => sum + s.exempt, 0);
console.log(`compare-results: before ${relative(root, beforeDir) || beforeDir}, after ${relative(root, afterDir) || afterDir}, ${COUNT} generated seeds, ${samples.length} sample ledgers, ${seconds} s (${cpuSeconds} s CPU)`);
console.log('');
const totalThrew = [...stats.values()].reduce((sum, s) => sum + s.threw, 0);
console.log('| function | cases | of which throw | differences | exempt (only plan entries/steps differ) | seconds (both builds) |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [fn, s] of [...stats.entries()].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`| ${fn} | ${s.cases} | ${s.threw} | ${s.diffs} | ${s.exempt} | ${(s.ms / 1000).toFixed(1)} |`);
console.log(`| **all** | ${totalCases} | ${totalThrew} | ${totalDiffs} | ${totalExempt} | ${seconds} |`);
console.log('');
if (totalDiffs === 0) console.log(`Byte-identical: ${totalCases} cases, no difference (${totalExempt} plans changed only in entries/steps).`);
else {
  const firstOnes = differences.slice(0, SHOW);
  console.log(`${totalDiffs} differences; the first ${firstOnes.length}:`);
  const show = ({ fn, describe, at }) => {
    console.log(`- ${fn}: ${describe}`);
    if (at !== null) console.log(`    at ${at.path}: before ${short(at.before)}, after ${short(at.after)}`);
  };
  firstOnes.forEach(show);
  const more = differences.slice(SHOW).filter((d) => !firstOnes.some((f) => f.fn === d.fn));
  if (more.length > 0) {
    console.log('The first difference of every other function:');
    more.forEach(show);
  }
}
process.exitCode = totalDiffs === 0 ? 0 : 1;
