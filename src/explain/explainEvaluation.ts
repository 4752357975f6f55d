import { issue, throwIfAny, ValidationError, type LedgerIssue } from '../issues';
import { describeError, describeValue, readOptionsObject } from '../readOptions';
import { MAX_DATE, toIsoDate } from '../dates/isoDate';
import type { Evaluation, LeavingNext, RequirementCheck, TierRequirements } from '../evaluate/types';
import { formatCount, formatMoney, isZeroAmount, plural } from '../format';

/** Options of {@link explainEvaluation}. */
export type ExplainOptions = {
  /** `text` (default): plain sentences for an e-mail or a CRM note; `markdown`: the same as a Markdown list. */
  readonly format?: 'text' | 'markdown';
};

/** A structural check: the path of the first value that does not fit, or `null` when all fit. */
type Fits = (value: unknown, path: string) => string | null;
// The check makers only build checks (no side effects): esbuild marks each call of them /* @__PURE__ */ in dist/index.js,
// so a bundle that does not use explainEvaluation drops the checks built here at import.
/* @__NO_SIDE_EFFECTS__ */
const typed = (type: string): Fits => (value, path) => (typeof value === type ? null : path);
/* @__NO_SIDE_EFFECTS__ */
const oneOf = (...values: readonly unknown[]): Fits => (value, path) => (values.includes(value) ? null : path);
// When no alternative fits, the misfit of the one that got furthest (a shape's field, not the shape).
/* @__NO_SIDE_EFFECTS__ */
const either = (...checks: readonly Fits[]): Fits => (value, path) => {
  let furthest = path;
  for (const check of checks) {
    const misfit = check(value, path);
    if (misfit === null) return null;
    if (misfit.length > furthest.length) furthest = misfit;
  }
  return furthest;
};
/* @__NO_SIDE_EFFECTS__ */
const listOf = (item: Fits): Fits => (value, path) => {
  if (!Array.isArray(value)) return path;
  for (let i = 0; i < value.length; i++) {
    const misfit = item(value[i], `${path}[${i}]`);
    if (misfit !== null) return misfit;
  }
  return null;
};
/* @__NO_SIDE_EFFECTS__ */
const shape = (fields: Readonly<Record<string, Fits>>): Fits => (value, path) => {
  if (typeof value !== 'object' || value === null) return path;
  for (const key in fields) {
    const misfit = (fields[key] as Fits)((value as Record<string, unknown>)[key], `${path}.${key}`);
    if (misfit !== null) return misfit;
  }
  return null;
};
const text = typed('string');
const flag = typed('boolean');
const absent = oneOf(undefined);
const none = oneOf(null);
/* @__NO_SIDE_EFFECTS__ */
const check = (test: (value: unknown) => boolean): Fits => (value, path) => (test(value) ? null : path);
// Figures as evaluate writes them: whole points and counts (safe integers), money as a plain
// decimal string, dates as real calendar dates read by the library's own date reader.
const integer = check((value) => Number.isSafeInteger(value));
const money = check((value) => typeof value === 'string' && value.length <= 100 && /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/.test(value));
const date = check((value) => typeof value === 'string' && value.length === 10 && toIsoDate(value) === value);
// Dates a result carries are `null` beyond the calendar (SPEC §3); optional ones may be absent.
const dateOrNull = either(date, none);
const optionalDate = either(date, none, absent);
const countCheck = shape({ met: flag, required: integer, actual: integer, shortfall: integer });
const requirementCheck: Fits = (value, path) => {
  const kind = typeof value === 'object' && value !== null ? (value as { kind?: unknown }).kind : undefined;
  switch (kind) {
    case 'revenue':
      return shape({ met: flag, required: money, actual: money, shortfall: money })(value, path);
    case 'points':
      return countCheck(value, path);
    case 'certification':
      return shape({ certification: text, met: flag, required: integer, actual: integer, shortfall: integer })(value, path);
    default:
      // A certification kind K's check: `${K}-certifications` (R8).
      return typeof kind === 'string' && kind.endsWith('-certifications') ? countCheck(value, path) : `${path}.kind`;
  }
};

/**
 * What an evaluation must hold for {@link explainEvaluation}: every field it
 * reads, with the type `evaluate` gives it. Judged by structure, not by
 * origin, so an evaluation that went through JSON, `structuredClone` or a
 * worker is one.
 */
