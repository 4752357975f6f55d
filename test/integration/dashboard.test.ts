// The Partner Dashboard (examples/dashboard/) end to end in Debian's headless
// Chromium (playwright-core), served from 127.0.0.1 under its strict CSP with
// Trusted Types. Every figure on the page is checked against the library's own
// results (evaluate, reviewTimeline, planUpgrade) for the same ledger and date,
// computed here: never against literals, so the test follows the library.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineProgram, evaluate, exponentialProgram, parseLedger, planUpgrade, reviewTimeline, type CountedReason, type Evaluation, type ExclusionReason, type Program } from '../../src/index';
import { readCsvLedgers } from '../../src/csv/index';
import { basisText, categoryName, checkName, feeText, formatCount, formatDate, formatMoney, reasonWords, shortfallKey, tierPoints } from '../../examples/dashboard/format';
import { securityDefinition, securityLedger } from '../program/securityProgram';
import { extraTimeZoneRun, root } from '../cli/helpers';
import { chromiumTool, launchChromium, watchPage, type PageReports } from './chromium';


const AS_OF = '2026-11-30';
const OUTPUT = join(root, 'test-output');
const samples = readdirSync(join(root, 'examples', 'ledgers')).filter((name) => name.endsWith('.json')).sort();
const sampleText = (name: string) => readFileSync(join(root, 'examples', 'ledgers', name), 'utf8');
const sample = (name: string) => JSON.parse(sampleText(name)) as { partner: { id: string; name?: string }; entries: { id: string; type: string; date: string }[] };

/** The reviews the page shows: the 12 month-ends on or before the review date, and 6 after. */
function monthEnds(asOf: string): string[] {
  const [y, m] = asOf.split('-').map(Number) as [number, number];
  const end = (month: number) => new Date(Date.UTC(y, month, 0)).toISOString().slice(0, 10);
  const last = end(m) === asOf ? m : m - 1;
  return Array.from({ length: 18 }, (_, i) => end(last - 11 + i));
}

/** Everything the page shows, read through its data-testid hooks. */
async function readPage(page: Page) {
  // The plan is worked out just after the figures are painted: read once it is there.
  await page.waitForFunction(() => {
    const plan = document.querySelector<HTMLElement>('[data-testid="plan"]');
    return plan === null || (plan.dataset.state === 'ready' && plan.dataset.asOf === document.querySelector<HTMLElement>('.glance')?.dataset.asOf);
  });
  return page.evaluate(() => {
    const one = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    const text = (id: string) => one(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
    return {
      asOf: document.querySelector<HTMLElement>('.glance')?.dataset.asOf ?? null,
      partner: document.querySelector('.glance .partner')?.textContent ?? null,
      tier: text('tier'),
      tierId: one('tier')?.dataset.tier ?? null,
      total: text('points-total'),
      totalValue: one('points-total')?.dataset.value ?? null,
      pending: text('points-pending'),
      pendingValue: one('points-pending')?.dataset.value ?? null,
      revenue: text('revenue-total'),
      revenueValue: one('revenue-total')?.dataset.value ?? null,
      membership: one('membership')?.dataset.active ?? null,
      fee: one('fee')?.querySelector('.fee-status')?.textContent ?? null,
      feeStatus: one('fee')?.dataset.status ?? null,
      nextAnniversary: text('next-anniversary'),
      window: [one('window')?.dataset.from, one('window')?.dataset.to],
      nextTier: one('next-tier')?.dataset.tier ?? null,
      requirements: Array.from(document.querySelectorAll<HTMLElement>('[data-testid="next-tier"] .requirement')).map((r) => ({
        kind: r.dataset.kind,
        have: r.dataset.have,
        need: r.dataset.need,
        short: r.dataset.short,
        text: r.querySelector('.numbers')?.textContent ?? '',
      })),
      keep: one('keep') === null ? null : { reachable: one('keep')!.dataset.reachable, expiring: Array.from(one('keep')!.querySelectorAll<HTMLElement>('.expiring li')).map((li) => li.dataset.id) },
      categories: Array.from(document.querySelectorAll<SVGGElement>('g[data-category]')).map((g) => [g.dataset.category, Number(g.dataset.points), g.querySelector('text')?.textContent]),
      bars: Array.from(document.querySelectorAll<SVGRectElement>('[data-testid="timeline"] svg rect.review')).map((r) => ({
        date: r.dataset.date,
        tier: r.dataset.tier,
        points: Number(r.dataset.points),
        forecast: r.dataset.forecast === 'true',
      })),
      tableRows: Array.from(document.querySelectorAll<HTMLTableRowElement>('.timeline-table tbody tr')).map((tr) => Array.from(tr.cells).map((c) => c.textContent)),
      leaving: one('leaving-next') === null ? null : { on: one('leaving-next')!.dataset.on, points: Number(one('leaving-next')!.dataset.points) },
      entries: Array.from(document.querySelectorAll<HTMLTableRowElement>('table[data-testid="entries"] > tbody > tr')).map((tr) => ({
        id: tr.dataset.id,
        outcome: tr.dataset.outcome,
        points: Number(tr.dataset.points),
        rule: tr.dataset.rule,
        reason: tr.dataset.reason,
        planned: tr.dataset.planned === 'true',
        reasonText: tr.cells[7]?.textContent ?? '',
      })),
      entryBodies: document.querySelectorAll('table[data-testid="entries"] > tbody').length,
      plan: one('plan') === null ? null : { target: one('plan')!.dataset.target, by: one('plan')!.dataset.by, reachable: one('plan')!.dataset.reachable },
      shortfall: one('plan-shortfall') === null ? null : (({ testid: _, ...figures }) => figures)({ ...one('plan-shortfall')!.dataset }),
      steps: Array.from(document.querySelectorAll('[data-testid="plan-steps"] li')).map((li) => li.textContent),
      issues: Array.from(document.querySelectorAll<HTMLElement>('[data-testid="issues"] li')).map((li) => ({ path: li.dataset.path, code: li.dataset.code, text: li.textContent?.replace(/\s+/g, ' ').trim() })),
      program: text('program'),
    };
  });
}

/** Every figure of the page against the library's own results for this ledger, program and date. */
function expectFigures(shown: Awaited<ReturnType<typeof readPage>>, input: unknown, asOf: string, program?: Program, planning: { target?: string; by?: string } = {}) {
  const options = program === undefined ? { asOf } : { asOf, program };
  const e: Evaluation = evaluate(input, options);
  const currency = e.program.currency;
  expect(shown.asOf).toBe(asOf);
  expect(shown.tier).toBe(e.tierName ?? 'No tier yet');
  expect(shown.tierId).toBe(e.tier ?? '');
  expect(shown.totalValue).toBe(String(e.points.total));
  expect(shown.total).toBe(formatCount(e.points.total));
  expect(shown.pendingValue).toBe(String(e.points.pending));
  expect(shown.pending).toBe(formatCount(e.points.pending));
  expect(shown.revenueValue).toBe(e.revenue.total);
  expect(shown.revenue).toBe(formatMoney(e.revenue.total, currency));
  expect(shown.membership).toBe(String(e.membership.active));
  expect(shown.feeStatus).toBe(e.fee.status);
  const inEffect = (program ?? exponentialProgram).versions.filter((v) => v.effectiveFrom <= asOf).at(-1) ?? (program ?? exponentialProgram).versions[0];
  expect(shown.fee).toBe(feeText(e.fee, currency, inEffect.tiers.find((t) => t.id === inEffect.renewalTier)?.name));
  expect(shown.nextAnniversary).toBe(formatDate(e.fee.nextAnniversary));
  expect(shown.window).toEqual([e.window.from, e.window.to]);

  // Progress: one bar per requirement of the next tier, with have, need and short.
  expect(shown.nextTier).toBe(e.nextTier?.tier ?? '');
  const checks = e.nextTier === null ? [] : (e.requirements.find((r) => r.tier === e.nextTier!.tier)?.checks ?? []);
  expect(shown.requirements.map(({ kind, have, need, short }) => ({ kind, have, need, short }))).toEqual(
    checks.map((c) => ({ kind: c.kind, have: String(c.actual), need: String(c.required), short: String(c.shortfall) })),
  );
  for (const [i, c] of checks.entries()) {
    const show = (v: number | string) => (c.kind === 'revenue' ? formatMoney(String(v), currency) : formatCount(Number(v)));
    expect(shown.requirements[i]?.text).toBe(`have ${show(c.actual)} · need ${show(c.required)} · short ${show(c.shortfall)}`);
  }

  // What keeps this tier: shown exactly when something leaves or expires before the month end.
  const keep = e.tier === null ? null : planUpgrade(input, { ...options, target: e.tier });
  if (keep === null || keep.expiring.length === 0) expect(shown.keep).toBeNull();
  else expect(shown.keep).toEqual({ reachable: String(keep.reachable), expiring: keep.expiring.map((x) => x.id) });

  // Points by category: R7's six fixed keys and the program's categories.
  const version = (program ?? exponentialProgram).versions.filter((v) => v.effectiveFrom <= asOf).at(-1) ?? (program ?? exponentialProgram).versions[0];
  expect(shown.categories).toEqual(Object.entries(e.points.byCategory).map(([key, points]) => [key, points, categoryName(key, version)]));

  // The timeline: 12 month-end reviews up to the date and 6 of forecast, as reviewTimeline gives them; the table says the same.
  const dates = monthEnds(asOf);
  const reviews = reviewTimeline(input, { ...(program === undefined ? {} : { program }), from: `${dates[0]!.slice(0, 8)}01`, to: dates[17]! });
  expect(reviews.map((r) => r.date)).toEqual(dates);
  expect(shown.bars).toEqual(reviews.map((r) => ({ date: r.date, tier: r.tier ?? '', points: r.points.total, forecast: r.date > asOf })));
  expect(shown.bars.filter((b) => !b.forecast)).toHaveLength(12);
  expect(shown.tableRows.map((cells) => [cells[0]?.slice(0, 10), cells[2], cells[3]])).toEqual(reviews.map((r) => [r.date, formatCount(r.points.total), formatMoney(r.revenue.total, currency)]));

  // What leaves the window next.
  if (e.leavingNext === null) expect(shown.leaving).toBeNull();
  else expect(shown.leaving).toEqual({ on: e.leavingNext.on, points: e.leavingNext.points });

  // Every entry, one row each, with its outcome, points, rule and reason.
  expect(shown.entryBodies).toBe(1);
  const byId = new Map(shown.entries.map((row) => [row.id, row]));
  expect(shown.entries).toHaveLength(e.entries.length);
  for (const o of e.entries) {
    expect(byId.get(o.id), o.id).toMatchObject({ outcome: o.outcome, points: o.points, rule: o.rule, reason: o.reason ?? '' });
    if (o.reason !== undefined) expect(byId.get(o.id)?.reasonText).toContain(reasonWords[o.reason]);
  }

  // Planning: by default, the next tier by the month end.
  const plan = planUpgrade(input, { ...options, ...planning });
  expect(shown.plan).toEqual({ target: plan.target, by: plan.by, reachable: String(plan.reachable) });
  // One data attribute per certification kind of the version planned in (the built-in `data-profile`, `data-sales`).
  const planned = (program ?? exponentialProgram).versions.filter((v) => v.effectiveFrom <= plan.by).at(-1) ?? (program ?? exponentialProgram).versions[0];
  expect(shown.shortfall).toEqual({
    points: String(plan.shortfall.points),
    revenue: plan.shortfall.revenue,
    ...Object.fromEntries(planned.certificationKinds.map((k) => [k.id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase()), String(plan.shortfall[shortfallKey(k.id)] ?? 0)])),
  });
  expect(shown.steps).toEqual(plan.steps);
  return e;
}

