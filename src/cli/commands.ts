/**
 * The single-ledger and program commands: `timeline`, `plan`, `schema`
 * (`describe` and `statement`: documentCommands.ts). They run in the main thread (one ledger at a time is quick).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  ValidationError,
  defineProgram,
  evaluate,
  exponentialProgram,
  generateJsonSchema,
  parseLedger,
  planUpgrade,
  reviewTimeline,
  type Ledger,
  type Program,
  type TierPolicy,
  type WindowKind,
} from '../index';
import { cell, escapeControls } from '../format';
import { collectInputs, type InputFormat } from './inputs';
import { locateCsvIssue } from '../csv';
import { csvDocument, csvNumber } from './csv';
import { defaultFormat, type DataFormat } from './formats';
import type { CliIo } from './io';
import type { CliIssue } from './issues';
import { loadJob, parseJsonText } from './jobs';
import { describeFee, describeMembership, formatInt, formatUsd, type AsOf } from './render';
import { styleFor } from './style';
import { outputWidth, renderColumns, wrap, type Cell, type Column } from './table';

/** A problem with the input: printed, exit code 1. */
export class InputError extends Error {
  constructor(readonly issues: readonly CliIssue[]) {
    super(`${issues.length} issue(s)`);
  }
}

/** A usage problem found after parsing the command line: exit code 2. */
export class UsageError extends Error {}

/** Turns a library ValidationError about options into a usage error naming the option. */
export function optionError(error: unknown, names: Record<string, string>): never {
  if (error instanceof ValidationError) {
    const first = error.issues[0];
    const option = names[first.path.split(/[.[]/)[0] ?? ''] ?? first.path;
    throw new UsageError(`${option === '' ? '' : `${option}: `}${first.message}`);
  }
  throw error;
}

/** `--program <file>`: a program definition (JSON), checked by `defineProgram`; every issue is an input issue. */
export function loadProgram(file: string | undefined, io: CliIo): { program?: Program; definition?: unknown } {
  if (file === undefined) return {};
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    throw new InputError([{ source: file, path: '', code: 'unreadable', message: `cannot read the program (${(error as NodeJS.ErrnoException).code ?? String(error)})` }]);
  }
  const json = parseJsonText(text, file);
  if (!json.ok) throw new InputError([json.issue]);
  try {
    return { program: defineProgram(json.value), definition: json.value };
  } catch (error) {
    if (error instanceof ValidationError) throw new InputError(error.issues.map((i) => ({ source: file, path: i.path, code: i.code, message: i.message })));
    throw error;
  }
}

/** `--as-of`, checked and normalised by the library itself; today (UTC) when absent. */
export function resolveAsOf(option: string | undefined, io: CliIo, name = '--as-of'): AsOf {
  if (option === undefined) return { date: io.now().toISOString().slice(0, 10), defaulted: true };
  try {
    const probe = evaluate({ partner: { id: 'as-of-check', joinedOn: '2000-01-01' }, entries: [] }, { asOf: option });
    return { date: probe.asOf, defaulted: false };
  } catch (error) {
    if (error instanceof ValidationError) throw new UsageError(`${name}: ${error.issues[0].message.replace(/^"asOf" /, "")}`);
    throw error;
  }
}

/** Reads inputs that must hold ledgers for a per-ledger command; every invalid one is an input error. */
async function readLedgers(inputs: readonly string[], options: { inputFormat: InputFormat; recursive: boolean; program?: Program }, io: CliIo) {
  const collected = await collectInputs(inputs, options, io);
  const issues: CliIssue[] = [...collected.issues];
  const ledgers: { source: string; ledger: Ledger }[] = [];
  collected.jobs.forEach((job, index) => {
    const loaded = loadJob(job);
    if (!loaded.ok) {
      issues.push(loaded.issue);
      return;
    }
    for (const { source, value } of loaded.values) {
      const parsed = parseLedger(value, options.program === undefined ? {} : { program: options.program });
      if (parsed.ok) ledgers.push({ source, ledger: parsed.ledger });
      else {
        const csv = collected.csv.get(index);
        const partner = parsed.issues.length > 0 && csv ? String(csv.ledger.partner.id) : undefined;
        for (const i of parsed.issues) {
          issues.push(csv ? locateCsvIssue(csv, i, source.slice(0, source.lastIndexOf('#')), partner) : { source, path: i.path, code: i.code, message: i.message });
        }
      }
    }
  });
  if (issues.length > 0) throw new InputError(issues);
  return ledgers;
}

/** `--policy`: highest-met, one-step-up or grace:N. */
export function parsePolicy(value: string): TierPolicy {
  if (value === 'highest-met' || value === 'one-step-up') return value;
  const grace = /^grace:(\d+)$/.exec(value);
  if (grace) return { graceReviews: Number(grace[1]) };
  throw new UsageError(`--policy: expected highest-met, one-step-up or grace:N, received "${value}"`);
}

