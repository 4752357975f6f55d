// Debian's Chromium for the browser tests: one place for where it is, how it is
// launched on this closed network, and how a page's console errors and CSP
// violations are collected.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { requireTool } from './tools';

/** The Chromium binary: Debian's, or `CHROMIUM_PATH`. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Missing Chromium: skipped, with the reason, on a developer's machine; a failure in CI. */
export const chromiumTool = requireTool(`Chromium at ${CHROMIUM}`, existsSync(CHROMIUM), 'apt-get install -y chromium (as .ci/run does), or set CHROMIUM_PATH');

// Without the background-networking flags Chromium keeps trying hosts this machine cannot reach.
const flags = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Launches headless Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: flags });
}

/** What a page reported: console errors and warnings, uncaught errors, and every CSP violation from its first script on. */
export type PageReports = { readonly consoleErrors: string[]; readonly violations: string[] };

/** Starts collecting a page's reports; call before the page is loaded. */
export async function watchPage(page: Page): Promise<PageReports> {
  const reports: PageReports = { consoleErrors: [], violations: [] };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') reports.consoleErrors.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => reports.consoleErrors.push(`pageerror: ${error.message}`));
  await page.exposeFunction('reportViolation', (text: string) => reports.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation: (t: string) => void }).reportViolation(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`);
    });
  });
  return reports;
}
