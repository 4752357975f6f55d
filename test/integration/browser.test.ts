// The browser example end to end in real headless Chromium (playwright-core,
// Debian's /usr/bin/chromium), served from 127.0.0.1 under a strict
// Content-Security-Policy: no CSP violation, no console error, correct output.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, reviewTimeline } from '../../src/index';
import { ensureBuilt, extraTimeZoneRun, root } from '../cli/helpers';
import { asOfArbitrary, ledgerArbitrary } from '../properties/arbitraries';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && process.env.CI) {
  throw new Error(`${CHROMIUM} is missing: CI must run the browser test (apt-get install -y chromium, as .ci/run does)`);
}
if (!haveBrowser) console.warn(`[browser.test] skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);

const AS_OF = '2026-11-30';
const ledgerText = (name: string) => readFileSync(join(root, 'examples', 'ledgers', name), 'utf8');

describe.skipIf(!haveBrowser || extraTimeZoneRun)('browser example in headless Chromium', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let dir: string;
  let page: Page;
  const violations: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    ensureBuilt(); // the page imports the package by name: dist/
    dir = mkdtempSync(join(tmpdir(), 'pp-browser-'));
    const { buildPage } = (await import(pathToFileURL(join(root, 'examples', 'browser', 'build.mjs')).href)) as { buildPage: (o: { outDir: string }) => Promise<string> };
    const { servePage } = (await import(pathToFileURL(join(root, 'examples', 'browser', 'serve.mjs')).href)) as {
      servePage: (o: { dir: string }) => Promise<{ url: string; close: () => Promise<void> }>;
    };
    await buildPage({ outDir: dir });
    server = await servePage({ dir });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
    // Report every CSP violation the page sees, from its very first script on.
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { reportViolation: (t: string) => void }).reportViolation(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`);
      });
    });
    const response = await page.goto(server.url);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForSelector('body[data-ready="true"]');
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('serves the page under a CSP without unsafe-eval or unsafe-inline', async () => {
    const response = await page.request.get(server.url);
    const csp = response.headers()['content-security-policy'] ?? '';
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
  });

  it('evaluates a pasted ledger: tier, points, progress toward the next tier', async () => {
    await page.fill('#ledger', ledgerText('silver-agency.json'));
    await page.fill('#as-of', AS_OF);
    await page.click('#evaluate');
    await page.waitForSelector('#result:not([hidden])');
    const expected = evaluate(JSON.parse(ledgerText('silver-agency.json')), { asOf: AS_OF });
    expect(await page.textContent('#partner')).toBe('Meridian Digital Agency');
    expect(await page.textContent('#tier')).toBe('Silver');
    expect(await page.textContent('#points')).toBe('31,860 (+1,500 pending)');
    expect(await page.textContent('#revenue')).toBe('$12,850.75');
    expect(await page.textContent('#next-tier')).toBe('Next: Gold — still needs 18,140 points, $5,149.25 revenue, 1 profile certification(s), 4 sales certification(s).');
    const bar = await page.$eval('#progress-points', (el) => ({ value: (el as HTMLProgressElement).value, max: (el as HTMLProgressElement).max }));
    expect(bar).toEqual({ value: expected.points.total, max: 50_000 });
    expect(await page.isHidden('#issues')).toBe(true);
  });

  it('draws the last 12 monthly reviews as an SVG chart, as reviewTimeline gives them', async () => {
    const bars = await page.$$eval('#timeline svg rect.review', (rects) => rects.map((r) => ({ date: r.getAttribute('data-date'), tier: r.getAttribute('data-tier'), points: Number(r.getAttribute('data-points')) })));
    const reviews = reviewTimeline(JSON.parse(ledgerText('silver-agency.json')), { from: '2025-12-01', to: AS_OF });
    expect(bars).toHaveLength(12);
    expect(bars).toEqual(reviews.map((r) => ({ date: r.date, tier: r.tier ?? '', points: r.points.total })));
    expect(bars[0]?.date).toBe('2025-12-31');
    expect(bars[11]?.date).toBe(AS_OF);
  });

  it('evaluates an uploaded file', async () => {
    await page.setInputFiles('#file', { name: 'gold.json', mimeType: 'application/json', buffer: Buffer.from(ledgerText('gold-scale.json')) });
    await page.waitForFunction(() => document.getElementById('tier')?.textContent === 'Gold');
    expect(await page.textContent('#points')).toBe('65,755');
  });

  it('lists every issue of an invalid ledger', async () => {
    await page.fill('#ledger', ledgerText('invalid/broken.json'));
    await page.click('#evaluate');
    await page.waitForSelector('#issues:not([hidden])');
    const items = await page.$$eval('#issue-list li', (lis) => lis.map((li) => li.textContent ?? ''));
    expect(items).toHaveLength(6);
    expect(items[2]).toContain('entries[3].amount: "1,200.00" is not a plain decimal amount');
    expect(await page.isHidden('#result')).toBe(true);
  });

  it('gives, from the built ESM entry in Chromium, exactly what the ESM and CJS entries give in Node', async () => {
    // The package's ESM entry and its dependencies as one browser module, served from the page's origin under the same CSP.
    await build({ entryPoints: [join(root, 'dist', 'index.js')], outfile: join(dir, 'library.js'), bundle: true, format: 'esm', platform: 'browser', logLevel: 'warning' });
    const examples = readdirSync(join(root, 'examples', 'ledgers'))
      .filter((name) => name.endsWith('.json'))
      .map((name) => ({ ledger: JSON.parse(ledgerText(name)) as unknown, asOf: AS_OF }));
    const generated = fc.sample(fc.tuple(ledgerArbitrary(30), asOfArbitrary), { seed: 7, numRuns: 40 }).map(([ledger, asOf]) => ({ ledger: ledger as unknown, asOf }));
    const cases = [...examples, ...generated];
    type Api = { evaluate: (l: unknown, o: { asOf: string }) => unknown; reviewTimeline: (l: unknown, o: { from: string; to: string }) => unknown };
    const run = (api: Api, list: typeof cases) =>
      list.map(({ ledger, asOf }) => JSON.stringify([api.evaluate(ledger, { asOf }), api.reviewTimeline(ledger, { from: `${Number(asOf.slice(0, 4)) - 1}-01-01`, to: asOf })]));
    // A string, not a function: vitest would rewrite a function's dynamic import for Node.
    const inBrowser = (await page.evaluate(`import('/library.js').then((api) => (${JSON.stringify(cases)}).map(({ ledger, asOf }) =>
      JSON.stringify([api.evaluate(ledger, { asOf }), api.reviewTimeline(ledger, { from: (Number(asOf.slice(0, 4)) - 1) + '-01-01', to: asOf })])))`)) as string[];
    const esm = (await import(pathToFileURL(join(root, 'dist', 'index.js')).href)) as Api;
    const cjs = createRequire(import.meta.url)(join(root, 'dist', 'index.cjs')) as Api;
    const inNode = run(esm, cases);
    expect(run(cjs, cases)).toEqual(inNode);
    expect(inBrowser).toHaveLength(cases.length);
    expect(inBrowser).toEqual(inNode);
  });

  it('ran without a CSP violation or a console error', () => {
    expect(violations).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
