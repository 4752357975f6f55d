import { calendarDate, isMonthEnd, MAX_DATE, MIN_DATE, monthEnd, plusDays, plusMonths, type IsoDate } from '../dates/isoDate';
import { evaluate } from '../evaluate/evaluate';
import type { Evaluation, RequirementCheck } from '../evaluate/types';
import type { WindowKind } from '../evaluate/window';
import { explainEvaluation } from '../explain/explainEvaluation';
import { formatAmount, formatCount } from '../format';
import { throwIfAny, ValidationError, type LedgerIssue } from '../issues';
import { parseLedger } from '../ledger/parseLedger';
import type { Ledger, LedgerEntry } from '../ledger/types';
import { planUpgrade } from '../plan/planUpgrade';
import { exponentialProgram } from '../program/exponentialProgram';
import { selectVersion } from '../program/resolveProgram';
import type { Program, ProgramVersion } from '../program/types';
import { reviewTimeline } from '../timeline/reviewTimeline';
import { categoryName, categoryRule, certificationName, checkName, shortfallCounts, tierName, yesNo } from './labels';
import { readOptionsObject } from '../readOptions';
import type { DocumentBlock, DocumentColumn, DocumentModel, DocumentSection, DocumentTable } from './types';

/** Options of {@link partnerStatement}: those of `evaluate`. */
export type PartnerStatementOptions = {
  /** The statement date (`YYYY-MM-DD`), also the PDF's creation date. */
  readonly asOf: string;
  readonly program?: Program;
  readonly window?: WindowKind;
};

/** How far ahead the statement looks for what leaves the window and which certifications expire. */
export const STATEMENT_HORIZON_MONTHS = 3;
/** How many monthly reviews the statement lists. */
export const STATEMENT_REVIEWS = 12;

const section = (id: string, heading: string, blocks: readonly DocumentBlock[]): DocumentSection => ({ id, heading, blocks, subsections: [] });
const paragraph = (text: string): DocumentBlock => ({ kind: 'paragraph', text });
const left = (header: string): DocumentColumn => ({ header, align: 'left' });
const right = (header: string): DocumentColumn => ({ header, align: 'right' });
const table = (caption: string, columns: readonly DocumentColumn[], rows: readonly (readonly string[])[]): DocumentTable => ({ kind: 'table', caption, columns, rows });

const basisNames = {
  'basic-points': 'points (no fee required)',
  'professional-renewal': 'last partnership year’s renewal tier',
  fee: 'the program fee',
} as const;

/** What an entry is, in a few words; ledger text (descriptions, reasons, holders) passes through as it is. */
function entryDetail(entry: LedgerEntry | undefined, currency: string): string {
  if (entry === undefined) return '';
  switch (entry.type) {
    case 'revenue':
      return `${entry.source}, ${formatAmount(entry.amount, currency)}`;
    case 'activity': {
      const extra: string[] = [];
      if (entry.quantity !== undefined) extra.push(`× ${formatCount(entry.quantity)}`);
      if (entry.points !== undefined) extra.push(`${formatCount(entry.points)} points claimed`);
      if (entry.words !== undefined) extra.push(`${formatCount(entry.words)} words`);
      if (entry.floss !== undefined) extra.push(entry.floss ? 'FLOSS' : 'not FLOSS');
      return extra.length === 0 ? entry.activity : `${entry.activity} (${extra.join(', ')})`;
    }
    case 'time':
      return `${formatCount(entry.minutes)} minutes, ${entry.category}${entry.description === undefined ? '' : `: ${entry.description}`}`;
    case 'certification':
      return `${entry.holder}: ${entry.certification}${entry.expiresOn === undefined ? '' : `, valid through ${entry.expiresOn}`}`;
    case 'bonus':
      return entry.relatesTo === undefined ? entry.reason : `${entry.reason} (for ${entry.relatesTo})`;
    case 'special':
      return entry.description;
    case 'fee-payment':
      return `${formatCount(entry.months)} months, ${formatAmount(entry.amount, currency)}`;
    case 'adjustment':
      return entry.reason;
  }
}

