export * from './bootstrap';
export * from './core.module';
export * from './problem-details.filter';
export * from './startup.error';
export * from './validation';
