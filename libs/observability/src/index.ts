export * from './correlation';
export * from './health';
export * from './logger';
export * from './metrics';
