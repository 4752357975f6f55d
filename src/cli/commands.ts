/**
 * The single-ledger and program commands: `timeline`, `plan`, `describe`,
 * `schema`. They run in the main thread (one ledger at a time is quick).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  ValidationError,
  defineProgram,
  describeProgram,
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
import { collectInputs, type InputFormat } from './inputs';
import { locateCsvIssue } from './csv';
import type { CliIo } from './io';
import type { CliIssue } from './issues';
import { loadJob, parseJsonText } from './jobs';
import { describeFee, formatInt, formatUsd, type AsOf } from './render';
import { styleFor, visibleLength } from './style';

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

/** A plain aligned table (first row: titles). */
function table(rows: readonly string[][], io: CliIo, right: ReadonlySet<number> = new Set()): string {
  const style = styleFor(io.stdout, io.env);
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => visibleLength(r[i] ?? '')))) ?? [];
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => {
        const fill = ' '.repeat(Math.max(0, (widths[i] ?? 0) - visibleLength(cell)));
        return right.has(i) ? fill + cell : i === row.length - 1 ? cell : cell + fill;
      })
      .join('  ');
  const [head, ...body] = rows;
  return [style.bold(line(head ?? [])), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
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
  format?: 'table' | 'json' | 'markdown';
  inputFormat: InputFormat;
};

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
  const format = options.format ?? (io.stdout.isTTY === true ? 'table' : 'json');
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify({ from, to, toDefaulted: options.to === undefined && today.defaulted, results }, null, 2)}\n`);
    return 0;
  }
  const style = styleFor(io.stdout, io.env);
  for (const { source, partner, reviews } of results) {
    const title = `${partner.name ?? partner.id} — monthly reviews ${from} … ${to}${options.to === undefined && today.defaulted ? ' (to: today, UTC)' : ''}`;
    const rows = [
      ['Review', 'Tier', 'Change', 'Points', 'Revenue (USD)', 'Membership', 'Fee'],
      ...reviews.map((r) => [
        r.date,
        tierName(program ?? exponentialProgram, r.tier),
        r.change === 'up' ? style.green('▲ up') : r.change === 'down' ? style.red('▼ down') : '',
        formatInt(r.points.total),
        formatUsd(r.revenue.total),
        r.membership.active ? (r.membership.basis ?? 'active') : 'inactive',
        describeFee(r.fee),
      ]),
    ];
    if (format === 'markdown') {
      io.stdout.write(`## ${title}\n\n| ${rows[0]?.join(' | ')} |\n|---|---|---|---:|---:|---|---|\n${rows.slice(1).map((r) => `| ${r.join(' | ')} |`).join('\n')}\n\n`);
    } else io.stdout.write(`${style.bold(title)} ${style.dim(`(${source})`)}\n\n${table(rows, io, new Set([3, 4]))}\n\n`);
  }
  return 0;
}

export type PlanOptions = { asOf?: string; target?: string; by?: string; prefer?: string; window?: WindowKind; program?: string; format?: 'table' | 'json' | 'markdown'; inputFormat: InputFormat };

/** `plan`: what each partner must still do to reach a tier by a date. */
export async function planCommand(inputs: readonly string[], options: PlanOptions, asOf: AsOf, io: CliIo): Promise<number> {
  const { program } = loadProgram(options.program, io);
  const ledgers = await readLedgers(inputs, { inputFormat: options.inputFormat, recursive: false, ...(program ? { program } : {}) }, io);
  const results = ledgers.map(({ source, ledger }) => {
    try {
      const plan = planUpgrade(ledger, {
        asOf: asOf.date,
        ...(options.target ? { target: options.target } : {}),
        ...(options.by ? { by: options.by } : {}),
        ...(options.prefer ? { prefer: options.prefer.split(',').map((s) => s.trim()) } : {}),
        ...(options.window ? { window: options.window } : {}),
        ...(program ? { program } : {}),
      });
      return { source, partner: ledger.partner, plan };
    } catch (error) {
      return optionError(error, { asOf: '--as-of', target: '--target', by: '--by', prefer: '--prefer', window: '--window' });
    }
  });
  const format = options.format ?? (io.stdout.isTTY === true ? 'table' : 'json');
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify({ asOf: asOf.date, asOfDefaulted: asOf.defaulted, results }, null, 2)}\n`);
    return 0;
  }
  const style = styleFor(io.stdout, io.env);
  for (const { partner, plan } of results) {
    const names = program ?? exponentialProgram;
    const heading = `${partner.name ?? partner.id}: ${plan.current === null ? 'no tier' : tierName(names, plan.current)} → ${tierName(names, plan.target)} by ${plan.by} (as of ${asOf.date}${asOf.defaulted ? ', today UTC' : ''})`;
    const verdict = plan.reachable ? style.green('reachable') : style.red(`not reachable: ${plan.message ?? plan.reason ?? ''}`);
    const lines = [format === 'markdown' ? `## ${heading}` : style.bold(heading), '', verdict];
    if (plan.steps.length > 0) lines.push('', ...plan.steps.map((step, i) => (format === 'markdown' ? `${i + 1}. ${step}` : `  ${i + 1}. ${step}`)));
    if (plan.expiring.length > 0) lines.push('', `${plan.expiring.length} item(s) leave the window or expire before ${plan.by}.`);
    io.stdout.write(`${lines.join('\n')}\n\n`);
  }
  return 0;
}

/** `describe`: the program's tables as Markdown. */
export function describeCommand(options: { program?: string; asOf?: string; version?: string }, io: CliIo): number {
  const { program } = loadProgram(options.program, io);
  try {
    io.stdout.write(describeProgram(program ?? exponentialProgram, { ...(options.asOf ? { asOf: options.asOf } : {}), ...(options.version ? { version: options.version } : {}) }));
  } catch (error) {
    optionError(error, { asOf: '--as-of', version: '--version-name' });
  }
  return 0;
}

/** `schema`: the JSON Schema (2020-12) of a ledger or a program definition. */
export function schemaCommand(kind: string, io: CliIo): number {
  if (kind !== 'ledger' && kind !== 'program') throw new UsageError(`schema: expected "ledger" or "program", received "${kind}"`);
  io.stdout.write(`${JSON.stringify(generateJsonSchema(kind), null, 2)}\n`);
  return 0;
}
