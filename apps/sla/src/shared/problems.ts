import { DomainError } from '@ticketing/contracts';
import { FieldProblem } from '../policies/domain/policy';

/** A 400 that names every field at fault, shaped like the validation pipe's problems. */
export function validationError(summary: string, errors: FieldProblem[]): DomainError {
  return new DomainError(
    'validation',
    `${summary}: ${errors.map((e) => `${e.field}: ${e.messages.join('; ')}`).join(' | ')}`,
    { errors },
  );
}
