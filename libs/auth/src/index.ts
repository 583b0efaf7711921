export * from './auth-user';
export * from './auth.guard';
export * from './auth.module';
export * from './decorators';
export * from './token.service';
export * from './ticket-visibility';
export * from './session-revocations';
export * from './stream-tickets';
