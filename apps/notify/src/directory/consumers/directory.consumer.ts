import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  DepartmentUpsertedPayload,
  DirectoryEvents,
  EnterpriseUpsertedPayload,
  Topics,
  UserUpsertedPayload,
} from '@ticketing/contracts';
import { EventConsumers } from '@ticketing/messaging';
import { DirectoryStore } from '../infrastructure/directory.store';

/** Keeps notify's copy of names and users current, so messages and recipients need no call to identity. */
@Injectable()
export class DirectoryConsumer implements OnModuleInit {
  constructor(private readonly consumers: EventConsumers) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      name: 'directory',
      topics: [Topics.Directory],
      handle: async (event, manager) => {
        const p = event.payload as unknown;
        if (event.type === DirectoryEvents.departmentUpserted)
          await DirectoryStore.upsertDepartment(manager, p as DepartmentUpsertedPayload);
        else if (event.type === DirectoryEvents.enterpriseUpserted)
          await DirectoryStore.upsertEnterprise(manager, p as EnterpriseUpsertedPayload);
        else if (event.type === DirectoryEvents.userUpserted)
          await DirectoryStore.upsertUser(manager, p as UserUpsertedPayload);
      },
    });
  }
}
