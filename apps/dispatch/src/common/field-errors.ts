import { DomainError } from '@ticketing/contracts';

/** Same shape as the validation pipe's errors, so every 400 of this service reads alike. */
export interface FieldError {
  field: string;
  messages: string[];
}

export function invalid(errors: FieldError[]): DomainError {
  return new DomainError(
    'validation',
    errors.map((e) => `${e.field}: ${e.messages.join('; ')}`).join(' | '),
    { errors },
  );
}
