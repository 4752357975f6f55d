// A second program, unlike Exponential's (issue 16, item 7):
// examples/programs/northwind-security-partners.json — its own certification
// kinds (security, cloud) and categories (enablement, community), tiers that
// need security engineers and, for Platinum, the Zero Trust Architect
// certification itself, limits per month, quarter, year and review window,
// points caps per quarter and per year, and a yearly fee in EUR.
// One describe per new rule. Every expectation is computed from the rule and
// the program's own rows (points, limit counts, caps, fee), never copied from
// output; the sample ledgers' figures are worked out in the comments.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineProgram, evaluate, parseLedger, planUpgrade, reviewTimeline, type EntryOutcome, type Evaluation } from '../../src/index';
import { runCli } from '../cli/helpers';
import { thrownIssues } from '../helpers/ledger';

const root = new URL('../../', import.meta.url);
const readText = (path: string): string => readFileSync(new URL(path, root), 'utf8');
const readJson = (path: string): any => JSON.parse(readText(path));

const PROGRAM_FILE = 'examples/programs/northwind-security-partners.json';
const LEDGER_DIR = 'examples/programs/ledgers/northwind/';
const definition = readJson(PROGRAM_FILE);
const northwind = defineProgram(definition);
const version = northwind.versions[0];

/** The program's own numbers: every expectation below is computed from these. */
const row = (id: string) => {
  const found = version.activities.find((r) => r.id === id);
  if (found === undefined) throw new Error(`no activity ${id}`);
  return found;
};
const worth = (id: string) => row(id).points;
const limitOf = (id: string) => row(id).limit!;
const capOf = (id: string) => row(id).cap!;
const CERT = worth('certification');
const tierRequirement = (tier: string, type: string, key?: string) =>
  version.tiers.find((t) => t.id === tier)!.requirements.find((r) => r.type === type && (key === undefined || ('kind' in r ? r.kind : 'certification' in r ? r.certification : undefined) === key))! as { min: number | string };
const FEE = version.fee.amount; // '500.00' per year

type Raw = Record<string, unknown>;
// Joined long ago: no partner-year credit (R5) in 2024–2028; anniversaries on 1 January.
const JOINED = '2015-01-01';
const ledgerOf = (entries: readonly Raw[], joinedOn = JOINED) => ({ partner: { id: 'p', joinedOn }, entries: [...entries] });
const run = (entries: readonly Raw[], asOf: string, joinedOn = JOINED): Evaluation => evaluate(ledgerOf(entries, joinedOn), { asOf, program: northwind });

const act = (id: string, activity: string, date: string, extra: Raw = {}): Raw => ({ id, type: 'activity', date, activity, ...extra });
const cert = (id: string, date: string, holder: string, certification: string, extra: Raw = {}): Raw => ({ id, type: 'certification', date, holder, certification, ...extra });
const revenue = (id: string, date: string, amount: string): Raw => ({ id, type: 'revenue', date, amount, source: 'direct-sale' });
const fee = (id: string, date: string, months: number, amount: string | number): Raw => ({ id, type: 'fee-payment', date, months, amount });

const counted = (id: string, points: number): EntryOutcome => ({ id, outcome: 'counted', points, rule: 'R3' });
const capped = (id: string, points: number): EntryOutcome => ({ id, outcome: 'counted', points, rule: 'R3', reason: 'points-cap' });
const limited = (id: string, reason: 'monthly-limit' | 'quarterly-limit' | 'yearly-limit' | 'window-limit'): EntryOutcome => ({ id, outcome: 'excluded', points: 0, rule: 'R3', reason });
const outcome = (ev: Evaluation, id: string) => ev.entries.find((e) => e.id === id);
const check = (ev: Evaluation, tier: string) => ev.requirements.find((r) => r.tier === tier)!;

/** The accounting identity of SPEC §2.1: counted points + derived + revenue points = Σ byCategory. */
function expectAccounting(ev: Evaluation) {
  const countedPoints = ev.entries.filter((e) => e.outcome === 'counted').reduce((sum, e) => sum + e.points, 0);
  const derived = ev.derived.reduce((sum, d) => sum + d.points, 0);
  const byCategory = Object.values(ev.points.byCategory).reduce((sum, n) => sum + n, 0);
  expect(countedPoints + derived + ev.revenue.points).toBe(byCategory);
  expect(ev.points.total).toBe(Math.max(0, byCategory));
}

const CATEGORY_KEYS = ['revenue', 'enablement', 'community', 'certification', 'partner-year', 'bonus', 'special', 'adjustment'];
const zeroCategories = Object.fromEntries(CATEGORY_KEYS.map((k) => [k, 0]));

describe('examples/programs/northwind-security-partners.json', () => {
  it('names the shipped program schema and is a valid definition, already in the canonical shape', () => {
    expect(definition.$schema).toBe('../../schemas/program.schema.json');
    const { $schema: _schema, ...rest } = definition;
    // defineProgram normalises to the canonical shape and key order (contract16): this file is written in it.
    expect(JSON.stringify(northwind)).toBe(JSON.stringify(rest));
  });

  it('is unlike Exponential: its own kinds, categories, tier requirements, limits, caps and a yearly EUR fee', () => {
    expect(northwind.id).toBe('northwind-security-partners');
    expect(version.currency).toBe('EUR');
    expect(version.certificationKinds.map((k) => k.id)).toEqual(['security', 'cloud']);
    expect(version.categories.map((c) => c.id)).toEqual(['enablement', 'community']);
    expect(version.tiers.map((t) => t.id)).toEqual(['registered', 'authorized', 'gold', 'platinum']);
    expect(version.tiers.find((t) => t.id === 'platinum')!.requirements).toContainEqual({ type: 'certification', certification: 'zero-trust-architect', min: 1 });
    expect(limitOf('webinar')).toEqual({ count: 4, per: 'quarter' });
    expect(capOf('forum-post')).toEqual({ points: 1000, per: 'year' });
    expect(capOf('community-meetup')).toEqual({ points: 1500, per: 'quarter' });
    expect(limitOf('vulnerability-report')).toEqual({ count: 2, per: 'month' });
    expect(limitOf('summit')).toEqual({ count: 1, per: 'year' });
    expect(limitOf('customer-reference')).toEqual({ count: 3, per: 'window' });
    expect(version.fee).toMatchObject({ amount: '500.00', period: 'year', currency: 'EUR' });
  });

  it('the shipped JSON Schemas accept it and its sample ledgers (a time entry names a category of the program)', () => {
    const compile = (path: string) => new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true }).compile(readJson(path));
    const errors = (validate: ReturnType<typeof compile>, value: unknown) => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));
    expect(errors(compile('schemas/program.schema.json'), definition)).toEqual([]);
    const validateLedger = compile('schemas/ledger.schema.json');
    for (const name of sampleNames) expect(errors(validateLedger, readJson(`${LEDGER_DIR}${name}`)), name).toEqual([]);
  });

  it('every sample ledger parses under it, and none under the built-in program', () => {
    for (const name of sampleNames) {
      const ledger = readJson(`${LEDGER_DIR}${name}`);
      const result = parseLedger(ledger, { program: northwind });
      expect(result.ok ? [] : result.issues, name).toEqual([]);
      expect(parseLedger(ledger).ok, name).toBe(false);
    }
  });
});

