/**
 * Freezes a value and everything it holds, so that shared data (the built-in
 * tables, a program `defineProgram` returned) cannot change under the
 * evaluations that read it. An object that is already frozen is taken as
 * deep-frozen: the tables freeze their rows before the program that holds them.
 * @param value - Plain data (objects and arrays).
 * @returns The same value, frozen.
 * @example
 * const rows = deepFreeze([{ id: 'a', evidence: { words: { min: 1 } } }]);
 * Object.isFrozen(rows[0].evidence.words) //=> true
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}
