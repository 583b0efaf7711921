import { call, Reply } from '../../bench/load/http';

/**
 * Requests a careless or hostile client sends: broken JSON, missing fields, wrong types, a body
 * over the limit, bad or missing tokens, wrong content types, bad headers and ids. Each must be
 * refused with a 4xx (never a 5xx) and must not write anything.
 */
export interface Malformed {
  name: string;
  send: () => Promise<Reply>;
}

export function malformedRequests(
  routes: { identity: string; ticket: string; ledger: string },
  tokens: { enterprise: string; department: string; admin: string },
  ticketId: string,
): Malformed[] {
  const T = routes.ticket;
  const I = routes.identity;
  const json = { 'content-type': 'application/json' };
  const valid = {
    title: '格式错误测试',
    description: '不应写入',
    category: 'legal',
    contact: { name: '王', phone: '13800138000' },
  };
  const huge = JSON.stringify({ ...valid, description: 'x'.repeat(2 * 1024 * 1024) });
  const deep = '['.repeat(5000) + ']'.repeat(5000);
  const list: Malformed[] = [
    {
      name: 'submit: broken JSON',
      send: () =>
        call(T, 'POST', '/api/v1/tickets', {
          token: tokens.enterprise,
          raw: '{"title": "半截',
          headers: json,
        }),
    },
    {
      name: 'submit: empty object',
      send: () => call(T, 'POST', '/api/v1/tickets', { token: tokens.enterprise, body: {} }),
    },
    {
      name: 'submit: JSON null',
      send: () =>
        call(T, 'POST', '/api/v1/tickets', { token: tokens.enterprise, raw: 'null', headers: json }),
    },
    {
      name: 'submit: JSON array',
      send: () =>
        call(T, 'POST', '/api/v1/tickets', { token: tokens.enterprise, raw: '[1,2,3]', headers: json }),
    },
    {
      name: 'submit: missing contact',
      send: () =>
        call(T, 'POST', '/api/v1/tickets', {
          token: tokens.enterprise,
          body: { ...valid, contact: undefined },
        }),
    },
    {
      name: 'submit: wrong types',
      send: () =>
        call(T, 'POST', '/api/v1/tickets', {
          token: tokens.enterprise,
          body: { title: 5, description: [], category: {}, contact: 'x', urgency: 7 },
        }),
    },
    {
      name: 'submit: unknown field',
      send: () =>
        call(T, 'POST', '/api/v1/tickets', {
          token: tokens.enterprise,
          body: { ...valid, status: 'closed' },
        }),
    },
    {
      name: 'submit: title too long',
      send: () =>
        call(T, 'POST', '/api/v1/tickets', {
          token: tokens.enterprise,
          body: { ...valid, title: '长'.repeat(101) },
        }),
    },
    {
      name: 'submit: unknown category',
      send: () =>
        call(T, 'POST', '/api/v1/tickets', {
          token: tokens.enterprise,
          body: { ...valid, category: 'nope' },
        }),
    },
    {
      name: 'submit: bad attachment ids',
      send: () =>
        call(T, 'POST', '/api/v1/tickets', {
          token: tokens.enterprise,
          body: { ...valid, attachmentIds: ['../../etc/passwd'] },
        }),
    },
    {
      name: 'submit: 2 MB body',
      send: () => call(T, 'POST', '/api/v1/tickets', { token: tokens.enterprise, raw: huge, headers: json }),
    },
    {
      name: 'submit: deeply nested JSON',
      send: () => call(T, 'POST', '/api/v1/tickets', { token: tokens.enterprise, raw: deep, headers: json }),
    },
    {
      name: 'submit: text/plain',
      send: () =>
        call(T, 'POST', '/api/v1/tickets', {
          token: tokens.enterprise,
          raw: JSON.stringify(valid),
          headers: { 'content-type': 'text/plain' },
        }),
    },
    {
      name: 'submit: XML',
      send: () =>
        call(T, 'POST', '/api/v1/tickets', {
          token: tokens.enterprise,
          raw: '<ticket><title>x</title></ticket>',
          headers: { 'content-type': 'application/xml' },
        }),
    },
    {
      name: 'submit: form-encoded',
      send: () =>
        call(T, 'POST', '/api/v1/tickets', {
          token: tokens.enterprise,
          raw: 'title=x&description=y&category=legal',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
    },
    {
      name: 'submit: bad Idempotency-Key',
      send: () =>
        call(T, 'POST', '/api/v1/tickets', {
          token: tokens.enterprise,
          body: valid,
          headers: { 'idempotency-key': 'k'.repeat(300) },
        }),
    },
    {
      name: 'submit: garbage token',
      send: () => call(T, 'POST', '/api/v1/tickets', { token: 'not.a.jwt', body: valid }),
    },
    {
      name: 'submit: forged token',
      send: () => call(T, 'POST', '/api/v1/tickets', { token: forged(), body: valid }),
    },
    { name: 'submit: no token', send: () => call(T, 'POST', '/api/v1/tickets', { body: valid }) },
    {
      name: 'submit: Basic auth',
      send: () =>
        call(T, 'POST', '/api/v1/tickets', {
          body: valid,
          headers: { authorization: 'Basic YWRtaW46YWRtaW4=' },
        }),
    },
    {
      name: 'submit: department role',
      send: () => call(T, 'POST', '/api/v1/tickets', { token: tokens.department, body: valid }),
    },
    {
      name: 'acknowledge: expectedVersion text',
      send: () =>
        call(T, 'POST', `/api/v1/tickets/${ticketId}/acknowledge`, {
          token: tokens.department,
          body: { expectedVersion: 'abc' },
        }),
    },
    {
      name: 'acknowledge: no expectedVersion',
      send: () =>
        call(T, 'POST', `/api/v1/tickets/${ticketId}/acknowledge`, { token: tokens.department, body: {} }),
    },
    {
      name: 'acknowledge: broken JSON',
      send: () =>
        call(T, 'POST', `/api/v1/tickets/${ticketId}/acknowledge`, {
          token: tokens.department,
          raw: '{"expectedVersion": ',
          headers: json,
        }),
    },
    {
      name: 'acknowledge: id not a uuid',
      send: () =>
        call(T, 'POST', `/api/v1/tickets/${encodeURIComponent("1' OR '1'='1")}/acknowledge`, {
          token: tokens.department,
          body: { expectedVersion: 1 },
        }),
    },
    {
      name: 'feedback: bad satisfaction',
      send: () =>
        call(T, 'POST', `/api/v1/tickets/${ticketId}/feedback`, {
          token: tokens.enterprise,
          body: { expectedVersion: 1, contacted: 'yes', solved: 1, satisfaction: 'great' },
        }),
    },
    {
      name: 'resolve: huge version',
      send: () =>
        call(T, 'POST', `/api/v1/tickets/${ticketId}/resolve`, {
          token: tokens.department,
          body: { expectedVersion: 1e308, result: 'x' },
        }),
    },
    {
      name: 'list: bad query',
      send: () =>
        call(T, 'GET', '/api/v1/tickets?limit=-5&status=nope&cursor=%00%ff', { token: tokens.department }),
    },
    {
      name: 'login: broken JSON',
      send: () => call(I, 'POST', '/api/v1/identity/auth/login', { raw: '{"username":', headers: json }),
    },
    {
      name: 'login: wrong types',
      send: () =>
        call(I, 'POST', '/api/v1/identity/auth/login', {
          body: { username: { $ne: null }, password: ['x'] },
        }),
    },
    // Not here: a wrong password is well-formed, and recording it is the lockout at work.
    {
      name: 'create user: wrong types',
      send: () =>
        call(I, 'POST', '/api/v1/identity/users', {
          token: tokens.admin,
          body: { username: 7, role: 'god', initialPassword: 1 },
        }),
    },
    {
      name: 'create user: 2 MB body',
      send: () =>
        call(I, 'POST', '/api/v1/identity/users', { token: tokens.admin, raw: huge, headers: json }),
    },
    {
      name: 'create user: as enterprise',
      send: () =>
        call(I, 'POST', '/api/v1/identity/users', {
          token: tokens.enterprise,
          body: { username: 'intruder', displayName: 'x', role: 'admin', initialPassword: 'Intrude2026x' },
        }),
    },
    { name: 'ledger verify: no token', send: () => call(routes.ledger, 'GET', '/api/v1/ledger/verify') },
    {
      name: 'ledger verify: enterprise',
      send: () => call(routes.ledger, 'GET', '/api/v1/ledger/verify', { token: tokens.enterprise }),
    },
  ];
  return list;
}

/** A well-formed HS256 token signed with the wrong key. */
function forged(): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'x', role: 'admin', exp: Math.floor(Date.now() / 1000) + 600 })}.${Buffer.from('bad-signature').toString('base64url')}`;
}
