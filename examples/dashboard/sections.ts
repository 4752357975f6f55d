/**
 * The dashboard's read-only sections, each a view of the library's results
 * for the review date: at a glance, progress to the next tier, what comes
 * next, the entries with their outcomes, and planning.
 */
import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import { Component } from 'preact';
import type { EntryOutcome, Evaluation, ExpiringItem, Ledger, LedgerEntry, Program, ProgramVersion, RequirementCheck, UpgradePlan } from '@exponential/partner-program';
import { basisText, checkName, feeText, formatCount, formatDate, formatMoney, isZeroAmount, reasonWords, shortfallKey } from './format';
import { isPlanned, monthEndOf, planFor, versionOn } from './model';

type TierName = (id: string | null) => string;

/** The tier, the points, revenue, membership, the fee and the window, for the review date. */
export function Glance({ evaluation: e, name, partnerId, renewalTier }: { evaluation: Evaluation; name: string; partnerId: string; renewalTier?: string }) {
  const currency = e.program.currency;
  return html`<section class="glance card" aria-labelledby="glance-title" data-as-of=${e.asOf}>
    <h2 id="glance-title"><span class="partner">${name}</span> <span class="partner-id">(${partnerId})</span></h2>
    <p class="tier-line">
      <span class=${`badge tier-${e.tier ?? 'none'}`} data-testid="tier" data-tier=${e.tier ?? ''}>${e.tierName ?? 'No tier yet'}</span>
      <span class="note">as of ${formatDate(e.asOf)}, program ${e.program.id} ${e.program.version}</span>
    </p>
    <dl class="figures">
      <div>
        <dt>Points</dt>
        <dd><span data-testid="points-total" data-value=${e.points.total}>${formatCount(e.points.total)}</span></dd>
        <dd class="sub">pending approval: <span data-testid="points-pending" data-value=${e.points.pending}>${formatCount(e.points.pending)}</span></dd>
      </div>
      <div>
        <dt>Revenue</dt>
        <dd><span data-testid="revenue-total" data-value=${e.revenue.total}>${formatMoney(e.revenue.total, currency)}</span></dd>
        <dd class="sub">${formatCount(e.revenue.points)} points</dd>
      </div>
      <div>
        <dt>Membership</dt>
        <dd data-testid="membership" data-active=${String(e.membership.active)}>${e.membership.active ? 'Active' : 'Inactive'}</dd>
        <dd class="sub">${e.membership.basis === null ? 'no basis holds' : basisText(e.membership.basis, renewalTier)}</dd>
      </div>
      <div>
        <dt>Fee</dt>
        <dd data-testid="fee" data-status=${e.fee.status}>
          <span class="fee-status">${feeText(e.fee, currency, renewalTier)}</span>
          <span class="sub">Next anniversary: <span data-testid="next-anniversary">${formatDate(e.fee.nextAnniversary)}</span></span>
        </dd>
      </div>
    </dl>
    <p class="note" data-testid="window" data-from=${e.window.from} data-to=${e.window.to}>Window counted: ${formatDate(e.window.from)} – ${formatDate(e.window.to)}.</p>
  </section>`;
}

/** A check's key among the tier's: its kind, and for a named certification which one. */
const checkKey = (check: RequirementCheck) => (check.kind === 'certification' ? `certification-${check.certification}` : check.kind);

function Requirement({ check, currency, version }: { check: RequirementCheck; currency: string; version: ProgramVersion }) {
  const money = check.kind === 'revenue';
  const show = (v: number | string) => (money ? formatMoney(String(v), currency) : formatCount(Number(v)));
  const need = Number(check.required);
  const have = Math.max(0, Math.min(Number(check.actual), need));
  const id = `req-${checkKey(check)}`;
  return html`<div class="requirement" data-kind=${check.kind} data-certification=${check.kind === 'certification' ? check.certification : undefined} data-have=${String(check.actual)} data-need=${String(check.required)} data-short=${String(check.shortfall)} data-met=${String(check.met)}>
    <label for=${id}>${checkName(check, version)}${check.met ? ' ✓' : ''}</label>
    <progress id=${id} max=${need > 0 ? need : 1} value=${need > 0 ? have : 1}></progress>
    <span class="numbers">have ${show(check.actual)} · need ${show(check.required)} · short ${show(check.shortfall)}</span>
  </div>`;
}

