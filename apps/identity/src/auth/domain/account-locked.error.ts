import { DomainError } from '@ticketing/contracts';

/** Too many wrong passwords for one name: answered 429 with Retry-After. */
export class AccountLockedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'tooManyRequests',
      `too many failed logins: this account is locked; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`,
      {
        retryAfterSeconds,
      },
    );
  }
}
