import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@ticketing/contracts';
import { AuthGuard } from './auth.guard';
import { AuthUser } from './auth-user';
import { PENDING_PASSWORD_KEY, ROLES_KEY } from './decorators';
import { TokenService } from './token.service';

const tokens = new TokenService('s'.repeat(40));

function contextFor(token: string, metadata: Record<string, unknown>): ExecutionContext {
  const handler = () => undefined;
  for (const [k, v] of Object.entries(metadata)) Reflect.defineMetadata(k, v, handler);
  return {
    getType: () => 'http',
    getHandler: () => handler,
    getClass: () => class {},
    switchToHttp: () => ({
      getRequest: () => ({ headers: { authorization: `Bearer ${token}` }, query: {} }),
    }),
  } as unknown as ExecutionContext;
}

describe('AuthGuard and a password that must be changed', () => {
  const guard = new AuthGuard(new Reflector(), tokens);
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
