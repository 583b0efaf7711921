import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DirectoryEvents, Topics } from '@ticketing/contracts';
import { EventConsumers } from '@ticketing/messaging';
import { CopyDepartmentCommand } from '../commands/copy-department/copy-department.command';
import { CopyEnterpriseCommand } from '../commands/copy-enterprise/copy-enterprise.command';
import { CopyGridCommand } from '../commands/copy-grid/copy-grid.command';
import { CopyUserCommand } from '../commands/copy-user/copy-user.command';

/**
 * Keeps the copy of the directory outreach needs: enterprises with their grid (whom an instructor
 * visits), grids with their instructors (whose task list holds which enterprises), users' names
 * and roles (who is an instructor), departments (owners of needs, liaisons).
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
          case DirectoryEvents.gridUpserted: {
            const { id, code, name, instructorUserIds } = event.payload;
            await this.commands.execute(CopyGridCommand.create({ id, code, name, instructorUserIds, asOf }));
            return;
          }
          case DirectoryEvents.userUpserted: {
            const p = event.payload;
            await this.commands.execute(
              CopyUserCommand.create({
                id: p.id,
                displayName: p.displayName,
                role: p.role,
                gridIds: p.gridIds ?? [],
                departmentId: p.departmentId ?? null,
                enterpriseId: p.enterpriseId ?? null,
                active: p.active !== false,
                asOf,
              }),
            );
            return;
          }
          case DirectoryEvents.departmentUpserted: {
            const { id, code, name, active } = event.payload;
            await this.commands.execute(
              CopyDepartmentCommand.create({ id, code, name, active: active !== false, asOf }),
            );
            return;
          }
        }
      },
    });
  }
}