describe('defineProgram checks the new shapes of this program, each issue at its path', () => {
  it.each([
    ['a tier requiring an undefined kind', (v: any) => (v.tiers[2].requirements[2].kind = 'network'), 'versions[0].tiers[2].requirements[2].kind'],
    ['a tier requiring a certification the catalogue lacks', (v: any) => (v.tiers[3].requirements[4].certification = 'zero-trust'), 'versions[0].tiers[3].requirements[4].certification'],
    ['a catalogue row naming an undefined kind', (v: any) => (v.certifications[1].kind = 'sec'), 'versions[0].certifications[1].kind'],
    ['a limit per week', (v: any) => (v.activities[6].limit.per = 'week'), 'versions[0].activities[6].limit.per'],
    ['a limit of 0 entries', (v: any) => (v.activities[6].limit.count = 0), 'versions[0].activities[6].limit.count'],
    ['a cap of 2.5 points', (v: any) => (v.activities[7].cap.points = 2.5), 'versions[0].activities[7].cap.points'],
    ['a row naming an undefined category', (v: any) => (v.activities[3].category = 'marketing'), 'versions[0].activities[3].category'],
    ['a derived row with a limit', (v: any) => (v.activities[5].limit = { count: 1, per: 'month' }), 'versions[0].activities[5].limit'],
    ['Platinum needing fewer security pairs than Gold', (v: any) => (v.tiers[3].requirements[2].min = 1), 'versions[0].tiers[3].requirements[2].min'],
    ['a fee per week', (v: any) => (v.fee.period = 'week'), 'versions[0].fee.period'],
  ])('%s', (_, edit, path) => {
    const copy = JSON.parse(JSON.stringify(definition));
    edit(copy.versions[0]);
    expect(thrownIssues(() => defineProgram(copy)).map((i) => i.path)).toContain(path);
  });
});

describe('certification kinds (R8): security and cloud, defined by the program', () => {
  // Gold: 30,000 points, €20,000, 2 security pairs, 1 cloud pair. €31,000 of revenue alone gives 31,000 points.
  const goldBase = [revenue('r', '2026-02-01', '31000.00')];
  const asOf = '2026-06-30';

  it('counts distinct valid (holder, certification) pairs per kind; evaluation.certifications has the program kinds', () => {
    const ev = run(
      [
        cert('c1', '2026-03-01', 'ana', 'secops-engineer'),
        cert('c2', '2026-03-02', 'ana', 'secops-engineer'), // the same pair again: one pair
        cert('c3', '2026-03-03', 'ana', 'pentest-specialist'), // the same holder, another security certification: a second pair
        cert('c4', '2026-03-04', 'ben', 'cloud-foundations'),
      ],
      asOf,
    );
    expect(Object.keys(ev.certifications)).toEqual(['security', 'cloud', 'valid', 'expired']);
    expect(ev.certifications).toMatchObject({ security: 2, cloud: 1 });
    expect(outcome(ev, 'c2')).toEqual({ id: 'c2', outcome: 'counted', points: 0, rule: 'R8', reason: 'already-credited' });
    expect(ev.points.byCategory.certification).toBe(3 * CERT);
  });

  it('Gold needs 2 security pairs: 1 is short by 1, 2 meet it (check kind `security-certifications`)', () => {
    const one = run([...goldBase, cert('s1', '2026-03-01', 'ana', 'secops-engineer'), cert('k1', '2026-03-01', 'ana', 'cloud-foundations')], asOf);
    const required = tierRequirement('gold', 'certifications', 'security').min as number;
    expect(required).toBe(2);
    expect(check(one, 'gold').checks.find((c) => c.kind === 'security-certifications')).toEqual({ kind: 'security-certifications', required, actual: 1, met: false, shortfall: required - 1 });
    expect(check(one, 'gold').checks.find((c) => c.kind === 'cloud-certifications')).toEqual({ kind: 'cloud-certifications', required: 1, actual: 1, met: true, shortfall: 0 });
    expect(one.tier).toBe('authorized');
    expect(one.nextTier).toEqual({ tier: 'gold', tierName: 'Gold', shortfall: { points: 0, revenue: '0.00', securityCertifications: 1, cloudCertifications: 0, certifications: { 'zero-trust-architect': 0 } } });

    const two = run([...goldBase, cert('s1', '2026-03-01', 'ana', 'secops-engineer'), cert('s2', '2026-03-01', 'ben', 'pentest-specialist'), cert('k1', '2026-03-01', 'ana', 'cloud-foundations')], asOf);
    expect(check(two, 'gold')).toEqual({
      tier: 'gold',
      met: true,
      checks: [
        { kind: 'points', required: 30000, actual: 31000 + 3 * CERT, met: true, shortfall: 0 },
        { kind: 'revenue', required: '20000.00', actual: '31000.00', met: true, shortfall: '0.00' },
        { kind: 'security-certifications', required: 2, actual: 2, met: true, shortfall: 0 },
        { kind: 'cloud-certifications', required: 1, actual: 1, met: true, shortfall: 0 },
      ],
    });
    expect(two.tier).toBe('gold');
  });

  it('a cloud certification is no security pair, and an expired or pending security one counts for nothing', () => {
    const ev = run(
      [
        ...goldBase,
        cert('s1', '2026-03-01', 'ana', 'secops-engineer'),
        cert('k1', '2026-03-01', 'ana', 'cloud-foundations'),
        cert('k2', '2026-03-01', 'ben', 'cloud-security-engineer'),
        cert('old', '2024-01-01', 'ben', 'pentest-specialist', { expiresOn: '2026-06-29' }),
        cert('pend', '2026-03-01', 'cleo', 'pentest-specialist', { status: 'pending' }),
      ],
      asOf,
    );
    expect(ev.certifications).toMatchObject({ security: 1, cloud: 2 });
    expect(ev.certifications.expired).toEqual([{ holder: 'ben', certification: 'pentest-specialist', date: '2024-01-01', expiresOn: '2026-06-29' }]);
    expect(ev.tier).toBe('authorized');
    expect(ev.points.pending).toBe(CERT);
  });

  it('has no profile or sales kinds: the shortfall names the program kinds, camel-cased', () => {
    const ev = run([], asOf);
    expect(Object.keys(ev.nextTier!.shortfall)).toEqual(['points', 'revenue', 'securityCertifications', 'cloudCertifications', 'certifications']);
    expect(ev.certifications).not.toHaveProperty('profile');
    expect(ev.requirements.flatMap((r) => r.checks.map((c) => c.kind))).not.toContain('profile-certifications');
  });
});