/** A tier's display name in a program (any version), or its id. */
function tierName(program: Program, id: string | null): string {
  if (id === null) return '—';
  for (const version of program.versions) for (const tier of version.tiers) if (tier.id === id) return tier.name;
  return id;
}

/** The first day of the month 11 months before `to`'s: 12 month-end reviews up to `to`. */
function twelveMonthsBefore(to: string): string {
  const year = Number(to.slice(0, 4));
  const month = Number(to.slice(5, 7));
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const endMonth = Number(to.slice(8, 10)) === lastDay ? month : month - 1;
  return new Date(Date.UTC(year, endMonth - 12, 1)).toISOString().slice(0, 10);
}

export type TimelineOptions = {
  from?: string;
  to?: string;
  asOf?: string;
  window?: WindowKind;
  policy?: string;
  program?: string;
  format?: DataFormat;
  inputFormat: InputFormat;
};

/** The columns of the timeline table, most important first when the terminal is narrow. */
const timelineColumns: readonly Column[] = [
  { title: 'Review', priority: 0 },
  { title: 'Tier', priority: 0 },
  { title: 'Change', priority: 1 },
  { title: 'Points', align: 'right', priority: 0 },
  { title: 'Revenue (USD)', align: 'right', priority: 2 },
  { title: 'Membership', priority: 4, min: 12 },
  { title: 'Fee', priority: 3, min: 22 },
];

/** The CSV columns of `timeline --format csv`: a row per partner and review. */
export const timelineCsvColumns = [
  'source',
  'partner_id',
  'partner_name',
  'date',
  'tier',
  'previous_tier',
  'change',
  'points',
  'pending_points',
  'revenue',
  'membership_active',
  'membership_basis',
  'fee_status',
  'fee_paid_through',
  'fee_waived_through',
  'fee_amount_due',
] as const;

/** `timeline`: the monthly reviews of each ledger, a row per month-end. */
export async function timelineCommand(inputs: readonly string[], options: TimelineOptions, today: AsOf, io: CliIo): Promise<number> {
  const { program } = loadProgram(options.program, io);
  const to = options.to ?? today.date;
  const from = options.from ?? twelveMonthsBefore(to);
  const policy = options.policy === undefined ? undefined : parsePolicy(options.policy);
  const ledgers = await readLedgers(inputs, { inputFormat: options.inputFormat, recursive: false, ...(program ? { program } : {}) }, io);
  const results = ledgers.map(({ source, ledger }) => {
    try {
      const reviews = reviewTimeline(ledger, {
        from,
        to,
        ...(options.window ? { window: options.window } : {}),
        ...(policy ? { policy } : {}),
        ...(program ? { program } : {}),
      });
      return { source, partner: ledger.partner, reviews };
    } catch (error) {
      return optionError(error, { from: '--from', to: '--to', window: '--window', policy: '--policy' });
    }
  });
  const format = options.format ?? defaultFormat('timeline', io.stdout.isTTY === true);
  const toDefaulted = options.to === undefined && today.defaulted;
  switch (format) {
    case 'json':
      io.stdout.write(`${JSON.stringify({ from, to, toDefaulted, results }, null, 2)}\n`);
      return 0;
    case 'ndjson':
      for (const result of results) io.stdout.write(`${JSON.stringify(result)}\n`);
      return 0;
    case 'csv':
      io.stdout.write(
        csvDocument(
          timelineCsvColumns,
          results.flatMap(({ source, partner, reviews }) =>
            reviews.map((r) => [
              source,
              partner.id,
              partner.name,
              r.date,
              r.tier,
              r.previousTier,
              r.change,
              r.points.total,
              r.points.pending,
              csvNumber(r.revenue.total),
              r.membership.active,
              r.membership.basis,
              r.fee.status,
              r.fee.paidThrough,
              r.fee.waivedThrough,
              csvNumber(r.fee.amountDue),
            ]),
          ),
        ),
      );
      return 0;
    case 'table':
    case 'markdown':
      break;
  }
  const style = styleFor(io.stdout, io.env);
  const names = program ?? exponentialProgram;
  for (const { source, partner, reviews } of results) {
    const title = `${partner.name ?? partner.id} — monthly reviews ${from} … ${to}${toDefaulted ? ' (to: today, UTC)' : ''}`;
    const rows = reviews.map((r) => [
      r.date,
      tierName(names, r.tier),
      r.change === 'up' ? '▲ up' : r.change === 'down' ? '▼ down' : '',
      formatInt(r.points.total),
      formatUsd(r.revenue.total),
      describeMembership(r.membership),
      describeFee(r.fee),
    ]);
    if (format === 'markdown') {
      const head = `| ${timelineColumns.map((c) => cell(c.title)).join(' | ')} |\n|${timelineColumns.map((c) => (c.align === 'right' ? '---:' : '---')).join('|')}|`;
      io.stdout.write(`## ${cell(title)}\n\n${head}\n${rows.map((r) => `| ${r.map(cell).join(' | ')} |`).join('\n')}\n\n`);
      continue;
    }
    const cells = rows.map((row, i): Cell[] => row.map((text, c) => (c === 2 ? { text, paint: reviews[i]?.change === 'up' ? style.green : reviews[i]?.change === 'down' ? style.red : String } : text)));
    const width = outputWidth(io);
    const { lines, note } = renderColumns(timelineColumns, cells, style, width);
    io.stdout.write(`${style.bold(wrap(`${escapeControls(title)} (${escapeControls(source)})`, width))}\n\n${lines.join('\n')}\n${note === undefined ? '' : `\n${style.dim(note)}\n`}\n`);
  }
  return 0;
}

