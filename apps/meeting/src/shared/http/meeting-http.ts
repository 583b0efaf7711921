/** Identity's ids (enterprises, users, departments) are its to shape: visible ASCII, bounded. */
export const EXTERNAL_ID = /^[A-Za-z0-9._:-]{1,100}$/;
export const EXTERNAL_ID_MESSAGE = "must be an id of 1 to 100 letters, digits, '.', '_', ':' or '-'";

/** Largest lists a request may carry: an agenda, invitations, attendance, decisions. */
export const MAX_ITEMS = 100;
