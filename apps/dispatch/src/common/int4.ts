/** The largest value of a PostgreSQL integer (int4) column, such as a version: past it a number is a bad field. */
export const MAX_INT4 = 2_147_483_647;
