/**
 * The quick reporting form ("external activities … using a quick reporting
 * form"): the entry type, then the program's activity rows read from its
 * tables, and only the fields that row takes. The whole ledger with the new
 * entry goes through `parseLedger`; each issue shows at its field, and on
 * success the entry joins the ledger.
 */
import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { parseLedger, type ActivityRow, type FeePolicy, type LedgerIssue, type Program } from '@exponential/partner-program';
import { categoryName, formatCount } from './format';
import { freshId, versionOn, type LedgerJson } from './model';

/** The entry types a report can have, as the ledger format names them, with what each is. */
export const entryTypes = [
  ['activity', 'Activity from the program table'],
  ['time', 'Time on value-added work (1 point a minute)'],
  ['certification', 'Certification earned'],
  ['revenue', 'Revenue'],
  ['special', 'Special contribution'],
  ['bonus', 'Bonus'],
  ['adjustment', 'Adjustment'],
  ['fee-payment', 'Fee payment'],
] as const;

type EntryType = (typeof entryTypes)[number][0];

/** The form's fields; all text as typed, read into the entry by {@link buildEntry}. */
type Fields = Record<
  'type' | 'activity' | 'date' | 'status' | 'quantity' | 'points' | 'words' | 'floss' | 'minutes' | 'category' | 'description' | 'holder' | 'certification' | 'expiresOn' | 'amount' | 'source' | 'reason' | 'relatesTo' | 'months',
  string
>;
type Field = keyof Fields;

const blankValues = { quantity: '', points: '', words: '', floss: '', minutes: '', description: '', holder: '', expiresOn: '', amount: '', reason: '', relatesTo: '', months: '' };

/** The fields an entry of this type (and activity row) takes, besides type, date and status. */
export function fieldsFor(type: EntryType, row: ActivityRow | undefined): Field[] {
  switch (type) {
    case 'activity': {
      if (row === undefined) return ['activity'];
      const fields: Field[] = ['activity'];
      if (row.kind === 'per-attendee') fields.push('quantity');
      if (row.kind === 'minimum') fields.push('points');
      if (row.evidence?.words !== undefined) fields.push('words');
      if (row.evidence?.floss !== undefined) fields.push('floss');
      return fields;
    }
    case 'time':
      return ['minutes', 'category', 'description'];
    case 'certification':
      return ['holder', 'certification', 'expiresOn'];
    case 'revenue':
      return ['amount', 'source'];
    case 'special':
      return ['points', 'description'];
    case 'bonus':
      return ['points', 'reason', 'relatesTo'];
    case 'adjustment':
      return ['points', 'reason'];
    case 'fee-payment':
      return ['months', 'amount'];
  }
}

const integerFields = new Set<Field>(['quantity', 'points', 'words', 'minutes', 'months']);

/** The entry the form describes: blank fields are absent; an integer field that is not one stays text, for the library to name. */
export function buildEntry(fields: Fields, row: ActivityRow | undefined, id: string): Record<string, unknown> {
  const entry: Record<string, unknown> = { id, type: fields.type, date: fields.date, status: fields.status };
  for (const field of fieldsFor(fields.type as EntryType, row)) {
    const text = fields[field].trim();
    if (text === '') continue;
    if (field === 'floss') entry.floss = text === 'yes';
    else if (integerFields.has(field)) entry[field] = /^[+-]?\d+$/.test(text) ? Number(text) : text;
    else entry[field] = text;
  }
  return entry;
}

const labels: Record<Field, string> = {
  type: 'Entry type',
  activity: 'Activity',
  date: 'Date',
  status: 'Status',
  quantity: 'Attendees',
  points: 'Points',
  words: 'Words',
  floss: 'FLOSS-licensed',
  minutes: 'Minutes',
  category: 'Category',
  description: 'Description',
  holder: 'Holder (a person id)',
  certification: 'Certification',
  expiresOn: 'Valid through (optional)',
  amount: 'Amount',
  source: 'Source',
  reason: 'Reason',
  relatesTo: 'Relates to entry (optional)',
  months: 'Months',
};

/** A hint under a field, from the program's row: what it earns and what it needs. */
/** How many months a fee period has (R11). */
const periodMonths: Readonly<Record<FeePolicy['period'], number>> = { month: 1, quarter: 3, year: 12 };

