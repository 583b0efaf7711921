import { IdentityMessaging1763769600000 } from './1763769600000-identity-messaging';
import { IdentityDirectory1763769600001 } from './1763769600001-identity-directory';

/** Every migration of the identity schema, in order. Committed; never generated at run time. */
export const identityMigrations = [IdentityMessaging1763769600000, IdentityDirectory1763769600001];