/** One bar per requirement of the next tier; "what keeps this tier" when something leaves before the month end. */
export function Progress({ evaluation: e, version, keep, tierName }: { evaluation: Evaluation; version: ProgramVersion; keep: UpgradePlan | null; tierName: TierName }) {
  const next = e.nextTier;
  const checks = next === null ? [] : (e.requirements.find((r) => r.tier === next.tier)?.checks ?? []);
  return html`<section class="card" data-testid="next-tier" data-tier=${next?.tier ?? ''} aria-labelledby="next-title">
    <h2 id="next-title">${next === null ? `Top tier: ${e.tierName ?? ''}` : `Progress to ${next.tierName}`}</h2>
    ${next === null ? html`<p>Every tier’s requirements are met.</p>` : checks.map((check) => html`<${Requirement} key=${checkKey(check)} check=${check} currency=${e.program.currency} version=${version} />`)}
    ${keep === null ? null : html`<${Keep} plan=${keep} tierName=${tierName} currency=${e.program.currency} />`}
  </section>`;
}

function ExpiringList({ items, currency }: { items: readonly ExpiringItem[]; currency: string }) {
  return html`<ul class="expiring">
    ${items.map(
      // Several items may share an id (the R5 credits are all "R5"; an entry can leave and its certification expire): key by what makes one item.
      (item) => html`<li key=${`${item.id}|${item.date}|${item.leavesOn}|${item.reason}`} data-id=${item.id}>
        <strong>${formatDate(item.leavesOn)}</strong>: ${item.rule === 'R5' ? 'the partner-year credit (R5)' : `“${item.id}”`} (${formatDate(item.date)}) ${item.reason === 'certification-expires' ? 'expires' : 'leaves the window'}: ${formatCount(item.points)} points${item.amount === undefined ? '' : `, ${formatMoney(item.amount, currency)}`}
      </li>`,
    )}
  </ul>`;
}

function Keep({ plan, tierName, currency }: { plan: UpgradePlan; tierName: TierName; currency: string }) {
  return html`<div class="keep" data-testid="keep" data-reachable=${String(plan.reachable)}>
    <h3>What keeps ${tierName(plan.target)} on ${formatDate(plan.by)}</h3>
    <${ExpiringList} items=${plan.expiring} currency=${currency} />
    <ol class="steps">${plan.steps.map((s) => html`<li>${s}</li>`)}</ol>
  </div>`;
}

/** What leaves the window or expires next, with dates and points. */
export function Upcoming({ evaluation: e }: { evaluation: Evaluation }) {
  const leaving = e.leavingNext;
  const expiring = e.certifications.valid.filter((c) => c.expiresOn !== undefined).sort((a, b) => (a.expiresOn! < b.expiresOn! ? -1 : a.expiresOn! > b.expiresOn! ? 1 : 0));
  return html`<section class="card" data-testid="upcoming" aria-labelledby="upcoming-title">
    <h2 id="upcoming-title">What comes next</h2>
    ${leaving === null
      ? html`<p>Nothing counts now, so nothing leaves the window.</p>`
      : html`<p data-testid="leaving-next" data-on=${leaving.on} data-points=${leaving.points}>
          On <strong>${formatDate(leaving.on)}</strong>, what is dated ${formatDate(leaving.date)} leaves the window:${' '}<strong>${formatCount(leaving.points)} points</strong>${isZeroAmount(leaving.revenue) ? '' : html` and <strong>${formatMoney(leaving.revenue, e.program.currency)}</strong> revenue`}
          ${leaving.entries.length > 0 ? ` (${leaving.entries.map((id) => `“${id}”`).join(', ')})` : ' (a partner-year credit)'}.
        </p>`}
    ${expiring.length === 0
      ? html`<p>No valid certification has an expiry date.</p>`
      : html`<ul class="cert-expiry">
          ${expiring.slice(0, 5).map((c) => html`<li data-holder=${c.holder} data-certification=${c.certification}>${c.holder}, ${c.certification}: valid through <strong>${formatDate(c.expiresOn!)}</strong></li>`)}
        </ul>`}
  </section>`;
}

