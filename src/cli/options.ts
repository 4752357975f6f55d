/**
 * The options several commands share, declared once (commander `Option`
 * factories, and one helper that adds the batch options), and read once:
 * `--as-of`, `--program`, `--threads` and `--paper` are checked here for
 * every command that takes them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Argument, InvalidArgumentError, Option, type Command } from 'commander';
import { defineProgram, evaluate, ValidationError, windowKinds, type Program, type WindowKind } from '../index';
import type { PdfPaper } from '../pdf/index';
import type { BatchRunOptions } from './batch';
import { InputError, UsageError } from './errors';
import { commandFormats, type CommandName, type DataFormat } from './formats';
import type { InputFormat } from './inputs';
import type { CliIo } from './io';
import { unreadableIssue } from './issues';
import { parseJsonText } from './jobs';
import { WORKER_THRESHOLD } from './pool';
import type { AsOf } from './render';

/** What each command's registration gets: the outside world of the run, and where the action's exit code goes. */
export type CommandContext = { readonly io: CliIo; readonly setExit: (code: number) => void };

/** The options of the batch commands (`evaluate`, `validate`; `statement` adds its own). */
export type BatchOptions = BatchRunOptions & { readonly program?: string; readonly format?: DataFormat };

/** The options of the per-ledger commands (`timeline`, `plan`): read in the main thread, never recursive. */
export type LedgerOptions = { readonly program?: string; readonly window?: WindowKind; readonly format?: DataFormat; readonly inputFormat: InputFormat };

/** `<inputs...>`: the ledgers a command reads; the batch commands also read directories. */
export const inputsArgument = (directories: boolean) =>
  new Argument('<inputs...>', directories ? 'ledger files (.json, .csv), directories, or - for stdin' : 'ledger files (.json, .csv), or - for stdin');

/** `--format`, its choices from the registry (src/cli/formats.ts). */
const formatHelp: Partial<Record<CommandName, string>> = {
  describe: 'output format (default: markdown, or what the --out extension says)',
  statement: 'output format (default: pdf; markdown on a terminal without --out)',
  schema: 'output format',
};
export const formatOption = (name: CommandName) =>
  new Option('-f, --format <format>', formatHelp[name] ?? 'output format (default: table on a terminal, json otherwise)').choices(commandFormats[name]);

/** `--as-of <date>`, in the words of each command. */
export const asOfOption = (description: string) => new Option('--as-of <date>', description);

/** `--window <kind>`: the batch commands name the default, the per-ledger ones leave it to the library. */
export const windowOption = (defaulted: boolean) => {
  const option = new Option('--window <kind>', 'which entries a review counts').choices(windowKinds);
  return defaulted ? option.default('rolling-12-months') : option;
};

/** `--program <file>`: the per-ledger commands say it briefly. */
export const programOption = (description = 'a custom program definition (JSON)') => new Option('--program <file>', description);

/** `--input-format`: how to read what has no extension. */
const inputFormatOption = () =>
  new Option('--input-format <format>', 'how to read files without a .json/.csv extension and stdin').choices(['auto', 'json', 'csv']).default('auto');

/** `-o, --out`: a file (`describe`) or a directory (`statement`). */
export const outOption = (what: 'file' | 'dir', description: string) => new Option(`-o, --out <${what}>`, description);

/** `--paper`: the page of PDF and HTML. */
export const paperOption = () => new Option('--paper <size>', 'page size of pdf and html (default: letter)').choices(['letter', 'a4']);

/** `--threads`: `auto` or a whole number ≥ 0. */
function parseThreads(value: string): 'auto' | number {
  if (value === 'auto') return 'auto';
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected "auto" or a whole number (0 runs in the main thread)');
  return Number(value);
}

/**
 * Adds the options of a batch (after the command's own): `--format`, how the
 * inputs are read, worker threads from `threadsFrom` up, the progress bar,
 * `--program` and `--verbose`.
 */
export function addBatchOptions(command: Command, name: CommandName, threadsFrom = `${WORKER_THRESHOLD} ledgers`): Command {
  return command
    .addOption(formatOption(name))
    .addOption(inputFormatOption())
    .addOption(new Option('-r, --recursive', 'read subdirectories of directory inputs too').default(false))
    .addOption(new Option('--threads <n>', `worker threads: "auto" (every core, from ${threadsFrom} up) or a number; 0 = main thread`).argParser(parseThreads).default('auto'))
    .addOption(new Option('--progress', 'always show the progress bar (default: on a terminal, for batches)'))
    .addOption(new Option('--no-progress', 'never show the progress bar'))
    .addOption(programOption('a custom program definition (JSON, see `schema program`) instead of the built-in one'))
    .addOption(new Option('-v, --verbose', 'say how many ledgers were processed, where and how fast').default(false));
}

/** Adds the options of a per-ledger command (after the command's own): `--window`, `--program`, `--format`, `--input-format`. */
export function addLedgerOptions(command: Command, name: CommandName): Command {
  return command.addOption(windowOption(false)).addOption(programOption()).addOption(formatOption(name)).addOption(inputFormatOption());
}

/** `--as-of` (or `--to`, `--from`: `name`), checked and normalised by the library itself; today (UTC) when absent. */
export function resolveAsOf(option: string | undefined, io: CliIo, name = '--as-of'): AsOf {
  if (option === undefined) return { date: io.now().toISOString().slice(0, 10), defaulted: true };
  try {
    const probe = evaluate({ partner: { id: 'as-of-check', joinedOn: '2000-01-01' }, entries: [] }, { asOf: option });
    return { date: probe.asOf, defaulted: false };
  } catch (error) {
    if (error instanceof ValidationError) throw new UsageError(`${name}: ${error.issues[0].message.replace(/^"asOf" /, '')}`);
    throw error;
  }
}

/** `--program <file>`: a program definition (JSON), checked by `defineProgram`; every issue is an input issue. */
export function loadProgram(file: string | undefined, io: CliIo): { program?: Program; definition?: unknown } {
  if (file === undefined) return {};
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    throw new InputError([unreadableIssue(file, 'the program', error)]);
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

/** `--paper` sets the page of PDF and HTML; with another format it is a mistake, said as one. */
export function checkPaper(paper: PdfPaper | undefined, format: string): void {
  if (paper !== undefined && format !== 'pdf' && format !== 'html') throw new UsageError(`--paper sets the page size of pdf and html, not of ${format}`);
}