describe('a specific certification requirement (R9): Platinum needs a Zero Trust Architect', () => {
  // Platinum: 75,000 points, €50,000, 3 security pairs, 2 cloud pairs and zero-trust-architect held by ≥ 1 person.
  // The architect certification was earned before the window (0 points, earned-before-window), so the points do
  // not depend on it: €60,000 (60,000 points) + 5 certifications in the window × 800 + an assessment making 75,000 exactly.
  const certsInWindow = [
    cert('c2', '2026-02-01', 'ana', 'secops-engineer'),
    cert('c3', '2026-02-01', 'ben', 'pentest-specialist'),
    cert('c4', '2026-02-01', 'ben', 'secops-engineer'),
    cert('c5', '2026-02-01', 'ana', 'cloud-foundations'),
    cert('c6', '2026-02-01', 'ben', 'cloud-security-engineer'),
  ];
  const assessment = 75000 - 60000 - certsInWindow.length * CERT;
  const base = [revenue('r', '2026-01-15', '60000.00'), ...certsInWindow, act('a', 'security-assessment', '2026-03-01', { points: assessment })];
  const architect = (expiresOn: string, extra: Raw = {}) => cert('zta', '2024-06-01', 'ana', 'zero-trust-architect', { expiresOn, ...extra });
  const zta = (ev: Evaluation) => check(ev, 'platinum').checks.find((c) => c.kind === 'certification');

  it('is checked as { kind: "certification", certification } after the kind checks, in the tier\'s order', () => {
    const ev = run([...base, architect('2030-01-01')], '2026-06-30');
    expect(check(ev, 'platinum').checks.map((c) => c.kind)).toEqual(['points', 'revenue', 'security-certifications', 'cloud-certifications', 'certification']);
    expect(zta(ev)).toEqual({ kind: 'certification', certification: 'zero-trust-architect', required: 1, actual: 1, met: true, shortfall: 0 });
    expect(ev.points.total).toBe(75000);
    expect(ev.tier).toBe('platinum');
    expect(ev.nextTier).toBeNull();
    expect(outcome(ev, 'zta')).toEqual({ id: 'zta', outcome: 'counted', points: 0, rule: 'R8', reason: 'earned-before-window' });
  });

  it('without it, Platinum is short by that certification only; the shortfall names it', () => {
    const ev = run(base, '2026-06-30');
    expect(zta(ev)).toEqual({ kind: 'certification', certification: 'zero-trust-architect', required: 1, actual: 0, met: false, shortfall: 1 });
    expect(check(ev, 'platinum').checks.filter((c) => !c.met).map((c) => c.kind)).toEqual(['certification']);
    expect(ev.tier).toBe('gold');
    expect(ev.nextTier).toEqual({ tier: 'platinum', tierName: 'Platinum', shortfall: { points: 0, revenue: '0.00', securityCertifications: 0, cloudCertifications: 0, certifications: { 'zero-trust-architect': 1 } } });
  });

  it('expiring on the review day, it still counts on that day and no longer on the next', () => {
    const entries = [...base, architect('2026-06-30')];
    const onTheDay = run(entries, '2026-06-30');
    expect(zta(onTheDay)).toMatchObject({ actual: 1, met: true });
    expect(onTheDay.certifications.security).toBe(4); // ana: architect + secops; ben: pentest + secops
    expect(onTheDay.tier).toBe('platinum');

    const dayAfter = run(entries, '2026-07-01');
    expect(zta(dayAfter)).toMatchObject({ actual: 0, met: false, shortfall: 1 });
    expect(dayAfter.certifications.security).toBe(3); // still enough security pairs: only the named certification fails
    expect(dayAfter.certifications.expired).toEqual([{ holder: 'ana', certification: 'zero-trust-architect', date: '2024-06-01', expiresOn: '2026-06-30' }]);
    expect(dayAfter.points.total).toBe(onTheDay.points.total);
    expect(dayAfter.tier).toBe('gold');
  });

  it('counts holders: the same holder twice is 1, two holders are 2; a pending or rejected one is none', () => {
    const twice = run([...base, architect('2030-01-01'), cert('zta2', '2026-04-01', 'ana', 'zero-trust-architect')], '2026-06-30');
    expect(zta(twice)).toMatchObject({ actual: 1 });
    const two = run([...base, architect('2030-01-01'), cert('zta2', '2026-04-01', 'ben', 'zero-trust-architect')], '2026-06-30');
    expect(zta(two)).toMatchObject({ actual: 2, met: true });
    const pending = run([...base, architect('2030-01-01', { status: 'pending' }), cert('zta2', '2026-04-01', 'ben', 'zero-trust-architect', { status: 'rejected' })], '2026-06-30');
    expect(zta(pending)).toMatchObject({ actual: 0, met: false });
  });

  it('below Gold the shortfall still carries the key, at 0 when the next tier does not name the certification', () => {
    expect(run([], '2026-06-30').nextTier!.shortfall.certifications).toEqual({ 'zero-trust-architect': 0 });
  });
});

