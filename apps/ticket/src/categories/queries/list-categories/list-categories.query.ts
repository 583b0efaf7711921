import { Query } from '@ticketing/platform';

/** The active categories, in the committee's order. */
export class ListCategoriesQuery extends Query {}
