/** `schema`: the JSON Schema (2020-12) of a ledger or of a program definition. */
import type { Command } from 'commander';
import { generateJsonSchema } from '../../index';
import { exitCodes, UsageError } from '../errors';
import type { CliIo } from '../io';
import { formatOption, type CommandContext } from '../options';
import { writeJson } from '../render';

const examples = `
Examples:
  $ exponential-partner schema ledger > ledger.schema.json
  $ exponential-partner schema program`;

/** Adds `schema` to the program. */
export function registerSchema(program: Command, { io, setExit }: CommandContext): void {
  program
    .command('schema')
    .description('the JSON Schema (2020-12) of a ledger or of a program definition')
    .argument('[kind]', 'ledger or program', 'ledger')
    .addOption(formatOption('schema'))
    .addHelpText('after', examples)
    .action((kind: string) => setExit(schemaCommand(kind, io)));
}

function schemaCommand(kind: string, io: CliIo): number {
  if (kind !== 'ledger' && kind !== 'program') throw new UsageError(`schema: expected "ledger" or "program", received "${kind}"`);
  writeJson(io, generateJsonSchema(kind));
  return exitCodes.ok;
}
