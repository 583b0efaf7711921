import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { SSE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { DomainError, Role } from '@ticketing/contracts';
import { AuthUser } from './auth-user';
import { EVENT_STREAM_KEY, PENDING_PASSWORD_KEY, PUBLIC_KEY, ROLES_KEY } from './decorators';
import { SessionRevocations } from './session-revocations';
import { StreamTickets } from './stream-tickets';
import { InvalidTokenError, TokenService } from './token.service';

interface Request {
  headers: Record<string, string | undefined>;
  user?: AuthUser;
  query?: Record<string, unknown>;
  path?: string;
  url?: string;
}

interface Response {
  destroyed?: boolean;
  writableEnded?: boolean;
  end(): void;
  on(event: 'error', listener: (e: Error) => void): void;
  once(event: 'close', listener: () => void): void;
}

const ENDED = 'this session has ended; log in again';

/** The handler and its controller class, where the decorators put their metadata. */
type Targets = ReturnType<ExecutionContext['getHandler']>[];

/**
 * The one place each app decides who may call what: a bearer token is required unless the
 * endpoint is @Public(); its role must be among the endpoint's @Roles(). Ownership (which ticket,
 * which department) is checked by the use case against the caller's scope claims.
 *
 * Tokens never travel in a URL (proxies log URLs): an event stream, which EventSource opens
 * without headers, takes a one-use stream ticket (`?ticket=`, from POST
 * /api/v1/identity/stream-tickets) instead. A token of an ended session is refused, and an open
 * stream is closed when its session ends.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly revocations: SessionRevocations,
    private readonly streamTickets: StreamTickets,
  ) {}

  canActivate(ctx: ExecutionContext): boolean | Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const req = ctx.switchToHttp().getRequest<Request>();
    const stream =
      this.reflector.get<boolean>(SSE_METADATA, ctx.getHandler()) === true ||
      this.reflector.getAllAndOverride<boolean>(EVENT_STREAM_KEY, targets) === true;
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const user = this.admit(
        this.verified(() => this.tokens.verify(header.slice(7).trim())),
        req,
        roles,
        targets,
      );
      if (stream) this.closeWhenEnded(ctx, user);
      return true;
    }
    if (typeof req.query?.access_token === 'string')
      throw new UnauthorizedException(
        'an access token in the URL is refused (proxies log URLs): send it as Authorization: Bearer, or open an event stream with ?ticket= from POST /api/v1/identity/stream-tickets',
      );
    const ticket = req.query?.ticket;
    if (!stream || typeof ticket !== 'string')
      throw new UnauthorizedException('a bearer access token is required');
    return this.byTicket(ctx, req, ticket, roles, targets);
  }

  /** An event stream opened with a stream ticket: signed for this path, not expired, never shown before. */
  private async byTicket(
    ctx: ExecutionContext,
    req: Request,
    ticket: string,
    roles: Role[] | undefined,
    targets: Targets,
  ): Promise<boolean> {
    const path = req.path ?? (req.url ?? '').split('?')[0];
    const holder = this.verified(() => this.tokens.verifyStreamTicket(ticket, path), 'stream ticket');
    const { ticketId, expiresAt, ...user } = holder;
    this.admit(user, req, roles, targets);
    if (!(await this.streamTickets.redeem(ticketId, expiresAt)))
      throw new UnauthorizedException('this stream ticket was used already; ask for a new one');
    this.closeWhenEnded(ctx, user);
    return true;
  }

  private verified<T>(verify: () => T, what = 'access token'): T {
    try {
      return verify();
    } catch (e) {
      throw new UnauthorizedException(
        e instanceof InvalidTokenError ? `invalid ${what}: ${e.message}` : `invalid ${what}`,
      );
    }
  }

  private admit(user: AuthUser, req: Request, roles: Role[] | undefined, targets: Targets): AuthUser {
    // Deactivated, re-scoped, password reset or logged out: the session ended before the token expired.
    if (this.revocations.isRevoked(user)) throw new UnauthorizedException(ENDED);
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
    return user;
  }

  /**
   * The stream stays open only while its session lasts. It is ended as a response ends (the last
   * chunk sent, then 'close' for the stream's own clean-up), never cut: a browser reports a cut
   * chunked response as net::ERR_INCOMPLETE_CHUNKED_ENCODING on whatever page it shows by then —
   * the login page, after logging out. A frame that races the end is dropped, not thrown.
   */
  private closeWhenEnded(ctx: ExecutionContext, user: AuthUser): void {
    const res = ctx.switchToHttp().getResponse<Response>();
    const stop = this.revocations.watch(user, () => {
      if (res.destroyed || res.writableEnded) return;
      res.on('error', () => undefined);
      res.end();
    });
    res.once('close', stop);
  }
}
