import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PENDING_PASSWORD_EXTENSION } from '@ticketing/auth';
import { problemType } from '@ticketing/contracts';

/**
 * What every service's document says once, and what Nest's decorators cannot say for every
 * operation at once: the error body (RFC 9457 problem details) on every error response, the
 * account that must change its password on every 403, and Retry-After on every 429.
 */

export const PROBLEM_SCHEMA = 'ProblemDetails';
export const FIELD_ERROR_SCHEMA = 'FieldError';
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** The problem details schema, for a DTO property that holds a problem (a bulk action's refused item). */
export const PROBLEM_REF = { $ref: `#/components/schemas/${PROBLEM_SCHEMA}` };

const PASSWORD_CHANGE_REQUIRED =
  `or ${problemType('passwordChangeRequired')}: the account's password was set by an admin ` +
  '(a new account, or a reset) and must be changed first; until then the account may only read ' +
  'itself (GET /api/v1/identity/me) and change it (POST /api/v1/identity/auth/change-password)';

export const API_DESCRIPTION = `企业吹哨、部门报到 — the HTTP API of every service.

**Errors** are RFC 9457 \`application/problem+json\` (schema \`${PROBLEM_SCHEMA}\`) with a stable
\`type\` (\`urn:chuishao:problem:<code>\`): a 400 names every field at fault in \`errors\`; a stale
\`expectedVersion\` or \`If-Match\` is a 409 \`versionConflict\` with \`currentVersion\`; a record the
caller may not see is a 404, like one that does not exist.

**Authentication**: \`Authorization: Bearer <accessToken>\` from POST /api/v1/identity/auth/login on
every operation that lists the bearer scheme. Its 403 is either a role that may not call it, or
\`urn:chuishao:problem:passwordChangeRequired\`: an account whose password an admin set (a new
account, or a reset) may only read itself and change its password until it does.

**Rate limits** (429 with \`Retry-After\`, in seconds, and \`retryAfterSeconds\` in the body): log-in
attempts, self-registrations and password-reset redemptions share one count per client address
(\`LOGIN_RATE_LIMIT\` a minute, 20 by default, every identity instance counting together); 5 wrong
passwords for one account within 15 minutes lock it for 15 minutes (log in and change password);
submitting tickets is limited per user (\`TICKET_SUBMIT_PER_MINUTE\`, 30 by default).

**Unavailable**: a 503 with \`Retry-After\` while the database restarts or is out of connections, and
(standalone demo only) while the demo quarter is being written at start.

**Retries**: POST /api/v1/tickets, POST /api/v1/outreach/visits and POST /api/v1/meetings take an
optional \`Idempotency-Key\` header; a retry with the same key answers what the first call created.

**Events**: what the services tell each other is the event catalogue, \`docs/events.md\` in the
repository (each type with its payload and its consumers). The ledger (台账) chains every one of
them; GET /api/v1/ledger/entries lists them, its entries' \`type\` being one of the catalogue's names.`;

const SCHEMAS: Record<string, SchemaObject> = {
  [FIELD_ERROR_SCHEMA]: {
    type: 'object',
    description: 'One field at fault, by its path in the request (`contact.name`, `query.q`, `params.id`)',
    required: ['field', 'messages'],
    properties: {
      field: { type: 'string', example: 'title' },
      messages: { type: 'array', items: { type: 'string' }, example: ['title must not be empty'] },
    },
  },
  [PROBLEM_SCHEMA]: {
    type: 'object',
    description:
      'RFC 9457 problem details. Besides the members below, a problem may carry members of its own type (e.g. the tickets a possibleDuplicate matched).',
    required: ['type', 'title', 'status'],
    properties: {
      type: {
        type: 'string',
        description: 'stable: urn:chuishao:problem:<code>',
        example: problemType('validation'),
      },
      title: { type: 'string', example: 'Validation failed' },
      status: { type: 'integer', example: 400 },
      detail: { type: 'string', description: 'for the person who asked' },
      instance: { type: 'string', description: 'the request path', example: '/api/v1/tickets' },
      correlationId: { type: 'string', description: 'the id of this request in the logs' },
      errors: {
        type: 'array',
        items: { $ref: `#/components/schemas/${FIELD_ERROR_SCHEMA}` },
        description: 'a 400 (and a 409 for a value that is taken): every field at fault',
      },
      currentVersion: { type: 'integer', description: 'a 409 versionConflict: the version now' },
      currentStatus: { type: 'string', description: 'a 409 on a record whose status forbids the action' },
      state: {
        type: 'string',
        description: 'a 409 of the dispatch desk: the state that made the request fail',
      },
      retryAfterSeconds: { type: 'integer', description: 'a 429: as the Retry-After header says' },
    },
    additionalProperties: true,
  },
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

function operations(doc: OpenAPIObject): OperationObject[] {
  return Object.values(doc.paths).flatMap((item) =>
    METHODS.map((m) => item[m]).filter((op): op is OperationObject => !!op),
  );
}

const problemOfTypes = (codes: string[], extra: SchemaObject = {}): SchemaObject => ({
  allOf: [
    PROBLEM_REF,
    {
      type: 'object',
      ...extra,
      properties: {
        type: { type: 'string', enum: codes.map((c) => problemType(c)) },
        ...(extra.properties ?? {}),
      },
    },
  ],
});

/**
 * The whole document's shared parts, added to what the decorators wrote: run on the document that
 * SwaggerModule.createDocument returns, before it is served.
 */
export function completeApiDocument(doc: OpenAPIObject): OpenAPIObject {
  doc.info.description = API_DESCRIPTION;
  doc.components = { ...doc.components, schemas: { ...doc.components?.schemas, ...SCHEMAS } };
  for (const op of operations(doc)) {
    const secured = !!op.security?.length;
    const allowsPending = Reflect.get(op, PENDING_PASSWORD_EXTENSION) === true;
    for (const [code, entry] of Object.entries(op.responses)) {
      const status = Number(code);
      if (!(status >= 400)) continue;
      const response = entry as ResponseObject;
      let schema: SchemaObject | typeof PROBLEM_REF = PROBLEM_REF;
      if (status === 403 && secured) {
        schema = problemOfTypes(allowsPending ? ['forbidden'] : ['forbidden', 'passwordChangeRequired']);
        if (!allowsPending) response.description = `${response.description}; ${PASSWORD_CHANGE_REQUIRED}`;
      }
      if (status === 429) {
        schema = problemOfTypes(['tooManyRequests'], { required: ['retryAfterSeconds'] });
        response.headers = {
          'Retry-After': {
            description: 'seconds to wait before trying again',
            schema: { type: 'integer', minimum: 1 },
          },
          ...response.headers,
        };
      }
      if (!response.content) response.content = { [PROBLEM_MEDIA_TYPE]: { schema } };
    }
  }
  return doc;
}