describe('limits per period (R3): month, quarter, year, window; the earliest by date, then input order', () => {
  const asOf = '2026-11-30'; // window 2025-12-01 … 2026-11-30
  const W = worth('webinar');
  const webinar = (id: string, date: string, extra: Raw = {}) => act(id, 'webinar', date, extra);

  it(`quarter: ${limitOf('webinar').count} webinars count; the 5th of the quarter is quarterly-limit; 03-31 and 04-01 are different quarters`, () => {
    const ev = run([webinar('w1', '2026-01-15'), webinar('w2', '2026-02-12'), webinar('w3', '2026-03-05'), webinar('w4', '2026-03-31'), webinar('w5', '2026-03-31'), webinar('w6', '2026-04-01')], asOf);
    expect(ev.entries).toEqual([counted('w1', W), counted('w2', W), counted('w3', W), counted('w4', W), limited('w5', 'quarterly-limit'), counted('w6', W)]);
    expect(ev.points.byCategory.community).toBe(5 * W);
  });

  it('quarter: the earliest by date wins whatever the input order; on one date, the earlier input', () => {
    const ev = run([webinar('late', '2026-06-30'), webinar('b', '2026-05-02'), webinar('a', '2026-05-02'), webinar('early', '2026-04-01'), webinar('mid', '2026-06-01')], asOf);
    // By date, then input: early (04-01), b (05-02, before a in input), a (05-02), mid (06-01), late (06-30).
    expect(ev.entries).toEqual([limited('late', 'quarterly-limit'), counted('b', W), counted('a', W), counted('early', W), counted('mid', W)]);
  });

  it('quarter: approved entries take the places first, pending ones the places left, rejected ones none', () => {
    const ev = run(
      [webinar('p1', '2026-07-01', { status: 'pending' }), webinar('x', '2026-07-02', { status: 'rejected' }), webinar('a1', '2026-07-10'), webinar('a2', '2026-08-10'), webinar('a3', '2026-09-10'), webinar('p2', '2026-09-20', { status: 'pending' })],
      asOf,
    );
    expect(ev.entries).toEqual([
      { id: 'p1', outcome: 'pending', points: W, rule: 'R7', reason: 'pending-approval' },
      { id: 'x', outcome: 'excluded', points: 0, rule: 'R7', reason: 'rejected' },
      counted('a1', W),
      counted('a2', W),
      counted('a3', W),
      limited('p2', 'quarterly-limit'),
    ]);
    expect(ev.points.pending).toBe(W);
  });

  it('quarter: only entries inside the window take places; when the first leaves, the 5th counts', () => {
    const q1 = [webinar('w1', '2026-01-15'), webinar('w2', '2026-02-12'), webinar('w3', '2026-03-05'), webinar('w4', '2026-03-31'), webinar('w5', '2026-03-31')];
    // 2027-01-14: window from 2026-01-15, w1 is in. 2027-01-15: window from 2026-01-16, w1 has left.
    expect(outcome(run(q1, '2027-01-14'), 'w5')).toEqual(limited('w5', 'quarterly-limit'));
    const later = run(q1, '2027-01-15');
    expect(outcome(later, 'w1')).toEqual({ id: 'w1', outcome: 'excluded', points: 0, rule: 'R1', reason: 'outside-window' });
    expect(outcome(later, 'w5')).toEqual(counted('w5', W));
    expect(later.points.total).toBe(4 * W);
  });

  it(`month: ${limitOf('vulnerability-report').count} vulnerability reports count per calendar month; 05-31 and 06-01 are different months`, () => {
    const V = worth('vulnerability-report');
    const report = (id: string, date: string) => act(id, 'vulnerability-report', date);
    const ev = run([report('v1', '2026-05-30'), report('v2', '2026-05-31'), report('v3', '2026-05-31'), report('v4', '2026-06-01')], asOf);
    expect(ev.entries).toEqual([counted('v1', V), counted('v2', V), limited('v3', 'monthly-limit'), counted('v4', V)]);
  });

  it('year: one summit per calendar year; 12-31 and 01-01 are different years; a second in the year is yearly-limit', () => {
    const S = worth('summit');
    const summit = (id: string, date: string) => act(id, 'summit', date);
    const ev = run([summit('s1', '2025-12-31'), summit('s2', '2026-01-01'), summit('s3', '2026-11-30')], asOf);
    expect(ev.entries).toEqual([counted('s1', S), counted('s2', S), limited('s3', 'yearly-limit')]);
    expect(ev.points.byCategory.enablement).toBe(2 * S);
  });

  it('window: three customer references per review window; the 4th is window-limit until the first leaves', () => {
    const R = worth('customer-reference');
    const reference = (id: string, date: string) => act(id, 'customer-reference', date);
    const refs = [reference('x1', '2025-12-18'), reference('x2', '2026-04-15'), reference('x3', '2026-06-30'), reference('x4', '2026-11-12')];
    expect(run(refs, '2026-12-17').entries).toEqual([counted('x1', R), counted('x2', R), counted('x3', R), limited('x4', 'window-limit')]);
    // 2026-12-18: window from 2025-12-19, x1 has left: three references in the window again.
    expect(run(refs, '2026-12-18').entries.slice(1)).toEqual([counted('x2', R), counted('x3', R), counted('x4', R)]);
  });

  it('window: the review window of the `window` option, here the calendar year', () => {
    const R = worth('customer-reference');
    const reference = (id: string, date: string) => act(id, 'customer-reference', date);
    const refs = [reference('x1', '2025-12-18'), reference('x2', '2026-04-15'), reference('x3', '2026-06-30'), reference('x4', '2026-11-12')];
    const ev = evaluate(ledgerOf(refs), { asOf: '2026-11-30', program: northwind, window: 'calendar-year' });
    expect(ev.entries).toEqual([{ id: 'x1', outcome: 'excluded', points: 0, rule: 'R1', reason: 'outside-window' }, counted('x2', R), counted('x3', R), counted('x4', R)]);
  });

  // Any dates, any input order: per period, the first `count` entries by (date, input order) count, the rest are limited.
  it.each([
    ['webinar', 'quarterly-limit', (d: string) => `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`],
    ['vulnerability-report', 'monthly-limit', (d: string) => d.slice(0, 7)],
    ['summit', 'yearly-limit', (d: string) => d.slice(0, 4)],
    ['customer-reference', 'window-limit', () => 'window'],
  ] as const)('property: %s keeps the earliest per period, then %s', (activity, reason, periodOf) => {
    const { count } = limitOf(activity);
    const day = fc.integer({ min: 0, max: 364 }).map((n) => new Date(Date.UTC(2025, 11, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(day, { minLength: 1, maxLength: 14 }), (dates) => {
        const ev = run(dates.map((date, i) => act(`e${i}`, activity, date)), asOf);
        const order = dates.map((date, i) => ({ date, i })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i));
        const seen = new Map<string, number>();
        const want: EntryOutcome[] = [];
        for (const { date, i } of order) {
          const n = (seen.get(periodOf(date)) ?? 0) + 1;
          seen.set(periodOf(date), n);
          want[i] = n <= count ? counted(`e${i}`, worth(activity)) : limited(`e${i}`, reason);
        }
        expect(ev.entries).toEqual(want);
      }),
      { numRuns: 60 },
    );
  });
});

describe('points caps (R3): the entry crossing the cap counts for the points left', () => {
  const asOf = '2026-11-30';
  const F = worth('forum-post');
  const { points: YEAR_CAP } = capOf('forum-post');
  const fit = Math.floor(YEAR_CAP / F); // whole posts under the cap (33)
  const left = YEAR_CAP - fit * F; // what the next one earns (10)
  const posts = (prefix: string, n: number, date: string) => Array.from({ length: n }, (_, i) => act(`${prefix}${i + 1}`, 'forum-post', date));

  it(`forum posts: ${fit} earn ${F} each, the next one ${left} (points-cap), later ones 0 (points-cap)`, () => {
    expect(left).toBeGreaterThan(0); // the cap is crossed inside an entry, not between two
    const ev = run(posts('f', fit + 2, '2026-03-01'), asOf);
    expect(ev.entries.slice(0, fit)).toEqual(posts('f', fit, '').map((p) => counted(p['id'] as string, F)));
    expect(ev.entries.slice(fit)).toEqual([capped(`f${fit + 1}`, left), capped(`f${fit + 2}`, 0)]);
    expect(ev.points.byCategory.community).toBe(YEAR_CAP);
    expectAccounting(ev);
  });

  it('the cap is per calendar year: posts of 2025-12-31 and 2026-01-01 draw on different caps', () => {
    const ev = run([...posts('a', fit + 1, '2025-12-31'), ...posts('b', fit + 1, '2026-01-01')], asOf);
    expect(outcome(ev, `a${fit + 1}`)).toEqual(capped(`a${fit + 1}`, left));
    expect(outcome(ev, `b${fit + 1}`)).toEqual(capped(`b${fit + 1}`, left));
    expect(ev.points.byCategory.community).toBe(2 * YEAR_CAP);
  });

  it('only entries inside the window draw on the cap', () => {
    // 2025-11-15 is before the window (from 2025-12-01): those posts use none of 2025's cap.
    const ev = run([...posts('old', fit + 5, '2025-11-15'), act('dec', 'forum-post', '2025-12-01')], asOf);
    expect(outcome(ev, 'dec')).toEqual(counted('dec', F));
  });

  // Any attendee counts, dates and input order: per quarter, in (date, input) order, each meetup earns
  // min(its worth, what the cap has left); `points-cap` exactly when that is less than its worth.
  it('property: meetups earn what the quarterly cap leaves, in date then input order', () => {
    const per = worth('community-meetup');
    const { points: cap } = capOf('community-meetup');
    const quarterOf = (d: string) => `${d.slice(0, 4)}-${Math.floor((Number(d.slice(5, 7)) - 1) / 3)}`;
    const day = fc.integer({ min: 0, max: 364 }).map((n) => new Date(Date.UTC(2025, 11, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(fc.tuple(day, fc.integer({ min: 1, max: 12 })), { minLength: 1, maxLength: 12 }), (meetups) => {
        const ev = run(meetups.map(([date, quantity], i) => act(`e${i}`, 'community-meetup', date, { quantity })), asOf);
        const order = meetups.map(([date, quantity], i) => ({ date, quantity, i })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i));
        const used = new Map<string, number>();
        const want: EntryOutcome[] = [];
        for (const { date, quantity, i } of order) {
          const left = cap - (used.get(quarterOf(date)) ?? 0);
          const earned = Math.min(quantity * per, left);
          used.set(quarterOf(date), cap - left + earned);
          want[i] = earned < quantity * per ? capped(`e${i}`, earned) : counted(`e${i}`, earned);
        }
        expect(ev.entries).toEqual(want);
        expectAccounting(ev);
      }),
      { numRuns: 60 },
    );
  });

  const M = worth('community-meetup');
  const { points: QUARTER_CAP } = capOf('community-meetup');
  const meetup = (id: string, date: string, quantity: number, extra: Raw = {}) => act(id, 'community-meetup', date, { quantity, ...extra });

  it('a per-attendee meetup crosses the quarterly cap inside one entry; the next quarter starts afresh', () => {
    const ev = run([meetup('m1', '2026-04-09', 6), meetup('m2', '2026-05-21', 5), meetup('m3', '2026-06-30', 4), meetup('m4', '2026-07-01', 3)], asOf);
    expect(ev.entries).toEqual([counted('m1', 6 * M), capped('m2', QUARTER_CAP - 6 * M), capped('m3', 0), counted('m4', 3 * M)]);
    expect(ev.points.byCategory.community).toBe(QUARTER_CAP + 3 * M);
    expectAccounting(ev);
  });

  it('an entry that reaches the cap exactly is counted in full, without a reason', () => {
    const rest = QUARTER_CAP / M - 6; // attendees that fill the quarter exactly
    const ev = run([meetup('m1', '2026-04-09', 6), meetup('m2', '2026-05-21', rest), meetup('m3', '2026-06-01', 1)], asOf);
    expect(ev.entries).toEqual([counted('m1', 6 * M), counted('m2', rest * M), capped('m3', 0)]);
  });

  it('approved entries draw on the cap first, in date order; a pending one shows what approved ones left', () => {
    // 6 + 3 approved attendees earn 1,350 of the 1,500; the pending meetup (8, worth 1,200) would earn the 150 left.
    const ev = run([meetup('pend', '2026-04-02', 8, { status: 'pending' }), meetup('late', '2026-06-10', 3), meetup('early', '2026-04-10', 6)], asOf);
    expect(ev.entries).toEqual([
      { id: 'pend', outcome: 'pending', points: QUARTER_CAP - 9 * M, rule: 'R7', reason: 'pending-approval' },
      counted('late', 3 * M),
      counted('early', 6 * M),
    ]);
    expect(ev.points.pending).toBe(QUARTER_CAP - 9 * M);
  });
});

