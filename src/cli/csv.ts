/**
 * CSV output of the command line (docs/csv.md, "Writing CSV"): text cells
 * from a ledger are neutralised against spreadsheet formulas, computed
 * figures stay numbers. The reader is the public `@exponential/partner-program/csv`
 * entry (src/csv/).
 */
import type { FeeStatus, Membership } from '../index';

/** A computed number written as a CSV number: a count, or an exact decimal amount (`-450.00`). */
export type CsvNumber = { readonly number: string };
/** A CSV cell: text (from a ledger: neutralised), a number, a boolean, or blank. */
export type CsvValue = string | number | boolean | null | undefined | CsvNumber;

/** An exact decimal amount as a CSV number (not text, so never neutralised). */
export const csvNumber = (amount: string | undefined): CsvNumber | undefined => (amount === undefined ? undefined : { number: amount });

// OWASP "CSV Injection": a spreadsheet runs a cell that starts with one of these as a formula.
const formulaStart = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 cell. Text that a spreadsheet would run as a formula (it starts
 * with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, as
 * OWASP advises; numbers and booleans are written as they are, negative ones
 * included. Quoted only where needed.
 */
export function csvCell(value: CsvValue): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (typeof value === 'object') text = value.number;
  else if (typeof value === 'string') text = formulaStart.test(value) ? `'${value}` : value;
  else text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document: the header, then a row per record, CRLF line ends (RFC 4180). */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return `${[header.join(','), ...rows.map((row) => row.map(csvCell).join(','))].join('\r\n')}\r\n`;
}

/** The membership and fee columns of a review (`evaluate`, `timeline`). */
export const statusCsvColumns = ['membership_active', 'membership_basis', 'fee_status', 'fee_paid_through', 'fee_waived_through', 'fee_amount_due'] as const;

/** The cells of {@link statusCsvColumns}. */
export function statusCsvCells({ membership, fee }: { readonly membership: Membership; readonly fee: FeeStatus }): CsvValue[] {
  return [membership.active, membership.basis, fee.status, fee.paidThrough, fee.waivedThrough, csvNumber(fee.amountDue)];
}
