import { throwIfAny, type LedgerIssue } from '../issues';
import { multiplyMoney, parseMoney, type Money } from '../money/money';
import { formatAmount, formatCount, formatMoney } from '../format';
import { resolveProgram, selectVersion } from '../program/resolveProgram';
import { readDateOption, readOptionsObject } from '../readOptions';
import { rules } from '../program/rules';
import { periodMonths } from '../program/compile';
import type { Program, ProgramVersion } from '../program/types';
import type { IsoDate } from '../dates/isoDate';
import { activityEvidence, activityKind, activityPoints, categoryName, certificationsRequired, kindName, periodsPerYear, pointsRequired, tierName, tierRequirements, tierRevenue } from './labels';
import type { DocumentBlock, DocumentModel, DocumentSection } from './types';

/** Options of {@link programOverview}. */
export type ProgramOverviewOptions = {
  /** The date of the overview (`YYYY-MM-DD`): it picks the version in effect then and is the PDF's creation date. */
  readonly asOf: string;
};

const section = (id: string, heading: string, blocks: readonly DocumentBlock[], subsections: readonly DocumentSection[] = []): DocumentSection => ({ id, heading, blocks, subsections });
const paragraph = (text: string): DocumentBlock => ({ kind: 'paragraph', text });
const bullets = (items: readonly string[]): DocumentBlock => ({ kind: 'list', ordered: false, items });

/** The program sentences a rule encodes, without the bare headings (quoted as sentences only). */
function ruleSources(id: string): readonly string[] {
  return (rules.find((rule) => rule.id === id)?.sources ?? []).filter((text) => /[.!?:]$/.test(text));
}

/**
 * What the certification kinds are: the built-in program's sentence for its Profile and Sales
 * kinds (the program text says so of them), else the kinds named in order.
 */
function kindsSentence(version: ProgramVersion): string {
  const ids = version.certificationKinds.map((row) => row.id);
  if (ids.length === 2 && ids[0] === 'profile' && ids[1] === 'sales') return 'Profile certifications certify people; each solution has its sales certification.';
  const names = version.certificationKinds.map((row) => row.name);
  return names.length === 1 ? `Every certification is of one kind: ${names[0] ?? ''}.` : `Certifications are of ${names.length} kinds: ${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}.`;
}

