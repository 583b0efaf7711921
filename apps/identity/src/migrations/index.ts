import { IdentityMessaging1763769600000 } from './1763769600000-identity-messaging';
import { IdentityDirectory1763769600001 } from './1763769600001-identity-directory';
import { IdentitySessions1765310000000 } from './1765310000000-identity-sessions';
import { IdentityLoginAttempts1765310000001 } from './1765310000001-identity-login-attempts';
import { IdentityRegistrationsAndResetLinks1765500000000 } from './1765500000000-identity-registrations-and-reset-links';

/** Every migration of the identity schema, in order. Committed; never generated at run time. */
export const identityMigrations = [
  IdentityMessaging1763769600000,
  IdentityDirectory1763769600001,
  IdentitySessions1765310000000,
  IdentityLoginAttempts1765310000001,
  IdentityRegistrationsAndResetLinks1765500000000,
];
