import { newId } from '@ticketing/contracts';
import { partitionFor } from '@ticketing/messaging';

/**
 * `count` ids the in-process transport keeps in one lane whatever its lane count (one that divides
 * 64), so that events keyed by them and published together are delivered as one batch.
 */
export function idsInOneLane(count: number, next: () => string = newId): string[] {
  const first = next();
  const ids = [first];
  while (ids.length < count) {
    const id = next();
    if (partitionFor(id, 64) === partitionFor(first, 64)) ids.push(id);
  }
  return ids;
}
