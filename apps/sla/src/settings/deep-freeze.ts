/**
 * Freezes rows read for the settings cache, and everything in them (a policy's definition, a
 * calendar's notices): the cache hands the same rows to every reader, so none may change them.
 */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