/** A fee payment's amount: "months × 45.00"; a quarterly or yearly fee: "months ÷ 3 × 120.00 (whole quarters)". */
function feeHint(fee: FeePolicy): string {
  const months = periodMonths[fee.period];
  return months === 1 ? `months × ${fee.amount}` : `months ÷ ${months} × ${fee.amount} (whole ${fee.period}s)`;
}

/** A row's limit and cap, as the hint says them: ", at most one a calendar month", ", at most 1,000 points a calendar year". */
function limitHint(row: ActivityRow): string {
  const period = (per: string) => (per === 'window' ? 'review window' : `calendar ${per}`);
  const limit = row.limit === undefined ? '' : `, at most ${row.limit.count === 1 ? 'one' : formatCount(row.limit.count)} a ${period(row.limit.per)}`;
  const cap = row.cap === undefined ? '' : `, at most ${formatCount(row.cap.points)} points a ${period(row.cap.per)}`;
  return limit + cap;
}

function hint(field: Field, type: string, row: ActivityRow | undefined, currency: string, fee: FeePolicy): string {
  if (field === 'amount') return `${currency}, e.g. 1200.50${type === 'fee-payment' ? `; ${feeHint(fee)}` : ''}`;
  if (row === undefined) return '';
  if (field === 'activity') return `${formatCount(row.points)}${row.kind === 'minimum' ? '+' : ''} points${row.kind === 'per-attendee' ? ' per attendee' : ''}${limitHint(row)} (${row.rule})`;
  if (field === 'points' && row.kind === 'minimum') return `At least ${formatCount(row.points)}; blank for the minimum`;
  if (field === 'words') {
    const w = row.evidence?.words;
    return w?.max !== undefined ? `${formatCount(w.min ?? 0)}–${formatCount(w.max)} words` : `At least ${formatCount(w?.min ?? 0)} words`;
  }
  return '';
}

