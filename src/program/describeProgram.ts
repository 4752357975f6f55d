import { issue, throwIfAny, type LedgerIssue } from '../issues';
import { multiplyMoney, parseMoney, type Money } from '../money/money';
import { cell, formatAmount } from '../format';
import { describeValue, readOptionsObject } from '../readOptions';
import { activityEvidence, activityKind, activityPoints, certificationsRequired, kindName, periodsPerYear, pointsRequired, tierName, tierRequirements, tierRevenue } from './labels';
import { resolveProgram, selectVersion } from './resolveProgram';
import type { Program, ProgramVersion } from './types';

/** Options of {@link describeProgram}. */
export type DescribeProgramOptions = {
  /** Describe the version in effect on this date (`YYYY-MM-DD`). Default: the latest version. */
  readonly asOf?: string;
  /** Describe the version with this name (e.g. `'2014.1'`). Default: the latest version. */
  readonly version?: string;
};

// Every text the program provides (its name, version names, currencies, tier, activity and
// certification names, the quoted source) goes through `cell`: Markdown syntax and control
// characters are escaped, so a program cannot add a heading, HTML or a terminal escape. Ids are
// kebab-case and rule ids a closed list (both checked by the program schema).
function render(program: Program, version: ProgramVersion): string {
  const out: string[] = [];
  const currency = cell(version.currency);
  const money = (text: string | null) => (text === null ? 'None' : formatAmount(text, currency));
  const fee = version.fee;
  const feeCurrency = cell(fee.currency);
  const membership = version.tiers.find((tier) => tier.id === version.membershipTier);

  out.push(`# ${cell(program.name)}`, '');
  out.push(`Program \`${program.id}\`, version ${cell(version.version)}, in effect from ${version.effectiveFrom}. Amounts in ${currency}. Rule ids (R1–R12) refer to the rulebook in \`docs/interpretation.md\`.`, '');

  out.push('## Partner Levels & Requirements', '');
  out.push('You will always be placed in the highest tier for which you meet the requirements (R9). Partner tiers are reviewed monthly: points and revenue count over the review window, by default the twelve months up to the review date (R1); certifications must be valid on the review date (R8).', '');
  out.push('| Partner Tier | Points / Year | Min. Revenue | Certifications Required | id | rule |', '|---|--:|--:|---|---|---|');
  for (const tier of version.tiers) {
    out.push(`| ${cell(tier.name)} | ${pointsRequired(tier)} | ${money(tierRevenue(tier))} | ${certificationsRequired(tier, version, cell)} | \`${tier.id}\` | ${tier.rule} |`);
  }
  out.push('');

  out.push('## Two Ways to Become a Partner', '');
  out.push(`- **Points:** partners who meet the ${cell(membership?.name ?? version.membershipTier)} requirements (${membership === undefined ? '' : tierRequirements(membership, version, cell)}) are members with no fee required (R10).`);
  out.push(`- **Fee:** ${formatAmount(fee.amount, feeCurrency)} per ${fee.period} grants access (R11). Partners who reach ${cell(tierName(version, version.renewalTier))} over a partnership year have the next year's fee waived; the others pay it again each year (R11).`, '');

  out.push('## How to Earn Points', '');
  out.push(`1 point per 1 ${currency} of revenue (R2) and 1 point per minute of value-added work not in the table (R4); bonus and special points are decided case by case (R6). Only approved entries count (R7).`, '');
  out.push('### Sample Point-Generating Activities', '');
  out.push('| Activity | Points | How it counts | Category | Evidence | id | rule |', '|---|--:|---|---|---|---|---|');
  for (const row of version.activities) {
    out.push(`| ${cell(row.name)} | ${activityPoints(row)} | ${activityKind(row, (name) => `\`${name}\``)} | ${row.category} | ${activityEvidence(row)} | \`${row.id}\` | ${row.rule} |`);
  }
  out.push('');

  out.push('## Certifications', '');
  const named = version.tiers.some((tier) => tier.requirements.some((r) => r.type === 'certification'));
  out.push(`Tiers that require certifications count distinct valid (person, certification) pairs on the review date (R8).${named ? ' A tier that names a certification counts the distinct people who hold it validly.' : ''}`, '');
  if (version.certifications.length === 0) out.push('This version has no certifications.');
  else {
    out.push('| Certification | Kind | id | rule |', '|---|---|---|---|');
    for (const row of version.certifications) out.push(`| ${cell(row.name)} | ${cell(kindName(version, row.kind))} | \`${row.id}\` | ${row.rule} |`);
  }
  out.push('');

  out.push('## Fee', '');
  // A yearly fee is its own figure for a year.
  const year = fee.period === 'year' ? '' : `, ${formatAmount(multiplyMoney(parseMoney(fee.amount) as Money, periodsPerYear(fee.period)).text, feeCurrency)} for a year`;
  out.push(`${formatAmount(fee.amount, feeCurrency)} per ${fee.period}${year} (${fee.rule}).`, '', `> ${cell(fee.source)}`, '');

  if (program.versions.length > 1) {
    out.push('## Versions', '');
    out.push('Each review uses the version in effect on its date; a date before the first version uses the first.', '');
    out.push('| version | effective from | |', '|---|---|---|');
    for (const candidate of program.versions) {
      out.push(`| ${cell(candidate.version)} | ${candidate.effectiveFrom} | ${candidate === version ? 'described here' : ''} |`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * A Markdown overview of a program version, reading like the program text:
 * the tier table, the two ways to membership, the activity table with points
 * and kinds, the certifications and the fee, each row citing its rule id.
 * `docs/program.md` is this function's output for `exponentialProgram`.
 * @param program - `exponentialProgram`, a program `defineProgram` returned, or a definition (validated first).
 * @param opts - `asOf` or `version` to pick a version; default the latest.
 * @returns Markdown, ending in a newline.
 * @throws {ValidationError} When the program or the options are invalid (paths `program…`, `asOf`, `version`).
 * @example
 * describeProgram(exponentialProgram).split('\n').slice(0, 3)
 * //=> ['# Exponential Partner Program', '', 'Program `exponential-partner-program`, version 2014.1, in effect from 2000-01-01. Amounts in USD. …']
 * describeProgram(exponentialProgram).includes('| Silver | 20,000 | 12,000.00 USD | 1 Profile + 2 Sales | `silver` | R9 |') //=> true
 */
export function describeProgram(program: Program | unknown, opts: DescribeProgramOptions = {}): string {
  const issues: LedgerIssue[] = [];
  const options = readOptionsObject(opts, ['asOf', 'version'], 'options must be an object: { asOf?, version? }', issues);
  const [asOf, name] = [options['asOf'], options['version']];
  if (asOf !== undefined && name !== undefined) issues.push(issue('version', 'invalid-value', 'give "asOf" or "version", not both'));
  const resolved = resolveProgram(program, 'program', issues);
  let version: ProgramVersion | undefined;
  // An option whose reading threw is not in the snapshot: its issue is already there.
  if (resolved !== undefined && 'asOf' in options && 'version' in options) {
    if (name !== undefined) {
      version = resolved.versions.find((candidate) => candidate.version === name);
      if (version === undefined) {
        issues.push(issue('version', 'invalid-value', `${describeValue(name)} is not a version of ${resolved.name} (${resolved.versions.map((v) => v.version).join(', ')})`));
      }
    } else version = selectVersion(resolved, asOf, 'asOf', issues);
  }
  throwIfAny(issues);
  return render(resolved as Program, version as ProgramVersion);
}
