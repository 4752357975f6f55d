/**
 * JSON Schemas (draft 2020-12) generated from the zod/mini schemas, so the
 * shipped `schemas/*.schema.json` never drift from what `parseLedger` and
 * `defineProgram` accept. A schema checks shape, types, ranges and formats;
 * what needs the program or other rows (activity ids, duplicate ids, tier
 * order) stays with `parseLedger` and `defineProgram`.
 */
import * as z from 'zod/mini';
import { issue, ValidationError } from '../issues';
import { describeValue } from '../readOptions';
import { getLedgerSchema } from '../ledger/schema';
import { getProgramFormats, getProgramSchema, programDatePattern, programMoneyPattern } from '../program/schema';

/** The JSON Schemas this package ships. */
export type JsonSchemaKind = 'ledger' | 'program';

/** A JSON Schema (plain JSON). */
export type JsonSchema = { readonly [key: string]: unknown };

// The ledger accepts `YYYY-MM-DD` or an RFC 3339 timestamp (reduced to its UTC date).
const ledgerDatePattern = '^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2}))?$';
// A plain decimal: at most 9 integer digits and 10 decimals, no exponent or separators.
const ledgerAmountPattern = '^-?(0|[1-9][0-9]{0,8})(\\.[0-9]{1,10})?$';

type Override = (json: Record<string, unknown>) => void;

/** The zod schema objects that need a hand on their JSON Schema: checks zod cannot express (dates, amounts, `meta`). */
function overridesFor(kind: JsonSchemaKind): Map<unknown, Override> {
  const overrides = new Map<unknown, Override>();
  if (kind === 'ledger') {
    const ledger = getLedgerSchema();
    // The first entry type is revenue (a reorder breaks this line at compile time).
    const revenue = ledger.shape.entries.def.element.def.options[0];
    overrides.set(ledger.shape.partner.shape.joinedOn, (json) => {
      json['pattern'] = ledgerDatePattern;
      json['description'] = 'A calendar date YYYY-MM-DD, or an RFC 3339 timestamp (its UTC date counts).';
    });
    overrides.set(revenue.shape.amount, (json) => {
      json['pattern'] = ledgerAmountPattern;
      json['description'] = 'A decimal string ("1200.50", negative for refunds) or a finite number; at most 9 integer digits and 10 decimals.';
    });
    overrides.set(ledger.shape.meta.def.innerType, (json) => {
      json['type'] = 'object';
      json['description'] = 'Free-form JSON data; the library never reads it.';
    });
  } else {
    const { date, money, legacyTier, legacyFee } = getProgramFormats();
    overrides.set(legacyTier, (json) => {
      json['description'] = 'A tier in the 0.2 form: defineProgram reads it as the requirements [points, revenue (unless null), profile certifications (if > 0), sales certifications (if > 0)].';
    });
    overrides.set(legacyFee, (json) => {
      json['description'] = 'The fee in the 0.2 form: defineProgram reads "monthly" as the amount per month.';
    });
    overrides.set(date, (json) => {
      json['pattern'] = programDatePattern;
      json['description'] = 'A calendar date YYYY-MM-DD.';
    });
    overrides.set(money, (json) => {
      json['pattern'] = programMoneyPattern;
      json['description'] = 'A non-negative decimal string with at least two decimals, e.g. "45.00".';
    });
  }
  return overrides;
}

const titles = {
  ledger: {
    title: 'Exponential Partner Program ledger',
    description: "A partner's ledger for @exponential/partner-program: the partner and its entries (revenue, activities, time, certifications, bonus, special, fee payments, adjustments). Unknown fields are errors; free-form data goes in `meta`. Activity and certification ids are checked against the program by parseLedger.",
  },
  program: {
    title: 'Exponential Partner Program definition',
    description: 'A partner program for @exponential/partner-program: dated versions with certification kinds, categories, tiers (a list of requirements), activities (with limits and caps), certifications and a fee per month, quarter or year. The 0.2 forms (tier fields, kind "monthly", fee "monthly", no kinds or categories) are accepted too; defineProgram reads them as the new shape. defineProgram also checks unique ids, ascending versions, ordered tiers and the references between tables.',
  },
} as const;

/**
 * The JSON Schema (draft 2020-12) of a ledger or of a program definition,
 * generated from the zod/mini schemas with `z.toJSONSchema` (input types;
 * dates, amounts and `meta` given a proper schema). The same documents ship
 * as `@exponential/partner-program/schemas/ledger.json` and `…/program.json`.
 * @param kind - `'ledger'` or `'program'`.
 * @returns A new JSON Schema (plain JSON, a fresh object each call).
 * @throws {ValidationError} When `kind` is neither (one issue at `kind`, whatever it holds).
 * @example
 * generateJsonSchema('ledger').$schema //=> 'https://json-schema.org/draft/2020-12/schema'
 * generateJsonSchema('ledger').required //=> ['partner', 'entries']
 */
export function generateJsonSchema(kind: JsonSchemaKind): JsonSchema {
  // Compared by identity only, and described without touching its insides: a BigInt, a cycle,
  // a throwing getter or a Proxy is one issue at `kind`, never a TypeError.
  if (kind !== 'ledger' && kind !== 'program') {
    throw new ValidationError([issue('kind', typeof kind === 'string' ? 'invalid-value' : 'invalid-type', `"kind" must be "ledger" or "program", received ${describeValue(kind)}`)]);
  }
  const overrides = overridesFor(kind);
  const schema = kind === 'ledger' ? getLedgerSchema() : getProgramSchema();
  const json = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    // `meta` is a z.custom: represented by its override, never left as `{}` (a test checks).
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => overrides.get(zodSchema)?.(jsonSchema as Record<string, unknown>),
  }) as Record<string, unknown>;
  const { $schema, ...rest } = json;
  return { $schema, ...titles[kind], ...rest };
}