/** The form; `onAdd` receives the validated ledger JSON with the new entry. */
export function ReportForm({ input, program, asOf, onAdd }: { input: LedgerJson; program: Program; asOf: string; onAdd: (next: LedgerJson, id: string) => void }) {
  const [fields, setFields] = useState<Fields>({ ...blankValues, type: 'activity', activity: '', date: asOf, status: 'pending', category: '', certification: '', source: 'direct-sale' });
  const [issues, setIssues] = useState<readonly LedgerIssue[]>([]);
  const [done, setDone] = useState('');
  const version = versionOn(program, fields.date || asOf);
  const rows = version.activities.filter((r) => r.kind !== 'derived');
  const row = fields.type === 'activity' ? rows.find((r) => r.id === fields.activity) : undefined;
  // The activity rows' categories in table order, then any other category of the program (time entries may name one).
  const categories = [...new Set([...version.activities.map((r) => r.category), ...version.categories.map((c) => c.id)])];
  const shown = fieldsFor(fields.type as EntryType, row);
  const entries = input.entries ?? [];
  const index = entries.length;

  const set = (field: Field) => (event: Event) => {
    setFields({ ...fields, [field]: (event.target as HTMLInputElement).value });
    setDone('');
  };
  const issueAt = (field: Field) => issues.filter((i) => i.path === `entries[${index}].${field}` || i.path.startsWith(`entries[${index}].${field}.`) || i.path.startsWith(`entries[${index}].${field}[`));
  const placed = new Set<LedgerIssue>((['type', 'date', 'status', ...shown] as Field[]).flatMap(issueAt));
  const elsewhere = issues.filter((i) => !placed.has(i));

  const submit = (event: Event) => {
    event.preventDefault();
    const id = freshId(entries, 'report');
    const entry = buildEntry({ ...fields, category: fields.category || categories[0] || '', certification: fields.certification || version.certifications[0]?.id || '' }, row, id);
    const next: LedgerJson = { ...input, entries: [...entries, entry] };
    const parsed = parseLedger(next, { program });
    if (!parsed.ok) {
      setIssues(parsed.issues);
      setDone('');
      // Focus the first field with an issue, so a keyboard user lands on it.
      requestAnimationFrame(() => (document.querySelector<HTMLElement>('[data-testid="report-form"] [aria-invalid="true"]') ?? document.getElementById('report-issues'))?.focus());
      return;
    }
    setIssues([]);
    setFields({ ...fields, ...blankValues });
    setDone(`Added “${id}” (${fields.status === 'pending' ? 'pending approval' : fields.status}).`);
    onAdd(next, id);
  };

  const control = (field: Field) => {
    const id = `report-${field}`;
    const own = issueAt(field);
    const note = hint(field, fields.type, row, version.currency, version.fee);
    const describedBy = [note ? `${id}-hint` : '', own.length > 0 ? `${id}-issue` : ''].filter(Boolean).join(' ') || undefined;
    const common = { id, name: field, 'aria-invalid': own.length > 0 ? 'true' : undefined, 'aria-describedby': describedBy, onInput: set(field) };
    let input;
    if (field === 'type') input = html`<select ...${common} value=${fields.type}>${entryTypes.map(([value, label]) => html`<option value=${value}>${label}</option>`)}</select>`;
    else if (field === 'activity')
      input = html`<select ...${common} value=${fields.activity}>
        <option value="">Choose an activity…</option>
        ${categories.map(
          (category) => html`<optgroup label=${categoryName(category, version)}>
            ${rows.filter((r) => r.category === category).map((r) => html`<option value=${r.id}>${r.name}</option>`)}
          </optgroup>`,
        )}
      </select>`;
    else if (field === 'status')
      input = html`<select ...${common} value=${fields.status}><option value="pending">Pending approval</option><option value="approved">Approved</option><option value="rejected">Rejected</option></select>`;
    else if (field === 'category') input = html`<select ...${common} value=${fields.category || categories[0]}>${categories.map((c) => html`<option value=${c}>${c}</option>`)}</select>`;
    else if (field === 'certification')
      input = html`<select ...${common} value=${fields.certification || version.certifications[0]?.id}>${version.certifications.map((c) => html`<option value=${c.id}>${c.name} (${c.kind})</option>`)}</select>`;
    else if (field === 'source')
      input = html`<select ...${common} value=${fields.source}><option value="direct-sale">Direct sale</option><option value="project-licensing">Project licensing</option><option value="subscription">Subscription</option></select>`;
    else if (field === 'floss') input = html`<select ...${common} value=${fields.floss}><option value="">Not stated</option><option value="yes">Yes</option><option value="no">No</option></select>`;
    else if (field === 'date' || field === 'expiresOn') input = html`<input ...${common} type="date" value=${fields[field]} />`;
    else if (integerFields.has(field))
      input = html`<input ...${common} type="text" inputmode="numeric" autocomplete="off" value=${fields[field]} placeholder=${field === 'points' && row?.kind === 'minimum' ? String(row.points) : ''} />`;
    else if (field === 'amount') input = html`<input ...${common} type="text" inputmode="decimal" autocomplete="off" value=${fields.amount} />`;
    else input = html`<input ...${common} type="text" autocomplete="off" value=${fields[field]} />`;
    return html`<div class=${`field field-${field}${own.length > 0 ? ' invalid' : ''}`} key=${field} data-field=${field}>
      <label for=${id}>${labels[field]}</label>
      ${input}
      ${note ? html`<small id=${`${id}-hint`}>${note}</small>` : null}
      ${own.length > 0 ? html`<p class="field-issue" id=${`${id}-issue`} data-issue-for=${field}>${own.map((i) => html`<span data-code=${i.code}>${i.message} </span>`)}</p>` : null}
    </div>`;
  };

  return html`<form data-testid="report-form" class="report card" novalidate onSubmit=${submit} aria-labelledby="report-title">
    <h2 id="report-title">Report an activity</h2>
    <p class="note">Manual reports await approval: new reports are <strong>pending</strong> until approved.</p>
    <div class="fields">${(['type', ...shown, 'date', 'status'] as Field[]).map(control)}</div>
    ${elsewhere.length > 0
      ? html`<ul class="issues form-issues" id="report-issues" tabindex="-1">${elsewhere.map((i) => html`<li data-path=${i.path}><code>${i.path || '(ledger)'}</code> ${i.message}</li>`)}</ul>`
      : null}
    <div class="actions"><button type="submit">Add to the ledger</button> <span role="status" class="done">${done}</span></div>
  </form>`;
}
