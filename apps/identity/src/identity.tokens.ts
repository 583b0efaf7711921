/** DI tokens of the identity module. */
export const IDENTITY_SETTINGS = Symbol('IDENTITY_SETTINGS');
export const LOGIN_THROTTLE_STORAGE = Symbol('LOGIN_THROTTLE_STORAGE');