/** The Northwind definition with edits: other periods for caps, a fee per quarter. */
function variant(edit: (v: any) => void) {
  const copy = JSON.parse(JSON.stringify(definition));
  edit(copy.versions[0]);
  return defineProgram(copy);
}
const activityOf = (v: any, id: string) => v.activities.find((a: any) => a.id === id);

describe('points caps per month and per window, and a cap beside a limit (R3)', () => {
  const M = worth('community-meetup');
  const W = worth('webinar');
  const monthly = variant((v) => (activityOf(v, 'community-meetup').cap = { points: 1000, per: 'month' }));
  const perWindow = variant((v) => {
    const reference = activityOf(v, 'customer-reference');
    delete reference.limit;
    reference.cap = { points: 2500, per: 'window' };
  });
  const both = variant((v) => (activityOf(v, 'webinar').cap = { points: 2000, per: 'year' }));
  const runUnder = (program: ReturnType<typeof variant>, entries: Raw[], asOf: string) => evaluate(ledgerOf(entries), { asOf, program });

  it('per month: 01-31 and 02-01 draw on different caps', () => {
    const ev = runUnder(monthly, [act('m1', 'community-meetup', '2026-01-31', { quantity: 5 }), act('m2', 'community-meetup', '2026-01-31', { quantity: 5 }), act('m3', 'community-meetup', '2026-02-01', { quantity: 8 })], '2026-06-30');
    expect(ev.entries).toEqual([counted('m1', 5 * M), capped('m2', 1000 - 5 * M), capped('m3', 1000)]);
  });

  it('per window: the cap holds over the review window and frees up as entries leave it', () => {
    const X = worth('customer-reference');
    const refs = [act('r1', 'customer-reference', '2025-07-01'), act('r2', 'customer-reference', '2025-08-01'), act('r3', 'customer-reference', '2026-01-01')];
    expect(runUnder(perWindow, refs, '2026-06-30').entries).toEqual([counted('r1', X), counted('r2', X), capped('r3', 2500 - 2 * X)]);
    // 2026-07-01: window from 2025-07-02, r1 has left.
    expect(runUnder(perWindow, refs, '2026-07-01').entries.slice(1)).toEqual([counted('r2', X), counted('r3', X)]);
  });

  it('beside a limit: entries the limit excludes draw nothing on the cap', () => {
    const dates = ['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09', '2026-04-01'];
    const ev = runUnder(both, dates.map((d, i) => act(`w${i}`, 'webinar', d)), '2026-06-30');
    // Q1: four places (w4 is quarterly-limit); the year's 2,000 points: 750, 750, then 500 left, then 0.
    expect(ev.entries).toEqual([counted('w0', W), counted('w1', W), capped('w2', 2000 - 2 * W), capped('w3', 0), limited('w4', 'quarterly-limit'), capped('w5', 0)]);
  });
});

describe('program categories (R3, R4, R7): enablement and community, plus the six fixed keys', () => {
  const asOf = '2026-11-30';

  it('byCategory holds revenue, the program categories in order, then the fixed keys — all always present', () => {
    expect(Object.keys(run([], asOf).points.byCategory)).toEqual(CATEGORY_KEYS);
    expect(run([], asOf).points.byCategory).toEqual(zeroCategories);
  });

  it('activity points go to their row\'s category, time to its entry\'s, credits and the rest to the fixed keys', () => {
    const ev = run(
      [
        revenue('r', '2026-01-10', '1234.56'),
        act('a', 'security-assessment', '2026-02-01'),
        act('t', 'training-day', '2026-02-02', { quantity: 3 }),
        act('w', 'webinar', '2026-02-03'),
        { id: 'm1', type: 'time', date: '2026-02-04', minutes: 95, category: 'enablement' },
        { id: 'm2', type: 'time', date: '2026-02-05', minutes: 40, category: 'community' },
        cert('c', '2026-02-06', 'ana', 'secops-engineer'),
        { id: 'b', type: 'bonus', date: '2026-02-07', points: 300, reason: 'launch', relatesTo: 'w' },
        { id: 's', type: 'special', date: '2026-02-08', points: 200, description: 'translation' },
        { id: 'x', type: 'adjustment', date: '2026-02-09', points: -75, reason: 'correction' },
      ],
      asOf,
      '2026-01-01',
    );
    expect(ev.points.byCategory).toEqual({
      revenue: 1234,
      enablement: worth('security-assessment') + 3 * worth('training-day') + 95,
      community: worth('webinar') + 40,
      certification: CERT,
      'partner-year': worth('partner-year'), // joined 2026-01-01: the first partnership year's credit
      bonus: 300,
      special: 200,
      adjustment: -75,
    });
    expectAccounting(ev);
  });

  it('a time entry must name a category of this program; the built-in rows and categories are unknown here', () => {
    const result = parseLedger(ledgerOf([{ id: 't', type: 'time', date: '2026-02-04', minutes: 10, category: 'knowledge' }, act('a', 'article', '2026-02-04', { words: 900, floss: true })]), { program: northwind });
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.issues.map((i) => i.path);
    expect(paths).toEqual(['entries[0].category', 'entries[1].activity']);
  });
});

