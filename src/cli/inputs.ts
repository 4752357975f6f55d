/**
 * Turns the command line's inputs — files, directories, `-` (stdin) — into
 * ledger jobs. JSON files are read by whoever processes them (a worker
 * thread, in large batches); CSV files are read here and split into one job
 * per partner, with the line map kept here to place their issues.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { readCsvLedgers, type CsvLedger } from '../csv';
import { readAll, type CliIo } from './io';
import { unreadableIssue, type CliIssue } from './issues';
import type { Job } from './jobs';

/** How an input is read: by its extension (`auto`), or as the option says. */
export type InputFormat = 'auto' | 'json' | 'csv';

/** Every job, the CSV line maps by job index, and the issues found while reading. */
export type CollectedInputs = {
  readonly jobs: Job[];
  readonly csv: Map<number, CsvLedger>;
  readonly issues: CliIssue[];
};

const ledgerExtensions = new Set(['.json', '.csv']);

/** `{`/`[` first: JSON; anything else: CSV. */
function sniff(text: string): 'json' | 'csv' {
  const first = /\S/.exec(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)?.[0];
  return first === '{' || first === '[' ? 'json' : 'csv';
}

function listDirectory(dir: string, recursive: boolean): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (recursive) found.push(...listDirectory(path, recursive));
    } else if (ledgerExtensions.has(extname(entry.name).toLowerCase())) found.push(path);
  }
  return found;
}

/** Reads every input into jobs, in the order given (directories: files by name). */
export async function collectInputs(inputs: readonly string[], options: { recursive: boolean; inputFormat: InputFormat }, io: CliIo): Promise<CollectedInputs> {
  const collected: CollectedInputs = { jobs: [], csv: new Map(), issues: [] };
  const addCsv = (text: string, source: string) => {
    const read = readCsvLedgers(text, source);
    collected.issues.push(...read.issues);
    for (const ledger of read.ledgers) {
      const partner = String(ledger.ledger.partner.id);
      collected.csv.set(collected.jobs.length, ledger);
      collected.jobs.push({ kind: 'ledger', source: `${source}#${partner}`, value: ledger.ledger });
    }
  };
  const addFile = (path: string, source: string, format: InputFormat) => {
    const ext = extname(path).toLowerCase();
    const as = format !== 'auto' ? format : ext === '.json' ? 'json' : ext === '.csv' ? 'csv' : undefined;
    if (as === 'json') {
      collected.jobs.push({ kind: 'json-file', source, path });
      return;
    }
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      collected.issues.push(unreadableIssue(source, 'the file', error));
      return;
    }
    if ((as ?? sniff(text)) === 'csv') addCsv(text, source);
    else collected.jobs.push({ kind: 'json-text', source, text });
  };

  for (const input of inputs) {
    if (input === '-') {
      const text = await readAll(io.stdin);
      const source = '<stdin>';
      if (text.trim() === '') collected.issues.push({ source, path: '', code: 'no-ledgers', message: 'nothing was read from standard input' });
      else if ((options.inputFormat === 'auto' ? sniff(text) : options.inputFormat) === 'csv') addCsv(text, source);
      else collected.jobs.push({ kind: 'json-text', source, text });
      continue;
    }
    const path = resolve(io.cwd, input);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (error) {
      collected.issues.push(unreadableIssue(input, `"${input}"`, error));
      continue;
    }
    if (!isDirectory) {
      addFile(path, input, options.inputFormat);
      continue;
    }
    const files = listDirectory(path, options.recursive);
    if (files.length === 0) {
      collected.issues.push({ source: input, path: '', code: 'no-ledgers', message: `no .json or .csv file in the directory${options.recursive ? ' or below it' : ' (--recursive reads subdirectories)'}` });
    }
    for (const file of files) addFile(file, join(input, relative(path, file)), 'auto');
  }
  return collected;
}