function sections(program: Program, version: ProgramVersion): DocumentSection[] {
  const currency = version.currency;
  const fee = version.fee;
  const money = (amount: string | null) => (amount === null ? 'None' : formatAmount(amount, currency));
  const annual = multiplyMoney(parseMoney(fee.amount) as Money, periodsPerYear(fee.period)).text;
  const months = periodMonths[fee.period];
  const membership = version.tiers.find((tier) => tier.id === version.membershipTier);
  const renewal = tierName(version, version.renewalTier);
  const certificationRow = version.activities.find((row) => row.derivedFrom === 'certification-entries');
  const partnerYearRow = version.activities.find((row) => row.derivedFrom === 'partner-years');
  const named = version.tiers.some((tier) => tier.requirements.some((r) => r.type === 'certification'));
  // The rulebook quotes the Exponential program's sentences on membership and the fee: they are this
  // program's when its fee row cites one of them; another program's fee is quoted from its own row.
  const exponentialText = ruleSources('R11').includes(fee.source);
  const out: DocumentSection[] = [];

  out.push(
    section('two-ways', 'Two Ways to Become a Partner', [
      bullets([
        `Fee: ${formatMoney(fee.amount, fee.currency)} per ${fee.period} grants access to the partner program (${fee.rule}).`,
        `Points: partners who meet the ${membership?.name ?? version.membershipTier} requirements (${membership === undefined ? '' : tierRequirements(membership, version)}) over the review window are members with no fee required (R10).`,
      ]),
      ...(exponentialText ? ruleSources('R10') : []).map((text): DocumentBlock => ({ kind: 'quote', text })),
    ]),
  );

  out.push(
    section('points-system', 'The Points System', [
      paragraph(`1 point per 1 ${currency} of revenue earned by exponential.earth through direct sales, project licensing or subscriptions (R2), and 1 point per minute of value-added work not in the activity table (R4). Refunds lower revenue; revenue points are the whole ${currency} of the net sum, never below 0 (R2).`),
      { kind: 'quote', text: ruleSources('R4')[0] ?? '' },
      paragraph('Points and revenue count over the review window: by default the twelve months up to the review date, inclusive (R1). Only approved entries count; pending entries are shown apart until they are approved (R7). Bonus points for strategic activities and special points for new ideas are decided case by case (R6); adjustments correct points either way (R7).'),
    ]),
  );

  out.push(
    section('tiers', 'Partner Levels & Requirements', [
      paragraph(`You will always be placed in the highest tier for which you meet the requirements (R9). The ${version.tiers.length} tiers, lowest first; "None" means no condition:`),
      {
        kind: 'table',
        caption: `The ${version.tiers.length} partner tiers and their requirements`,
        columns: [
          { header: 'Partner Tier', align: 'left' },
          { header: 'Points / Year', align: 'right' },
          { header: 'Min. Revenue', align: 'right' },
          { header: 'Certifications Required', align: 'left' },
          { header: 'id', align: 'left' },
          { header: 'Rule', align: 'left' },
        ],
        rows: version.tiers.map((tier) => [tier.name, pointsRequired(tier), money(tierRevenue(tier)), certificationsRequired(tier, version), tier.id, tier.rule]),
      },
      paragraph(`Certification counts are distinct valid (person, certification) pairs on the review date (R8).${named ? ' A tier that names a certification (×n) needs n distinct people who hold it validly on the review date (R8).' : ''}`),
    ]),
  );

  out.push(
    section('activities', 'Sample Point-Generating Activities', [
      paragraph(`The ${version.activities.length} activities of the program table (R3). Evidence is optional; when it is given and not met, the entry earns nothing (evidence-not-met).`),
      {
        kind: 'table',
        caption: `The ${version.activities.length} point-generating activities`,
        columns: [
          { header: 'Activity', align: 'left' },
          { header: 'Points', align: 'right' },
          { header: 'How it counts', align: 'left' },
          { header: 'Category', align: 'left' },
          { header: 'Evidence', align: 'left' },
          { header: 'id', align: 'left' },
          { header: 'Rule', align: 'left' },
        ],
        rows: version.activities.map((row) => [row.name, activityPoints(row), activityKind(row), categoryName(row.category), activityEvidence(row), row.id, row.rule]),
      },
    ]),
  );

  const categories = [...new Set(version.activities.map((row) => row.category))];
  out.push(
    section(
      'earn-points',
      'How to Earn Points',
      [
        bullets([
          `Revenue: 1 point per 1 ${currency} (R2).`,
          'Time: 1 point per minute of value-added work not in the table (campaigns, feedback sessions, testing marketing materials, bug hunts, joint sales, wiki documentation, community support, open-source extensions), in the category of the work (R4).',
          ...(certificationRow === undefined ? [] : [`Certifications: ${formatCount(certificationRow.points)} points per person and certification earned in the window (${certificationRow.rule}).`]),
          ...(partnerYearRow === undefined ? [] : [`Partner years: ${formatCount(partnerYearRow.points)} points on the first day of each of the first ${partnerYearRow.maxYears ?? 0} partnership years (${partnerYearRow.rule}).`]),
          'Bonus and special points: case by case (R6).',
        ]),
      ],
      categories.map((category) =>
        section(
          `earn-${category}`,
          categoryName(category),
          [bullets(version.activities.filter((row) => row.category === category).map((row) => `${row.name}: ${activityPoints(row)} (${row.rule})`))],
        ),
      ),
    ),
  );

  out.push(
    section('certifications', 'Certifications', [
      paragraph(
        version.certifications.length === 0
          ? 'This version has no certifications.'
          : `${kindsSentence(version)} A certification is valid from the day it is earned through its expiry date, inclusive; only valid, approved certifications count (R8).${certificationRow === undefined ? '' : ` Each person and certification earned in the window also credits ${formatCount(certificationRow.points)} points.`}`,
      ),
      ...(version.certifications.length === 0
        ? []
        : [
            {
              kind: 'table',
              caption: 'The certification catalogue',
              columns: [
                { header: 'Certification', align: 'left' },
                { header: 'Kind', align: 'left' },
                { header: 'id', align: 'left' },
                { header: 'Rule', align: 'left' },
              ],
              rows: version.certifications.map((row) => [row.name, kindName(version, row.kind), row.id, row.rule]),
            } satisfies DocumentBlock,
          ]),
    ]),
  );

  out.push(
    section('fee', 'Fee and Renewal', [
      bullets([
        `The fee is ${formatMoney(fee.amount, fee.currency)} per ${fee.period}${fee.period === 'year' ? '' : `, ${formatMoney(annual, fee.currency)} for a year`} (${fee.rule}).`,
        months === 1
          ? `A payment covers its months from its date; a payment made while an earlier one still covers starts when that coverage ends. Its amount must be the months times ${formatMoney(fee.amount, fee.currency)}, else it does not count (R11).`
          : `A payment covers its months from its date; a payment made while an earlier one still covers starts when that coverage ends. Its months must be a whole number of ${fee.period}s (${months} months each) and its amount that number times ${formatMoney(fee.amount, fee.currency)}, else it does not count (R11).`,
        `At each partnership anniversary the completed partnership year is reviewed: a partner who reached ${renewal} or higher has the next year's fee waived; the others pay it again each year (R11).`,
        `Partners who meet the ${membership?.name ?? version.membershipTier} requirements need no fee at all (R10). Fee payments never count as revenue (R11).`,
      ]),
      ...(exponentialText ? ruleSources('R11') : [fee.source]).map((text): DocumentBlock => ({ kind: 'quote', text })),
    ]),
  );

  out.push(
    section('monthly-review', 'The Monthly Review', [
      paragraph('Partner tiers are reviewed monthly, on the last day of each month (R12). Each review counts the window that ends on its date (R1) and places the partner in the highest tier whose requirements are met (R9); the tier can go up or down from one review to the next. As entries grow older than the window, they stop counting, so a tier has to be earned again every month.'),
    ]),
  );

  if (program.versions.length > 1) {
    out.push(
      section('versions', 'Versions', [
        paragraph('Each review uses the version in effect on its date; a date before the first version uses the first.'),
        {
          kind: 'table',
          caption: 'The versions of the program',
          columns: [
            { header: 'Version', align: 'left' },
            { header: 'Effective from', align: 'left' },
            { header: 'In this overview', align: 'left' },
          ],
          rows: program.versions.map((candidate) => [candidate.version, candidate.effectiveFrom, candidate === version ? 'yes' : '']),
        },
      ]),
    );
  }

  out.push(
    section('rules', 'Rules', [
      paragraph('The rule ids cited above, with the program sentences they encode.'),
      {
        kind: 'table',
        caption: 'The rulebook',
        columns: [
          { header: 'Rule', align: 'left' },
          { header: 'Title', align: 'left' },
          { header: 'Program text', align: 'left' },
        ],
        rows: rules.map((rule) => [rule.id, rule.title, rule.sources.join(' / ')]),
      },
    ]),
  );
  return out;
}

