/**
 * `node bench/documents.mjs [--entries 5000]`: a partner statement of a
 * generated ledger (bench/generate.mjs, the benchmarks' realistic mix), built
 * and rendered to Markdown, HTML and PDF (Letter and A4) from dist/; prints
 * the size, pages and time of each. A report, not a timed test: run
 * `npm run build` first. Pages are counted from the PDF's page objects.
 */
import { performance } from 'node:perf_hooks';
import { generateLedger, AS_OF } from './generate.mjs';

const arg = process.argv.indexOf('--entries');
const entries = arg === -1 ? 5000 : Number(process.argv[arg + 1]);

const core = await import('../dist/index.js');
const t0 = performance.now();
const { renderPdf } = await import('../dist/pdf/index.js');
const importMs = performance.now() - t0;

const ledger = core.parseLedger(generateLedger(entries));
if (!ledger.ok) throw new Error(JSON.stringify(ledger.issues.slice(0, 3)));

const time = async (label, fn) => {
  const start = performance.now();
  const result = await fn();
  return { label, ms: performance.now() - start, result };
};

const rows = [];
const model = await time('partnerStatement (model)', () => core.partnerStatement(ledger.ledger, { asOf: AS_OF }));
rows.push(model);
rows.push(await time('renderMarkdown', () => core.renderMarkdown(model.result)));
rows.push(await time('renderHtml', () => core.renderHtml(model.result)));
for (const paper of ['letter', 'a4']) {
  // The first PDF also decodes and parses the fonts once; the second shows the steady cost.
  rows.push(await time(`renderPdf ${paper} (first)`, () => renderPdf(model.result, { paper })));
  rows.push(await time(`renderPdf ${paper}`, () => renderPdf(model.result, { paper })));
}
const overview = await time('programOverview + renderPdf', () => renderPdf(core.programOverview(core.exponentialProgram, { asOf: AS_OF })));
rows.push(overview);

const pagesOf = (bytes) => (new TextDecoder('latin1').decode(bytes).match(/\/Type \/Page\b/g) ?? []).length;
console.log(`documents: a ${entries}-entry statement (as of ${AS_OF}); import of dist/pdf ${importMs.toFixed(0)} ms`);
for (const { label, ms, result } of rows) {
  const size = typeof result === 'string' ? `${(result.length / 1024).toFixed(0)} kB` : result instanceof Uint8Array ? `${(result.length / 1024).toFixed(0)} kB, ${pagesOf(result)} pages` : '';
  console.log(`${label.padEnd(30)} ${ms.toFixed(0).padStart(7)} ms  ${size}`);
}
