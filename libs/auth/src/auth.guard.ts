import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, Role } from '@ticketing/contracts';
import { AuthUser } from './auth-user';
import { PENDING_PASSWORD_KEY, PUBLIC_KEY, ROLES_KEY } from './decorators';
import { InvalidTokenError, TokenService } from './token.service';

/**
 * The one place each app decides who may call what: a bearer token is required unless the
 * endpoint is @Public(); its role must be among the endpoint's @Roles(). Ownership (which ticket,
 * which department) is checked by the use case against the caller's scope claims.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const req = ctx.switchToHttp().getRequest<{
      headers: Record<string, string | undefined>;
      user?: AuthUser;
      query?: Record<string, unknown>;
    }>();
    const header = req.headers.authorization;
    // EventSource cannot set headers; SSE endpoints accept the token as ?access_token=.
    const fromQuery =
      typeof req.query?.access_token === 'string' ? (req.query.access_token as string) : undefined;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : fromQuery;
    if (!token) throw new UnauthorizedException('a bearer access token is required');
    let user: AuthUser;
    try {
      user = this.tokens.verify(token);
    } catch (e) {
      throw new UnauthorizedException(
        e instanceof InvalidTokenError ? `invalid access token: ${e.message}` : 'invalid access token',
      );
    }
    req.user = user;
    if (!roles) throw new ForbiddenException('this endpoint declares no roles; nobody may call it');
    if (!roles.includes(user.role)) {
      throw new ForbiddenException(`role ${user.role} may not call this; allowed: ${roles.join(', ')}`);
    }
    // An initial or reset password is known to the admin who set it: nothing else until it is changed.
    if (
      user.passwordChangeRequired &&
      !this.reflector.getAllAndOverride<boolean>(PENDING_PASSWORD_KEY, targets)
    ) {
      throw new DomainError(
        'passwordChangeRequired',
        'choose a new password first (POST /api/v1/identity/auth/change-password)',
      );
    }
    return true;
  }
}
