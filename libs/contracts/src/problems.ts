/**
 * The stable error vocabulary of the HTTP API (RFC 9457 `type` values). Domain code throws
 * DomainError with one of these codes; the HTTP shell maps it to a problem+json response.
 */
export const ProblemCodes = {
  validation: 400,
  badRequest: 400,
  unauthorized: 401,
  forbidden: 403,
  passwordChangeRequired: 403,
  notFound: 404,
  conflict: 409,
  illegalTransition: 409,
  versionConflict: 409,
  /** A submission looks like one of the enterprise's own open tickets; resend it confirmed to file it anyway. */
  possibleDuplicate: 409,
  payloadTooLarge: 413,
  unsupportedMediaType: 415,
  unprocessable: 422,
  tooManyRequests: 429,
  internal: 500,
  unavailable: 503,
} as const;
export type ProblemCode = keyof typeof ProblemCodes;

export const problemType = (code: ProblemCode | string): string => `urn:chuishao:problem:${code}`;

/** A rule of the domain was broken; the message is for the person who asked. */
export class DomainError extends Error {
  constructor(
    readonly code: ProblemCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
