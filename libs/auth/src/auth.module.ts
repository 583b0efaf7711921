import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { SessionRevocations } from './session-revocations';
import { StreamTickets } from './stream-tickets';
import { TokenService } from './token.service';

/** Registers the token service and the global guard; the app shell imports it once per process. */
@Global()
@Module({})
export class AuthModule {
  static forRoot(opts: { secret: string; accessTokenTtlSeconds?: number }): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: TokenService, useValue: new TokenService(opts.secret, opts.accessTokenTtlSeconds) },
        { provide: SessionRevocations, useValue: new SessionRevocations() },
        { provide: StreamTickets, useValue: new StreamTickets() },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [TokenService, SessionRevocations, StreamTickets],
    };
  }
}
