// The ./pdf entry in real headless Chromium (Debian's /usr/bin/chromium): it
// renders a statement with no Node built-in and no file system, and gives the
// very bytes Node gives for the same input.
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, extraTimeZoneRun } from '../cli/helpers';
import { chromiumTool, launchChromium } from '../integration/chromium';
import { renamed, root } from './helpers';


describe.skipIf(chromiumTool.skip || extraTimeZoneRun)(`the PDF entry in headless Chromium${chromiumTool.reason}`, () => {
  let browser: Browser;
  let bundle: string;

  beforeAll(async () => {
    ensureBuilt();
    // The page's code: the built core and the built ./pdf entry, bundled for the browser.
    const result = await build({
      stdin: {
        contents: `import { partnerStatement } from ${JSON.stringify(join(root, 'dist', 'index.js'))};
          import { renderPdf } from ${JSON.stringify(join(root, 'dist', 'pdf', 'index.js'))};
          globalThis.makePdf = async (ledger) => {
            const warnings = [];
            const bytes = await renderPdf(partnerStatement(ledger, { asOf: '2026-11-30' }), { paper: 'a4', onWarning: (w) => warnings.push(w.characters) });
            return { bytes: Array.from(bytes), warnings };
          };`,
        resolveDir: root,
        loader: 'js',
      },
      bundle: true,
      format: 'iife',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    bundle = result.outputFiles[0]?.text ?? '';
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('renders the same bytes as in Node, warning about what the font lacks', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setContent('<!doctype html><title>pdf</title>');
    await page.addScriptTag({ content: bundle });
    expect(errors).toEqual([]);
    const ledger = renamed('Łódź Studio 山');
    const inPage = await page.evaluate(async (l) => (globalThis as unknown as { makePdf: (x: unknown) => Promise<{ bytes: number[]; warnings: string[][] }> }).makePdf(l), ledger);
    expect(errors).toEqual([]);
    const { renderPdf } = (await import(join(root, 'dist', 'pdf', 'index.js'))) as typeof import('../../src/pdf/index');
    const { partnerStatement } = (await import(join(root, 'dist', 'index.js'))) as typeof import('../../src/index');
    const inNode = await renderPdf(partnerStatement(ledger, { asOf: '2026-11-30' }), { paper: 'a4' });
    expect(inPage.warnings).toEqual([['山']]);
    expect(Buffer.from(inPage.bytes).equals(Buffer.from(inNode))).toBe(true);
    await page.close();
  });
});
