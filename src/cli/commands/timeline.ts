/**
 * `timeline`: the monthly reviews (R12) of each ledger — tier, change,
 * points, revenue, membership and fee at every month-end. Runs in the main
 * thread (one ledger at a time is quick).
 */
import type { Command } from 'commander';
import { clampDate, isMonthEnd, plusDays, plusMonths } from '../../dates/isoDate';
import { cell, escapeControls, formatCount, formatMoney } from '../../format';
import { exponentialProgram, reviewTimeline, type TierPolicy } from '../../index';
import { readLedgers } from '../batch';
import { csvDocument, csvNumber, statusCsvCells, statusCsvColumns } from '../csv';
import { exitCodes, optionError, UsageError } from '../errors';
import { defaultFormat } from '../formats';
import type { CliIo } from '../io';
import { addLedgerOptions, inputsArgument, loadProgram, resolveAsOf, type CommandContext, type LedgerOptions } from '../options';
import { currencyOn, describeFee, describeMembership, markdownHead, markdownRow, renewalName, revenueTitle, tierName, versionOn, writeDataFormat } from '../render';
import { styleFor } from '../style';
import { outputWidth, tableLines, wrap, type Cell, type Column } from '../table';

type TimelineOptions = LedgerOptions & { readonly from?: string; readonly to?: string; readonly policy?: string };

const examples = `
Examples:
  $ exponential-partner timeline acme.json                       # the 12 month-ends up to today (UTC)
  $ exponential-partner timeline acme.json --from 2026-01-01 --to 2027-06-30   # past reviews, then a forecast
  $ exponential-partner timeline acme.json --policy grace:2 --format markdown
Exit codes: 0 ok, 1 invalid input, 2 usage.`;

/** Adds `timeline` to the program. */
export function registerTimeline(program: Command, { io, setExit }: CommandContext): void {
  addLedgerOptions(
    program
      .command('timeline')
      .description('the monthly reviews (R12) of each ledger: tier, change, points, revenue, membership and fee at every month-end')
      .addArgument(inputsArgument(false))
      .option('--from <date>', 'first day of the range (default: 12 month-ends up to --to)')
      .option('--to <date>', 'last day of the range (default: today, UTC)')
      .option('--policy <policy>', 'how tiers move between reviews: highest-met (default), one-step-up, grace:N'),
    'timeline',
  )
    .addHelpText('after', examples)
    .action(async (inputs: string[], options: TimelineOptions) => setExit(await timelineCommand(inputs, options, io)));
}

/** `--policy`: highest-met, one-step-up or grace:N. */
function parsePolicy(value: string): TierPolicy {
  if (value === 'highest-met' || value === 'one-step-up') return value;
  const grace = /^grace:(\d+)$/.exec(value);
  if (grace) return { graceReviews: Number(grace[1]) };
  throw new UsageError(`--policy: expected highest-met, one-step-up or grace:N, received "${value}"`);
}

/** The first day of the month 11 months before that of the last month-end on or before `to`: 12 month-end reviews up to `to`. */
export function twelveMonthsBefore(to: string): string {
  const lastEnd = isMonthEnd(to) ? to : plusDays(`${to.slice(0, 8)}01`, -1);
  return `${clampDate(plusMonths(lastEnd, -11)).slice(0, 8)}01`;
}

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
  ...statusCsvColumns,
] as const;

/** `timeline`: the monthly reviews of each ledger, a row per month-end. */
async function timelineCommand(inputs: readonly string[], options: TimelineOptions, io: CliIo): Promise<number> {
  // Both ends are checked (--to first) before anything is read.
  const end = options.to === undefined ? undefined : resolveAsOf(options.to, io, '--to');
  if (options.from !== undefined) resolveAsOf(options.from, io, '--from');
  const today = resolveAsOf(undefined, io);
  const { program } = loadProgram(options.program, io);
  const to = options.to ?? today.date;
  const from = options.from ?? twelveMonthsBefore(end?.date ?? today.date);
  const policy = options.policy === undefined ? undefined : parsePolicy(options.policy);
  const ledgers = await readLedgers(inputs, { inputFormat: options.inputFormat, ...(program ? { program } : {}) }, io);
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
  const csv = () =>
    csvDocument(
      timelineCsvColumns,
      results.flatMap(({ source, partner, reviews }) =>
        reviews.map((r) => [source, partner.id, partner.name, r.date, r.tier, r.previousTier, r.change, r.points.total, r.points.pending, csvNumber(r.revenue.total), ...statusCsvCells(r)]),
      ),
    );
  if (writeDataFormat(io, format, { json: () => ({ from, to, toDefaulted, results }), records: () => results, csv })) return exitCodes.ok;
  const style = styleFor(io.stdout, io.env);
  const names = program ?? exponentialProgram;
  const width = outputWidth(io);
  for (const { source, partner, reviews } of results) {
    const title = `${partner.name ?? partner.id} — monthly reviews ${from} … ${to}${toDefaulted ? ' (to: today, UTC)' : ''}`;
    // Each review's amounts are in the currency of the version in effect on its date.
    const currencies = reviews.map((r) => currencyOn(names, r.date));
    const columns = timelineColumns.map((column) => (column.title === 'Revenue (USD)' ? { ...column, title: revenueTitle(currencies.length === 0 ? [currencyOn(names, to)] : currencies) } : column));
    const rows = reviews.map((r, i) => [
      r.date,
      tierName(names, r.tier),
      r.change === 'up' ? '▲ up' : r.change === 'down' ? '▼ down' : '',
      formatCount(r.points.total),
      formatMoney(r.revenue.total, currencies[i] ?? 'USD'),
      describeMembership(r.membership, renewalName(names, versionOn(names, r.date).version)),
      describeFee(r.fee, currencies[i], renewalName(names, versionOn(names, r.date).version)),
    ]);
    if (format === 'markdown') {
      io.stdout.write(`## ${cell(title)}\n\n${markdownHead(columns)}\n${rows.map(markdownRow).join('\n')}\n\n`);
      continue;
    }
    const cells = rows.map((row, i): Cell[] => row.map((text, c) => (c === 2 ? { text, paint: reviews[i]?.change === 'up' ? style.green : reviews[i]?.change === 'down' ? style.red : String } : text)));
    io.stdout.write(`${style.bold(wrap(`${escapeControls(title)} (${escapeControls(source)})`, width))}\n\n${tableLines(columns, cells, style, width).join('\n')}\n\n`);
  }
  return exitCodes.ok;
}
