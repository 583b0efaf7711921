export * from './directory.events';
export * from './dispatch.events';
export * from './ticket.events';
export * from './sla.events';
