import { ExecutionContext } from '@nestjs/common';
import { SSE_METADATA } from '@nestjs/common/constants';
import { EventEmitter } from 'node:events';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@ticketing/contracts';
import { AuthGuard } from './auth.guard';
import { AuthUser } from './auth-user';
import { EVENT_STREAM_KEY, PENDING_PASSWORD_KEY, ROLES_KEY } from './decorators';
import { SessionRevocations } from './session-revocations';
import { StreamTickets } from './stream-tickets';
import { TokenService } from './token.service';

const tokens = new TokenService('s'.repeat(40));

/** A response as far as the guard sees one: `end()` finishes it and then closes it, telling whoever listens. */
class FakeResponse extends EventEmitter {
  destroyed = false;
  writableEnded = false;
  end(): void {
    this.writableEnded = true;
    this.emit('finish');
    this.emit('close');
  }
}

interface Call {
  token?: string;
  query?: Record<string, unknown>;
  path?: string;
  res?: FakeResponse;
}

function contextFor(call: string | Call, metadata: Record<string, unknown>): ExecutionContext {
  const c: Call = typeof call === 'string' ? { token: call } : call;
  const handler = () => undefined;
  for (const [k, v] of Object.entries(metadata)) Reflect.defineMetadata(k, v, handler);
  const req = {
    headers: c.token ? { authorization: `Bearer ${c.token}` } : {},
    query: c.query ?? {},
    path: c.path ?? '/api/v1/notify/stream',
  };
  const res = c.res ?? new FakeResponse();
  return {
    getType: () => 'http',
    getHandler: () => handler,
    getClass: () => class {},
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }),
  } as unknown as ExecutionContext;
}

const guardWith = (revocations = new SessionRevocations(), tickets = new StreamTickets()) =>
  new AuthGuard(new Reflector(), tokens, revocations, tickets);

describe('AuthGuard and a password that must be changed', () => {
  const guard = guardWith();
  const pending: AuthUser = {
    id: 'u1',
    role: 'enterprise',
    name: '新用户',
    enterpriseId: 'e1',
    passwordChangeRequired: true,
  };

  it('carries the duty in the token, and back out', () => {
    expect(tokens.verify(tokens.sign(pending).token)).toMatchObject({ passwordChangeRequired: true });
    const { passwordChangeRequired: _, ...settled } = pending;
    expect(tokens.verify(tokens.sign(settled).token).passwordChangeRequired).toBeUndefined();
  });

  it('refuses every endpoint but the ones that allow it', () => {
    const token = tokens.sign(pending).token;
    expect(() => guard.canActivate(contextFor(token, { [ROLES_KEY]: ['enterprise'] }))).toThrow(DomainError);
    expect(
      guard.canActivate(contextFor(token, { [ROLES_KEY]: ['enterprise'], [PENDING_PASSWORD_KEY]: true })),
    ).toBe(true);
  });

  it('lets the same user through once the password is changed', () => {
    const { passwordChangeRequired: _, ...settled } = pending;
    expect(guard.canActivate(contextFor(tokens.sign(settled).token, { [ROLES_KEY]: ['enterprise'] }))).toBe(
      true,
    );
  });
});

describe('AuthGuard and ended sessions', () => {
  const user: AuthUser = {
    id: 'u2',
    role: 'department',
    name: '人社局',
    departmentId: 'd1',
    sessionId: 's-1',
  };
  const roles = { [ROLES_KEY]: ['department'] };

  it('refuses tokens issued before a revocation of the user, and accepts one issued after', () => {
    const revocations = new SessionRevocations();
    const guard = guardWith(revocations);
    const t0 = Date.now();
    const before = tokens.sign(user, t0).token;
    expect(guard.canActivate(contextFor(before, roles))).toBe(true);
    revocations.apply({ userId: 'u2', sessionId: null, revokedAt: t0 + 5 });
    expect(() => guard.canActivate(contextFor(before, roles))).toThrow('this session has ended');
    // A token issued in the same second, after the revocation (a new login after a password reset).
    expect(guard.canActivate(contextFor(tokens.sign(user, t0 + 6).token, roles))).toBe(true);
  });

  it('a logout ends that session only: the same user’s other sessions go on', () => {
    const revocations = new SessionRevocations();
    const guard = guardWith(revocations);
    const now = Date.now();
    const phone = tokens.sign(user, now).token;
    const desk = tokens.sign({ ...user, sessionId: 's-2' }, now).token;
    revocations.apply({ userId: 'u2', sessionId: 's-1', revokedAt: now + 1 });
    expect(() => guard.canActivate(contextFor(phone, roles))).toThrow('this session has ended');
    expect(guard.canActivate(contextFor(desk, roles))).toBe(true);
  });
});

