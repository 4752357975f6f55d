import type { IsoDate } from '../dates/isoDate';
import { evaluateResolved } from '../evaluate/evaluate';
import { readDateOption, resolveLedger } from '../evaluate/options';
import type { Evaluation } from '../evaluate/types';
import { readWindowKind, type WindowKind } from '../evaluate/window';
import { issue, throwIfAny, ValidationError, type LedgerIssue } from '../issues';
import type { Ledger } from '../ledger/types';
import { readArray, readOptionsObject } from '../readOptions';
import { compileProgram, versionAt, type CompiledProgram, type CompiledTier } from '../program/compile';
import { resolveProgram } from '../program/resolveProgram';
import { tierMove } from '../program/tierMove';
import type { Program } from '../program/types';

/** Options of {@link compareUnder}. */
export type CompareUnderOptions = {
  /** The review date, `YYYY-MM-DD` (required: the library never reads the clock). */
  readonly asOf: string;
  /** The program as it is (e.g. `exponentialProgram`): a program or a definition (validated first). */
  readonly base: Program | unknown;
  /** The program to compare with (e.g. a reform): a program or a definition. */
  readonly candidate: Program | unknown;
  /** Default `rolling-12-months` (R1). */
  readonly window?: WindowKind;
};

/** A partner's standing under one program. */
export type Standing = {
  readonly tier: string | null;
  readonly tierName: string | null;
  readonly points: number;
  readonly program: { readonly id: string; readonly version: string };
};

/** One partner under both programs, and which way it moves. */
export type TierMove = {
  readonly partner: string;
  readonly name?: string;
  readonly base: Standing;
  readonly candidate: Standing;
  readonly move: 'up' | 'down' | 'same';
};

/** What {@link compareUnder} returns. */
export type TierComparison = {
  readonly asOf: string;
  /** One row per ledger, in input order. */
  readonly partners: readonly TierMove[];
  readonly counts: { readonly up: number; readonly down: number; readonly same: number };
  /** E.g. `"2 move down from Silver to Professional, 1 moves up from Basic to Professional; 2 stay."` */
  readonly summary: string;
};

/** A bound on how many ledgers one call compares: a Proxy may claim any length. */
const MAX_LEDGERS = 10_000_000;

function standing(evaluation: Evaluation): Standing {
  return { tier: evaluation.tier, tierName: evaluation.tierName, points: evaluation.points.total, program: { id: evaluation.program.id, version: evaluation.program.version } };
}

/** Tier ranks: by the candidate's tier order when it knows both tiers, else the base's, else by their requirements (one rule with the timeline's). */
function moveOf(base: Standing, candidate: Standing, baseTiers: readonly CompiledTier[], candidateTiers: readonly CompiledTier[]): TierMove['move'] {
  return tierMove(base.tier, candidate.tier, baseTiers, candidateTiers) ?? 'same';
}

