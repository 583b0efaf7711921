import { Query } from '@ticketing/platform';

/** Every live subscription; only admins and the committee ask. */
export class ListSubscriptionsQuery extends Query {}
