import { Query } from '@ticketing/platform';

/** Recompute the chain and its seals from the rows as they are now. */
export class VerifyChainQuery extends Query {}
