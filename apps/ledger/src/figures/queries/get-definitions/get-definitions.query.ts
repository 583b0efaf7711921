import { Query } from '@ticketing/platform';

/** How every figure is defined. */
export class GetDefinitionsQuery extends Query {}
