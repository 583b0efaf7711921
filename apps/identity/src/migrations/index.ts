import { IdentityMessaging1763769600000 } from './1763769600000-identity-messaging';

/** Every migration of the identity schema, in order. Committed; never generated at run time. */
export const identityMigrations = [IdentityMessaging1763769600000];
