/**
 * `@exponential/partner-program/csv`: the CSV ledger format of docs/csv.md,
 * one row per entry and many partners per file, read into ledger JSON for
 * `parseLedger`, with every issue placed back on its line and column.
 *
 * A separate entry so that importing the library never pulls in a CSV
 * parser: csv-parse is bundled into this entry only (it stays a
 * devDependency). The command line and the Partner Dashboard both read CSV
 * through it.
 * @packageDocumentation
 */
export { readCsvLedgers, locateCsvIssue, partnerColumns, entryColumns, type CsvLedger, type CsvReadResult, type CsvIssue } from './readCsvLedgers';
