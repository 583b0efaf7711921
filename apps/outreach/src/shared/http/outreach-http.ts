import { Param, PipeTransform } from '@nestjs/common';
import { invalidField } from '@ticketing/platform';

/** Mainland mobile (optionally +86) or a landline with its area code (0851-3312345, extension allowed). */
export const CN_PHONE = /^(?:(?:\+?86[- ]?)?1[3-9]\d{9}|0\d{2,3}[- ]?\d{7,8}(?:-\d{1,6})?)$/;
export const PHONE_MESSAGE =
  'must be a mainland China mobile (13800138000) or landline with area code (0851-3312345)';

/** Identity's ids (enterprises, users, departments, grids) are its to shape: visible ASCII, bounded. */
export const EXTERNAL_ID = /^[A-Za-z0-9._:-]{1,100}$/;

class ExternalIdPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}
  transform(value: string): string {
    if (typeof value !== 'string' || !EXTERNAL_ID.test(value))
      throw invalidField(
        this.name,
        `${this.name} must be an id of 1 to 100 letters, digits, '.', '_', ':' or '-'`,
      );
    return value;
  }
}

/** A path parameter naming a record identity owns (an enterprise), refused like a bad body field. */
export const ExternalIdParam = (name: string) => Param(name, new ExternalIdPipe(name));