describe('a yearly fee (R11): €500.00 per year', () => {
  // Few points: no tier, so no waiver; membership only by the fee.
  const asOf = '2026-06-30';
  const due = (nextAnniversary: string) => ({ status: 'due', amountDue: FEE, period: 'year', annualAmount: FEE, nextAnniversary });

  it('is due per year: amountDue is the yearly fee, period "year", and a year of it is the fee itself', () => {
    expect(run([], asOf).fee).toEqual(due('2027-01-01'));
    expect(run([], asOf).membership).toEqual({ active: false, basis: null, bases: [] });
  });

  it('12 months of exactly the fee pay: covered from the payment date through the day before 12 months later', () => {
    const entries = [fee('f', '2026-03-01', 12, FEE)];
    const ev = run(entries, asOf);
    expect(outcome(ev, 'f')).toEqual({ id: 'f', outcome: 'counted', points: 0, rule: 'R11', amount: FEE });
    expect(ev.fee).toEqual({ status: 'paid', paidThrough: '2027-02-28', nextAnniversary: '2027-01-01' });
    expect(ev.membership).toEqual({ active: true, basis: 'fee', bases: ['fee'] });
    expect(run(entries, '2027-02-28').fee).toMatchObject({ status: 'paid', paidThrough: '2027-02-28' });
    expect(run(entries, '2027-03-01').fee).toEqual(due('2028-01-01'));
    expect(run(entries, '2026-02-28').fee).toEqual(due('2027-01-01'));
  });

  it('24 months of twice the fee pay two periods; a number amount is read as money', () => {
    expect(run([fee('f', '2026-03-01', 24, '1000.00')], asOf).fee).toMatchObject({ status: 'paid', paidThrough: '2028-02-29' });
    expect(run([fee('f', '2026-03-01', 12, 500)], asOf).fee).toMatchObject({ status: 'paid', paidThrough: '2027-02-28' });
  });

  it.each([
    [6, '250.00', 'half a year: not a whole period'],
    [1, '41.67', 'a month: not a whole period'],
    [18, '750.00', 'a year and a half'],
    [12, '499.99', 'a cent short'],
    [12, '1000.00', 'twice the fee for one period'],
    [24, FEE, 'one fee for two periods'],
  ])('%i months for %s is fee-amount-mismatch (%s)', (months, amount) => {
    const ev = run([fee('f', '2026-03-01', months, amount)], asOf);
    expect(outcome(ev, 'f')).toEqual({ id: 'f', outcome: 'excluded', points: 0, rule: 'R11', reason: 'fee-amount-mismatch', amount });
    expect(ev.fee).toEqual(due('2027-01-01'));
  });

  it('per quarter (a variant): whole quarters of the fee pay, amountDue and the annual amount follow the period', () => {
    const quarterly = variant((v) => (v.fee = { ...v.fee, amount: '120.00', period: 'quarter' }));
    const under = (entries: Raw[]) => evaluate(ledgerOf(entries), { asOf: '2026-03-15', program: quarterly });
    expect(under([]).fee).toEqual({ status: 'due', amountDue: '120.00', period: 'quarter', annualAmount: '480.00', nextAnniversary: '2027-01-01' });
    expect(under([fee('f', '2026-03-01', 3, '120.00')]).fee).toMatchObject({ status: 'paid', paidThrough: '2026-05-31' });
    expect(under([fee('f', '2026-03-01', 12, '480.00')]).fee).toMatchObject({ status: 'paid', paidThrough: '2027-02-28' });
    for (const [months, amount] of [[1, '40.00'], [4, '160.00'], [3, '40.00']] as const) {
      expect(outcome(under([fee('f', '2026-03-01', months, amount)]), 'f'), `${months} × ${amount}`).toMatchObject({ outcome: 'excluded', reason: 'fee-amount-mismatch' });
    }
  });

  it('prepayment stacks by whole years', () => {
    const ev = run([fee('f1', '2026-03-01', 12, FEE), fee('f2', '2026-09-01', 12, FEE)], '2027-06-30');
    expect(ev.fee).toMatchObject({ status: 'paid', paidThrough: '2028-02-29' });
  });
});

// ---------------------------------------------------------------------------------------------
// The sample ledgers, as of 2026-11-30 (window 2025-12-01 … 2026-11-30). Figures worked out from
// the program rows: W webinar 750, F forum post 30, V vulnerability report 250, M meetup 150 per
// attendee (cap 1,500 a quarter), A assessment 3,000+, T training day 400 per attendee, S summit
// 2,500, I case study 1,500, X customer reference 1,000, C certification 800, P partner year 500.
// ---------------------------------------------------------------------------------------------
const sampleNames = readdirSync(new URL(LEDGER_DIR, root)).filter((n) => n.endsWith('.json')).sort();
const sample = (name: string) => readJson(`${LEDGER_DIR}${name}`);
const AS_OF = '2026-11-30';
const W = worth('webinar');
const F = worth('forum-post');
const V = worth('vulnerability-report');
const M = worth('community-meetup');
const A = worth('security-assessment');
const T = worth('training-day');
const S = worth('summit');
const I = worth('incident-case-study');
const X = worth('customer-reference');
const P = worth('partner-year');
const noZta = { 'zero-trust-architect': 0 };

type Expected = { tier: string | null; byCategory: Record<string, number>; certifications?: Record<string, number>; nextTier?: Evaluation['nextTier']; fee?: Evaluation['fee']; outcomes?: Record<string, EntryOutcome> };

