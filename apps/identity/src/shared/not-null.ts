import { ValidateIf } from 'class-validator';

/**
 * For a PATCH field that may be left out but never cleared: `undefined` skips it, `null` is
 * checked like any other value and refused by the field's type rule (@IsOptional would let null
 * through to a NOT NULL column).
 */
export const OmittedOrValid = () => ValidateIf((_: unknown, v: unknown) => v !== undefined);
