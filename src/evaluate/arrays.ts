/**
 * Arrays indexed by entry, made at their full length: growing one by
 * `push` reallocates it about ten times for a 100-entry ledger, and the
 * columns of the first evaluation were a fifth of what it allocates.
 */

/**
 * The longest array made at its full length (`new Array(n)`); longer ones
 * grow by `push`. Node 20's V8 keeps fast elements for `new Array(n)` far
 * beyond this (measured up to 33 million), but other engines may store a
 * long array made at its full length as a sparse one, and past this length
 * the reallocations cost nothing next to the entries.
 */
export const PRESIZED = 10_000;

/** An array of `length` `undefined`s, with no holes left (written later in any order, it stays dense). */
export function denseArray<T>(length: number): (T | undefined)[] {
  if (length <= PRESIZED) return new Array<T | undefined>(length).fill(undefined);
  const array: (T | undefined)[] = [];
  for (let index = 0; index < length; index++) array.push(undefined);
  return array;
}