const expected: Record<string, Expected> = {
  // €1,200 + a webinar + 2 forum posts + 120 minutes + a vulnerability report = 2,380 ≥ 2,000: Registered.
  // hl-001 (2025-10-01) is before the window. Joined 2023-04-01: both partner-year credits are before it.
  'harbor-registered.json': {
    tier: 'registered',
    byCategory: { ...zeroCategories, revenue: 1200, community: W + 2 * F + 120 + V },
    nextTier: { tier: 'authorized', tierName: 'Authorized', shortfall: { points: 10000 - (1200 + W + 2 * F + 120 + V), revenue: '3800.00', securityCertifications: 1, cloudCertifications: 0, certifications: noZta } },
    fee: { status: 'waived', basis: 'basic-points', nextAnniversary: '2027-04-01' },
    outcomes: { 'hl-001': { id: 'hl-001', outcome: 'excluded', points: 0, rule: 'R1', reason: 'outside-window' } },
  },
  // Webinars: 4 in Q1 (fs-w5, the 5th, on 03-31 after fs-w4 in input: quarterly-limit) + fs-w6 on 04-01 (Q2).
  // Vulnerability reports: 2 in May count, fs-v3 is monthly-limit. €3,100 + €2,400 = €5,500. One security
  // pair (sigrid) earned in the window: 800. Joined 2025-06-01: the 2026-06-01 credit (year 2 of 2). 11,050: Authorized.
  'fjord-authorized.json': {
    tier: 'authorized',
    byCategory: { ...zeroCategories, revenue: 5500, community: 5 * W + 2 * V, certification: worth('certification'), 'partner-year': P },
    certifications: { security: 1, cloud: 0 },
    nextTier: { tier: 'gold', tierName: 'Gold', shortfall: { points: 30000 - (5500 + 5 * W + 2 * V + worth('certification') + P), revenue: '14500.00', securityCertifications: 1, cloudCertifications: 1, certifications: noZta } },
    outcomes: { 'fs-w4': counted('fs-w4', W), 'fs-w5': limited('fs-w5', 'quarterly-limit'), 'fs-w6': counted('fs-w6', W), 'fs-v3': limited('fs-v3', 'monthly-limit') },
  },
  // Meetups in Q2: 6 attendees (900), then 5 (750 worth, 600 left under the 1,500 cap: points-cap), then 4 (0,
  // points-cap); 3 on 07-01 in Q3 (450). Summits: 2025-12-03 and 2026-06-10 (different years), 2026-11-05
  // yearly-limit. €9,000 + €8,500 + €4,000 − €500 = €21,000. Security: lena, tomas; cloud: lena. 42,850: Gold.
  'basalt-gold.json': {
    tier: 'gold',
    byCategory: { ...zeroCategories, revenue: 21000, enablement: 5 * T + 6000 + A + 2 * S + I, community: 1500 + 3 * M, certification: 3 * worth('certification') },
    certifications: { security: 2, cloud: 1 },
    nextTier: {
      tier: 'platinum',
      tierName: 'Platinum',
      shortfall: { points: 75000 - (21000 + 5 * T + 6000 + A + 2 * S + I + 1500 + 3 * M + 3 * worth('certification')), revenue: '29000.00', securityCertifications: 1, cloudCertifications: 1, certifications: { 'zero-trust-architect': 1 } },
    },
    // The 2026-09-01 anniversary reviews 2025-09-01 … 2026-08-31: €17,500, 37,850 points, 2 security pairs on
    // 2026-08-31 — Authorized, the renewal tier: the fee is waived through 2027-08-31 (and by points now).
    fee: { status: 'waived', basis: 'basic-points', waivedThrough: '2027-08-31', nextAnniversary: '2027-09-01' },
    outcomes: { 'bc-m1': counted('bc-m1', 6 * M), 'bc-m2': capped('bc-m2', 1500 - 6 * M), 'bc-m3': capped('bc-m3', 0), 'bc-m4': counted('bc-m4', 3 * M), 'bc-s0': counted('bc-s0', S), 'bc-s2': limited('bc-s2', 'yearly-limit') },
  },
  // €54,000; 5 certifications (mira: architect + secops, jonas: pentest + cloud security, amara: cloud foundations);
  // assessments 8,000 + 6,500 + 3,000; a summit; 3 webinars; 2 case studies; 3 customer references (ad-x4, the
  // 4th in the window: window-limit); a training day for 6. 88,650 ≥ 75,000 and the architect: Platinum.
  'aurora-platinum.json': {
    tier: 'platinum',
    byCategory: { ...zeroCategories, revenue: 54000, enablement: 8000 + 6500 + A + S + 2 * I + 3 * X + 6 * T, community: 3 * W, certification: 5 * worth('certification') },
    certifications: { security: 3, cloud: 2 },
    nextTier: null,
    outcomes: { 'ad-x3': counted('ad-x3', X), 'ad-x4': limited('ad-x4', 'window-limit') },
  },
  // noor's Zero Trust Architect (earned 2023, before the window: 0 points) expires on 2026-11-30, the review day:
  // still valid. 4 security pairs, 2 cloud, €56,000; 78,850 points: Platinum, for the last day (see the timeline).
  'cobalt-expiring.json': {
    tier: 'platinum',
    byCategory: { ...zeroCategories, revenue: 56000, enablement: 9000 + 5000 + 4 * T + S, community: W, certification: 5 * worth('certification') },
    certifications: { security: 4, cloud: 2 },
    nextTier: null,
    outcomes: { 'cs-c1': { id: 'cs-c1', outcome: 'counted', points: 0, rule: 'R8', reason: 'earned-before-window' } },
  },
  // Joined 2026-03-01; 12 months for €500.00 on that day pay through 2027-02-28. gl-f2, 6 months for €250.00,
  // is not a whole number of years: fee-amount-mismatch. 400 + 90 + 30 + 750 + 500 (partner year 1) = 1,770: no tier.
  'granite-fee-paid.json': {
    tier: null,
    byCategory: { ...zeroCategories, revenue: 400, enablement: 90, community: F + W, 'partner-year': P },
    nextTier: { tier: 'registered', tierName: 'Registered', shortfall: { points: 2000 - (400 + 90 + F + W + P), revenue: '0.00', securityCertifications: 0, cloudCertifications: 0, certifications: noZta } },
    fee: { status: 'paid', paidThrough: '2027-02-28', nextAnniversary: '2027-03-01' },
    outcomes: { 'gl-f1': { id: 'gl-f1', outcome: 'counted', points: 0, rule: 'R11', amount: '500.00' }, 'gl-f2': { id: 'gl-f2', outcome: 'excluded', points: 0, rule: 'R11', reason: 'fee-amount-mismatch', amount: '250.00' } },
  },
  // Its one yearly payment (2024-10-01) covered through 2025-09-30; 600 + 750 + 30 = 1,380 points: no tier,
  // no waiver, the fee is due: €500.00 a year.
  'lumen-fee-due.json': {
    tier: null,
    byCategory: { ...zeroCategories, revenue: 600, community: W + F },
    fee: { status: 'due', amountDue: '500.00', period: 'year', annualAmount: '500.00', nextAnniversary: '2027-10-01' },
  },
};

describe('the sample ledgers of examples/programs/ledgers/northwind/, as of 2026-11-30', () => {
  it('are the ones worked out here', () => {
    expect(sampleNames).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s', (name, want) => {
    const ev = evaluate(sample(name), { asOf: AS_OF, program: northwind });
    expect(ev.program).toEqual({ id: northwind.id, version: '2026.1', currency: 'EUR' });
    expect(ev.tier).toBe(want.tier);
    expect(ev.points.byCategory).toEqual(want.byCategory);
    expect(Object.keys(ev.points.byCategory)).toEqual(CATEGORY_KEYS);
    expectAccounting(ev);
    if (want.certifications) expect(ev.certifications).toMatchObject(want.certifications);
    if (want.nextTier !== undefined) expect(ev.nextTier).toEqual(want.nextTier);
    if (want.fee) expect(ev.fee).toEqual(want.fee);
    for (const [id, o] of Object.entries(want.outcomes ?? {})) expect(outcome(ev, id)).toEqual(o);
  });

  it('cobalt falls from Platinum to Gold the day after its architect certification expires', () => {
    const ev = evaluate(sample('cobalt-expiring.json'), { asOf: '2026-12-01', program: northwind });
    expect(ev.tier).toBe('gold');
    expect(ev.nextTier!.shortfall).toEqual({ points: 0, revenue: '0.00', securityCertifications: 0, cloudCertifications: 0, certifications: { 'zero-trust-architect': 1 } });
  });
});

