import { issue, ValidationError } from '../issues';
import type { Evaluation, RequirementCheck, TierRequirements } from '../evaluate/types';
import { formatCount, formatMoney, isZeroAmount, plural } from '../format';

/** Options of {@link explainEvaluation}. */
export type ExplainOptions = {
  /** `text` (default): plain sentences for an e-mail or a CRM note; `markdown`: the same as a Markdown list. */
  readonly format?: 'text' | 'markdown';
};

function isEvaluation(value: unknown): value is Evaluation {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Evaluation>;
  return (
    typeof v.asOf === 'string' &&
    typeof v.points?.total === 'number' &&
    typeof v.revenue?.total === 'string' &&
    Array.isArray(v.requirements) &&
    typeof v.membership === 'object' &&
    typeof v.fee?.status === 'string' &&
    typeof v.program?.id === 'string'
  );
}

function describeCheck(check: RequirementCheck, currency: string): string {
  switch (check.kind) {
    case 'points':
      return `${plural(check.actual, 'point')} (${formatCount(check.required)} needed)`;
    case 'revenue':
      return `${formatMoney(check.actual, currency)} revenue (${formatMoney(check.required, currency)} needed)`;
    case 'profile-certifications':
      return `${plural(check.actual, 'profile certification')} (${check.required} needed)`;
    case 'sales-certifications':
      return `${plural(check.actual, 'sales certification')} (${check.required} needed)`;
  }
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
 * @throws {ValidationError} When `evaluation` is not an evaluation.
 * @example
 * explainEvaluation(evaluate(ledger, { asOf: '2026-06-30' }))
 * //=> 'Basic as of 2026-06-30 (R9): 14,940 points (5,000 needed).
 * //    Next: Professional needs 5,999.50 more revenue ($1,200.50 of $7,200.00) (R9). …'
 */
export function explainEvaluation(evaluation: Evaluation, opts: ExplainOptions = {}): string {
  if (!isEvaluation(evaluation)) throw new ValidationError([issue('', 'invalid-type', 'expected an evaluation returned by evaluate')]);
  const format = opts.format ?? 'text';
  if (format !== 'text' && format !== 'markdown') throw new ValidationError([issue('format', 'invalid-value', '"format" must be "text" or "markdown"')]);
  const currency = evaluation.program.currency ?? 'USD';
  const money = (amount: string) => formatMoney(amount, currency);
  const sentences: string[] = [];
  const held = evaluation.requirements.find((r) => r.tier === evaluation.tier);
  const first = evaluation.requirements[0];

  if (held !== undefined && evaluation.tierName !== null) {
    sentences.push(`${evaluation.tierName} as of ${evaluation.asOf} (R9): ${list(held.checks.map((c) => describeCheck(c, currency)))}.`);
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
      else needs.push(`${check.shortfall} more ${check.kind === 'profile-certifications' ? 'profile' : 'sales'} certification${check.shortfall === 1 ? '' : 's'}`);
    }
    sentences.push(`Next: ${evaluation.nextTier.tierName} needs ${list(needs)} (R9).`);
  } else if (evaluation.tier !== null) {
    sentences.push('This is the top tier (R9).');
  }

  const leaving = evaluation.leavingNext;
  if (leaving !== null && leaving !== undefined) {
    const what: string[] = [];
    if (leaving.points !== 0) what.push(plural(leaving.points, 'point'));
    if (!isZeroAmount(leaving.revenue)) what.push(`${money(leaving.revenue)} of revenue`);
    const items = leaving.entries.length > 0 ? leaving.entries.join(', ') : 'a partner-year credit';
    sentences.push(`Next to leave the window: what was earned on ${leaving.date} (${items}: ${what.length > 0 ? list(what) : 'no points'}) no longer counts from ${leaving.on} (R1).`);
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
  if (fee.status === 'waived') feeText = `the fee is waived${fee.waivedThrough === undefined ? '' : ` through ${fee.waivedThrough}`}`;
  else if (fee.status === 'paid') feeText = `the fee is paid through ${fee.paidThrough}`;
  else feeText = `the fee of ${money(fee.amountDue ?? '0')} a ${fee.period ?? 'month'} is due`;
  sentences.push(
    membership.active && membership.basis !== null
      ? `Membership is active ${basis[membership.basis]} (R10); ${feeText}; next anniversary ${fee.nextAnniversary} (R11).`
      : `Membership is not active (R10); ${feeText}; next anniversary ${fee.nextAnniversary} (R11).`,
  );
  return format === 'markdown' ? sentences.map((s) => `- ${s}`).join('\n') : sentences.join('\n');
}