export type PlanOptions = { asOf?: string; target?: string; by?: string; prefer?: string; window?: WindowKind; program?: string; format?: DataFormat; inputFormat: InputFormat };

/**
 * `--target`: a tier id, or a tier's id or name in any case (`Gold`, `GOLD`,
 * `gold`), as the id. Anything else is a usage error that lists the tiers.
 */
export function resolveTarget(program: Program, target: string): string {
  const tiers = new Map<string, string>();
  for (const version of program.versions) for (const tier of version.tiers) if (!tiers.has(tier.id)) tiers.set(tier.id, tier.name);
  if (tiers.has(target)) return target;
  const wanted = target.trim().toLowerCase();
  for (const [id, name] of tiers) if (id.toLowerCase() === wanted || name.toLowerCase() === wanted) return id;
  throw new UsageError(`--target: no tier "${target}" in the program; expected one of ${[...tiers].map(([id, name]) => (id === name ? id : `${id} (${name})`)).join(', ')}`);
}

/** The CSV columns of `plan --format csv`: a row per partner (its steps in one cell, a line each). */
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
export async function planCommand(inputs: readonly string[], options: PlanOptions, asOf: AsOf, io: CliIo): Promise<number> {
  const { program } = loadProgram(options.program, io);
  const names = program ?? exponentialProgram;
  const target = options.target === undefined ? undefined : resolveTarget(names, options.target);
  const ledgers = await readLedgers(inputs, { inputFormat: options.inputFormat, recursive: false, ...(program ? { program } : {}) }, io);
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
    if (plan.reason === 'by-before-as-of') throw new UsageError(`--by (${plan.by}) is before --as-of (${asOf.date}${asOf.defaulted ? ', today UTC' : ''}): a plan can only look forward`);
    return { source, partner: ledger.partner, plan };
  });
  const format = options.format ?? defaultFormat('plan', io.stdout.isTTY === true);
  switch (format) {
    case 'json':
      io.stdout.write(`${JSON.stringify({ asOf: asOf.date, asOfDefaulted: asOf.defaulted, results }, null, 2)}\n`);
      return 0;
    case 'ndjson':
      for (const result of results) io.stdout.write(`${JSON.stringify(result)}\n`);
      return 0;
    case 'csv':
      io.stdout.write(
        csvDocument(
          planCsvColumns,
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
            plan.shortfall.profileCertifications,
            plan.shortfall.salesCertifications,
            plan.expiring.length,
            plan.steps.join('\n'),
          ]),
        ),
      );
      return 0;
    case 'table':
    case 'markdown':
      break;
  }
  const style = styleFor(io.stdout, io.env);
  const md = format === 'markdown';
  // Everything printed comes from the ledger or the library's sentences about it: escaped (Markdown: `cell`).
  const text = md ? cell : escapeControls;
  for (const { partner, plan } of results) {
    const heading = text(`${partner.name ?? partner.id}: ${plan.current === null ? 'no tier' : tierName(names, plan.current)} → ${tierName(names, plan.target)} by ${plan.by} (as of ${asOf.date}${asOf.defaulted ? ', today UTC' : ''})`);
    const why = plan.message ?? plan.reason ?? '';
    const verdict = plan.reachable ? style.green('reachable') : style.red(`not reachable: ${text(why)}`);
    const lines = [md ? `## ${heading}` : style.bold(heading), '', verdict];
    // The verdict already gives the reason: a step that repeats it is not printed again.
    const steps = plan.steps.filter((step) => plan.reachable || step !== why);
    if (steps.length > 0) lines.push('', ...steps.map((step, i) => (md ? `${i + 1}. ${text(step)}` : `  ${i + 1}. ${text(step)}`)));
    if (plan.expiring.length > 0) lines.push('', `${plan.expiring.length} item(s) leave the window or expire before ${plan.by}.`);
    io.stdout.write(`${lines.join('\n')}\n\n`);
  }
  return 0;
}

/** `schema`: the JSON Schema (2020-12) of a ledger or a program definition. */
export function schemaCommand(kind: string, io: CliIo): number {
  if (kind !== 'ledger' && kind !== 'program') throw new UsageError(`schema: expected "ledger" or "program", received "${kind}"`);
  io.stdout.write(`${JSON.stringify(generateJsonSchema(kind), null, 2)}\n`);
  return 0;
}
