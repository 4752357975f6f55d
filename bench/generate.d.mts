/** Types of the seeded ledger generator (bench/generate.mjs), for the vitest check. */
export type GeneratedLedger = { partner: { id: string; name: string; joinedOn: string }; entries: Record<string, unknown>[] };
export const AS_OF: string;
export const JOINED_ON: string;
export function mulberry32(seed: number): () => number;
export function generateLedger(size: number, seed?: number, partnerId?: string): GeneratedLedger;
export function generateBatch(count: number, size: number, seed?: number): GeneratedLedger[];