function summarise(partners: readonly TierMove[]): string {
  const groups = new Map<string, { move: 'up' | 'down'; from: string; to: string; count: number; order: number }>();
  let same = 0;
  for (const partner of partners) {
    if (partner.move === 'same') {
      same++;
      continue;
    }
    const from = partner.base.tierName ?? 'no tier';
    const to = partner.candidate.tierName ?? 'no tier';
    const key = `${partner.move}|${from}|${to}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { move: partner.move, from, to, count: 1, order: groups.size });
    else group.count++;
  }
  const sorted = [...groups.values()].sort((a, b) => (a.move === b.move ? 0 : a.move === 'down' ? -1 : 1) || b.count - a.count || a.order - b.order);
  const moves = sorted.map((g) => `${g.count} ${g.count === 1 ? 'moves' : 'move'} ${g.move} from ${g.from} to ${g.to}`).join(', ');
  const stays = same === 0 ? '' : `${same} ${same === 1 ? 'stays' : 'stay'}`;
  if (moves === '') return partners.length === 0 ? 'No partners to compare.' : `Nobody moves; ${stays}.`;
  return stays === '' ? `${moves}.` : `${moves}; ${stays}.`;
}

function push(issues: LedgerIssue[], seen: Set<string>, found: LedgerIssue): void {
  const key = `${found.path}\u0000${found.code}\u0000${found.message}`;
  if (!seen.has(key)) {
    seen.add(key);
    issues.push(found);
  }
}

/**
 * Evaluates each ledger under two programs on one date and reports who
 * moves tier: "what if the Silver threshold became 25,000?". Each program
 * uses its version in effect on `asOf`.
 * @param ledgers - Ledgers (raw or parsed), one per partner.
 * @param opts - `asOf` (required), `base`, `candidate` (programs or definitions), `window`.
 * @returns Each partner's tier under both, the move (`up`, `down`, `same`; ranked by the candidate's tier order, else the base's, else by the tiers' requirements), counts and a summary sentence.
 * @throws {ValidationError} One error with every issue: options (`asOf`, `base…`, `candidate…`) and ledgers (`ledgers[2].entries[3].activity`).
 * @example
 * const reform = defineProgram(JSON.parse(readFileSync('examples/programs/exponential-2027.json', 'utf8')));
 * // Kestrel: 23,770 points and Silver's revenue and certifications; Meridian: Professional either way.
 * compareUnder([kestrel, meridian], { asOf: '2027-01-31', base: exponentialProgram, candidate: reform }).summary
 * //=> '1 moves down from Silver to Professional; 1 stays.'
 */
export function compareUnder(ledgers: readonly (Ledger | unknown)[], opts: CompareUnderOptions): TierComparison {
  const issues: LedgerIssue[] = [];
  const options = readOptionsObject(opts, ['asOf', 'base', 'candidate', 'window'], 'options must be an object: { asOf, base, candidate, window? }', issues);
  const asOf = readDateOption(options, 'asOf', issues);
  const window = readWindowKind(options['window'], 'window', issues);
  // Programs whose reading threw are not in the snapshot: their issue is already there.
  const base = 'base' in options ? resolveProgram(options['base'], 'base', issues) : undefined;
  const candidate = 'candidate' in options ? resolveProgram(options['candidate'], 'candidate', issues) : undefined;
  // Read once, into a copy; a Proxy could claim any length.
  const list = readArray(ledgers, 'ledgers', 'ledgers must be an array of ledgers', MAX_LEDGERS, issues) ?? [];
  throwIfAny(issues);

  const programs = [compileProgram(base as Program), compileProgram(candidate as Program)];
  const seen = new Set<string>();
  const partners: TierMove[] = [];
  for (let index = 0; index < list.length; index++) {
    const results: Evaluation[] = [];
    let partner: Ledger['partner'] | undefined;
    for (const program of programs) {
      try {
        // The parsed ledger, not the raw input, gives the partner's id and name: the input is read only by parsing.
        const resolved = resolveLedger(list[index], program);
        partner = resolved.ledger.partner;
        results.push(evaluateResolved(resolved.ledger, resolved.internals, { asOf: asOf as IsoDate, window, program }));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        for (const found of error.issues) {
          const path = found.path === '' ? `ledgers[${index}]` : `ledgers[${index}].${found.path}`;
          push(issues, seen, issue(path, found.code, found.message));
        }
      }
    }
    const [before, after] = results;
    if (before === undefined || after === undefined || partner === undefined) continue;
    const b = standing(before);
    const c = standing(after);
    const baseTiers = versionAt(programs[0] as CompiledProgram, asOf as IsoDate).tiers;
    const candidateTiers = versionAt(programs[1] as CompiledProgram, asOf as IsoDate).tiers;
    const row: TierMove = {
      partner: partner.id,
      ...(partner.name === undefined ? {} : { name: partner.name }),
      base: b,
      candidate: c,
      move: moveOf(b, c, baseTiers, candidateTiers),
    };
    partners.push(row);
  }
  throwIfAny(issues);
  const counts = { up: 0, down: 0, same: 0 };
  for (const row of partners) counts[row.move]++;
  return { asOf: asOf as string, partners, counts, summary: summarise(partners) };
}
