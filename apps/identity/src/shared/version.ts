/** Versions are `integer` (int4) columns: a larger expectedVersion can only be a mistake, refused at the edge. */
export const MAX_VERSION = 2_147_483_647;