/**
 * The program overview as a document model (the program text's "PDF of this
 * program overview"): the two ways to become a partner, the points system,
 * the tiers, the activities with their points, kinds and evidence, how to
 * earn points by category, the certification catalogue, the fee and renewal
 * rules and the monthly review — every figure read from the program's tables.
 * Render it with `renderMarkdown`, `renderHtml` or `renderPdf` (`./pdf`).
 * @param program - `exponentialProgram`, a program `defineProgram` returned, or a definition (validated first).
 * @param opts - `asOf` (required): picks the version in effect and gives the overview its date.
 * @returns The document model.
 * @throws {ValidationError} When the program or the options are invalid (paths `program…`, `asOf`).
 * @example
 * const doc = programOverview(exponentialProgram, { asOf: '2026-11-30' });
 * doc.title //=> 'Exponential Partner Program'
 * doc.sections.map((s) => s.id) //=> ['about', 'two-ways', 'points-system', 'tiers', 'activities', 'earn-points', 'certifications', 'fee', 'monthly-review', 'rules']
 */
export function programOverview(program: Program | unknown, opts: ProgramOverviewOptions): DocumentModel {
  const issues: LedgerIssue[] = [];
  const options = readOptionsObject(opts, ['asOf'], 'options must be an object: { asOf }', issues);
  const asOf = readDateOption(options, 'asOf', issues);
  const resolved = resolveProgram(program, 'program', issues);
  const version = resolved === undefined || asOf === undefined ? undefined : selectVersion(resolved, asOf, 'asOf', issues);
  throwIfAny(issues);
  const p = resolved as Program;
  const v = version as ProgramVersion;
  return {
    kind: 'program-overview',
    title: p.name,
    subtitle: `Program overview · version ${v.version}, in effect from ${v.effectiveFrom} · as of ${asOf as IsoDate}`,
    metadata: {
      title: `${p.name}: program overview`,
      subject: `The tiers, activities, certifications and fee of ${p.name} version ${v.version} (program ${p.id}), as of ${asOf as IsoDate}`,
      date: asOf as IsoDate,
      language: 'en',
      program: { id: p.id, name: p.name, version: v.version, effectiveFrom: v.effectiveFrom, currency: v.currency },
    },
    sections: [
      section('about', 'About this overview', [
        paragraph(`Program ${p.id}, version ${v.version}, in effect from ${v.effectiveFrom}. Amounts in ${v.currency}. Rule ids (R1–R12) refer to the rulebook at the end of this overview.`),
      ]),
      ...sections(p, v),
    ],
  };
}
