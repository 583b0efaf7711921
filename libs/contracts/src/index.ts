export * from './event-envelope';
export * from './roles';
export * from './topics';
export * from './uuid';
export * from './problems';
export * from './events';
export * from './ticketing';
export * from './departments';
