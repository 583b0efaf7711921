import { DirectoryEvents, DirectoryEventType, DomainEvent } from '@ticketing/contracts';

/** An event of identity's directory. */
export type DirectoryEvent = Extract<DomainEvent, { type: DirectoryEventType }>;

const TYPES: ReadonlySet<string> = new Set(Object.values(DirectoryEvents));

export const isDirectoryEvent = (e: DomainEvent): e is DirectoryEvent => TYPES.has(e.type);
