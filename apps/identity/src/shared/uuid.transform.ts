/**
 * UUIDs are case-insensitive and stored lower case: a client's upper-case spelling must name the
 * same record, compare equal to it and be announced as stored.
 */
export const lowerCaseIds = ({ value }: { value: unknown }) => {
  const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);
  return Array.isArray(value) ? value.map(lower) : lower(value);
};
