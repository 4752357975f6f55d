/**
 * "Download PDF" for the partner statement and the program overview. The PDF
 * code (pdf.ts: the document models and the `/pdf` entry with its font) is a
 * chunk of its own, chunks/pdf-<hash>.js, which build.mjs names in `PDF_CHUNK`;
 * it is imported the first time a PDF is asked for. The file is
 * offered through a Blob URL and an `<a download>` click, which the page's CSP
 * allows as it is (a download is not a fetch, a script or a navigation of the page).
 */
import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import type { Program } from '@exponential/partner-program';
import type { PdfPaper } from '@exponential/partner-program/pdf';
import { formatDate } from './format';
import type { makePdf, PdfRequest } from './pdf';

/** The PDF chunk's URL relative to app.js, put in by build.mjs. */
declare const PDF_CHUNK: string;

/** A partner or program id as part of a file name: letters, digits, `.`, `_` and `-` only. */
export function fileStem(id: string): string {
  return id.replace(/[^\w.-]+/g, '_').replace(/^\.+/, '_') || '_';
}

/** Offers data as a file download (Blob URL, `<a download>` click): the ledger as JSON, the PDFs. */
export function downloadBytes(bytes: BlobPart, type: string, name: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([bytes], { type }));
  link.download = name;
  link.click();
  // The click starts the download at once; the URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** Lets the busy state paint before the rendering, which holds the main thread, starts. */
const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

type Kind = PdfRequest['kind'];
type State = { readonly busy: Kind | null; readonly done: string; readonly warnings: readonly string[]; readonly error: string };

/**
 * The documents card: paper (Letter or A4), and one "Download PDF" button per
 * document; while a PDF renders both buttons wait and the card is `aria-busy`;
 * `renderPdf`'s warnings are shown as text.
 */
export function Documents({ ledger, partnerId, program, definition, asOf }: { ledger: unknown; partnerId: string | null; program: Program; definition: unknown; asOf: string }) {
  const [paper, setPaper] = useState<PdfPaper>('letter');
  const [state, setState] = useState<State>({ busy: null, done: '', warnings: [], error: '' });

  const download = async (kind: Kind) => {
    // While a PDF renders the buttons stay focusable (a disabled button would drop the keyboard focus) but do nothing.
    if (state.busy !== null || (kind === 'statement' && ledger === null)) return;
    const request: PdfRequest = { kind, ...(kind === 'statement' ? { ledger } : {}), definition, asOf, paper };
    const name = kind === 'overview' ? `program-overview-${fileStem(program.id)}-${asOf}.pdf` : `statement-${fileStem(partnerId ?? 'partner')}-${asOf}.pdf`;
    setState({ busy: kind, done: '', warnings: [], error: '' });
    try {
      await nextPaint();
      // A module of its own (see pdf.ts), fetched once, on the first PDF.
      const chunk = (await import(PDF_CHUNK)) as { makePdf: typeof makePdf };
      const { bytes, warnings } = await chunk.makePdf(request);
      downloadBytes(bytes as BlobPart, 'application/pdf', name);
      setState({ busy: null, done: `Downloaded ${name} (${Math.ceil(bytes.length / 1024)} kB).`, warnings, error: '' });
    } catch (error) {
      setState({ busy: null, done: '', warnings: [], error: `The PDF could not be made: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  const busy = state.busy !== null;
  const button = (kind: Kind, what: string, disabled: boolean) =>
    html`<button type="button" data-testid=${`pdf-${kind}`} disabled=${disabled} aria-disabled=${busy ? 'true' : 'false'} onClick=${() => void download(kind)}>
      ${state.busy === kind ? 'Rendering…' : 'Download PDF'}<span class="visually-hidden"> of the ${what}</span>
    </button>`;

  return html`<section class="card documents" aria-labelledby="documents-title" aria-busy=${busy ? 'true' : 'false'} data-testid="documents" data-state=${state.busy ?? (state.error ? 'error' : state.done ? 'done' : 'idle')}>
    <h2 id="documents-title">Documents</h2>
    <fieldset class="paper">
      <legend>Paper</legend>
      ${(['letter', 'a4'] as const).map(
        (p) => html`<label><input type="radio" name="paper" value=${p} checked=${paper === p} disabled=${busy} onChange=${() => setPaper(p)} /> ${p === 'letter' ? 'US Letter' : 'A4'}</label>`,
      )}
    </fieldset>
    <ul class="document-list">
      <li>
        <span><strong>Partner statement</strong> on ${formatDate(asOf)}: the tier and why, every requirement, points, revenue, certifications, fee, the plan, the last 12 reviews and every entry.</span>
        ${button('statement', 'partner statement', ledger === null)}
      </li>
      <li>
        <span><strong>Program overview</strong> of ${program.name} in effect on ${formatDate(asOf)}: tiers, activities, certifications and the rules.</span>
        ${button('overview', 'program overview', false)}
      </li>
    </ul>
    ${ledger === null ? html`<p class="note">Open a ledger for its statement.</p>` : null}
    <div role="status">
      <p class="note" data-testid="pdf-status">${busy ? `Rendering the ${state.busy === 'statement' ? 'partner statement' : 'program overview'}…` : state.done}</p>
      ${state.warnings.length > 0 ? html`<ul class="pdf-warnings" data-testid="pdf-warnings">${state.warnings.map((w) => html`<li>${w}</li>`)}</ul>` : null}
    </div>
    ${state.error ? html`<p class="field-issue" role="alert" data-testid="pdf-error">${state.error}</p>` : null}
  </section>`;
}
