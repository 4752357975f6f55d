/**
 * `plan`: what a partner must still do to reach a tier by a date — the
 * shortfall, what expires, and the entries that would do it. Runs in the main
 * thread (one ledger at a time is quick).
 */
import type { Command } from 'commander';
import { cell, escapeControls } from '../../format';
import { exponentialProgram, planUpgrade, type Program } from '../../index';
import { readLedgers } from '../batch';
import { csvDocument, csvNumber } from '../csv';
import { exitCodes, optionError, UsageError } from '../errors';
import { defaultFormat } from '../formats';
import type { CliIo } from '../io';
import { addLedgerOptions, asOfOption, inputsArgument, loadProgram, resolveAsOf, type CommandContext, type LedgerOptions } from '../options';
import { countsOf, shortfallKey, snakeCase, tierName, writeDataFormat, type AsOf } from '../render';
import { styleFor } from '../style';

type PlanOptions = LedgerOptions & { readonly asOf?: string; readonly target?: string; readonly by?: string; readonly prefer?: string };

const examples = `
Examples:
  $ exponential-partner plan acme.json                           # the tier above the current one, by the next month-end
  $ exponential-partner plan acme.json --target gold --by 2027-06-30 --as-of 2026-11-30
  $ exponential-partner plan acme.json --target silver --prefer case-study,customer-site --format json
Exit codes: 0 ok (also when the target is out of reach: see "reachable"), 1 invalid input, 2 usage.`;

/** Adds `plan` to the program. */
export function registerPlan(program: Command, { io, setExit }: CommandContext): void {
  addLedgerOptions(
    program
      .command('plan')
      .description('what a partner must still do to reach a tier by a date: shortfall, what expires, and the entries that would do it')
      .addArgument(inputsArgument(false))
      .addOption(asOfOption('the date the plan starts from (default: today, UTC)'))
      .option('--target <tier>', 'the tier to reach (default: the one above the tier held)')
      .option('--by <date>', 'the date to reach it by (default: the first month-end on or after --as-of)')
      .option('--prefer <activities>', 'activity ids to plan with first, comma-separated'),
    'plan',
  )
    .addHelpText('after', examples)
    .action(async (inputs: string[], options: PlanOptions) => setExit(await planCommand(inputs, options, resolveAsOf(options.asOf, io), io)));
}

/**
 * `--target`: a tier id, or a tier's id or name in any case (`Gold`, `GOLD`,
 * `gold`), as the id. Anything else is a usage error that lists the tiers.
 */
function resolveTarget(program: Program, target: string): string {
  const tiers = new Map<string, string>();
  for (const version of program.versions) for (const tier of version.tiers) if (!tiers.has(tier.id)) tiers.set(tier.id, tier.name);
  if (tiers.has(target)) return target;
  const wanted = target.trim().toLowerCase();
  for (const [id, name] of tiers) if (id.toLowerCase() === wanted || name.toLowerCase() === wanted) return id;
  throw new UsageError(`--target: no tier "${target}" in the program; expected one of ${[...tiers].map(([id, name]) => (id === name ? id : `${id} (${name})`)).join(', ')}`);
}

/**
 * The CSV columns of `plan --format csv` under a program: the shortfall's points and revenue, then each
 * certification kind's (`shortfall_<kind>_certifications`) and each certification a tier requires by name
 * (`shortfall_certification_<id>`). The built-in program's are {@link planCsvColumns}.
 */
export function planCsvColumnsFor(program: Program): string[] {
  const { kinds, named } = countsOf(program);
  const at = planCsvColumns.indexOf('shortfall_revenue') + 1;
  return [
    ...planCsvColumns.slice(0, at),
    ...kinds.map((kind) => `shortfall_${snakeCase(kind)}_certifications`),
    ...named.map((certification) => `shortfall_certification_${snakeCase(certification)}`),
    ...planCsvColumns.slice(planCsvColumns.indexOf('shortfall_sales_certifications') + 1),
  ];
}

