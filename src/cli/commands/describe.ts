/**
 * `describe`: the program's tables as Markdown (`describeProgram`), the
 * described version as JSON, or the program overview (`programOverview`) as
 * HTML or PDF; to stdout, or atomically to `--out FILE`.
 */
import { statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { escapeControls } from '../../format';
import { describeProgram, exponentialProgram, programOverview } from '../../index';
import type { PdfPaper } from '../../pdf/index';
import { exitCodes, optionError, unwritable, UsageError } from '../errors';
import { loadPdfRenderer, mayWriteBinaryTo, renderDocument, writeFileAtomic } from '../documents';
import { defaultFormat, type FormatOf } from '../formats';
import type { CliIo } from '../io';
import { asOfOption, checkPaper, formatOption, loadProgram, outOption, paperOption, programOption, resolveAsOf, type CommandContext } from '../options';
import { asOfText } from '../render';
import { printWarning } from '../report';

/** Options of `describe`. */
type DescribeOptions = {
  readonly program?: string;
  readonly asOf?: string;
  readonly version?: string;
  readonly format?: FormatOf<'describe'>;
  readonly out?: string;
  readonly paper?: PdfPaper;
};

const examples = `
Examples:
  $ exponential-partner describe > program.md                    # the tables as Markdown (docs/program.md)
  $ exponential-partner describe --format pdf --out overview.pdf --as-of 2026-11-30
  $ exponential-partner describe --format html --paper a4 > overview.html
  $ exponential-partner describe --out overview.pdf              # the format from the extension
  $ exponential-partner describe --program examples/programs/exponential-2027.json --format pdf > overview-2027.pdf
  $ exponential-partner describe --as-of 2026-11-30 --format json

Markdown and JSON: the program's tables (describeProgram). PDF and HTML: the
program overview (programOverview), dated --as-of (default: today, UTC), with
page numbers, on US Letter or A4 (--paper). A PDF goes to standard output only
when it is not a terminal. Exit codes: 0 ok, 1 invalid program or unwritable
--out, 2 usage.`;

/** Adds `describe` to the program. */
export function registerDescribe(program: Command, { io, setExit }: CommandContext): void {
  program
    .command('describe')
    .description("the program's tables (tiers, activities, certifications, fee) as Markdown, each row citing its rule, or the program overview as PDF or HTML")
    .addOption(programOption('a custom program definition (JSON) instead of the built-in one'))
    .addOption(asOfOption('describe the version in effect on this date (PDF, HTML: also the overview date; default today, UTC)'))
    .option('--version-name <name>', 'describe the version with this name')
    .addOption(formatOption('describe'))
    .addOption(outOption('file', 'write to this file (atomically) instead of standard output'))
    .addOption(paperOption())
    .addHelpText('after', examples)
    .action(async ({ versionName, ...options }: Omit<DescribeOptions, 'version'> & { versionName?: string }) => {
      // An empty value is no value: `--as-of ""` describes the latest version.
      const given = Object.entries({ ...options, version: versionName }).filter(([, value]) => value !== undefined && value !== '');
      setExit(await describeCommand(Object.fromEntries(given) as DescribeOptions, io));
    });
}

/** The formats `describe --out FILE` infers from the file's extension when `--format` is not given. */
const describeExtensions: Readonly<Record<string, FormatOf<'describe'>>> = { '.md': 'markdown', '.markdown': 'markdown', '.json': 'json', '.pdf': 'pdf', '.html': 'html', '.htm': 'html' };

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** `describe`: to stdout, or atomically to `--out FILE`. */
async function describeCommand(options: DescribeOptions, io: CliIo): Promise<number> {
  const fromExtension = options.out === undefined ? undefined : describeExtensions[extname(options.out).toLowerCase()];
  const format = options.format ?? fromExtension ?? defaultFormat('describe', io.stdout.isTTY === true);
  checkPaper(options.paper, format);
  const target = options.out === undefined ? undefined : resolve(io.cwd, options.out);
  if (target !== undefined && isDirectory(target)) throw new UsageError(`--out: ${options.out} is a directory; give a file name, such as overview.${format === 'markdown' ? 'md' : format}`);
  if (format === 'pdf' && target === undefined && !mayWriteBinaryTo(io.stdout)) {
    throw new UsageError('a PDF is not written to a terminal: use --out FILE (--out overview.pdf) or redirect standard output (> overview.pdf)');
  }
  const { program: custom } = loadProgram(options.program, io);
  const program = custom ?? exponentialProgram;
  // describeProgram checks --as-of and --version-name (and that not both are given) for every format.
  let markdown: string;
  try {
    markdown = describeProgram(program, { ...(options.asOf === undefined ? {} : { asOf: options.asOf }), ...(options.version === undefined ? {} : { version: options.version }) });
  } catch (error) {
    optionError(error, { asOf: '--as-of', version: '--version-name' });
  }
  const named = options.version === undefined ? undefined : program.versions.find((v) => v.version === options.version);
  let data: string | Uint8Array;
  switch (format) {
    case 'markdown':
      data = markdown;
      break;
    case 'json': {
      // The version describeProgram describes: by name, else in effect on --as-of (before the first: the first), else the latest.
      const asOf = options.asOf === undefined ? undefined : resolveAsOf(options.asOf, io).date;
      const version =
        named ??
        (asOf === undefined ? undefined : [...program.versions].reverse().find((v) => v.effectiveFrom <= asOf)) ??
        (asOf === undefined ? program.versions[program.versions.length - 1] : program.versions[0]);
      data = `${JSON.stringify({ id: program.id, name: program.name, version }, null, 2)}\n`;
      break;
    }
    case 'html':
    case 'pdf': {
      // The overview is dated (and picks its version) by --as-of; a named version is dated its first day; else today (UTC).
      const today = options.asOf === undefined && named === undefined ? resolveAsOf(undefined, io) : undefined;
      const asOf = today?.date ?? named?.effectiveFrom ?? resolveAsOf(options.asOf, io).date;
      if (today !== undefined && io.stderr.isTTY === true) io.stderr.write(`overview ${asOfText(today)}\n`);
      const doc = programOverview(program, { asOf });
      data = await renderDocument(doc, {
        format,
        ...(options.paper === undefined ? {} : { paper: options.paper }),
        onWarning: (warning) => printWarning(io, undefined, warning.message),
        ...(format === 'pdf' ? { pdf: await (io.loadPdf ?? loadPdfRenderer)() } : {}),
      });
      break;
    }
  }
  if (target === undefined) {
    io.stdout.write(data);
    return exitCodes.ok;
  }
  try {
    await writeFileAtomic(target, data);
  } catch (error) {
    throw unwritable(options.out ?? target, error);
  }
  io.stdout.write(`${escapeControls(options.out ?? target)}\n`);
  return exitCodes.ok;
}