const evaluationShape = shape({
  asOf: date,
  tier: either(text, none),
  tierName: either(text, none),
  points: shape({ total: integer, pending: integer }),
  revenue: shape({ total: money }),
  requirements: listOf(shape({ tier: text, checks: listOf(requirementCheck) })),
  nextTier: either(none, shape({ tier: text, tierName: text })),
  leavingNext: either(none, absent, shape({ date, on: dateOrNull, points: integer, revenue: money, entries: listOf(text) })),
  // Read to name each source leaving next with its own figures.
  entries: either(absent, listOf(shape({ id: text, points: integer, amount: either(money, absent) }))),
  derived: either(absent, listOf(shape({ rule: text, date, points: integer }))),
  certifications: shape({ valid: listOf(shape({ holder: text, certification: text, expiresOn: either(date, absent) })) }),
  membership: shape({ active: flag, basis: oneOf(null, 'basic-points', 'professional-renewal', 'fee') }),
  fee: shape({ status: oneOf('waived', 'paid', 'due'), amountDue: either(money, absent), period: either(text, absent), paidThrough: optionalDate, waivedThrough: optionalDate, nextAnniversary: dateOrNull }),
  program: shape({ id: text, currency: either(text, absent) }),
});

/** Throws one `ValidationError` at the first field of `value` that an evaluation would not have. */
function checkEvaluation(value: unknown): asserts value is Evaluation {
  let misfit: string | null;
  try {
    misfit = evaluationShape(value, 'evaluation');
  } catch (error) {
    // A Proxy or a getter that throws while its fields are read.
    throw new ValidationError([issue('evaluation', 'unreadable-value', `the evaluation could not be read (${describeError(error)})`)]);
  }
  if (misfit !== null) {
    throw new ValidationError([issue(misfit, misfit === 'evaluation' ? 'invalid-type' : 'invalid-value', `expected an evaluation returned by evaluate; "${misfit}" does not fit`)]);
  }
}

function describeCheck(check: RequirementCheck, currency: string): string {
  switch (check.kind) {
    case 'points':
      return `${plural(check.actual, 'point')} (${formatCount(check.required)} needed)`;
    case 'revenue':
      return `${formatMoney(check.actual, currency)} revenue (${formatMoney(check.required, currency)} needed)`;
    case 'certification':
      return `${plural(check.actual, `holder of ${check.certification}`, `holders of ${check.certification}`)} (${check.required} needed)`;
    default:
      return `${plural(check.actual, `${kindWords(check.kind)} certification`)} (${check.required} needed)`;
  }
}

/** `sales-certifications` → `sales`, `cloud-security-certifications` → `cloud security`: a kind as the sentence names it. */
function kindWords(kind: string): string {
  return kind.slice(0, -'-certifications'.length).replace(/-/g, ' ');
}

/**
 * Each source of what leaves next with its own figures: an entry with its
 * outcome's points or revenue, the partner-year credit (R5) with its points —
 * never one source with all of them.
 */
function leavingSources(evaluation: Evaluation, leaving: LeavingNext, money: (amount: string) => string): string {
  const outcomes = new Map((evaluation.entries ?? []).map((outcome) => [outcome.id, outcome]));
  const sources = leaving.entries.map((id) => {
    const outcome = outcomes.get(id);
    if (outcome === undefined) return String(id);
    const what: string[] = [];
    if (outcome.points !== 0) what.push(plural(outcome.points, 'point'));
    if (outcome.amount !== undefined && !isZeroAmount(outcome.amount)) what.push(`${money(outcome.amount)} of revenue`);
    return `${id}: ${what.length > 0 ? list(what) : 'no points'}`;
  });
  for (const credit of evaluation.derived ?? []) {
    if (credit.date === leaving.date) sources.push(`the partner-year credit (${credit.rule}): ${plural(credit.points, 'point')}`);
  }
  return sources.length > 0 ? sources.join('; ') : 'no points';
}