/** What an entry is, in a few words. */
function detail(entry: LedgerEntry, currency: string): string {
  switch (entry.type) {
    case 'revenue':
      return `${formatMoney(entry.amount, currency)}, ${entry.source}`;
    case 'activity':
      return [entry.activity, entry.quantity === undefined ? '' : `× ${entry.quantity}`, entry.points === undefined ? '' : `${formatCount(entry.points)} pts`, entry.words === undefined ? '' : `${formatCount(entry.words)} words`, entry.floss === undefined ? '' : entry.floss ? 'FLOSS' : 'not FLOSS']
        .filter(Boolean)
        .join(', ');
    case 'time':
      return `${formatCount(entry.minutes)} min, ${entry.category}${entry.description ? `: ${entry.description}` : ''}`;
    case 'certification':
      return `${entry.holder}: ${entry.certification}${entry.expiresOn ? ` (through ${entry.expiresOn})` : ''}`;
    case 'bonus':
      return `${entry.reason}${entry.relatesTo ? ` (for “${entry.relatesTo}”)` : ''}`;
    case 'special':
      return entry.description;
    case 'fee-payment':
      return `${entry.months} months, ${formatMoney(entry.amount, currency)}`;
    case 'adjustment':
      return entry.reason;
  }
}

type RowProps = { entry: LedgerEntry; result: EntryOutcome; currency: string; onRemove: (id: string) => void };

/**
 * One entry's row. A new review date gives every entry a new outcome object,
 * yet most outcomes are the same: a row renders again only when what it shows
 * changed, which keeps a 1,000-entry ledger's re-evaluation within a frame or two.
 */
class EntryRow extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps): boolean {
    const [a, b] = [this.props.result, next.result];
    return next.entry !== this.props.entry || next.currency !== this.props.currency || a.outcome !== b.outcome || a.points !== b.points || a.rule !== b.rule || a.reason !== b.reason;
  }

  override render({ entry, result, currency }: RowProps) {
    const planned = isPlanned(entry);
    return html`<tr data-id=${entry.id} data-outcome=${result.outcome} data-points=${result.points} data-rule=${result.rule} data-reason=${result.reason ?? ''} data-planned=${String(planned)} class=${planned ? 'planned' : ''}>
      <td data-label="Date">${entry.date}</td>
      <td class="id" data-label="Entry">${entry.id}${planned ? html` <span class="tag">planned</span>` : null}</td>
      <td data-label="Type">${entry.type}</td>
      <td class="what" data-label="What">${detail(entry, currency)}</td>
      <td data-label="Outcome"><span class=${`outcome ${result.outcome}`}>${result.outcome}</span></td>
      <td class="num" data-label="Points">${formatCount(result.points)}</td>
      <td data-label="Rule">${result.rule}</td>
      <td data-label="Reason">${result.reason === undefined ? '' : (reasonWords[result.reason] ?? result.reason)}${planned ? html` <button type="button" class="link" onClick=${() => this.props.onRemove(entry.id)} aria-label=${`Remove planned entry ${entry.id}`}>Remove</button>` : null}</td>
    </tr>`;
  }
}

