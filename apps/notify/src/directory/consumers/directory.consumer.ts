import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Topics } from '@ticketing/contracts';
import { EventConsumers } from '@ticketing/messaging';
import { RecordDirectoryEntryCommand } from '../commands/record-directory-entry/record-directory-entry.command';
import { isDirectoryEvent } from '../domain/directory-event';

/** identity's directory events, each applied as one command in its inbox transaction. */
@Injectable()
export class DirectoryConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly commands: CommandBus,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      name: 'directory',
      topics: [Topics.Directory],
      handle: async (event) => {
        if (!isDirectoryEvent(event)) return;
        await this.commands.execute(RecordDirectoryEntryCommand.create({ event }));
      },
    });
  }
}