/** A date of the fee position; `null` is past the end of the calendar. */
function feeDate(date: string | null): string {
  return date === null ? `beyond ${MAX_DATE}` : `through ${date}`;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * The few sentences a partner manager pastes into an e-mail or a CRM note:
 * the tier held and why (each requirement with its figures), what the next
 * tier still needs, what leaves the window next and when, pending points,
 * and the membership and fee position — from the evaluation alone, citing
 * the rules.
 * @param evaluation - What `evaluate` returned.
 * @param opts - `format`: `text` (default) or `markdown`.
 * @returns The explanation.
 * @throws {ValidationError} When `evaluation` is not an evaluation (the path of the first field that does not fit, `evaluation.points.total`), or an option is invalid (`format`).
 * @example
 * explainEvaluation(evaluate(ledger, { asOf: '2026-06-30' }))
 * //=> 'Basic as of 2026-06-30 (R9): 14,940 points (5,000 needed).
 * //    Next: Professional needs 5,999.50 more revenue ($1,200.50 of $7,200.00) (R9). …'
 */
export function explainEvaluation(evaluation: Evaluation, opts?: ExplainOptions): string {
  checkEvaluation(evaluation);
  const issues: LedgerIssue[] = [];
  const options = readOptionsObject(opts, ['format'], 'options must be an object: { format? }', issues);
  // `null` is not "absent" here, as in every other option.
  const format = options['format'] === undefined ? 'text' : options['format'];
  if (format !== 'text' && format !== 'markdown') issues.push(issue('format', 'invalid-value', `"format" must be "text" or "markdown", received ${describeValue(format)}`));
  throwIfAny(issues);
  const currency = evaluation.program.currency ?? 'USD';
  const money = (amount: string) => formatMoney(amount, currency);
  const sentences: string[] = [];
  const held = evaluation.requirements.find((r) => r.tier === evaluation.tier);
  const first = evaluation.requirements[0];

  if (held !== undefined && evaluation.tierName !== null) {
    // A tier of a program may require nothing at all (an empty requirement list).
    const met = held.checks.length === 0 ? 'it has no requirements' : list(held.checks.map((c) => describeCheck(c, currency)));
    sentences.push(`${evaluation.tierName} as of ${evaluation.asOf} (R9): ${met}.`);
  } else {
    const points = first?.checks.find((c) => c.kind === 'points');
    sentences.push(`No tier as of ${evaluation.asOf} (R9): ${formatCount(evaluation.points.total)} points${points === undefined ? '' : `, ${formatCount(points.shortfall as number)} short of the first tier`}.`);
  }

  if (evaluation.nextTier !== null) {
    const next: TierRequirements | undefined = evaluation.requirements.find((r) => r.tier === evaluation.nextTier?.tier);
    const needs: string[] = [];
    for (const check of next?.checks ?? []) {
      if (check.met) continue;
      if (check.kind === 'revenue') needs.push(`${money(check.shortfall)} more revenue (${money(check.actual)} of ${money(check.required)})`);
      else if (check.kind === 'points') needs.push(`${plural(check.shortfall, 'more point', 'more points')} (${formatCount(check.actual)} of ${formatCount(check.required)})`);
      else if (check.kind === 'certification') needs.push(`${check.shortfall} more holder${check.shortfall === 1 ? '' : 's'} of ${check.certification}`);
      else needs.push(`${check.shortfall} more ${kindWords(check.kind)} certification${check.shortfall === 1 ? '' : 's'}`);
    }
    sentences.push(`Next: ${evaluation.nextTier.tierName} needs ${list(needs)} (R9).`);
  } else if (evaluation.tier !== null) {
    sentences.push('This is the top tier (R9).');
  }

  const leaving = evaluation.leavingNext;
  if (leaving !== null && leaving !== undefined) {
    // `on` is null when the first review without them would fall after the calendar's last day.
    const when = leaving.on === null ? `counts in every review through ${MAX_DATE}` : `no longer counts from ${leaving.on}`;
    sentences.push(`Next to leave the window: what was earned on ${leaving.date} (${leavingSources(evaluation, leaving, money)}) ${when} (R1).`);
  }
  const expiring = evaluation.certifications.valid.filter((c) => c.expiresOn !== undefined).sort((a, b) => ((a.expiresOn as string) < (b.expiresOn as string) ? -1 : 1))[0];
  if (expiring !== undefined) sentences.push(`The next certification to expire: ${expiring.holder}'s ${expiring.certification}, valid through ${expiring.expiresOn} (R8).`);
  if (evaluation.points.pending !== 0) sentences.push(`${plural(evaluation.points.pending, 'point')} await approval (R7).`);

  const { membership, fee } = evaluation;
  const basis = {
    'basic-points': 'through points, no fee required',
    'professional-renewal': 'through last partnership year’s Professional renewal',
    fee: 'through the program fee',
  } as const;
  let feeText: string;
  if (fee.status === 'waived') feeText = `the fee is waived${fee.waivedThrough === undefined ? '' : ` ${feeDate(fee.waivedThrough)}`}`;
  else if (fee.status === 'paid') feeText = `the fee is paid${fee.paidThrough === undefined ? '' : ` ${feeDate(fee.paidThrough)}`}`;
  else feeText = `the fee of ${money(fee.amountDue ?? '0')} a ${fee.period ?? 'month'} is due`;
  const anniversary = fee.nextAnniversary === null ? `no anniversary through ${MAX_DATE}` : `next anniversary ${fee.nextAnniversary}`;
  sentences.push(
    membership.active && membership.basis !== null
      ? `Membership is active ${basis[membership.basis]} (R10); ${feeText}; ${anniversary} (R11).`
      : `Membership is not active (R10); ${feeText}; ${anniversary} (R11).`,
  );
  return format === 'markdown' ? sentences.map((s) => `- ${s}`).join('\n') : sentences.join('\n');
}