/** Every entry with its outcome, points, rule and reason; filter by outcome and type, sort by date. */
export function Entries({ ledger, evaluation, onRemove }: { ledger: Ledger; evaluation: Evaluation; onRemove: (id: string) => void }) {
  const [outcome, setOutcome] = useState('');
  const [type, setType] = useState('');
  const [descending, setDescending] = useState(true);
  const outcomes = new Map(evaluation.entries.map((o) => [o.id, o]));
  const types = [...new Set(ledger.entries.map((e) => e.type))].sort();
  const rows = ledger.entries
    .map((entry, index) => ({ entry, index, result: outcomes.get(entry.id)! }))
    .filter((r) => (outcome === '' || r.result.outcome === outcome || (outcome === 'planned' && isPlanned(r.entry))) && (type === '' || r.entry.type === type))
    .sort((a, b) => (a.entry.date === b.entry.date ? a.index - b.index : (a.entry.date < b.entry.date ? -1 : 1) * (descending ? -1 : 1)));
  const currency = evaluation.program.currency;
  return html`<section class="card" aria-labelledby="entries-title">
    <h2 id="entries-title">Every entry</h2>
    <div class="filters">
      <label>Outcome <select value=${outcome} onInput=${(e: Event) => setOutcome((e.target as HTMLSelectElement).value)} name="filter-outcome">
        <option value="">All</option><option value="counted">Counted</option><option value="pending">Pending</option><option value="excluded">Excluded</option><option value="planned">Planned</option>
      </select></label>
      <label>Type <select value=${type} onInput=${(e: Event) => setType((e.target as HTMLSelectElement).value)} name="filter-type">
        <option value="">All</option>${types.map((t) => html`<option value=${t}>${t}</option>`)}
      </select></label>
      <span class="note" role="status">${rows.length} of ${ledger.entries.length} entries</span>
    </div>
    <div class="scroll">
      <table data-testid="entries" class="stack">
        <thead>
          <tr>
            <th scope="col" aria-sort=${descending ? 'descending' : 'ascending'}>
              <button type="button" class="sort" onClick=${() => setDescending(!descending)}>Date <span aria-hidden="true">${descending ? '↓' : '↑'}</span><span class="visually-hidden">, sorted ${descending ? 'newest first' : 'oldest first'}; change</span></button>
            </th>
            <th scope="col">Entry</th><th scope="col">Type</th><th scope="col">What</th><th scope="col">Outcome</th><th scope="col" class="num">Points</th><th scope="col">Rule</th><th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(({ entry, result }) => html`<${EntryRow} key=${entry.id} entry=${entry} result=${result} currency=${currency} onRemove=${onRemove} />`)}
        </tbody>
      </table>
    </div>
  </section>`;
}

