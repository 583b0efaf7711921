import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

type Lookup = (
  target: Function, // eslint-disable-line @typescript-eslint/no-unsafe-function-type
  schema: string,
  always: boolean,
  strictGroups: boolean,
  groups?: string[],
) => ValidationMetadata[];

const MEMOIZED = Symbol.for('ticketing.validation-metadata.memoized');

/**
 * class-validator resolves a class's rules on every `validate` by testing every registered class
 * for being an ancestor (`MetadataStorage.getTargetValidationMetadatas`, an open upstream issue,
 * typestack/class-validator#2686). With a few hundred validated classes (DTOs, commands, event
 * payloads) that scan was the largest single cost of a ticket's intake in the service's CPU
 * profile (7 % of self time under load). The rules of a class never change once its module has
 * loaded, so the answer is kept per class and per argument set, and every kept answer is dropped
 * whenever a rule is registered (a class loaded later). Installed once per process, on the one
 * storage every caller shares (Nest's ValidationPipe included); see ADR 0016.
 */
export function memoizeValidationMetadata(): void {
  const storage = getMetadataStorage() as ReturnType<typeof getMetadataStorage> & { [MEMOIZED]?: true };
  if (storage[MEMOIZED]) return;
  storage[MEMOIZED] = true;
  const resolve: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const register = storage.addValidationMetadata.bind(storage);
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  let kept = new WeakMap<Function, Map<string, ValidationMetadata[]>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (typeof target !== 'function') return resolve(target, schema, always, strictGroups, groups);
    let byArgs = kept.get(target);
    if (!byArgs) kept.set(target, (byArgs = new Map()));
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? '-'}`;
    let rules = byArgs.get(key);
    if (!rules) byArgs.set(key, (rules = resolve(target, schema, always, strictGroups, groups)));
    return rules;
  };
  storage.addValidationMetadata = (metadata: ValidationMetadata) => {
    kept = new WeakMap();
    register(metadata);
  };
}

memoizeValidationMetadata();
