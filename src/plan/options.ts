/**
 * `planUpgrade`'s options, read once and validated like every other
 * function's (src/evaluate/options.ts): every issue collected, one
 * `ValidationError` thrown.
 */
import { monthEnd, type IsoDate } from '../dates/isoDate';
import { issue, throwIfAny, type LedgerIssue } from '../issues';
import { versionAt, type CompiledProgram, type CompiledVersion } from '../program/compile';
import type { ActivityRow } from '../program/types';
import { readCommonOptions, readDateOption, readOptionsObject } from '../evaluate/options';
import type { WindowKind } from '../evaluate/window';
import { describeValue, readArray } from '../readOptions';

/** More preferences than any program has activities would only slow the reading down. */
const MAX_PREFERRED = 1000;

/** `planUpgrade`'s options, valid. */
export type PlanOptions = {
  readonly asOf: IsoDate;
  /** `by`, or the first month end on or after `asOf`. */
  readonly by: IsoDate;
  readonly window: WindowKind;
  readonly program: CompiledProgram;
  /** The program version in effect on `by`: the one the plan is made in. */
  readonly version: CompiledVersion;
  /** A tier id of `version`, or `undefined` for the default (the tier above the one held). */
  readonly target: string | undefined;
  /** The rows of `prefer`, in order: reportable activities of `version`. */
  readonly prefer: readonly ActivityRow[];
};

/**
 * Reads `asOf`, `target`, `by`, `program`, `window` and `prefer`.
 * @throws {ValidationError} With every issue, at paths such as `asOf`, `target`, `prefer[0]`.
 */
export function readPlanOptions(opts: unknown): PlanOptions {
  const issues: LedgerIssue[] = [];
  const options = readOptionsObject(opts, ['asOf', 'target', 'by', 'program', 'window', 'prefer'], 'options must be an object with at least "asOf"', issues);
  const asOf = readDateOption(options, 'asOf', issues);
  const byOption = readDateOption(options, 'by', issues, false);
  const { window, program } = readCommonOptions(options, issues);
  throwIfAny(issues);
  const by = byOption ?? monthEnd(asOf as IsoDate);
  const version = versionAt(program, by);
  const target = options['target'];
  if (target !== undefined && (typeof target !== 'string' || !version.tierIndex.has(target))) {
    issues.push(issue('target', 'invalid-value', `"target" must be a tier of the program: ${[...version.tierIndex.keys()].join(', ')}; received ${describeValue(target)}`));
  }
  const prefer = readPrefer(options['prefer'], version, issues);
  throwIfAny(issues);
  return { asOf: asOf as IsoDate, by, window, program, version, target: target as string | undefined, prefer };
}

function readPrefer(value: unknown, version: CompiledVersion, issues: LedgerIssue[]): ActivityRow[] {
  if (value === undefined) return [];
  // Read once, into a copy: a Proxy or a getter cannot answer differently later.
  const ids = readArray(value, 'prefer', `"prefer" must be an array of activity ids, received ${describeValue(value)}`, MAX_PREFERRED, issues) ?? [];
  const rows: ActivityRow[] = [];
  ids.forEach((id, i) => {
    const row = typeof id === 'string' ? version.activities.get(id) : undefined;
    if (row === undefined || row.kind === 'derived') {
      issues.push(issue(`prefer[${i}]`, 'unknown-activity', `expected an activity id a partner can report, received ${describeValue(id)}`));
    } else rows.push(row);
  });
  return rows;
}
