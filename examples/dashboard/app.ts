/**
 * The Partner Dashboard: a partner's standing for a review date, progress per
 * requirement, points by category, the monthly timeline with its forecast,
 * what leaves the window next, every entry's outcome, the quick reporting form
 * and planning. It runs the library in the page under a strict
 * Content-Security-Policy with Trusted Types: Preact sets text, never HTML, so
 * ledger text is only ever shown as text. Every figure is derived in render
 * from (ledger, program, date): a change can never leave a stale figure.
 */
import { html } from 'htm/preact';
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { config } from 'zod/mini';
import { parseLedger, type LedgerEntry, type Program } from '@exponential/partner-program';
import type { CsvLedger } from '@exponential/partner-program/csv';
import { CategoryChart, TimelineChart } from './charts';
import { Documents, downloadBytes, fileStem } from './documents';
import { describePath } from './format';
import { analyze, exponentialProgram, isDate, isPlanned, loadKept, openText, placeCsvIssues, readProgram, saveKept, today, versionOn, type Kept, type LedgerJson, type ShownIssue } from './model';
import { ReportForm } from './report';
import { Entries, Glance, Planning, Progress, Upcoming } from './sections';

// zod may compile object parsers with `new Function` (its JIT); under a CSP
// without 'unsafe-eval' even its guarded probe is reported as a violation.
config({ jitless: true });

/** The sample partners, put in by build.mjs: served beside the page as samples/<file>. */
declare const SAMPLES: readonly { file: string; name: string }[];

const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
})();

/** A list of issues, each with where it is in words, next to the input it belongs to. */
function IssueList({ issues, input, title }: { issues: readonly ShownIssue[]; input: unknown; title: string }) {
  return html`<div class="issues" data-testid="issues" role="alert" hidden=${issues.length === 0}>
    ${issues.length === 0
      ? null
      : html`<h3>${title}</h3>
          <ul>
            ${issues.map(
              (issue) => html`<li data-path=${issue.path} data-code=${issue.code}>
                <strong>${issue.line === undefined ? describePath(issue.path, input) : `Line ${issue.line}${issue.column ? `, ${issue.column}` : ''}${issue.path ? ` (${describePath(issue.path, input)})` : ''}`}</strong>: ${issue.message} <code>${issue.code}</code>
              </li>`,
            )}
          </ul>`}
  </div>`;
}

type Loaded = { ledger: LedgerJson | null; source: string; csv: { name: string; text: string; partners: readonly CsvLedger[]; partner: number } | null; openIssues: ShownIssue[] };

/** Restores what the browser kept: the ledger (a CSV's partners follow once the CSV chunk has read them again, {@link restoreCsv}). */
function restore(kept: Kept | null): Loaded {
  if (kept === null) return { ledger: null, source: '', csv: null, openIssues: [] };
  return { ledger: kept.ledger, source: kept.source, csv: null, openIssues: [] };
}

/** A kept CSV's partners, read again, or `null` when it no longer reads as a CSV. */
async function restoreCsv(kept: Kept | null): Promise<Pick<Loaded, 'csv' | 'openIssues'> | null> {
  if (kept === null || kept.csv === null) return null;
  const opened = await openText(kept.csv.text, kept.csv.name);
  return opened.kind === 'csv' ? { csv: { ...kept.csv, partners: opened.partners }, openIssues: opened.issues } : null;
}

