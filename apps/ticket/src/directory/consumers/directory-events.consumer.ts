import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  DepartmentUpsertedPayload,
  DirectoryEvents,
  EnterpriseUpsertedPayload,
  Topics,
} from '@ticketing/contracts';
import { EventConsumers } from '@ticketing/messaging';

/**
 * Keeps the local copy of the directory this service needs: an enterprise's name and grid (who
 * may submit for it, and which grid a ticket belongs to) and department names. Upserts are
 * applied only when newer than what we hold, so a late redelivery cannot roll a row back.
 */
@Injectable()
export class DirectoryEventsConsumer implements OnModuleInit {
  constructor(private readonly consumers: EventConsumers) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      name: 'directory-events',
      topics: [Topics.Directory],
      handle: async (event, manager) => {
        if (event.type === DirectoryEvents.enterpriseUpserted) {
          const p = event.payload as unknown as EnterpriseUpsertedPayload;
          await manager.query(
            `INSERT INTO ticket.directory_enterprises (id, name, grid_id, active, source_occurred_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, grid_id = EXCLUDED.grid_id, active = EXCLUDED.active,
               source_occurred_at = EXCLUDED.source_occurred_at
             WHERE ticket.directory_enterprises.source_occurred_at <= EXCLUDED.source_occurred_at`,
            [p.id, p.name, p.gridId ?? null, p.active !== false, event.occurredAt],
          );
        } else if (event.type === DirectoryEvents.departmentUpserted) {
          const p = event.payload as unknown as DepartmentUpsertedPayload;
          await manager.query(
            `INSERT INTO ticket.directory_departments (id, code, name, name_en, active, source_occurred_at) VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, name_en = EXCLUDED.name_en,
               active = EXCLUDED.active, source_occurred_at = EXCLUDED.source_occurred_at
             WHERE ticket.directory_departments.source_occurred_at <= EXCLUDED.source_occurred_at`,
            [p.id, p.code, p.name, p.nameEn ?? null, p.active !== false, event.occurredAt],
          );
        }
      },
    });
  }
}
