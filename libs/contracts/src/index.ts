// First: every later validation in the process resolves a class's rules once (validation-metadata.ts).
export * from './validation-metadata';
export * from './clock';
export * from './event-envelope';
export * from './roles';
export * from './topics';
export * from './uuid';
export * from './problems';
export * from './events';
export * from './ticketing';
export * from './departments';
