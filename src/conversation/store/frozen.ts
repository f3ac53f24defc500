/** `T` with every property readonly, all the way down: what a store hands out. */
export type DeepReadonly<T> = T extends (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/**
 * Freezes `value` and everything it holds. Stores keep committed states as frozen objects and hand
 * them out as they are (no copy, no parse per read): a caller that tried to change one would throw
 * (ES modules are strict), and every change makes a new object, as `Turn` does.
 *
 * Trap: an object already frozen is taken to be frozen all the way down and not walked again, which
 * keeps a save cheap when most of the state is shared with the committed one. Only this function
 * freezes states, so that holds.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (Array.isArray(value)) {
    // An index loop: for…in over an array makes a string key per element (the history holds 50).
    for (let index = 0; index < value.length; index++) deepFreeze(value[index]);
    return value;
  }
  // for…in rather than Object.keys: no array per object walked (states are plain objects and arrays).
  for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}

/**
 * The frozen `value` typed as its working type, for code typed for working states (the turn, the
 * interpreter's input). No copy: the object stays frozen, so a change in place still throws at once.
 */
export function thaw<T>(value: DeepReadonly<NoInfer<T>>): T {
  return value as T;
}
