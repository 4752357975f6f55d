/**
 * Figures and issues as a partner manager reads them. Pure functions on the
 * library's results (money stays a decimal string, never a float), shared by
 * the page and its browser test, which checks the page's text against them.
 */
/** The parts of the library's results these functions read (structural, so the browser test can import this file as is). */
type PointCategory = 'revenue' | 'knowledge' | 'program' | 'certification' | 'partner-year' | 'bonus' | 'special' | 'adjustment';
type FeeStatus = {
  readonly status: string;
  readonly basis?: string;
  readonly amountDue?: string;
  readonly period?: string;
  readonly annualAmount?: string;
  readonly paidThrough?: string | null;
  readonly waivedThrough?: string | null;
};
type Named = { readonly id: string; readonly name: string };
type Requirement = { readonly type: string; readonly min: number | string; readonly kind?: string; readonly certification?: string };
type Check = { readonly kind: string; readonly certification?: string };
/** The parts of a program version these functions read. */
type VersionNames = { readonly categories?: readonly Named[]; readonly certificationKinds?: readonly Named[]; readonly certifications?: readonly Named[] };
type LedgerIssue = { readonly path: string; readonly message: string };

/** An integer with thousands separators, in a fixed locale (never the host's). */
export function formatCount(value: number): string {
  const sign = value < 0 ? '-' : '';
  return sign + String(Math.abs(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "12850.75" → "$12,850.75" (USD), "12850.75 EUR" otherwise: on the decimal string. */
export function formatMoney(amount: string, currency = 'USD'): string {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? amount.slice(1) : amount).split('.');
  const grouped = `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction.padEnd(2, '0')}`;
  return currency === 'USD' ? `${negative ? '-' : ''}$${grouped}` : `${negative ? '-' : ''}${grouped} ${currency}`;
}

/** True for a decimal string that is zero ("0.00", "-0"). */
export const isZeroAmount = (amount: string): boolean => /^-?0*(\.0*)?$/.test(amount);

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-11-30" → "Nov 2026"; `short` → "Nov 26". */
export function formatMonth(date: string, short = false): string {
  const name = months[Number(date.slice(5, 7)) - 1] ?? date.slice(5, 7);
  return `${name} ${short ? date.slice(2, 4) : date.slice(0, 4)}`;
}

/** "2026-11-30" → "30 Nov 2026"; `null` (a date beyond the calendar, in the library's results) → "never". */
export function formatDate(date: string | null): string {
  if (date === null) return 'never';
  return `${Number(date.slice(8, 10))} ${formatMonth(date)}`;
}

/** The category names of R7, as the program text names them. */
export const categoryNames: Readonly<Record<PointCategory, string>> = {
  revenue: 'Revenue',
  knowledge: 'Knowledge sharing',
  program: 'Program activities',
  certification: 'Certifications',
  'partner-year': 'Partner years',
  bonus: 'Bonus',
  special: 'Special',
  adjustment: 'Adjustments',
};

/**
 * A point category's name: the names above for R7's fixed keys and the built-in program's
 * categories, else the name the program gives its category, else the id.
 */
export function categoryName(key: string, version?: VersionNames): string {
  return categoryNames[key as PointCategory] ?? version?.categories?.find((c) => c.id === key)?.name ?? key;
}

/** A tier's points threshold (R9): its points requirement, 0 when it has none. */
export function tierPoints(tier: { readonly requirements: readonly Requirement[] }): number {
  const points = tier.requirements.find((r) => r.type === 'points')?.min;
  return typeof points === 'number' ? points : 0;
}

/** A requirement check's name: "Points", "Revenue", "Profile certifications" (a kind's pairs), "Holders of …" (a named certification). */
export function checkName(check: Check, version: VersionNames): string {
  if (check.kind === 'points') return 'Points';
  if (check.kind === 'revenue') return 'Revenue';
  if (check.kind === 'certification') return `Holders of ${version.certifications?.find((c) => c.id === check.certification)?.name ?? check.certification ?? ''}`;
  const kind = check.kind.replace(/-certifications$/, '');
  return `${version.certificationKinds?.find((k) => k.id === kind)?.name ?? kind} certifications`;
}

/** `cloud-security` → `cloudSecurityCertifications`: a kind's key in a shortfall. */
export const shortfallKey = (kind: string): `${string}Certifications` => `${kind.replace(/-([a-z0-9])/g, (_, next: string) => next.toUpperCase())}Certifications`;

/** Why an entry earns what it earns, in words (the library's reason codes, SPEC §2.1). */
export const reasonWords: Readonly<Record<string, string>> = {
  'outside-window': 'dated before the window',
  'after-as-of': 'dated after the review date',
  rejected: 'rejected',
  'evidence-not-met': 'evidence does not meet the row',
  'monthly-limit': 'one per calendar month already counted',
  'quarterly-limit': 'the limit per calendar quarter already counted',
  'yearly-limit': 'the limit per calendar year already counted',
  'window-limit': 'the limit per review window already counted',
  'fee-amount-mismatch': 'amount is not months × the fee',
  'not-in-program-version': 'not in the program version of the date',
  'already-credited': 'this person’s certification is already credited',
  'earned-before-window': 'earned before the window: valid, no points',
  'points-cap': 'the row’s points cap: counted for the points left under it',
  'pending-approval': 'awaiting approval',
};

/** A field name of a ledger, as a person says it. */
const fieldWords: Readonly<Record<string, string>> = {
  joinedOn: 'joined on',
  expiresOn: 'expires on',
  relatesTo: 'relates to',
  floss: 'FLOSS licence',
  id: 'id',
};

const words = (field: string) => fieldWords[field] ?? field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/**
 * Where an issue is, in words: `entries[3].amount` → `Entry 4 (“r4”, revenue), amount`;
 * `partner.joinedOn` → `Partner, joined on`; `''` → `The file`.
 * @param path - The library's issue path.
 * @param input - The ledger JSON the path points into, to name the entry.
 */
export function describePath(path: string, input: unknown): string {
  if (path === '') return 'The file';
  const entry = /^entries\[(\d+)\](.*)$/.exec(path);
  if (entry) {
    const index = Number(entry[1]);
    const raw = (input as { entries?: unknown[] } | null)?.entries?.[index];
    const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    const named = [typeof record.id === 'string' ? `“${record.id}”` : '', typeof record.type === 'string' ? record.type : ''].filter(Boolean).join(', ');
    const rest = (entry[2] ?? '').replace(/^\./, '');
    return `Entry ${index + 1}${named ? ` (${named})` : ''}${rest ? `, ${rest.split('.').map(words).join(' › ')}` : ''}`;
  }
  const [head = '', ...rest] = path.split('.');
  const where = head === 'partner' ? 'Partner' : head === 'meta' ? 'Ledger notes (meta)' : head === 'entries' ? 'Entries' : words(head);
  return `${where}${rest.length > 0 ? `, ${rest.map(words).join(' › ')}` : ''}`;
}

/** An issue as a sentence: where, then what. */
export function describeIssue(issue: Pick<LedgerIssue, 'path' | 'message'>, input: unknown): string {
  return `${describePath(issue.path, input)}: ${issue.message}`;
}

/** How membership holds (R10), in words. */
export const basisWords: Readonly<Record<string, string>> = { 'basic-points': 'by points, no fee required', 'professional-renewal': 'Professional last partnership year', fee: 'fee paid' };

/** A basis in words; the renewal waiver names the program's renewal tier (`renewalTier`: "Professional" in the built-in program). */
export function basisText(basis: string, renewalTier = 'Professional'): string {
  return basis === 'professional-renewal' ? `${renewalTier} last partnership year` : (basisWords[basis] ?? basis);
}

/** The fee in one line: its status with its through-date; `renewalTier` names the program's renewal tier. */
export function feeText(fee: FeeStatus, currency: string, renewalTier = 'Professional'): string {
  if (fee.status === 'waived') {
    const renewal = fee.waivedThrough ? formatDate(fee.waivedThrough) : null;
    if (fee.basis === 'professional-renewal') return `Waived through ${renewal ?? 'the partnership year'} (${basisText(fee.basis, renewalTier)})`;
    return `Waived (${basisWords[fee.basis ?? ''] ?? fee.basis})${renewal === null ? '' : `; the renewal waiver runs through ${renewal}`}`;
  }
  if (fee.status === 'paid') return `Paid through ${formatDate(fee.paidThrough ?? null)}`;
  const period = fee.period ?? 'month';
  const year = period === 'year' ? '' : ` (${formatMoney(fee.annualAmount ?? '0', currency)} a year)`;
  return `Due: ${formatMoney(fee.amountDue ?? '0', currency)} a ${period}${year}`;
}