/** A result date; results carry `null` for a date beyond the calendar (after 9999-12-31). */
function dateText(date: string | null | undefined): string {
  return date === null || date === undefined ? 'beyond 9999-12-31' : date;
}

function checkValue(check: RequirementCheck, key: 'required' | 'actual' | 'shortfall', currency: string): string {
  return check.kind === 'revenue' ? formatAmount(check[key], currency) : formatCount(check[key]);
}

/** "1 profile and 2 sales": each kind's valid pairs, by kind id, in the version's order (R8). */
function validCounts(e: Evaluation, version: ProgramVersion): string {
  const parts = version.certificationKinds.map((row) => {
    const count = e.certifications[row.id];
    return `${formatCount(typeof count === 'number' ? count : 0)} ${row.id}`;
  });
  return parts.length <= 1 ? (parts[0] ?? '0') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`;
}

/** " Kestrel Solution Certification: 1 holder." for each certification a tier requires by name; "" when none does (R8, R9). */
function namedHolders(e: Evaluation, version: ProgramVersion): string {
  const named = [...new Set(version.tiers.flatMap((tier) => tier.requirements.flatMap((r) => (r.type === 'certification' ? [r.certification] : []))))];
  return named
    .map((certification) => {
      const holders = new Set(e.certifications.valid.filter((c) => c.certification === certification).map((c) => c.holder)).size;
      return ` ${certificationName(version, certification)}: ${formatCount(holders)} ${holders === 1 ? 'holder' : 'holders'}.`;
    })
    .join('');
}

/**
 * The statement's look-ahead: `asOf` plus {@link STATEMENT_HORIZON_MONTHS}, cut at the calendar's
 * last day (9999-12-31), so that a statement late in year 9999 still asks only for real dates.
 */
function horizonOf(asOf: IsoDate): { date: IsoDate; cut: boolean } {
  const ahead = calendarDate(plusMonths(asOf, STATEMENT_HORIZON_MONTHS));
  return ahead === null ? { date: MAX_DATE, cut: true } : { date: ahead, cut: false };
}

/**
 * The month ends of the last `count` monthly reviews on or before `asOf` (R12), cut at the
 * calendar's first month end (0001-01-31); `null` when none falls in the calendar (asOf before it).
 */
function reviewRange(asOf: IsoDate, count: number): { from: IsoDate; to: IsoDate; cut: boolean } | null {
  // Before 0001-01-31 the last month end is 0000-12-31, outside the calendar: no review to show.
  const last = isMonthEnd(asOf) ? asOf : plusDays(`${asOf.slice(0, 8)}01`, -1);
  if (calendarDate(last) === null) return null;
  const start = plusMonths(`${last.slice(0, 8)}01`, -(count - 1));
  const cut = start < MIN_DATE;
  return { from: cut ? monthEnd(MIN_DATE) : monthEnd(start), to: last, cut };
}

function build(ledger: Ledger, e: Evaluation, program: Program, version: ProgramVersion, window: WindowKind | undefined): DocumentModel {
  const currency = e.program.currency;
  const money = (amount: string) => formatAmount(amount, currency);
  const common = { program, ...(window === undefined ? {} : { window }) };
  const partner = ledger.partner;
  const who = partner.name ?? partner.id;
  const { date: horizon, cut: horizonCut } = horizonOf(e.asOf);
  // Said wherever the look-ahead shows: near 9999-12-31 it is shorter than three months.
  const ahead = horizonCut ? `by ${horizon}, the end of the calendar` : 'within three months';
  const calendarEnds = horizonCut ? ` The calendar ends on ${MAX_DATE}: the three months after ${e.asOf} are cut there.` : '';
  const sections: DocumentSection[] = [];

  sections.push(
    section('partner', 'Partner', [
      table('The partner and the statement', [left('Field'), left('Value')], [
        ['Partner id', partner.id],
        ['Name', partner.name ?? '—'],
        ['Joined on', partner.joinedOn],
        ['Statement date', e.asOf],
        ['Review window', `${e.window.from} to ${e.window.to} (${window ?? 'rolling-12-months'}, R1)`],
        ['Program', `${program.name} (${e.program.id}), version ${e.program.version}`],
      ]),
    ]),
  );

  sections.push(
    section('tier', 'Tier', [
      paragraph(`Tier on ${e.asOf}: ${e.tierName ?? 'no tier'} (R9). Why, and what next:`),
      { kind: 'list', ordered: false, items: explainEvaluation(e).split('\n') },
    ]),
  );

  sections.push(
    section('requirements', 'Tier Requirements', [
      paragraph('Every tier, each requirement met or short on the statement date; the highest tier met is held (R9).'),
      table(
        'Every tier’s requirements, met or short',
        [left('Tier'), left('Tier met'), left('Requirement'), right('Required'), right('Actual'), left('Met'), right('Shortfall')],
        e.requirements.flatMap((requirement) =>
          requirement.checks.map((check) => [
            tierName(version, requirement.tier),
            yesNo(requirement.met),
            checkName(check, version),
            checkValue(check, 'required', currency),
            checkValue(check, 'actual', currency),
            yesNo(check.met),
            checkValue(check, 'shortfall', currency),
          ]),
        ),
      ),
    ]),
  );

  sections.push(
    section('points', 'Points by Category', [
      table(
        'Points by category, with the total and the pending points',
        [left('Category'), right('Points'), left('Rule')],
        [
          ...Object.entries(e.points.byCategory).map(([category, points]) => [categoryName(category), formatCount(points), categoryRule(category)]),
          ['Total', formatCount(e.points.total), 'R7'],
          ['Pending approval (not counted)', formatCount(e.points.pending), 'R7'],
        ],
      ),
    ]),
  );

  const revenueEntries = ledger.entries.filter((entry) => entry.type === 'revenue').length;
  sections.push(
    section('revenue', 'Revenue', [
      paragraph(`Revenue in the window: ${money(e.revenue.total)}, earning ${formatCount(e.revenue.points)} points (R2). The ledger has ${formatCount(revenueEntries)} revenue ${revenueEntries === 1 ? 'entry' : 'entries'}; the entries table shows which count.`),
    ]),
  );

  const kindOf = (id: string) => version.certifications.find((row) => row.id === id)?.kind ?? '';
  const certRow = (c: Evaluation['certifications']['valid'][number], note: string) => [c.holder, c.certification, kindOf(c.certification), c.date, c.expiresOn ?? 'no expiry', note];
  const certColumns = [left('Holder'), left('Certification'), left('Kind'), left('Earned'), left('Valid through'), left('Note')];
  sections.push(
    section('certifications', 'Certifications', [
      paragraph(`Valid on ${e.asOf}: ${validCounts(e, version)} certifications (distinct holder and certification pairs, R8).${namedHolders(e, version)} Certifications that expire before ${horizon} are marked.${calendarEnds}`),
      e.certifications.valid.length === 0
        ? paragraph('No valid certifications.')
        : table('Valid certifications', certColumns, e.certifications.valid.map((c) => certRow(c, c.expiresOn !== undefined && c.expiresOn < horizon ? `expires ${ahead}` : ''))),
      ...(e.certifications.expired.length === 0 ? [] : [paragraph('Expired:'), table('Expired certifications', certColumns, e.certifications.expired.map((c) => certRow(c, 'expired')))]),
    ]),
  );

  const { membership, fee } = e;
  const feeRows: string[][] = [
    ['Membership', membership.active ? 'active' : 'not active'],
    ['Basis', membership.basis === null ? '—' : basisNames[membership.basis]],
    ['All bases that hold', membership.bases.length === 0 ? '—' : membership.bases.map((b) => basisNames[b]).join('; ')],
    ['Fee status', fee.status],
  ];
  if (fee.paidThrough !== undefined) feeRows.push(['Paid through', dateText(fee.paidThrough)]);
  if (fee.waivedThrough !== undefined) feeRows.push(['Waived through', dateText(fee.waivedThrough)]);
  if (fee.amountDue !== undefined) feeRows.push(['Amount due', `${money(fee.amountDue)} per ${fee.period ?? 'month'}`]);
  if (fee.annualAmount !== undefined) feeRows.push(['Annual amount', money(fee.annualAmount)]);
  feeRows.push(['Joined on', partner.joinedOn], ['Next anniversary', dateText(fee.nextAnniversary)]);
  sections.push(section('membership', 'Membership and Fee', [table('Membership and fee, with their dates (R10, R11)', [left('Field'), left('Value')], feeRows)]));

  const next: DocumentBlock[] = [];
  if (e.nextTier === null) next.push(paragraph(e.tier === null ? 'No tier is held.' : `${e.tierName ?? e.tier} is the top tier (R9).`));
  else {
    const s = e.nextTier.shortfall;
    next.push(
      paragraph(`${e.nextTier.tierName} still needs, on ${e.asOf}:`),
      table(`What ${e.nextTier.tierName} still needs`, [left('Requirement'), right('Shortfall')], [
        ['Points', formatCount(s.points)],
        ['Revenue', money(s.revenue)],
        ...shortfallCounts(s, version).map(([name, count]) => [name, formatCount(count)]),
      ]),
    );
    const plan = planUpgrade(ledger, { asOf: e.asOf, ...common });
    next.push(paragraph(plan.reachable ? `The plan to reach ${tierName(version, plan.target)} by ${plan.by}:` : `No plan reaches ${tierName(version, plan.target)} by ${plan.by}:`));
    next.push({ kind: 'list', ordered: true, items: plan.steps });
  }
  sections.push(section('next-tier', 'Next Tier', next));

  // A plan that keeps the tier held (or reaches the first) over the horizon lists what stops counting meanwhile.
  const keep = planUpgrade(ledger, { asOf: e.asOf, by: horizon, target: e.tier ?? (version.tiers[0] as ProgramVersion['tiers'][number]).id, ...common });
  sections.push(
    section('leaving', 'Leaving the Window', [
      paragraph(`What counts on ${e.asOf} and no longer counts by ${horizon}: entries that leave the window (R1) and certifications that expire (R8).${calendarEnds}`),
      keep.expiring.length === 0
        ? paragraph(`Nothing leaves ${horizonCut ? `by ${horizon}` : 'in the next three months'}.`)
        : table(
            `What leaves the window ${horizonCut ? `by ${horizon}` : 'in the next three months'}`,
            [left('Entry'), left('Dated'), left('No longer counts from'), right('Points'), right('Amount'), left('Why')],
            keep.expiring.map((item) => [item.id, item.date, dateText(item.leavesOn), formatCount(item.points), item.amount === undefined ? '' : money(item.amount), item.reason]),
          ),
    ]),
  );

  const range = reviewRange(e.asOf, STATEMENT_REVIEWS);
  const reviews = range === null ? [] : reviewTimeline(ledger, { from: range.from, to: range.to, ...common });
  // Near 0001-01-01 fewer month ends exist: the statement says the calendar cut the list.
  const reviewsWhat = range?.cut === true ? `The ${formatCount(reviews.length)} monthly ${reviews.length === 1 ? 'review' : 'reviews'}` : `The last ${STATEMENT_REVIEWS} monthly reviews`;
  sections.push(
    section('reviews', 'Monthly Reviews', [
      range === null
        ? paragraph(`No monthly review falls on or before ${e.asOf}: the calendar starts on ${MIN_DATE}, and its first review is on ${monthEnd(MIN_DATE)} (R12).`)
        : paragraph(`${reviewsWhat} up to ${e.asOf} (R12).${range.cut ? ` The calendar starts on ${MIN_DATE}: there are no reviews before ${range.from}.` : ''}`),
      ...(range === null
        ? []
        : [
            table(
              reviewsWhat,
              [left('Review'), left('Tier'), left('Change'), right('Points'), right('Pending'), right('Revenue'), left('Membership'), left('Fee')],
              reviews.map((review) => [
                review.date,
                tierName(version, review.tier),
                review.change ?? '—',
                formatCount(review.points.total),
                formatCount(review.points.pending),
                money(review.revenue.total),
                review.membership.active ? 'active' : 'not active',
                review.fee.status,
              ]),
            ),
          ]),
    ]),
  );

  const byId = new Map(ledger.entries.map((entry) => [entry.id, entry]));
  sections.push(
    section('entries', 'Entries', [
      paragraph(`Every entry of the ledger (${formatCount(e.entries.length)}), in input order, with its outcome on ${e.asOf}.`),
      table(
        'Every entry with its outcome, points, rule and reason',
        [left('Entry'), left('Date'), left('Type'), left('Detail'), left('Outcome'), right('Points'), left('Rule'), left('Reason')],
        e.entries.map((outcome) => {
          const entry = byId.get(outcome.id);
          return [outcome.id, entry?.date ?? '', entry?.type ?? '', entryDetail(entry, currency), outcome.outcome, formatCount(outcome.points), outcome.rule, outcome.reason ?? '—'];
        }),
      ),
    ]),
  );

  return {
    kind: 'partner-statement',
    title: `Partner statement: ${who}`,
    subtitle: `${partner.id} · as of ${e.asOf} · ${program.name} version ${e.program.version}`,
    metadata: {
      title: `Partner statement: ${who}, ${e.asOf}`,
      subject: `Where partner ${partner.id} stands in ${program.name} on ${e.asOf}: tier ${e.tierName ?? 'none'}, ${formatCount(e.points.total)} points`,
      date: e.asOf,
      language: 'en',
      program: { id: e.program.id, name: program.name, version: e.program.version, effectiveFrom: version.effectiveFrom, currency },
      partner: partner.name === undefined ? { id: partner.id } : { id: partner.id, name: partner.name },
    },
    sections,
  };
}

/**
 * A partner's statement for a date as a document model: the partner, the
 * tier and why (as `explainEvaluation` says it), every tier's requirements,
 * points by category with the pending points, revenue, certifications valid
 * and expiring, membership and fee with their dates, the next tier's
 * shortfall and the `planUpgrade` steps, what leaves the window in the next
 * three months, the last 12 monthly reviews and every entry with its
 * outcome, points, rule and reason — all from the library's own results.
 * @param ledger - A ledger `parseLedger` returned, or raw input (validated first).
 * @param opts - `evaluate`'s options: `asOf` (required), `program`, `window`.
 * @returns The document model.
 * @throws {ValidationError} When the ledger or the options are invalid, with `evaluate`'s issues.
 * @example
 * const doc = partnerStatement(ledger, { asOf: '2026-11-30' });
 * doc.metadata.partner //=> { id: 'meridian', name: 'Meridian Digital Agency' }
 * doc.sections.map((s) => s.id)
 * //=> ['partner', 'tier', 'requirements', 'points', 'revenue', 'certifications', 'membership', 'next-tier', 'leaving', 'reviews', 'entries']
 */
export function partnerStatement(ledger: Ledger | unknown, opts: PartnerStatementOptions): DocumentModel {
  // Each option is read once, here; evaluate then validates the ledger and every option (paths
  // `entries[3].amount`, `asOf`, …) and throws first.
  const issues: LedgerIssue[] = [];
  const options = readOptionsObject(opts, ['asOf', 'program', 'window'], 'options must be an object: { asOf, program?, window? }', issues);
  throwIfAny(issues);
  const e = evaluate(ledger, options as PartnerStatementOptions);
  const program = (options['program'] as Program | undefined) ?? exponentialProgram;
  const parsed = parseLedger(ledger, { program });
  if (!parsed.ok) throw new ValidationError(parsed.issues as [never, ...never[]]);
  const version = selectVersion(program, e.asOf, 'asOf', []) as ProgramVersion;
  return build(parsed.ledger, e, program, version, options['window'] as WindowKind | undefined);
}
