/** DI tokens of the identity module. */
export const IDENTITY_SETTINGS = Symbol('IDENTITY_SETTINGS');
/** How the answer to a failed login is held back: a timer in the service, a recorder in specs. */
export const LOGIN_FAILURE_DELAY = Symbol('LOGIN_FAILURE_DELAY');
