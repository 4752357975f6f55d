/**
 * The PDF documents of the page, loaded only when one is asked for. build.mjs
 * bundles this module on its own — the document models, the library they use
 * and the `@exponential/partner-program/pdf` entry with pdfkit, fontkit and
 * the font — as chunks/pdf-<hash>.js, which documents.ts fetches with a
 * dynamic `import()`: none of it is in the page's JavaScript budget. It has
 * its own copy of the library, so it takes plain data (the ledger as JSON, the
 * program definition), never an object of the page's copy.
 */
import { config } from 'zod/mini';
import { defineProgram, exponentialProgram, partnerStatement, programOverview } from '@exponential/partner-program';
import { renderPdf, type PdfPaper } from '@exponential/partner-program/pdf';

// No `new Function` probe, which the CSP would report. zod keeps its config on globalThis, so app.ts has
// set this already; set here too, so that the chunk does not depend on what loaded before it.
config({ jitless: true });

/** What to make, as plain data: the partner statement of a ledger or the program overview, for a date. */
export type PdfRequest = {
  readonly kind: 'statement' | 'overview';
  /** The ledger as JSON (statement only). */
  readonly ledger?: unknown;
  /** The program definition in use, or null for the built-in program. */
  readonly definition: unknown;
  readonly asOf: string;
  readonly paper: PdfPaper;
};

/**
 * The PDF's bytes, and the messages of `renderPdf`'s warnings (characters the
 * font cannot show, replaced by U+FFFD).
 * @param request - The document, its program, date and paper.
 * @returns The bytes and the warnings' messages, in order.
 */
export async function makePdf(request: PdfRequest): Promise<{ bytes: Uint8Array; warnings: string[] }> {
  const program = request.definition === null ? undefined : defineProgram(request.definition);
  // The built-in program is the models' default: with it, the statement is exactly `partnerStatement(ledger, { asOf })`.
  const doc =
    request.kind === 'statement'
      ? partnerStatement(request.ledger, { asOf: request.asOf, ...(program === undefined ? {} : { program }) })
      : programOverview(program ?? exponentialProgram, { asOf: request.asOf });
  const warnings: string[] = [];
  const bytes = await renderPdf(doc, { paper: request.paper, onWarning: (warning) => warnings.push(warning.message) });
  return { bytes, warnings };
}
