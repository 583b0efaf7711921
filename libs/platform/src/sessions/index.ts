export * from './session-revocation.sql';
export * from './session-revocation.feed';
