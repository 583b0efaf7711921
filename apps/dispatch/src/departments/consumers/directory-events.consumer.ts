import { Injectable, OnModuleInit } from '@nestjs/common';
import { DepartmentUpsertedPayload, DirectoryEvents, Topics } from '@ticketing/contracts';
import { EventConsumers } from '@ticketing/messaging';
import { DepartmentOrmEntity } from '../infrastructure/department.orm-entity';

/** Keeps the desk's copy of the departments current, so rules and decisions name real ones. */
@Injectable()
export class DirectoryEventsConsumer implements OnModuleInit {
  constructor(private readonly consumers: EventConsumers) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      name: 'directory-events',
      topics: [Topics.Directory],
      handle: async (event, manager) => {
        if (event.type !== DirectoryEvents.departmentUpserted) return;
        const p = event.payload as unknown as DepartmentUpsertedPayload;
        if (!p.id || !p.name) throw new Error('directory.department-upserted without id or name');
        await manager.upsert(
          DepartmentOrmEntity,
          {
            id: p.id,
            code: p.code ?? p.id,
            name: p.name,
            nameEn: p.nameEn ?? null,
            active: p.active !== false,
            updatedAt: new Date(event.occurredAt),
          },
          ['id'],
        );
      },
    });
  }
}
