// The library in real headless Chromium (playwright-core, Debian's
// /usr/bin/chromium), on the Partner Dashboard's origin under its strict
// Content-Security-Policy: the built ESM entry gives exactly what the ESM and
// CJS entries give in Node, with no CSP violation and no console error. The
// dashboard's own behaviour is test/integration/dashboard.test.ts.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, extraTimeZoneRun, root } from '../cli/helpers';
import { asOfArbitrary, ledgerArbitrary } from '../properties/arbitraries';
import { chromiumTool, launchChromium, watchPage, type PageReports } from './chromium';


const AS_OF = '2026-11-30';
const ledgerText = (name: string) => readFileSync(join(root, 'examples', 'ledgers', name), 'utf8');

describe.skipIf(chromiumTool.skip || extraTimeZoneRun)(`the library in headless Chromium${chromiumTool.reason}`, () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let dir: string;
  let page: Page;
  let reports: PageReports;

  beforeAll(async () => {
    ensureBuilt(); // the page and the identity check use the built package: dist/
    dir = mkdtempSync(join(tmpdir(), 'pp-browser-'));
    const { buildPage } = (await import(pathToFileURL(join(root, 'examples', 'dashboard', 'build.mjs')).href)) as { buildPage: (o: { outDir: string }) => Promise<unknown> };
    const { servePage } = (await import(pathToFileURL(join(root, 'examples', 'dashboard', 'serve.mjs')).href)) as {
      servePage: (o: { dir: string }) => Promise<{ url: string; close: () => Promise<void> }>;
    };
    await buildPage({ outDir: dir });
    server = await servePage({ dir });
    browser = await launchChromium();
    page = await browser.newPage();
    reports = await watchPage(page);
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
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("require-trusted-types-for 'script'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
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
    expect(reports.violations).toEqual([]);
    expect(reports.consoleErrors).toEqual([]);
  });
});
