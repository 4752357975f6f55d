/**
 * `exponential-partner`: the command line of the partner program (Node only).
 * `main(argv, io)` runs one command and resolves to its exit code:
 * 0 ok, 1 invalid input (every issue printed with its file and path), 2 usage.
 * This file is the commander tree: the program, and each command registered
 * from its own file under commands/.
 */
import { Command, CommanderError } from 'commander';
import { escapeControls } from '../format';
import { registerDescribe } from './commands/describe';
import { registerEvaluate } from './commands/evaluate';
import { registerPlan } from './commands/plan';
import { registerSchema } from './commands/schema';
import { registerStatement } from './commands/statement';
import { registerTimeline } from './commands/timeline';
import { registerValidate } from './commands/validate';
import { exitCodes, InputError, UsageError } from './errors';
import { OutputClosed, type CliIo } from './io';
import type { CommandContext } from './options';
import { printIssues } from './report';

export { exitCodes } from './errors';

declare const __CLI_VERSION__: string | undefined;
const version = typeof __CLI_VERSION__ === 'string' ? __CLI_VERSION__ : '0.0.0-dev';

const examples = `
Examples:
  $ exponential-partner evaluate examples/ledgers --as-of 2026-11-30
  $ exponential-partner validate examples/ledgers/invalid/broken.json
  $ exponential-partner evaluate crm-export.csv --format csv > tiers.csv
  $ exponential-partner timeline examples/ledgers/silver-agency.json --to 2026-11-30
  $ exponential-partner plan examples/ledgers/silver-agency.json --target gold --by 2027-06-30
  $ exponential-partner describe
  $ exponential-partner describe --format pdf --out overview.pdf
  $ exponential-partner statement examples/ledgers --as-of 2026-11-30 --out statements/
  $ exponential-partner schema ledger
  $ exponential-partner help evaluate

Colour only on a terminal, never with NO_COLOR set.
Exit codes: 0 ok, 1 invalid input, 2 usage.`;

/** The commands, in the order `--help` lists them. */
const commands: readonly ((program: Command, context: CommandContext) => void)[] = [
  registerEvaluate,
  registerValidate,
  registerTimeline,
  registerPlan,
  registerDescribe,
  registerStatement,
  registerSchema,
];

/** Builds the command tree; `setExit` receives each action's exit code. */
function buildProgram(context: CommandContext): Command {
  const { io } = context;
  const program = new Command('exponential-partner');
  program
    .description('Evaluate Exponential Partner Program ledgers: points, tier, membership and fee status.')
    .version(version, '-V, --version')
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', examples);
  for (const register of commands) register(program, context);
  return program;
}

/**
 * Runs the command line on `argv` (without `node` and the script).
 * @returns The exit code: 0 ok, 1 invalid input, 2 usage.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = exitCodes.ok;
  const program = buildProgram({
    io,
    setExit: (code) => {
      exitCode = code;
    },
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    // The reader closed standard output (`| head -1`): it has what it wanted.
    if (error instanceof OutputClosed) return exitCodes.ok;
    if (error instanceof CommanderError) {
      // --help and --version exit 0; every other commander error is a usage error.
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    }
    if (error instanceof InputError) {
      printIssues(error.issues, io, 'stderr');
      return exitCodes.invalidInput;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`error: ${escapeControls(error.message)}\n(add --help for usage)\n`);
      return exitCodes.usage;
    }
    throw error;
  }
}