/** A deterministic ledger of `count` entries of every reportable kind, spread over two years before `asOf`. */
function bigLedger(count: number) {
  const activities = ['forum-post', 'bug-report', 'article', 'tutorial', 'conference-talk', 'case-study', 'pipeline-share', 'premium-project'];
  const entries = Array.from({ length: count }, (_, i) => {
    const day = new Date(Date.UTC(2026, 10, 30) - (i % 730) * 86_400_000).toISOString().slice(0, 10);
    const base = { id: `e${i}`, date: day, ...(i % 9 === 0 ? { status: 'pending' } : {}) };
    switch (i % 5) {
      case 0:
        return { ...base, type: 'revenue', amount: `${(i % 97) * 13}.${String(i % 100).padStart(2, '0')}`, source: 'direct-sale' };
      case 1:
        return { ...base, type: 'time', minutes: 30 + (i % 120), category: i % 2 ? 'knowledge' : 'program' };
      case 2:
        return { ...base, type: 'certification', holder: `p${i % 7}`, certification: ['developer', 'design', 'solution', 'sales-premium'][i % 4], expiresOn: '2027-12-31' };
      default: {
        const activity = activities[i % activities.length]!;
        return { ...base, type: 'activity', activity, ...(activity === 'article' ? { words: 900, floss: true } : activity === 'tutorial' ? { words: 1800 } : {}) };
      }
    }
  });
  return { partner: { id: 'big', name: 'Big Ledger Ltd', joinedOn: '2022-01-10' }, entries };
}

