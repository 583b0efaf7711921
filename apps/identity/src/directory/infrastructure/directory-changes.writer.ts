import { Injectable } from '@nestjs/common';
import { DirectoryEventType, newId, Topics } from '@ticketing/contracts';
import { newEvent, OutboxWriter } from '@ticketing/messaging';
import { Correlation } from '@ticketing/observability';
import { EntityManager } from 'typeorm';
import { DirectoryChanges, DirectoryEntityType } from '../domain/directory-record';

/**
 * Stores what a directory record's change left behind, in the transaction that stores the row:
 * its audit entries (the record's history; INSERT is the only statement the trail allows) and its
 * events on the directory topic, keyed by the record's id.
 */
@Injectable()
export class DirectoryChangesWriter {
  constructor(private readonly outbox: OutboxWriter) {}

  async write<T extends DirectoryEventType>(
    m: EntityManager,
    entityType: DirectoryEntityType,
    entityId: string,
    changes: DirectoryChanges<T>,
  ): Promise<void> {
    for (const note of changes.audit) {
      await m.query(
        `INSERT INTO identity.audit_entry (id, occurred_at, actor_id, actor_role, action, entity_type, entity_id, details, correlation_id)
         VALUES ($1, now(), $2, $3, $4, $5, $6, $7::jsonb, $8)`,
        [
          newId(),
          note.actor.id,
          note.actor.role,
          note.action,
          entityType,
          entityId,
          JSON.stringify(note.details),
          Correlation.id() ?? null,
        ],
      );
    }
    await this.outbox.append(
      m,
      Topics.Directory,
      changes.events.map((e) =>
        newEvent({
          type: e.type,
          aggregateId: entityId,
          aggregateVersion: e.version,
          actor: e.actor,
          payload: e.payload,
          occurredAt: e.at,
        }),
      ),
    );
  }
}
