/**
 * Thrown when a calendar cannot be built (a bad notice, bad working hours, a bad time zone).
 * One line per problem so an admin API can return the list as it is.
 */
export class CalendarConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'CalendarConfigError';
  }
}
