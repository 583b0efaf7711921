import { createParamDecorator, ExecutionContext, SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Role } from '@ticketing/contracts';
import { AuthUser } from './auth-user';

export const PUBLIC_KEY = 'auth:public';
export const ROLES_KEY = 'auth:roles';
export const PENDING_PASSWORD_KEY = 'auth:pending-password';

/** Anyone may call this endpoint, without a token (login, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * Only these roles may call the endpoint. Every endpoint declares @Public() or @Roles(...):
 * the guard refuses an endpoint that declares neither, so a forgotten declaration fails closed.
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'missing, malformed or expired access token' }),
    ApiForbiddenResponse({ description: `only ${roles.join(', ')} may call this` }),
  );

/**
 * Callable by a user who must still choose a new password (reading who they are, changing it).
 * Every other endpoint refuses such a user with 403 passwordChangeRequired.
 */
export const AllowPendingPasswordChange = () => SetMetadata(PENDING_PASSWORD_KEY, true);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  const req = ctx.switchToHttp().getRequest<{ user?: AuthUser }>();
  if (!req.user) throw new Error('CurrentUser used on an endpoint without authentication');
  return req.user;
});
