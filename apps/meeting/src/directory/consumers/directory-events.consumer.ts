import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DirectoryEvents, Topics } from '@ticketing/contracts';
import { EventConsumers } from '@ticketing/messaging';
import { CopyDepartmentCommand } from '../commands/copy-department/copy-department.command';
import { CopyEnterpriseCommand } from '../commands/copy-enterprise/copy-enterprise.command';
import { CopyUserCommand } from '../commands/copy-user/copy-user.command';

/**
 * Keeps the copy of the directory the meeting service needs: departments (invited, leading or
 * co-handling a decision), enterprises (invited), users (the convenor's name). Grids play no part.
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
          case DirectoryEvents.departmentUpserted: {
            const { id, code, name, active } = event.payload;
            await this.commands.execute(
              CopyDepartmentCommand.create({ id, code, name, active: active !== false, asOf }),
            );
            return;
          }
          case DirectoryEvents.enterpriseUpserted: {
            const { id, name, active } = event.payload;
            await this.commands.execute(
              CopyEnterpriseCommand.create({ id, name, active: active !== false, asOf }),
            );
            return;
          }
          case DirectoryEvents.userUpserted: {
            const p = event.payload;
            await this.commands.execute(
              CopyUserCommand.create({
                id: p.id,
                displayName: p.displayName,
                role: p.role,
                active: p.active !== false,
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
