import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DirectoryEvents, Topics } from '@ticketing/contracts';
import { EventConsumers } from '@ticketing/messaging';
import { UpsertDepartmentCommand } from '../commands/upsert-department/upsert-department.command';

/** identity's departments, so the desk's rules and decisions name real ones. */
@Injectable()
export class DirectoryEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly commands: CommandBus,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      name: 'directory-events',
      topics: [Topics.Directory],
      handle: async (event) => {
        switch (event.type) {
          case DirectoryEvents.departmentUpserted: {
            const p = event.payload;
            return this.commands.execute(
              UpsertDepartmentCommand.create({
                id: p.id,
                code: p.code,
                name: p.name,
                nameEn: p.nameEn ?? null,
                active: p.active,
                asOf: new Date(event.occurredAt),
              }),
            );
          }
        }
      },
    });
  }
}
