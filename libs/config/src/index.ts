export * from './base.env';
export * from './config.error';
export * from './load-config';