describe.skipIf(chromiumTool.skip || extraTimeZoneRun)(`Partner Dashboard in headless Chromium${chromiumTool.reason}`, () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let server: { url: string; close: () => Promise<void> };
  let dir: string;
  let size: { gzip: number; budget: number; split: Record<string, { gzipEstimate: number }>; pdfChunk: { file: string; minified: number; gzip: number }; csvChunk: { file: string; minified: number; gzip: number } };
  let reports: PageReports;
  /** The path of every request the page made, from its first load on. */
  const requested: string[] = [];
  /** The same sources as the page's PDF chunk (build.mjs's `fromSource`), bundled for Node. */
  let inNode: Pick<typeof import('../../src/index'), 'partnerStatement' | 'programOverview' | 'exponentialProgram' | 'defineProgram'> & Pick<typeof import('../../src/pdf/index'), 'renderPdf'>;

  const setDate = async (date: string) => {
    await page.fill('#review-date', date);
    await page.waitForSelector(`.glance[data-as-of="${date}"]`);
  };
  const openSample = async (name: string) => {
    await page.click(`button[data-sample="${name}"]`);
    const partner = sample(name).partner;
    await page.waitForFunction((n) => document.querySelector('.glance .partner')?.textContent === n, partner.name ?? partner.id);
  };

  beforeAll(async () => {
    // The page imports the package by name; here its entries are bundled from src/, the very code the
    // expectations below come from, so no build of dist/ (shared, rebuilt at any time) can skew them.
    dir = mkdtempSync(join(tmpdir(), 'pp-dashboard-'));
    const { buildPage } = (await import(pathToFileURL(join(root, 'examples', 'dashboard', 'build.mjs')).href)) as { buildPage: (o: { outDir: string; library: 'src' }) => Promise<string> };
    const { servePage } = (await import(pathToFileURL(join(root, 'examples', 'dashboard', 'serve.mjs')).href)) as {
      servePage: (o: { dir: string }) => Promise<{ url: string; close: () => Promise<void> }>;
    };
    await buildPage({ outDir: dir, library: 'src' });
    // The expected PDFs: renderPdf and the models from src/, built the way the page's chunk is.
    const { fromSource } = (await import(pathToFileURL(join(root, 'examples', 'dashboard', 'build.mjs')).href)) as {
      fromSource: { alias: Record<string, string>; loader: Record<string, 'base64'>; define: Record<string, string> };
    };
    const nodeBundle = join(dir, 'pdf-node.mjs');
    await build({
      stdin: {
        contents: `export { defineProgram, partnerStatement, programOverview, exponentialProgram } from '@exponential/partner-program';
          export { renderPdf } from '@exponential/partner-program/pdf';`,
        resolveDir: root,
        loader: 'ts',
      },
      ...fromSource,
      outfile: nodeBundle,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      logLevel: 'warning',
    });
    inNode = (await import(pathToFileURL(nodeBundle).href)) as typeof inNode;
    size = JSON.parse(readFileSync(join(dir, 'size.json'), 'utf8')) as typeof size;
    server = await servePage({ dir });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    reports = await watchPage(page);
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    const response = await page.goto(server.url);
    expect(response?.headers()['content-security-policy']).toContain("require-trusted-types-for 'script'");
    await page.waitForSelector('body[data-ready="true"]');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is served under a CSP with Trusted Types, without unsafe-eval or unsafe-inline', async () => {
    const csp = (await page.request.get(server.url)).headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
  });

  it('keeps the page JavaScript, library inside, within its budget', () => {
    console.log(`[dashboard.test] app.js ${size.gzip} bytes min+gz of ${size.budget}: ${Object.entries(size.split).map(([part, s]) => `${part} ≈ ${s.gzipEstimate}`).join(', ')}`);
    expect(size.gzip).toBeLessThanOrEqual(size.budget);
    expect(size.budget).toBe(80_000);
  });

  it('defaults the review date to today, labelled "Review date"', async () => {
    expect(await page.inputValue('input[type="date"]#review-date')).toBe(await page.evaluate(() => new Date().toISOString().slice(0, 10)));
    expect(await page.getByLabel('Review date').getAttribute('type')).toBe('date');
    expect(await page.getByLabel('Open a ledger').getAttribute('type')).toBe('file');
  });

  it.each(samples)('shows %s as the library evaluates it: every figure, the timeline, the entries, the plan', async (name) => {
    await page.fill('#review-date', AS_OF);
    await openSample(name);
    await page.waitForSelector(`.glance[data-as-of="${AS_OF}"]`);
    expectFigures(await readPage(page), sample(name), AS_OF);
  });

  it('re-evaluates when the date changes: no stale figure', async () => {
    await openSample('silver-agency.json');
    await setDate(AS_OF);
    const before = await readPage(page);
    await setDate('2026-03-15');
    const after = await readPage(page);
    expectFigures(after, sample('silver-agency.json'), '2026-03-15');
    expect(after.totalValue).not.toBe(before.totalValue);
    expect(after.bars.map((b) => b.date)).not.toEqual(before.bars.map((b) => b.date));
    await setDate(AS_OF);
  });

  it('shows what keeps the tier when something leaves the window before the month end', async () => {
    await openSample('silver-agency.json');
    const date = '2026-12-01';
    const evaluation = evaluate(sample('silver-agency.json'), { asOf: date });
    const keep = planUpgrade(sample('silver-agency.json'), { asOf: date, target: evaluation.tier! });
    expect(keep.expiring.length).toBeGreaterThan(0);
    await setDate(date);
    const shown = await readPage(page);
    expectFigures(shown, sample('silver-agency.json'), date);
    expect(shown.keep?.expiring).toEqual(keep.expiring.map((item) => item.id));
    await setDate(AS_OF);
  });

  it('filters the entries by outcome and type, and sorts them by date', async () => {
    await openSample('gold-scale.json');
    await setDate(AS_OF);
    const input = sample('gold-scale.json');
    const e = evaluate(input, { asOf: AS_OF });
    const rowIds = () => page.$$eval('table[data-testid="entries"] > tbody > tr', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.id));
    const byDate = (descending: boolean) =>
      input.entries
        .map((entry, index) => ({ entry, index }))
        .sort((a, b) => (a.entry.date === b.entry.date ? a.index - b.index : (a.entry.date < b.entry.date ? -1 : 1) * (descending ? -1 : 1)))
        .map(({ entry }) => entry.id);
    expect(await rowIds()).toEqual(byDate(true));
    await page.getByRole('button', { name: /^Date/ }).click();
    await page.waitForSelector('th[aria-sort="ascending"]');
    expect(await rowIds()).toEqual(byDate(false));
    await page.selectOption('select[name="filter-outcome"]', 'excluded');
    const excluded = new Set(e.entries.filter((o) => o.outcome === 'excluded').map((o) => o.id));
    expect(excluded.size).toBeGreaterThan(0);
    expect(await rowIds()).toEqual(byDate(false).filter((id) => excluded.has(id)));
    await page.selectOption('select[name="filter-outcome"]', '');
    await page.selectOption('select[name="filter-type"]', 'revenue');
    expect(await rowIds()).toEqual(byDate(false).filter((id) => input.entries.find((x) => x.id === id)?.type === 'revenue'));
    await page.selectOption('select[name="filter-type"]', '');
    await page.getByRole('button', { name: /^Date/ }).click();
    await page.waitForSelector('th[aria-sort="descending"]');
    expect(await rowIds()).toEqual(byDate(true));
  });

  it('opens a ledger pasted as text, or dropped on the page, and exports it as JSON', async () => {
    const text = sampleText('new-fee-paying.json');
    await page.click('details.paste summary');
    await page.fill('#ledger-text', text);
    await page.getByRole('button', { name: 'Open the pasted text' }).click();
    await page.waitForFunction((n) => document.querySelector('.glance .partner')?.textContent === n, sample('new-fee-paying.json').partner.name!);
    expectFigures(await readPage(page), sample('new-fee-paying.json'), AS_OF);
    await page.click('details.paste summary');

    const dropped = sampleText('professional-integrator.json');
    await page.evaluate((json) => {
      const data = new DataTransfer();
      data.items.add(new File([json], 'dropped.json', { type: 'application/json' }));
      const zone = document.querySelector('section.open')!;
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, dropped);
    await page.waitForFunction((n) => document.querySelector('.glance .partner')?.textContent === n, sample('professional-integrator.json').partner.name!);
    expectFigures(await readPage(page), sample('professional-integrator.json'), AS_OF);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as JSON' }).click()]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as unknown;
    expect(exported).toEqual(JSON.parse(dropped));
    expect(download.suggestedFilename()).toBe(`${sample('professional-integrator.json').partner.id}.json`);
  });

  it('draws the timeline with labels that neither overlap nor leave the drawing, at 1280 and 375 px', async () => {
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      for (const name of samples) {
        await openSample(name);
        await page.waitForFunction((w) => {
          const svg = document.querySelector('[data-testid="timeline"] svg');
          return svg !== null && Math.abs(svg.getBoundingClientRect().width - (svg.parentElement?.clientWidth ?? 0)) < 1 && document.documentElement.clientWidth === w;
        }, width);
        const layout = await page.$eval('[data-testid="timeline"] svg', (svg) => {
          const frame = svg.getBoundingClientRect();
          const labels = Array.from(svg.querySelectorAll('text')).map((t) => {
            const r = t.getBoundingClientRect();
            return { text: t.textContent ?? '', left: r.left, right: r.right, top: r.top, bottom: r.bottom };
          });
          return { frame: { left: frame.left, right: frame.right, top: frame.top, bottom: frame.bottom }, labels, thresholds: svg.querySelectorAll('line.threshold').length, axis: svg.querySelectorAll('line.axis').length };
        });
        expect(layout.axis).toBeGreaterThan(0);
        expect(layout.thresholds).toBeGreaterThan(0);
        expect(layout.labels.length).toBeGreaterThan(layout.thresholds);
        for (const label of layout.labels) {
          expect(label.left, `${name} @${width}: "${label.text}" cut off`).toBeGreaterThanOrEqual(layout.frame.left - 0.5);
          expect(label.right, `${name} @${width}: "${label.text}" cut off`).toBeLessThanOrEqual(layout.frame.right + 0.5);
          expect(label.top).toBeGreaterThanOrEqual(layout.frame.top - 0.5);
          expect(label.bottom).toBeLessThanOrEqual(layout.frame.bottom + 0.5);
        }
        for (const [i, a] of layout.labels.entries()) {
          for (const b of layout.labels.slice(i + 1)) {
            const overlap = a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
            expect(overlap, `${name} @${width}: "${a.text}" overlaps "${b.text}"`).toBe(false);
          }
        }
        expect(await page.locator('[data-testid="timeline"] .legend li').count()).toBeGreaterThanOrEqual(3);
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('adds a valid report through the form (pending by default) and every figure follows', async () => {
    await openSample('community-basic.json');
    await setDate(AS_OF);
    const form = page.getByTestId('report-form');
    await form.locator('select[name="type"]').selectOption('activity');
    const options = await form.locator('select[name="activity"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    const reportable = (await import('../../src/index')).exponentialProgram.versions[0].activities.filter((r) => r.kind !== 'derived').map((r) => r.id);
    expect(options.sort()).toEqual([...reportable].sort());
    await form.locator('select[name="activity"]').selectOption('article');
    // An evidence row takes words and FLOSS, nothing else.
    expect(await form.locator('[data-field]').evaluateAll((fs) => fs.map((f) => (f as HTMLElement).dataset.field))).toEqual(['type', 'activity', 'words', 'floss', 'date', 'status']);
    expect(await form.locator('input[name="date"]').getAttribute('type')).toBe('date');
    expect(await form.locator('select[name="status"]').inputValue()).toBe('pending');
    await form.locator('input[name="words"]').fill('900');
    await form.locator('select[name="floss"]').selectOption('yes');
    await form.locator('input[name="date"]').fill('2026-11-20');
    await form.locator('button[type="submit"]').click();
    await page.waitForSelector('tr[data-id="report-1"]');
    const input = sample('community-basic.json');
    const withReport = { ...input, entries: [...input.entries, { id: 'report-1', type: 'activity', date: '2026-11-20', status: 'pending', activity: 'article', words: 900, floss: true }] };
    const shown = await readPage(page);
    const e = expectFigures(shown, withReport, AS_OF);
    expect(e.entries.find((o) => o.id === 'report-1')).toMatchObject({ outcome: 'pending', reason: 'pending-approval' });
    expect(shown.pendingValue).toBe(String(evaluate(input, { asOf: AS_OF }).points.pending + e.entries.find((o) => o.id === 'report-1')!.points));
  });

  it('builds the form from the program’s tables: each row shows only the fields it takes', async () => {
    const { exponentialProgram } = await import('../../src/index');
    const form = page.getByTestId('report-form');
    const shownFields = () => form.locator('[data-field]').evaluateAll((fs) => fs.map((f) => (f as HTMLElement).dataset.field));
    await form.locator('select[name="type"]').selectOption('activity');
    for (const row of exponentialProgram.versions[0].activities.filter((r) => r.kind !== 'derived')) {
      await form.locator('select[name="activity"]').selectOption(row.id);
      const evidence = (row as { evidence?: { words?: unknown; floss?: unknown } }).evidence;
      const expected = [
        'type',
        'activity',
        ...(row.kind === 'per-attendee' ? ['quantity'] : []),
        ...(row.kind === 'minimum' ? ['points'] : []),
        ...(evidence?.words !== undefined ? ['words'] : []),
        ...(evidence?.floss !== undefined ? ['floss'] : []),
        'date',
        'status',
      ];
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="report-form"] [data-field]').length === n, expected.length);
      expect(await shownFields(), row.id).toEqual(expected);
      if (row.kind === 'minimum') expect(await form.locator('#report-points-hint').textContent()).toContain(formatCount(row.points));
    }
    const byType: Record<string, string[]> = { time: ['minutes', 'category', 'description'], certification: ['holder', 'certification', 'expiresOn'], revenue: ['amount', 'source'] };
    for (const [type, fields] of Object.entries(byType)) {
      await form.locator('select[name="type"]').selectOption(type);
      await page.waitForFunction((t) => document.querySelector('[data-testid="report-form"] [data-field="activity"]') === null && (document.querySelector('[data-testid="report-form"] select[name="type"]') as HTMLSelectElement).value === t, type);
      expect(await shownFields(), type).toEqual(['type', ...fields, 'date', 'status']);
      if (type === 'certification') {
        expect(await form.locator('select[name="certification"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(exponentialProgram.versions[0].certifications.map((c) => c.id));
        expect(await form.locator('input[name="expiresOn"]').getAttribute('type')).toBe('date');
      }
    }
    await form.locator('select[name="type"]').selectOption('activity');
  });

  it('shows an invalid report’s issue at its field, and loses nothing', async () => {
    const form = page.getByTestId('report-form');
    const before = await readPage(page);
    await form.locator('select[name="type"]').selectOption('activity');
    await form.locator('select[name="activity"]').selectOption('premium-project');
    expect(await form.locator('[data-field]').evaluateAll((fs) => fs.map((f) => (f as HTMLElement).dataset.field))).toEqual(['type', 'activity', 'points', 'date', 'status']);
    const minimum = (await import('../../src/index')).activities.find((r) => r.id === 'premium-project')!.points;
    await form.locator('input[name="points"]').fill(String(minimum - 1));
    await form.locator('button[type="submit"]').click();
    await page.waitForSelector('[data-issue-for="points"]');
    // The issue is the library's own, for the whole ledger with the new entry.
    const index = before.entries.length;
    const candidate = { ...sample('community-basic.json'), entries: [...sample('community-basic.json').entries, { id: 'report-1', type: 'activity', date: '2026-11-20', status: 'pending', activity: 'article', words: 900, floss: true }, { id: 'report-2', type: 'activity', date: '2026-11-20', status: 'pending', activity: 'premium-project', points: minimum - 1 }] };
    const parsed = parseLedger(candidate);
    expect(parsed.ok).toBe(false);
    const expected = parsed.ok ? [] : parsed.issues.filter((i) => i.path === `entries[${index}].points`);
    expect(expected.length).toBeGreaterThan(0);
    expect(await form.locator('[data-issue-for="points"] [data-code]').evaluateAll((s) => s.map((x) => (x as HTMLElement).dataset.code))).toEqual(expected.map((i) => i.code));
    expect(await form.locator('[data-issue-for="points"]').textContent()).toContain(expected[0]!.message);
    expect(await form.locator('input[name="points"]').getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('input[name="points"]').inputValue()).toBe(String(minimum - 1));
    expect(await readPage(page)).toEqual(before);
  });

  it('keeps the ledger across a reload', async () => {
    const before = await readPage(page);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.fill('#review-date', AS_OF);
    await page.waitForSelector(`.glance[data-as-of="${AS_OF}"]`);
    const after = await readPage(page);
    expect(after.partner).toBe(before.partner);
    expect(after.entries).toEqual(before.entries);
    expect(after.entries.some((row) => row.id === 'report-1')).toBe(true);
  });

  it('plans: adds the plan as planned entries, shows them as planned, each removable', async () => {
    await openSample('professional-integrator.json');
    await setDate(AS_OF);
    const input = sample('professional-integrator.json');
    const plan = planUpgrade(input, { asOf: AS_OF, target: 'silver', by: '2026-12-31' });
    await page.getByTestId('plan').locator('select[name="plan-target"]').selectOption('silver');
    await page.getByTestId('plan').locator('input[name="plan-by"]').fill('2026-12-31');
    await page.waitForSelector('[data-testid="plan"][data-target="silver"][data-by="2026-12-31"]');
    expect((await readPage(page)).steps).toEqual(plan.steps);
    expect(plan.entries.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: /Add these as planned entries/ }).click();
    await page.waitForSelector('tr[data-planned="true"]');
    const planned = (await readPage(page)).entries.filter((row) => row.planned);
    expect(planned.map((row) => row.id)).toEqual(plan.entries.map((entry) => entry.id));
    await page.getByRole('button', { name: /Review as of/ }).click();
    await page.waitForSelector('.glance[data-as-of="2026-12-31"]');
    const withPlan = { ...input, entries: [...input.entries, ...plan.entries.map((entry) => ({ ...entry, meta: { planned: true } }))] };
    const shown = await readPage(page);
    const planning = { target: 'silver', by: '2026-12-31' };
    expectFigures(shown, withPlan, '2026-12-31', undefined, planning);
    expect(shown.tierId).toBe('silver');
    const first = plan.entries[0]!.id;
    await page.getByRole('button', { name: `Remove planned entry ${first}` }).click();
    await page.waitForFunction((id) => document.querySelector(`tr[data-id="${id}"]`) === null, first);
    expectFigures(await readPage(page), { ...withPlan, entries: withPlan.entries.filter((entry) => entry.id !== first) }, '2026-12-31', undefined, planning);
    await page.getByRole('button', { name: /Remove all planned entries/ }).click();
    await page.waitForFunction(() => document.querySelector('tr[data-planned="true"]') === null);
    await page.getByTestId('plan').locator('select[name="plan-target"]').selectOption('');
    await page.getByTestId('plan').locator('input[name="plan-by"]').fill('');
    await setDate(AS_OF);
    await page.waitForSelector('[data-testid="plan"][data-by="2026-11-30"]');
    expectFigures(await readPage(page), input, AS_OF);
  });

  it('keeps the CSV reader in a chunk of its own, outside the budget, loaded by the first CSV only', async () => {
    console.log(`[dashboard.test] CSV chunk ${size.csvChunk.file}: ${size.csvChunk.minified} bytes minified, ${size.csvChunk.gzip} min+gz, outside the budget`);
    expect(size.csvChunk.file).toMatch(/^chunks\/csv-\w+\.js$/);
    // csv-parse's own error codes are in the chunk, not in app.js, which names the chunk only to import it.
    const chunk = readFileSync(join(dir, size.csvChunk.file), 'utf8');
    const app = readFileSync(join(dir, 'app.js'), 'utf8');
    expect(chunk).toContain('CSV_INVALID_COLUMN_DEFINITION');
    expect(app).not.toContain('CSV_INVALID_COLUMN_DEFINITION');
    expect(app).toContain(`import("./${size.csvChunk.file}")`);
    // No CSV has been opened on this page yet: the chunk was never fetched.
    expect(requested).toContain('/app.js');
    expect(requested).not.toContain(`/${size.csvChunk.file}`);
  });

  it('opens a CSV file with two partners, and each can be picked', async () => {
    const csv = [
      'partner_id,partner_name,partner_joinedOn,id,type,date,amount,source,activity,words,floss,meta.customer',
      'acme,Acme Digital,2023-03-15,r1,revenue,2026-01-10,1200.50,direct-sale,,,,Quayside Museum',
      'acme,Acme Digital,2023-03-15,a1,activity,2026-02-03,,,article,900,true,',
      'zen,Zen Web,2024-01-01,z1,activity,2026-02-01,,,forum-post,,,',
      'zen,Zen Web,2024-01-01,z2,activity,2026-05-01,,,event-attendance,,,',
    ].join('\n');
    const ledgers = readCsvLedgers(csv, 'two.csv').ledgers.map((l) => l.ledger);
    expect(ledgers).toHaveLength(2);
    await page.getByLabel('Open a ledger').setInputFiles({ name: 'two.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.waitForFunction(() => document.querySelector('.glance .partner')?.textContent === 'Acme Digital');
    expect(await page.locator('#partner-pick option').count()).toBe(2);
    expectFigures(await readPage(page), ledgers[0], AS_OF);
    await page.selectOption('#partner-pick', '1');
    await page.waitForFunction(() => document.querySelector('.glance .partner')?.textContent === 'Zen Web');
    expectFigures(await readPage(page), ledgers[1], AS_OF);
    // The first CSV fetched the CSV chunk, once.
    expect(requested.filter((path) => path === `/${size.csvChunk.file}`)).toHaveLength(1);
    // Kept across a reload: the CSV chunk reads the kept CSV again, and the partner picked is back.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForFunction(() => document.querySelector('.glance .partner')?.textContent === 'Zen Web');
    expect(await page.locator('#partner-pick option').count()).toBe(2);
    await page.fill('#review-date', AS_OF);
    await page.waitForSelector(`.glance[data-as-of="${AS_OF}"]`);
    expectFigures(await readPage(page), ledgers[1], AS_OF);
  });

  it('lists a bad file’s issues next to the input, each with its path in words', async () => {
    const broken = readFileSync(join(root, 'examples', 'ledgers', 'invalid', 'broken.json'), 'utf8');
    await page.getByLabel('Open a ledger').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
    await page.waitForSelector('[data-testid="issues"]:not([hidden]) li');
    const parsed = parseLedger(JSON.parse(broken));
    expect(parsed.ok).toBe(false);
    const shown = await readPage(page);
    expect(shown.issues.map((i) => [i.path, i.code])).toEqual(parsed.ok ? [] : parsed.issues.map((i) => [i.path, i.code]));
    for (const [i, issue] of (parsed.ok ? [] : parsed.issues).entries()) {
      expect(shown.issues[i]?.text).toContain(issue.message);
      if (/^entries\[(\d+)\]/.test(issue.path)) expect(shown.issues[i]?.text).toMatch(new RegExp(`^Entry ${Number(/\d+/.exec(issue.path)![0]) + 1}\\b`));
    }
    expect(shown.tier).toBeNull();
    // A CSV with a broken cell: the issue names its line.
    await page.getByLabel('Open a ledger').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('partner_id,partner_joinedOn,id,type,date,amount,source\nacme,2023-03-15,r1,revenue,2026-01-10,"1,200.00",direct-sale\n') });
    await page.waitForFunction(() => document.querySelector('[data-testid="issues"] li')?.textContent?.trim().startsWith('Line 2, amount'));
  });

  it('opens a program definition, checked by defineProgram, and evaluates under it', async () => {
    const definition = readFileSync(join(root, 'examples', 'programs', 'exponential-2027.json'), 'utf8');
    const program = defineProgram(JSON.parse(definition));
    await openSample('gold-scale.json');
    await page.getByLabel('Open a program definition').setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(definition) });
    await setDate('2027-03-31');
    await page.waitForFunction(() => document.querySelector('[data-testid="program"]')?.textContent?.includes('2027.1'));
    expectFigures(await readPage(page), sample('gold-scale.json'), '2027-03-31', program);
    // The form offers the activity rows of the version in effect on the report's date.
    await page.getByTestId('report-form').locator('select[name="type"]').selectOption('activity');
    await page.getByTestId('report-form').locator('input[name="date"]').fill('2027-03-31');
    const version = program.versions.filter((v) => v.effectiveFrom <= '2027-03-31').at(-1)!;
    const rows = version.activities.filter((r) => r.kind !== 'derived').map((r) => r.id);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="report-form"] select[name="activity"] option[value]:not([value=""])').length === n, rows.length);
    expect(await page.getByTestId('report-form').locator('select[name="activity"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean))).toEqual(
      // Grouped by category, in the order the table first names them.
      [...new Set(version.activities.map((r) => r.category))].flatMap((category) => version.activities.filter((r) => r.kind !== 'derived' && r.category === category).map((r) => r.id)),
    );
    await page.getByLabel('Open a program definition').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"id": "x"}') });
    await page.waitForSelector('[data-testid="issues"]:not([hidden]) li');
    await page.getByRole('button', { name: 'use the built-in program' }).click();
    await setDate(AS_OF);
    expectFigures(await readPage(page), sample('gold-scale.json'), AS_OF);
  });

  // #16: a program with its own kinds, a named certification, limits, caps and a yearly fee.
  it('shows a program with its own kinds and a named certification: progress, categories, shortfall, reasons', async () => {
    const definition = JSON.stringify(securityDefinition());
    const program = defineProgram(securityDefinition());
    await page.getByLabel('Open a program definition').setInputFiles({ name: 'northwind.json', mimeType: 'application/json', buffer: Buffer.from(definition) });
    await page.waitForFunction(() => document.querySelector('[data-testid="program"]')?.textContent?.includes('northwind-security'));
    await page.getByLabel('Open a ledger').setInputFiles({ name: 'harbor.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(securityLedger())) });
    await page.waitForFunction(() => document.querySelector('.glance .partner')?.textContent === 'Harbor Secure');
    await setDate('2027-06-30');
    expectFigures(await readPage(page), securityLedger(), '2027-06-30', program);
    const words = await page.evaluate(() => ({
      labels: Array.from(document.querySelectorAll('[data-testid="next-tier"] .requirement label')).map((l) => l.textContent),
      named: document.querySelector<HTMLElement>('[data-testid="next-tier"] .requirement[data-kind="certification"]')?.dataset.certification ?? null,
      shortfall: Array.from(document.querySelectorAll('[data-testid="plan-shortfall"] li')).map((li) => li.textContent?.replace(/\s+/g, ' ').trim()),
      categories: Array.from(document.querySelectorAll<SVGGElement>('g[data-category] text:first-child')).map((t) => t.textContent),
    }));
    expect(words.labels).toEqual(['Points', 'Revenue', 'Security certifications', 'Holders of Solution Architect Certification']);
    expect(words.named).toBe('solution-architect');
    expect(words.shortfall).toEqual(['28,000 points', '$14,000.00 revenue', '2 security certifications', '0 sales certifications', '1 more holder of Solution Architect Certification']);
    expect(words.categories).toEqual(['Revenue', 'Community', 'Enablement', 'Certifications', 'Partner years', 'Bonus', 'Special', 'Adjustments']);
    await page.getByRole('button', { name: 'use the built-in program' }).click();
  });

  it('is usable from the keyboard: a sample opens with Enter, the form submits with Enter', async () => {
    await page.focus('#review-date');
    const reached = new Set<string>();
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press('Tab');
      reached.add(await page.evaluate(() => document.activeElement?.id || (document.activeElement as HTMLElement | null)?.dataset.sample || document.activeElement?.tagName || ''));
    }
    expect(reached.has('ledger-file')).toBe(true);
    expect(reached.has('silver-agency.json')).toBe(true);
    await page.focus('button[data-sample="new-fee-paying.json"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelector('.glance .partner')?.textContent === n, sample('new-fee-paying.json').partner.name!);
    const form = page.getByTestId('report-form');
    await form.locator('select[name="type"]').selectOption('time');
    await form.locator('input[name="minutes"]').fill('45');
    await form.locator('input[name="minutes"]').press('Enter');
    await page.waitForSelector('tr[data-id="report-1"]');
    expect(await page.evaluate(() => Array.from(document.querySelectorAll('[tabindex]')).filter((e) => Number(e.getAttribute('tabindex')) > 0).length)).toBe(0);
  });

  it('has no serious or critical axe-core violation', async () => {
    // axe-core writes HTML into the page, which the page's Trusted Types forbid: it runs in a context of
    // its own that bypasses the CSP, so the page under test keeps reporting every violation of its own.
    const axeContext = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const axePage = await axeContext.newPage();
    await axePage.goto(server.url);
    await axePage.waitForSelector('body[data-ready="true"]');
    await axePage.fill('#review-date', AS_OF);
    await axePage.click('button[data-sample="silver-agency.json"]');
    await axePage.waitForSelector(`.glance[data-as-of="${AS_OF}"]`);
    await axePage.addScriptTag({ path: join(root, 'node_modules', 'axe-core', 'axe.min.js') });
    for (const width of [1280, 375]) {
      await axePage.setViewportSize({ width, height: 900 });
      const results = (await axePage.evaluate(() => (window as unknown as { axe: { run: (c: Document, o: object) => Promise<unknown> } }).axe.run(document, { resultTypes: ['violations'] }))) as {
        violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
      };
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
    await axeContext.close();
  });

  it('works 375 px wide without sideways scrolling, and writes screenshots at 1280 and 375 px', async () => {
    mkdirSync(OUTPUT, { recursive: true });
    await openSample('silver-agency.json');
    await setDate(AS_OF);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForFunction((w) => document.documentElement.clientWidth === w, width);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
      expect(scrollWidth, `${width} px`).toBeLessThanOrEqual(clientWidth);
      // Nor does anything scroll sideways inside the page: the tables turn into rows of labelled cells.
      await page.$eval('details.timeline-table', (details) => ((details as HTMLDetailsElement).open = true));
      const inner = await page.$$eval('.scroll', (boxes) => boxes.map((box) => [box.scrollWidth, box.clientWidth]));
      expect(inner.length).toBeGreaterThanOrEqual(2);
      for (const [scroll, client] of inner) expect(scroll, `${width} px: a table scrolls sideways`).toBeLessThanOrEqual(client! + 1);
      await page.screenshot({ path: join(OUTPUT, `dashboard-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('re-evaluates a 1,000-entry ledger on a date change (measured, reported, not asserted)', async () => {
    const big = bigLedger(1000);
    expect(parseLedger(big).ok).toBe(true);
    await page.getByLabel('Open a ledger').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(big)) });
    await page.waitForFunction(() => document.querySelector('.glance .partner')?.textContent === 'Big Ledger Ltd');
    const dates = ['2026-10-15', '2026-09-30', '2026-08-20', '2026-07-31', '2026-06-10', AS_OF];
    const times: number[] = [];
    const planTimes: number[] = [];
    for (const date of dates) {
      // From the change to the updated figures on screen: state update, evaluate + timeline + plans, render.
      const ms = await page.evaluate(
        (d) =>
          new Promise<number>((resolve) => {
            const input = document.querySelector<HTMLInputElement>('#review-date')!;
            const start = performance.now();
            input.value = d;
            input.dispatchEvent(new Event('input', { bubbles: true }));
            const check = () => (document.querySelector<HTMLElement>('.glance')?.dataset.asOf === d ? resolve(performance.now() - start) : requestAnimationFrame(check));
            check();
          }),
        date,
      );
      times.push(ms);
      // And until the plan toward the next tier, worked out after the figures are painted, is there too.
      const planMs = await page.evaluate(
        (d) =>
          new Promise<number>((resolve) => {
            const input = document.querySelector<HTMLInputElement>('#review-date')!;
            const start = performance.now();
            input.value = `${d.slice(0, 8)}0${Math.min(9, Number(d.slice(8)) % 9 + 1)}`;
            input.dispatchEvent(new Event('input', { bubbles: true }));
            const check = () => {
              const plan = document.querySelector<HTMLElement>('[data-testid="plan"]');
              return plan?.dataset.state === 'ready' && plan.dataset.asOf === input.value ? resolve(performance.now() - start) : requestAnimationFrame(check);
            };
            check();
          }),
        date,
      );
      planTimes.push(planMs);
    }
    await setDate(AS_OF);
    expectFigures(await readPage(page), big, AS_OF);
    const sorted = [...times].sort((a, b) => a - b);
    const planSorted = [...planTimes].sort((a, b) => a - b);
    console.log(`[dashboard.test] re-evaluation of a 1,000-entry ledger on a date change: figures on screen, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms (${times.map((t) => t.toFixed(1)).join(', ')} ms); with the plan toward the next tier, median ${planSorted[Math.floor(planSorted.length / 2)]!.toFixed(1)} ms (${planTimes.map((t) => t.toFixed(1)).join(', ')} ms)`);
    expect(times).toHaveLength(dates.length);
  });

  describe('Download PDF', () => {
    /** Clicks a "Download PDF" button; resolves to the download's name and bytes, and the busy states the card went through. */
    const downloadPdf = async (kind: 'statement' | 'overview') => {
      await page.evaluate(() => {
        const card = document.querySelector<HTMLElement>('[data-testid="documents"]')!;
        const seen: string[] = [];
        (window as unknown as { busySeen: string[] }).busySeen = seen;
        new MutationObserver(() => seen.push(card.getAttribute('aria-busy') ?? '')).observe(card, { attributes: true, attributeFilter: ['aria-busy'] });
      });
      const name = kind === 'statement' ? 'Download PDF of the partner statement' : 'Download PDF of the program overview';
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
      const bytes = readFileSync((await download.path())!);
      await page.waitForSelector('[data-testid="documents"][data-state="done"][aria-busy="false"]');
      const busy = await page.evaluate(() => (window as unknown as { busySeen: string[] }).busySeen);
      return { name: download.suggestedFilename(), bytes, busy };
    };
    const chunkPath = () => `/${size.pdfChunk.file}`;

    it('keeps the PDF code in a chunk of its own, outside the budget, not loaded before a PDF is asked for', async () => {
      console.log(`[dashboard.test] PDF chunk ${size.pdfChunk.file}: ${size.pdfChunk.minified} bytes minified, ${size.pdfChunk.gzip} min+gz, outside the budget`);
      expect(size.pdfChunk.file).toMatch(/^chunks\/pdf-\w+\.js$/);
      // The chunk carries pdfkit and the font; the page's app.js does not, and names the chunk only to import it.
      const chunk = readFileSync(join(dir, size.pdfChunk.file), 'utf8');
      const app = readFileSync(join(dir, 'app.js'), 'utf8');
      expect(chunk).toContain('DejaVu');
      expect(app).not.toContain('DejaVu');
      expect(app).toContain(`import("./${size.pdfChunk.file}")`);
      expect(size.pdfChunk.gzip).toBeGreaterThan(size.budget);
      // Every test above has run on this page: none of it fetched the chunk.
      expect(requested).toContain('/app.js');
      expect(requested).not.toContain(chunkPath());
      const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
      expect(resources).not.toContain(chunkPath());
    });

    it('downloads the partner statement as PDF on A4: the very bytes renderPdf gives in Node, the chunk loaded once', async () => {
      await openSample('silver-agency.json');
      await setDate(AS_OF);
      await page.getByLabel('A4').check();
      const { name, bytes, busy } = await downloadPdf('statement');
      expect(name).toBe(`statement-${sample('silver-agency.json').partner.id}-${AS_OF}.pdf`);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const expected = await inNode.renderPdf(inNode.partnerStatement(sample('silver-agency.json'), { asOf: AS_OF }), { paper: 'a4' });
      expect(bytes.equals(Buffer.from(expected))).toBe(true);
      // The letter-size statement differs, so the paper choice did reach the renderer.
      expect(bytes.equals(Buffer.from(await inNode.renderPdf(inNode.partnerStatement(sample('silver-agency.json'), { asOf: AS_OF }), { paper: 'letter' })))).toBe(false);
      expect(busy).toEqual(['true', 'false']);
      expect(requested.filter((path) => path === chunkPath())).toHaveLength(1);
      expect(await page.textContent('[data-testid="pdf-status"]')).toContain(name);
      expect(await page.$('[data-testid="pdf-warnings"]')).toBeNull();
    });

    it('downloads the program overview as PDF on US Letter, the same bytes as in Node, without fetching the chunk again', async () => {
      await page.getByLabel('US Letter').check();
      const { name, bytes, busy } = await downloadPdf('overview');
      expect(name).toBe(`program-overview-${inNode.exponentialProgram.id}-${AS_OF}.pdf`);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const expected = await inNode.renderPdf(inNode.programOverview(inNode.exponentialProgram, { asOf: AS_OF }), { paper: 'letter' });
      expect(bytes.equals(Buffer.from(expected))).toBe(true);
      expect(busy).toEqual(['true', 'false']);
      expect(requested.filter((path) => path === chunkPath())).toHaveLength(1);
    });

    it('shows renderPdf’s warning as text when the font lacks characters of the ledger', async () => {
      const ledger = { ...sample('silver-agency.json'), partner: { ...sample('silver-agency.json').partner, name: 'Łódź 山' } };
      await page.getByLabel('Open a ledger').setInputFiles({ name: 'lodz.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(ledger)) });
      await page.waitForFunction(() => document.querySelector('.glance .partner')?.textContent === 'Łódź 山');
      await setDate(AS_OF);
      const { bytes } = await downloadPdf('statement');
      const warnings: string[] = [];
      const expected = await inNode.renderPdf(inNode.partnerStatement(ledger, { asOf: AS_OF }), { paper: 'letter', onWarning: (w) => warnings.push(w.message) });
      expect(bytes.equals(Buffer.from(expected))).toBe(true);
      expect(warnings).toHaveLength(1);
      expect(await page.$$eval('[data-testid="pdf-warnings"] li', (items) => items.map((li) => li.textContent))).toEqual(warnings);
    });

    it('makes both PDFs under an opened program definition, as the models give them for that program', async () => {
      const definition = readFileSync(join(root, 'examples', 'programs', 'exponential-2027.json'), 'utf8');
      const program = inNode.defineProgram(JSON.parse(definition));
      const asOf = '2027-03-31';
      await openSample('gold-scale.json');
      await page.getByLabel('Open a program definition').setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(definition) });
      await setDate(asOf);
      // The program line names the version in effect on the date: 2027.1 of the definition.
      await page.waitForFunction(() => document.querySelector('[data-testid="program"]')?.textContent?.includes('2027.1'));
      const statement = await downloadPdf('statement');
      expect(statement.bytes.equals(Buffer.from(await inNode.renderPdf(inNode.partnerStatement(sample('gold-scale.json'), { asOf, program }), { paper: 'letter' })))).toBe(true);
      const overview = await downloadPdf('overview');
      expect(overview.name).toBe(`program-overview-${program.id}-${asOf}.pdf`);
      expect(overview.bytes.equals(Buffer.from(await inNode.renderPdf(inNode.programOverview(program, { asOf }), { paper: 'letter' })))).toBe(true);
      // Not the built-in program's overview: the definition did reach the chunk.
      expect(overview.bytes.equals(Buffer.from(await inNode.renderPdf(inNode.programOverview(inNode.exponentialProgram, { asOf }), { paper: 'letter' })))).toBe(false);
      const builtIn = page.getByRole('button', { name: 'use the built-in program' });
      await builtIn.click();
      await builtIn.waitFor({ state: 'detached' });
    });
  });

  it('ran without a CSP violation or a console error', () => {
    expect(reports.violations).toEqual([]);
    expect(reports.consoleErrors).toEqual([]);
  });
});

// #16: the dashboard's words for the new shapes, in Node (no browser): they are what the page shows.
describe('dashboard words for programs of other shapes (format.ts)', () => {
  const version = defineProgram(securityDefinition()).versions[0];

  it('names the program’s renewal tier in a renewal waiver', () => {
    expect(feeText({ status: 'waived', basis: 'professional-renewal', waivedThrough: '2027-02-28' }, 'EUR', 'Authorized')).toBe('Waived through 28 Feb 2027 (Authorized last partnership year)');
    expect(feeText({ status: 'waived', basis: 'professional-renewal', waivedThrough: '2027-02-28' }, 'USD')).toBe('Waived through 28 Feb 2027 (Professional last partnership year)');
    expect(basisText('professional-renewal', 'Gold')).toBe('Gold last partnership year');
    expect(basisText('basic-points', 'Gold')).toBe('by points, no fee required');
  });

  it('says a fee due per its period, a year once', () => {
    expect(feeText({ status: 'due', amountDue: '45.00', period: 'month', annualAmount: '540.00' }, 'USD')).toBe('Due: $45.00 a month ($540.00 a year)');
    expect(feeText({ status: 'due', amountDue: '150.00', period: 'quarter', annualAmount: '600.00' }, 'USD')).toBe('Due: $150.00 a quarter ($600.00 a year)');
    expect(feeText({ status: 'due', amountDue: '500.00', period: 'year', annualAmount: '500.00' }, 'USD')).toBe('Due: $500.00 a year');
  });

  it('names requirement checks by the program’s kinds and certifications, categories by the program', () => {
    expect(checkName({ kind: 'security-certifications' }, version)).toBe('Security certifications');
    expect(checkName({ kind: 'certification', certification: 'solution-architect' }, version)).toBe('Holders of Solution Architect Certification');
    expect(checkName({ kind: 'profile-certifications' }, exponentialProgram.versions[0])).toBe('Profile certifications');
    expect(['revenue', 'community', 'knowledge', 'adjustment', 'unknown'].map((key) => categoryName(key, version))).toEqual(['Revenue', 'Community', 'Knowledge sharing', 'Adjustments', 'unknown']);
    expect(version.tiers.map(tierPoints)).toEqual([1000, 10000, 40000]);
    expect(tierPoints({ requirements: [{ type: 'revenue', min: '10.00' }] })).toBe(0);
    expect(shortfallKey('cloud-security')).toBe('cloudSecurityCertifications');
  });

  it('has words for every reason code, the new limits and the cap included', () => {
    // A record over the closed lists: the type checker says when a code is added to them and missing here.
    const codes: Record<ExclusionReason | CountedReason | 'pending-approval', true> = {
      'outside-window': true,
      'after-as-of': true,
      rejected: true,
      'evidence-not-met': true,
      'monthly-limit': true,
      'quarterly-limit': true,
      'yearly-limit': true,
      'window-limit': true,
      'fee-amount-mismatch': true,
      'not-in-program-version': true,
      'already-credited': true,
      'earned-before-window': true,
      'points-cap': true,
      'pending-approval': true,
    };
    expect(Object.keys(reasonWords).sort()).toEqual(Object.keys(codes).sort());
  });
});
