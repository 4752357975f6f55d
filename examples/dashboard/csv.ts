/**
 * The CSV reader of the page, a chunk of its own (chunks/csv-<hash>.js, named
 * in `CSV_CHUNK` by build.mjs): csv-parse is a sixth of the page's weight,
 * and only a CSV ledger needs it, so the page imports this chunk when a CSV
 * is opened (or restored), never before.
 */
export { locateCsvIssue, readCsvLedgers } from '@exponential/partner-program/csv';
