import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Topics } from '@ticketing/contracts';
import { EventConsumers } from '@ticketing/messaging';
import { DeliverBulletinCommand } from '../commands/deliver-bulletin/deliver-bulletin.command';
import { isBulletinPublished } from '../domain/bulletin-message';

/**
 * The ledger's bulletins (工作通报), in a consumer group of their own (notify.bulletins): each one
 * becomes one command, applied in the event's inbox transaction, so it is delivered once.
 */
@Injectable()
export class BulletinConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly commands: CommandBus,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      name: 'bulletins',
      topics: [Topics.Ledger],
      handle: async (event) => {
        if (!isBulletinPublished(event)) return;
        await this.commands.execute(DeliverBulletinCommand.create({ event }));
      },
    });
  }
}