/** The CSV columns of `plan --format csv` under the built-in program: a row per partner (its steps in one cell, a line each). */
export const planCsvColumns = [
  'source',
  'partner_id',
  'partner_name',
  'as_of',
  'current',
  'target',
  'by',
  'reachable',
  'reason',
  'shortfall_points',
  'shortfall_revenue',
  'shortfall_profile_certifications',
  'shortfall_sales_certifications',
  'expiring',
  'steps',
] as const;

/** `plan`: what each partner must still do to reach a tier by a date. */
async function planCommand(inputs: readonly string[], options: PlanOptions, asOf: AsOf, io: CliIo): Promise<number> {
  const { program } = loadProgram(options.program, io);
  const names = program ?? exponentialProgram;
  const target = options.target === undefined ? undefined : resolveTarget(names, options.target);
  const ledgers = await readLedgers(inputs, { inputFormat: options.inputFormat, ...(program ? { program } : {}) }, io);
  const today = asOf.defaulted ? ', today UTC' : '';
  const results = ledgers.map(({ source, ledger }) => {
    let plan;
    try {
      plan = planUpgrade(ledger, {
        asOf: asOf.date,
        ...(target ? { target } : {}),
        ...(options.by ? { by: options.by } : {}),
        ...(options.prefer ? { prefer: options.prefer.split(',').map((s) => s.trim()) } : {}),
        ...(options.window ? { window: options.window } : {}),
        ...(program ? { program } : {}),
      });
    } catch (error) {
      return optionError(error, { asOf: '--as-of', target: '--target', by: '--by', prefer: '--prefer', window: '--window' });
    }
    // Not a plan that failed but options that contradict each other: say so once, as a usage error.
    if (plan.reason === 'by-before-as-of') throw new UsageError(`--by (${plan.by}) is before --as-of (${asOf.date}${today}): a plan can only look forward`);
    return { source, partner: ledger.partner, plan };
  });
  const format = options.format ?? defaultFormat('plan', io.stdout.isTTY === true);
  const { kinds, named } = countsOf(names);
  const csv = () =>
    csvDocument(
      planCsvColumnsFor(names),
      results.map(({ source, partner, plan }) => [
        source,
        partner.id,
        partner.name,
        plan.asOf,
        plan.current,
        plan.target,
        plan.by,
        plan.reachable,
        plan.reason,
        plan.shortfall.points,
        csvNumber(plan.shortfall.revenue),
        ...kinds.map((kind) => plan.shortfall[shortfallKey(kind)]),
        ...named.map((certification) => plan.shortfall.certifications?.[certification]),
        plan.expiring.length,
        plan.steps.join('\n'),
      ]),
    );
  if (writeDataFormat(io, format, { json: () => ({ asOf: asOf.date, asOfDefaulted: asOf.defaulted, results }), records: () => results, csv })) return exitCodes.ok;
  const style = styleFor(io.stdout, io.env);
  const md = format === 'markdown';
  // Everything printed comes from the ledger or the library's sentences about it: escaped (Markdown: `cell`).
  const text = md ? cell : escapeControls;
  for (const { partner, plan } of results) {
    const heading = text(`${partner.name ?? partner.id}: ${plan.current === null ? 'no tier' : tierName(names, plan.current)} → ${tierName(names, plan.target)} by ${plan.by} (as of ${asOf.date}${today})`);
    const why = plan.message ?? plan.reason ?? '';
    const verdict = plan.reachable ? style.green('reachable') : style.red(`not reachable: ${text(why)}`);
    const lines = [md ? `## ${heading}` : style.bold(heading), '', verdict];
    // The verdict already gives the reason: a step that repeats it is not printed again.
    const steps = plan.steps.filter((step) => plan.reachable || step !== why);
    if (steps.length > 0) lines.push('', ...steps.map((step, i) => (md ? `${i + 1}. ${text(step)}` : `  ${i + 1}. ${text(step)}`)));
    if (plan.expiring.length > 0) lines.push('', `${plan.expiring.length} item(s) leave the window or expire before ${plan.by}.`);
    io.stdout.write(`${lines.join('\n')}\n\n`);
  }
  return exitCodes.ok;
}