describe('AuthGuard and event streams', () => {
  const user: AuthUser = {
    id: 'u3',
    role: 'committee',
    name: '调度台',
    sessionId: 'desk',
    issuedAt: Date.now() - 1000,
  };
  const roles = { [ROLES_KEY]: ['committee'] };
  const stream = { ...roles, [EVENT_STREAM_KEY]: true };
  const ticketFor = (u: AuthUser = user, path = '/api/v1/notify/stream') =>
    tokens.signStreamTicket(u, path).ticket;

  it('never takes a token from the URL, on a stream or anywhere else', () => {
    const guard = guardWith();
    const access_token = tokens.sign(user).token;
    for (const metadata of [roles, stream])
      expect(() => guard.canActivate(contextFor({ query: { access_token } }, metadata))).toThrow(
        /an access token in the URL is refused/,
      );
  });

  it('opens a stream (an @Sse route or one marked @EventStream) with a stream ticket, once', async () => {
    const guard = guardWith();
    const ticket = ticketFor();
    for (const metadata of [stream, { ...roles, [SSE_METADATA]: true }]) {
      const t = metadata === stream ? ticket : ticketFor();
      await expect(guard.canActivate(contextFor({ query: { ticket: t } }, metadata))).resolves.toBe(true);
    }
    await expect(
      Promise.resolve().then(() => guard.canActivate(contextFor({ query: { ticket } }, stream))),
    ).rejects.toThrow('this stream ticket was used already');
  });

  it('refuses a ticket on a route that is no stream, for another stream, as a bearer token, or expired', async () => {
    const guard = guardWith();
    const open = (call: Call, metadata: Record<string, unknown>) =>
      Promise.resolve().then(() => guard.canActivate(contextFor(call, metadata)));
    await expect(open({ query: { ticket: ticketFor() } }, roles)).rejects.toThrow(
      'a bearer access token is required',
    );
    await expect(
      open({ query: { ticket: ticketFor(user, '/api/v1/ledger/stream') } }, stream),
    ).rejects.toThrow('the ticket is for another stream');
    await expect(open({ token: ticketFor() }, roles)).rejects.toThrow('not an access token');
    const old = tokens.signStreamTicket(user, '/api/v1/notify/stream', Date.now() - 31_000).ticket;
    await expect(open({ query: { ticket: old } }, stream)).rejects.toThrow('token expired');
    await expect(open({ query: { ticket: tokens.sign(user).token } }, stream)).rejects.toThrow(
      'not a stream ticket',
    );
  });

  it('refuses the ticket of an ended session, though the ticket itself is newer', async () => {
    const revocations = new SessionRevocations();
    const guard = guardWith(revocations);
    const ticket = ticketFor();
    revocations.apply({ userId: 'u3', sessionId: null, revokedAt: Date.now() - 500 });
    await expect(
      Promise.resolve().then(() => guard.canActivate(contextFor({ query: { ticket } }, stream))),
    ).rejects.toThrow('this session has ended');
  });

  it('closes an open stream when its session ends, and only that one', async () => {
    const revocations = new SessionRevocations();
    const guard = guardWith(revocations);
    const desk = new FakeResponse();
    const phone = new FakeResponse();
    const plain = new FakeResponse();
    await guard.canActivate(contextFor({ query: { ticket: ticketFor() }, res: desk }, stream));
    guard.canActivate(
      contextFor({ token: tokens.sign({ ...user, sessionId: 'phone' }).token, res: phone }, stream),
    );
    // Not a stream: nothing to watch.
    guard.canActivate(contextFor({ token: tokens.sign(user).token, res: plain }, roles));
    expect(revocations.watching).toBe(2);

    revocations.apply({ userId: 'u3', sessionId: 'desk', revokedAt: Date.now() });
    // Ended as a response ends, not cut (a cut chunked response is an error in the browser).
    expect([desk.writableEnded, phone.writableEnded, plain.writableEnded]).toEqual([true, false, false]);
    expect(desk.destroyed).toBe(false);
    expect(revocations.watching).toBe(1);

    revocations.apply({ userId: 'u3', sessionId: null, revokedAt: Date.now() });
    expect(phone.writableEnded).toBe(true);
    expect(revocations.watching).toBe(0);
  });

  it('stops watching a stream that closed on its own', () => {
    const revocations = new SessionRevocations();
    const res = new FakeResponse();
    guardWith(revocations).canActivate(contextFor({ token: tokens.sign(user).token, res }, stream));
    expect(revocations.watching).toBe(1);
    res.emit('close');
    expect(revocations.watching).toBe(0);
  });
});
