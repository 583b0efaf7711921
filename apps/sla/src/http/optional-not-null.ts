import { ValidateIf } from 'class-validator';

/**
 * An optional body field: absent, or valid. Unlike IsOptional, null is not taken for absent: it is
 * checked, and refused, like any other value of the wrong type.
 */
export const OptionalNotNull = (): PropertyDecorator => ValidateIf((_, value) => value !== undefined);
