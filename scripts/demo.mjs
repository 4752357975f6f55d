// The `npm start` demo: evaluates every example ledger with the built package
// and prints one row per partner, then the issues of the invalid example.
// Plain Node, no dependencies. Run `npm run build` first (`npm start` does).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLedger, evaluate } from '../dist/index.js';

const AS_OF = '2026-11-30';

const root = fileURLToPath(new URL('..', import.meta.url));
const ledgerDir = join(root, 'examples', 'ledgers');
const invalidFile = join(ledgerDir, 'invalid', 'broken.json');

const useColour = Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined;
const paint = (code) => (text) => (useColour ? `\u001b[${code}m${text}\u001b[0m` : text);
const bold = paint('1');
const dim = paint('2');
const red = paint('31');
const green = paint('32');
const yellow = paint('33');

/** 12345 → "12,345" (integers only). */
function formatInt(n) {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "7500.5" / "7500.50" / "-450.00" → "$7,500.50" / "-$450.00", on the decimal string, never a float. */
function formatUsd(amount) {
  const text = String(amount);
  const negative = text.startsWith('-');
  const [intPart = '0', fracPart = ''] = (negative ? text.slice(1) : text).split('.');
  const cents = (fracPart + '00').slice(0, Math.max(2, fracPart.length));
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}$${grouped}.${cents}`;
}

const isZeroAmount = (amount) => /^-?0*(\.0*)?$/.test(String(amount));

function describeFee(fee) {
  switch (fee.status) {
    case 'paid':
      return `paid through ${fee.paidThrough}`;
    case 'waived': {
      const through = fee.waivedThrough ? ` through ${fee.waivedThrough}` : '';
      return `waived (${fee.basis})${through}`;
    }
    case 'due':
      return `due ${formatUsd(fee.amountDue)}/${fee.period}`;
    default:
      return String(fee.status);
  }
}

function describeNext(nextTier) {
  if (nextTier === null) return '— (top tier)';
  const s = nextTier.shortfall;
  const parts = [];
  if (s.points > 0) parts.push(`${formatInt(s.points)} pts`);
  if (!isZeroAmount(s.revenue)) parts.push(formatUsd(s.revenue));
  if (s.profileCertifications > 0) parts.push(`${s.profileCertifications} profile`);
  if (s.salesCertifications > 0) parts.push(`${s.salesCertifications} sales`);
  return `${nextTier.tierName}: ${parts.length > 0 ? parts.join(', ') : 'nothing missing'}`;
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function printIssues(issues, indent = '  ') {
  for (const { path, message, code } of issues) {
    console.log(`${indent}${path === '' ? '(root)' : path}: ${message} ${dim(`[${code}]`)}`);
  }
}

// ── Evaluate every example ledger ────────────────────────────────────────────

const files = readdirSync(ledgerDir, { withFileTypes: true })
  .filter((d) => d.isFile() && d.name.endsWith('.json'))
  .map((d) => d.name)
  .sort();

const columns = [
  { title: 'Partner', align: 'left' },
  { title: 'Tier', align: 'left' },
  { title: 'Points', align: 'right' },
  { title: 'Revenue (USD)', align: 'right' },
  { title: 'Membership', align: 'left' },
  { title: 'Fee', align: 'left' },
  { title: 'Next tier (shortfall)', align: 'left' },
];

const rows = [];
const problems = [];
let window;

for (const name of files) {
  const file = join(ledgerDir, name);
  let parsed;
  try {
    parsed = parseLedger(readJson(file));
  } catch (error) {
    problems.push({ name, lines: [`cannot read: ${error instanceof Error ? error.message : String(error)}`] });
    continue;
  }
  if (!parsed.ok) {
    problems.push({ name, issues: parsed.issues });
    continue;
  }
  const result = evaluate(parsed.ledger, { asOf: AS_OF });
  window ??= result.window;
  const { partner } = parsed.ledger;
  const membership = result.membership.active ? result.membership.basis : 'inactive';
  rows.push({
    cells: [
      partner.name ?? partner.id,
      result.tierName ?? '—',
      formatInt(result.points.total),
      formatUsd(result.revenue.total),
      membership,
      describeFee(result.fee),
      describeNext(result.nextTier),
    ],
    colours: [
      null,
      result.tier === null ? dim : bold,
      null,
      null,
      result.membership.active ? green : red,
      result.fee.status === 'due' ? red : result.fee.status === 'paid' ? yellow : green,
      null,
    ],
  });
}

const windowText = window ? ` — window ${window.from} … ${window.to}` : '';
console.log(bold(`Exponential Partner Program — review as of ${AS_OF}${windowText}`));
console.log(dim(`${files.length} ledger(s) in ${relative(process.cwd(), ledgerDir) || '.'}`));
console.log('');

const widths = columns.map((column, i) =>
  Math.max(column.title.length, ...rows.map((row) => row.cells[i].length)),
);
const pad = (text, i) => (columns[i].align === 'right' ? text.padStart(widths[i]) : text.padEnd(widths[i]));
const gap = '  ';

console.log(bold(columns.map((c, i) => pad(c.title, i)).join(gap).trimEnd()));
console.log(widths.map((w) => '─'.repeat(w)).join(gap));
for (const row of rows) {
  const line = row.cells.map((cell, i) => {
    const padded = i === row.cells.length - 1 ? cell : pad(cell, i);
    const colour = row.colours[i];
    return colour ? colour(padded) : padded;
  });
  console.log(line.join(gap));
}

for (const problem of problems) {
  process.exitCode = 1;
  console.log('');
  console.log(red(`${problem.name}: not a valid ledger`));
  if (problem.issues) printIssues(problem.issues);
  for (const line of problem.lines ?? []) console.log(`  ${line}`);
}

// ── The invalid example ──────────────────────────────────────────────────────

console.log('');
const invalidName = relative(root, invalidFile);
const broken = parseLedger(readJson(invalidFile));
if (broken.ok) {
  process.exitCode = 1;
  console.log(red(`${invalidName}: expected issues, but it parsed as a valid ledger`));
} else {
  console.log(bold(`${invalidName}: ${broken.issues.length} issue(s)`));
  printIssues(broken.issues);
}
