import { createParamDecorator, ExecutionContext, SetMetadata, applyDecorators } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtension,
  ApiForbiddenResponse,
  ApiQuery,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Role } from '@ticketing/contracts';
import { AuthUser } from './auth-user';

export const PUBLIC_KEY = 'auth:public';
export const ROLES_KEY = 'auth:roles';
export const PENDING_PASSWORD_KEY = 'auth:pending-password';
export const EVENT_STREAM_KEY = 'auth:event-stream';

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

/** Marks such an operation in the API document, whose 403s elsewhere name passwordChangeRequired. */
export const PENDING_PASSWORD_EXTENSION = 'x-allows-pending-password-change';

/**
 * Callable by a user who must still choose a new password (reading who they are, changing it).
 * Every other endpoint refuses such a user with 403 passwordChangeRequired.
 */
export const AllowPendingPasswordChange = () =>
  applyDecorators(SetMetadata(PENDING_PASSWORD_KEY, true), ApiExtension(PENDING_PASSWORD_EXTENSION, true));

/**
 * An event stream written by hand (an @Sse() route is one already): it may be opened with a
 * one-use stream ticket (`?ticket=`) instead of a bearer header, and it is closed when its
 * session ends.
 */
export const EventStream = () =>
  applyDecorators(
    SetMetadata(EVENT_STREAM_KEY, true),
    ApiQuery({
      name: 'ticket',
      required: false,
      description: 'a one-use stream ticket from POST /api/v1/identity/stream-tickets, for EventSource',
    }),
  );

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  const req = ctx.switchToHttp().getRequest<{ user?: AuthUser }>();
  if (!req.user) throw new Error('CurrentUser used on an endpoint without authentication');
  return req.user;
});