/** Planning: a target tier and a date; the shortfall, what expires, the steps, and the planned entries to try. */
export function Planning({ ledger, program, evaluation, tierName, onAddPlanned, onRemovePlanned, onReviewOn }: {
  ledger: Ledger;
  program: Program;
  evaluation: Evaluation;
  tierName: TierName;
  onAddPlanned: (entries: readonly LedgerEntry[]) => void;
  onRemovePlanned: () => void;
  onReviewOn: (date: string) => void;
}) {
  const [target, setTarget] = useState('');
  const [by, setBy] = useState('');
  const version = versionOn(program, by || evaluation.asOf);
  const chosen = target !== '' && version.tiers.some((t) => t.id === target) ? target : '';
  // A plan toward a far tier can take longer than a frame on a big ledger: it is worked out just
  // after the figures are on screen. Until then the section says so: it never shows an old plan.
  const question = { ledger, program, asOf: evaluation.asOf, target: chosen, by };
  const [answer, setAnswer] = useState<{ question: typeof question; result: ReturnType<typeof planFor> } | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setAnswer({ question, result: planFor(ledger, program, evaluation.asOf, chosen, by) }), 0);
    return () => clearTimeout(timer);
  }, [ledger, program, evaluation.asOf, chosen, by]);
  const q = answer?.question;
  const result = q !== undefined && q.ledger === ledger && q.program === program && q.asOf === evaluation.asOf && q.target === chosen && q.by === by ? answer!.result : null;
  const plannedCount = ledger.entries.filter(isPlanned).length;
  const currency = evaluation.program.currency;
  const plan = result?.ok ? result.plan : null;
  const s = plan?.shortfall;
  return html`<section class="card" data-testid="plan" aria-labelledby="plan-title" aria-busy=${result === null ? 'true' : 'false'} data-state=${result === null ? 'computing' : 'ready'} data-as-of=${evaluation.asOf} data-target=${plan?.target ?? ''} data-by=${plan?.by ?? ''} data-reachable=${plan === null ? '' : String(plan.reachable)}>
    <h2 id="plan-title">Planning</h2>
    <div class="filters">
      <label>Target tier <select name="plan-target" value=${chosen} onInput=${(e: Event) => setTarget((e.target as HTMLSelectElement).value)}>
        <option value="">The next tier (default)</option>
        ${version.tiers.map((t) => html`<option value=${t.id}>${t.name}</option>`)}
      </select></label>
      <label>By <input type="date" name="plan-by" value=${by} placeholder=${monthEndOf(evaluation.asOf)} onInput=${(e: Event) => setBy((e.target as HTMLInputElement).value)} /></label>
    </div>
    ${result === null
      ? html`<p class="note" role="status">Working out the plan…</p>`
      : !result.ok
      ? html`<ul class="issues">${result.issues.map((i) => html`<li><code>${i.path}</code> ${i.message}</li>`)}</ul>`
      : html`<div class="plan-result">
          <p><strong>${tierName(plan!.target)}</strong> by <strong>${formatDate(plan!.by)}</strong>: ${plan!.reachable ? 'reachable with the steps below.' : (plan!.message ?? 'not reachable.')}</p>
          <h3>Shortfall on ${formatDate(plan!.by)}</h3>
          <ul class="shortfall" data-testid="plan-shortfall" ...${Object.fromEntries(version.certificationKinds.map((k) => [`data-${k.id}`, s![shortfallKey(k.id)] ?? 0]))} data-points=${s!.points} data-revenue=${s!.revenue}>
            <li>${formatCount(s!.points)} points</li>
            <li>${formatMoney(s!.revenue, currency)} revenue</li>
            ${version.certificationKinds.map((k) => {
              const n = s![shortfallKey(k.id)] ?? 0;
              return html`<li data-kind=${k.id}>${n} ${k.id} certification${n === 1 ? '' : 's'}</li>`;
            })}
            ${Object.entries(s!.certifications ?? {}).map(([id, n]) => html`<li data-certification=${id}>${n} more ${n === 1 ? 'holder' : 'holders'} of ${version.certifications.find((c) => c.id === id)?.name ?? id}</li>`)}
          </ul>
          <h3>Leaving or expiring before then</h3>
          ${plan!.expiring.length === 0 ? html`<p>Nothing.</p>` : html`<${ExpiringList} items=${plan!.expiring} currency=${currency} />`}
          <h3>Steps</h3>
          <ol class="steps" data-testid="plan-steps">${plan!.steps.map((step) => html`<li>${step}</li>`)}</ol>
          <p class="actions">
            ${plan!.entries.length > 0 ? html`<button type="button" onClick=${() => onAddPlanned(plan!.entries)}>Add these as planned entries (${plan!.entries.length})</button>` : null}
            ${plannedCount > 0
              ? html`<button type="button" class="secondary" onClick=${onRemovePlanned}>Remove all planned entries (${plannedCount})</button>
                  ${evaluation.asOf !== plan!.by ? html`<button type="button" class="secondary" onClick=${() => onReviewOn(plan!.by)}>Review as of ${formatDate(plan!.by)}</button>` : null}`
              : null}
          </p>
          ${plannedCount > 0 ? html`<p class="note">Planned entries are dated ${formatDate(plan!.by)} and marked “planned” in the entries table; they count from that date on.</p>` : null}
        </div>`}
  </section>`;
}
