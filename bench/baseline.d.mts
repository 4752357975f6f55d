/** Types of the plain-number baseline (bench/baseline.mjs), for the vitest check. */
export type BaselineFacts = { points: number; revenueCents: number; profile: number; sales: number };
export type BaselineResult = { total: number; tier: string | null; facts: BaselineFacts };
export type PreparedBaseline = { entries: readonly object[]; days: Int32Array; cents: Float64Array; joinedOn: string };
export function baselineWindow(asOf: string): { from: number; to: number };
export function prepareBaseline(ledger: { partner: { joinedOn: string }; entries: readonly object[] }): PreparedBaseline;
export function baselineEvaluate(prepared: PreparedBaseline, asOf: string): BaselineResult;
export const baselineTiers: readonly { id: string; points: number; revenueCents: number; profile: number; sales: number }[];
