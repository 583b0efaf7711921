import { DirectoryEventType } from '@ticketing/contracts';
import { AuditNote, DirectoryChanges, DirectoryEntityType, DirectoryEvent } from '../domain/directory-record';

export interface AuditLine extends AuditNote {
  entityType: DirectoryEntityType;
  entityId: string;
}

export interface OutboxLine<T extends DirectoryEventType> extends DirectoryEvent<T> {
  aggregateId: string;
}

/**
 * What the in-memory repositories of handler specs store besides the row: the audit lines and the
 * events, in the order they were saved (the TypeORM repositories write them to audit_entry and the
 * outbox).
 */
export class RecordedChanges<T extends DirectoryEventType> {
  readonly events: OutboxLine<T>[] = [];
  readonly audit: AuditLine[] = [];

  constructor(private readonly entityType: DirectoryEntityType) {}

  add(entityId: string, changes: DirectoryChanges<T>): void {
    this.events.push(...changes.events.map((e) => ({ ...e, aggregateId: entityId })));
    this.audit.push(...changes.audit.map((a) => ({ ...a, entityType: this.entityType, entityId })));
  }
}