function App() {
  const kept = useMemo(() => loadKept(storage), []);
  const [loaded, setLoaded] = useState<Loaded>(() => restore(kept));
  const [programState, setProgramState] = useState<{ program: Program; definition: unknown | null; issues: ShownIssue[] }>(() => {
    const read = kept?.program == null ? null : readProgram(JSON.stringify(kept.program));
    return read?.ok ? { program: read.program, definition: read.definition, issues: [] } : { program: exponentialProgram, definition: null, issues: [] };
  });
  const [asOf, setAsOf] = useState(today);
  const [paste, setPaste] = useState('');
  const [dragging, setDragging] = useState(false);
  const [notice, setNotice] = useState('');
  const program = programState.program;

  // Parsed once per ledger and program, not per date: the library recognises its parsed ledgers and does not check them again.
  const parsed = useMemo(() => (loaded.ledger === null ? null : parseLedger(loaded.ledger, { program })), [loaded.ledger, program]);
  const analysis = useMemo(() => (parsed === null || !isDate(asOf) ? null : parsed.ok ? analyze(parsed.ledger, program, asOf) : { ok: false as const, issues: parsed.issues }), [parsed, program, asOf]);
  const version = versionOn(program, asOf);
  const tierName = (id: string | null) => (id === null ? 'No tier' : (version.tiers.find((t) => t.id === id)?.name ?? id));

  // Nothing is kept before what was kept is back (a kept CSV is read again by the CSV chunk first).
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    if (!restored) return;
    saveKept(storage, { ledger: loaded.ledger, source: loaded.source, csv: loaded.csv && { name: loaded.csv.name, text: loaded.csv.text, partner: loaded.csv.partner }, program: programState.definition });
  }, [loaded, programState.definition, restored]);
  useEffect(() => {
    // A kept CSV is read again by the CSV chunk: the page is ready once its partners are back.
    void restoreCsv(kept).then((csv) => {
      if (csv !== null) setLoaded((prev) => (prev.ledger === kept?.ledger ? { ...prev, ...csv } : prev));
      setRestored(true);
      document.body.dataset.ready = 'true';
    });
  }, []);

  /** Opens a text as a ledger: JSON, or a CSV (its first partner, the others one pick away). */
  const open = async (text: string, name: string) => {
    const opened = await openText(text, name);
    if (opened.kind === 'error') setLoaded((prev) => ({ ...prev, openIssues: opened.issues }));
    else if (opened.kind === 'json') setLoaded({ ledger: opened.ledger, source: name, csv: null, openIssues: [] });
    else setLoaded({ ledger: opened.partners[0]!.ledger, source: name, csv: { name, text, partners: opened.partners, partner: 0 }, openIssues: opened.issues });
    setNotice(opened.kind === 'error' ? '' : `Opened ${name}.`);
  };
  const openFile = async (file: File | undefined) => {
    if (file !== undefined) await open(await file.text(), file.name);
  };
  const pickPartner = (index: number) => {
    const csv = loaded.csv;
    const partner = csv?.partners[index];
    if (csv && partner) setLoaded({ ...loaded, ledger: partner.ledger, csv: { ...csv, partner: index } });
  };
  const openSample = async (file: string) => {
    const response = await fetch(`samples/${file}`);
    await open(await response.text(), file);
  };
  const openProgram = async (file: File | undefined) => {
    if (file === undefined) return;
    const read = readProgram(await file.text());
    setProgramState(read.ok ? { program: read.program, definition: read.definition, issues: [] } : { ...programState, issues: read.issues });
  };
  /** Changes the entries from the latest state (a row that skipped a render may hold an older handler). */
  const setEntries = (change: (entries: unknown[]) => unknown[]) => setLoaded((prev) => (prev.ledger === null ? prev : { ...prev, ledger: { ...prev.ledger, entries: change(prev.ledger.entries ?? []) } }));
  const exportJson = () => {
    const id = (loaded.ledger?.partner as { id?: unknown } | undefined)?.id;
    downloadBytes(`${JSON.stringify(loaded.ledger, null, 2)}\n`, 'application/json', `${typeof id === 'string' ? fileStem(id) : 'ledger'}.json`);
  };

  const ledgerIssues: ShownIssue[] =
    analysis !== null && !analysis.ok ? placeCsvIssues(loaded.csv?.partners[loaded.csv.partner], analysis.issues, loaded.csv?.name ?? loaded.source) : [];
  const shownIssues = [...loaded.openIssues, ...ledgerIssues];
  const entries = loaded.ledger?.entries ?? [];

  return html`
    <header class="top">
      <div>
        <h1>Partner Dashboard</h1>
        <p class="note">Exponential Partner Program — evaluated in this page; nothing is sent anywhere.</p>
      </div>
      <div class="date-field">
        <label for="review-date">Review date</label>
        <input id="review-date" type="date" value=${asOf} required onInput=${(e: Event) => setAsOf((e.target as HTMLInputElement).value)} />
        ${isDate(asOf) ? null : html`<span class="field-issue" role="alert">Choose a review date.</span>`}
      </div>
    </header>
    <main>
      <section class=${`card open${dragging ? ' dragging' : ''}`} aria-labelledby="open-title"
        onDragOver=${(e: DragEvent) => { e.preventDefault(); setDragging(true); }}
        onDragLeave=${() => setDragging(false)}
        onDrop=${(e: DragEvent) => { e.preventDefault(); setDragging(false); void openFile(e.dataTransfer?.files[0]); }}>
        <h2 id="open-title">Ledger</h2>
        <div class="open-row">
          <div class="field">
            <label for="ledger-file">Open a ledger</label>
            <input id="ledger-file" type="file" accept=".json,.csv,application/json,text/csv" onChange=${(e: Event) => void openFile((e.target as HTMLInputElement).files?.[0])} />
            <small>JSON, or CSV with one or many partners (docs/csv.md); or drop a file here.</small>
          </div>
          <div class="samples" role="group" aria-labelledby="samples-label">
            <span id="samples-label">Sample partners:</span>
            ${SAMPLES.map((s) => html`<button type="button" class="secondary" data-sample=${s.file} onClick=${() => void openSample(s.file)}>${s.name}</button>`)}
          </div>
        </div>
        <details class="paste">
          <summary>Paste a ledger</summary>
          <label for="ledger-text">Ledger text (JSON or CSV)</label>
          <textarea id="ledger-text" rows="8" spellcheck="false" value=${paste} onInput=${(e: Event) => setPaste((e.target as HTMLTextAreaElement).value)}></textarea>
          <button type="button" onClick=${() => void open(paste, 'pasted text')}>Open the pasted text</button>
        </details>
        ${loaded.csv !== null && loaded.csv.partners.length > 1
          ? html`<div class="field partner-pick">
              <label for="partner-pick">Partner (${loaded.csv.partners.length} in ${loaded.csv.name})</label>
              <select id="partner-pick" value=${String(loaded.csv.partner)} onInput=${(e: Event) => pickPartner(Number((e.target as HTMLSelectElement).value))}>
                ${loaded.csv.partners.map((p, i) => html`<option value=${String(i)}>${String(p.ledger.partner.name ?? p.ledger.partner.id)} (${String(p.ledger.partner.id)})</option>`)}
              </select>
            </div>`
          : null}
        <p class="note source" role="status">${notice || (loaded.source ? `Showing ${loaded.source}${entries.length ? `, ${entries.length} entries` : ''}.` : 'Open a ledger or pick a sample partner.')}</p>
        <div class="open-row">
          <button type="button" class="secondary" disabled=${loaded.ledger === null} onClick=${exportJson}>Export as JSON</button>
          <div class="field">
            <label for="program-file">Open a program definition</label>
            <input id="program-file" type="file" accept=".json,application/json" onChange=${(e: Event) => void openProgram((e.target as HTMLInputElement).files?.[0])} />
            <small>Program: <span data-testid="program">${program.name} (${program.id}, ${version.version})</span>
              ${programState.definition === null ? ' — the built-in program' : html` <button type="button" class="link" onClick=${() => setProgramState({ program: exponentialProgram, definition: null, issues: [] })}>use the built-in program</button>`}</small>
          </div>
        </div>
        <${IssueList} issues=${[...programState.issues, ...shownIssues]} input=${programState.issues.length > 0 ? null : loaded.ledger} title=${programState.issues.length > 0 ? 'The program definition has issues' : 'The ledger has issues'} />
      </section>
      ${analysis !== null && analysis.ok
        ? html`
            <div class="grid">
              <${Glance} evaluation=${analysis.evaluation} name=${analysis.ledger.partner.name ?? analysis.ledger.partner.id} partnerId=${analysis.ledger.partner.id} renewalTier=${tierName(version.renewalTier)} />
              <${Progress} evaluation=${analysis.evaluation} version=${version} keep=${analysis.keep} tierName=${tierName} />
            </div>
            <section class="card" aria-labelledby="charts-title">
              <h2 id="charts-title">Points by category</h2>
              <${CategoryChart} byCategory=${analysis.evaluation.points.byCategory} version=${version} />
              <h2>Monthly reviews and forecast</h2>
              <div data-testid="timeline">
                <${TimelineChart} reviews=${analysis.reviews} lastReview=${analysis.lastReview} tiers=${version.tiers} tierName=${tierName} currency=${analysis.evaluation.program.currency} />
              </div>
            </section>
            <${Upcoming} evaluation=${analysis.evaluation} />
            <${Entries} ledger=${analysis.ledger} evaluation=${analysis.evaluation} onRemove=${(id: string) => setEntries((list) => list.filter((e) => !(isPlanned(e) && (e as { id?: unknown }).id === id)))} />
            <${ReportForm} input=${loaded.ledger} program=${program} asOf=${asOf} onAdd=${(next: LedgerJson) => setLoaded({ ...loaded, ledger: next })} />
            <${Planning}
              ledger=${analysis.ledger}
              program=${program}
              evaluation=${analysis.evaluation}
              tierName=${tierName}
              onAddPlanned=${(planned: readonly LedgerEntry[]) => setEntries((list) => [...list, ...planned.map((e) => ({ ...e, meta: { ...e.meta, planned: true } }))])}
              onRemovePlanned=${() => setEntries((list) => list.filter((e) => !isPlanned(e)))}
              onReviewOn=${setAsOf}
            />
          `
        : null}
      ${isDate(asOf)
        ? html`<${Documents}
            ledger=${analysis !== null && analysis.ok ? loaded.ledger : null}
            partnerId=${analysis !== null && analysis.ok ? analysis.ledger.partner.id : null}
            program=${program}
            definition=${programState.definition}
            asOf=${asOf}
          />`
        : null}
    </main>
  `;
}

render(html`<${App} />`, document.getElementById('app')!);
