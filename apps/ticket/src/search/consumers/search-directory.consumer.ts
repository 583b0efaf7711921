import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DirectoryEvents, Topics } from '@ticketing/contracts';
import { EventConsumers } from '@ticketing/messaging';
import { RecordEnterpriseCodeCommand } from '../commands/record-enterprise-code/record-enterprise-code.command';

/**
 * Search's own reading of the directory (group ticket.search-directory): an enterprise's credit
 * code and current name, so its tickets are found by them. On Kafka a new group starts from the
 * earliest retained event, so an existing zone's enterprises arrive on first start.
 */
@Injectable()
export class SearchDirectoryConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly commands: CommandBus,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      name: 'search-directory',
      topics: [Topics.Directory],
      handle: async (event) => {
        switch (event.type) {
          case DirectoryEvents.enterpriseUpserted: {
            const { id, name, creditCode } = event.payload;
            await this.commands.execute(
              RecordEnterpriseCodeCommand.create({ id, name, creditCode, asOf: new Date(event.occurredAt) }),
            );
            return;
          }
        }
      },
    });
  }
}