describe('reviewTimeline under the second program', () => {
  const fjord = sample('fjord-authorized.json');

  it('across the quarter edge: each review is what evaluate gives on that month end', () => {
    const reviews = reviewTimeline(fjord, { from: '2026-01-01', to: '2027-02-28', program: northwind });
    expect(reviews.map((r) => r.date)).toContain('2026-03-31');
    for (const review of reviews) {
      const ev = evaluate(fjord, { asOf: review.date, program: northwind });
      expect([review.date, review.tier, review.points, review.revenue, review.fee]).toEqual([review.date, ev.tier, ev.points, ev.revenue, ev.fee]);
    }
    const at = (date: string) => reviews.find((r) => r.date === date)!;
    // March: 4 webinars (the 5th is quarterly-limit); April adds fs-w6 (Q2) and nothing else.
    expect(at('2026-04-30').points.total - at('2026-03-31').points.total).toBe(W);
    // 2027-01-31: fs-w1 (2026-01-15) has left the window; fs-w5 takes its place in Q1 2026, so the webinars still
    // add up to 5, and no other entry of the ledger left (the next is fs-w2, 2026-02-12).
    expect(evaluate(fjord, { asOf: '2027-01-31', program: northwind }).entries.find((e) => e.id === 'fs-w5')).toEqual(counted('fs-w5', W));
    expect(at('2027-01-31').points.byCategory.community).toBe(at('2026-12-31').points.byCategory.community);
  });

  it('property: with limits and caps, every review of a random ledger is what evaluate gives on that month end', () => {
    const day = fc.integer({ min: 0, max: 729 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const entry = fc.oneof(
      fc.tuple(fc.constantFrom('webinar', 'vulnerability-report', 'summit', 'customer-reference', 'forum-post'), day, fc.constant(undefined)),
      fc.tuple(fc.constant('community-meetup'), day, fc.integer({ min: 1, max: 9 })),
    );
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 25 }), (rows) => {
        const ledger = ledgerOf(rows.map(([activity, date, quantity], i) => act(`e${i}`, activity, date, quantity === undefined ? {} : { quantity })), '2024-06-01');
        const reviews = reviewTimeline(ledger, { from: '2025-06-01', to: '2027-03-31', program: northwind });
        for (const review of reviews) {
          const ev = evaluate(ledger, { asOf: review.date, program: northwind });
          expect([review.date, review.tier, review.points, review.revenue, review.membership, review.fee]).toEqual([review.date, ev.tier, ev.points, ev.revenue, ev.membership, ev.fee]);
        }
      }),
      { numRuns: 15 },
    );
  });

  it('cobalt: Platinum on 2026-11-30 (the architect expires that day), Gold from the 2026-12-31 review', () => {
    const reviews = reviewTimeline(sample('cobalt-expiring.json'), { from: '2026-10-01', to: '2027-01-31', program: northwind });
    expect(reviews.map((r) => [r.date, r.tier, r.change])).toEqual([
      ['2026-10-31', 'platinum', null],
      ['2026-11-30', 'platinum', null],
      ['2026-12-31', 'gold', 'down'],
      ['2027-01-31', 'gold', null],
    ]);
  });
});

describe('planUpgrade under the second program', () => {
  const withPlan = (ledger: any, entries: readonly unknown[]) => ({ ...ledger, entries: [...ledger.entries, ...entries] });

  it.each([
    ['basalt-gold.json', 'platinum'],
    ['fjord-authorized.json', 'gold'],
    ['harbor-registered.json', 'authorized'],
  ])('%s → %s by 2026-12-31: the plan reaches it, and no planned entry can be left out', (name, target) => {
    const ledger = sample(name);
    const plan = planUpgrade(ledger, { asOf: AS_OF, target, by: '2026-12-31', program: northwind });
    expect(plan.reachable).toBe(true);
    expect(evaluate(withPlan(ledger, plan.entries), { asOf: '2026-12-31', program: northwind }).tier).toBe(target);
    for (let i = 0; i < plan.entries.length; i++) {
      const without = plan.entries.filter((_, j) => j !== i);
      expect(evaluate(withPlan(ledger, without), { asOf: '2026-12-31', program: northwind }).tier, `without ${JSON.stringify(plan.entries[i])}`).not.toBe(target);
    }
  });

  it('plans the Zero Trust Architect certification itself for Platinum', () => {
    const plan = planUpgrade(sample('basalt-gold.json'), { asOf: AS_OF, target: 'platinum', by: '2026-12-31', program: northwind });
    expect(plan.shortfall).toMatchObject({ securityCertifications: 1, cloudCertifications: 1, certifications: { 'zero-trust-architect': 1 } });
    expect(plan.entries).toContainEqual(expect.objectContaining({ type: 'certification', certification: 'zero-trust-architect' }));
  });

  it.each(['webinar', 'forum-post', 'community-meetup', 'vulnerability-report', 'summit'])('respects the limits and caps when %s is preferred: every planned entry counts in full', (preferred) => {
    const ledger = sample('harbor-registered.json');
    const plan = planUpgrade(ledger, { asOf: AS_OF, target: 'authorized', by: '2026-12-31', program: northwind, prefer: [preferred] });
    expect(plan.entries).toContainEqual(expect.objectContaining({ activity: preferred }));
    const limit = row(preferred).limit;
    // Harbor has no webinar in Q4 2026, no vulnerability report in December 2026 and no summit in 2026: each whole limit is free on 2026-12-31.
    if (limit) expect(plan.entries.filter((e: any) => e.activity === preferred).length).toBeLessThanOrEqual(limit.count);
    const ev = evaluate(withPlan(ledger, plan.entries), { asOf: '2026-12-31', program: northwind });
    for (const planned of plan.entries) expect(outcome(ev, planned.id), planned.id).toEqual(expect.objectContaining({ outcome: 'counted' }));
    for (const planned of plan.entries) expect(outcome(ev, planned.id), planned.id).not.toHaveProperty('reason');
    expect(ev.tier).toBe('authorized');
  });
});

describe('docs/guides/second-program.md', () => {
  // The command-line runs the guide shows, in process (the same code as dist/cli/index.js).
  // `UPDATE_DOCS=1 npx vitest run test/program/secondProgram.test.ts` rewrites the blocks.
  const guideUrl = new URL('docs/guides/second-program.md', root);
  const runs: Record<string, string[]> = {
    evaluate: ['evaluate', LEDGER_DIR, '--program', PROGRAM_FILE, '--as-of', AS_OF, '--format', 'table'],
    timeline: ['timeline', `${LEDGER_DIR}cobalt-expiring.json`, '--program', PROGRAM_FILE, '--from', '2026-10-01', '--to', '2027-01-31', '--format', 'table'],
  };

  it.each(Object.keys(runs))('shows the real output of `%s`', async (name) => {
    const argv = runs[name]!;
    const result = await runCli(argv);
    expect(result.code, result.stderr).toBe(0);
    let guide = readFileSync(guideUrl, 'utf8');
    expect(guide).toContain(`node dist/cli/index.js ${argv.map((a) => (a === LEDGER_DIR ? LEDGER_DIR.replace(/\/$/, '/') : a)).join(' ')}`);
    const start = `<!-- ${name}:start -->`;
    const end = `<!-- ${name}:end -->`;
    const from = guide.indexOf(start);
    const to = guide.indexOf(end);
    expect(from, `${name} block`).toBeGreaterThanOrEqual(0);
    const block = `${start}\n\`\`\`text\n${result.stdout.trimEnd()}\n\`\`\`\n${end}`;
    if (process.env['UPDATE_DOCS'] === '1') {
      guide = `${guide.slice(0, from)}${block}${guide.slice(to + end.length)}`;
      writeFileSync(guideUrl, guide);
    } else expect(guide.slice(from, to + end.length)).toBe(block);
  });
});
