import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DirectoryEvents, Topics } from '@ticketing/contracts';
import { EventConsumers } from '@ticketing/messaging';
import { CopyDepartmentCommand } from '../commands/copy-department/copy-department.command';
import { CopyEnterpriseCommand } from '../commands/copy-enterprise/copy-enterprise.command';
import { CopyUserCommand } from '../commands/copy-user/copy-user.command';

/**
 * Keeps the local copy of the directory this service needs: an enterprise's name and grid (who
 * may submit for it, and which grid a ticket belongs to), department names, and users' names,
 * roles and departments (a department's staff are who its tickets may be handed to).
 */
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
        const asOf = new Date(event.occurredAt);
        switch (event.type) {
          case DirectoryEvents.enterpriseUpserted: {
            const { id, name, gridId, active } = event.payload;
            await this.commands.execute(
              CopyEnterpriseCommand.create({
                id,
                name,
                gridId: gridId ?? null,
                active: active !== false,
                asOf,
              }),
            );
            return;
          }
          case DirectoryEvents.departmentUpserted: {
            const { id, code, name, nameEn, active } = event.payload;
            await this.commands.execute(
              CopyDepartmentCommand.create({
                id,
                code,
                name,
                nameEn: nameEn ?? null,
                active: active !== false,
                asOf,
              }),
            );
            return;
          }
          case DirectoryEvents.userUpserted: {
            const { id, displayName, role, departmentId, active } = event.payload;
            await this.commands.execute(
              CopyUserCommand.create({
                id,
                displayName,
                role,
                departmentId: departmentId ?? null,
                active: active !== false,
                asOf,
              }),
            );
            return;
          }
        }
      },
    });
  }
}
