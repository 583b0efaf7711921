import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { expectVersion, notFound } from '@ticketing/platform';
import { ReceiverAddresses } from '../../../channels/domain/receiver-addresses';
import { NOTIFY_SETTINGS, NotifySettings } from '../../../notify.env';
import { SubscriptionRepository } from '../../domain/subscription.repository';
import { SubscriptionResponseDto } from '../../subscription.response.dto';
import { assertReceiverAllowed, definitionFrom } from '../create-subscription/create-subscription.handler';
import { ReplaceSubscriptionCommand } from './replace-subscription.command';

/**
 * Replaces a whole definition (e.g. a new robot key after a leak). Deliveries already queued keep
 * their message and use the new target. The same definition again changes nothing.
 */
@CommandHandler(ReplaceSubscriptionCommand)
export class ReplaceSubscriptionHandler implements ICommandHandler<
  ReplaceSubscriptionCommand,
  SubscriptionResponseDto
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly subscriptions: SubscriptionRepository,
    private readonly receivers: ReceiverAddresses,
    @Inject(NOTIFY_SETTINGS) private readonly settings: NotifySettings,
  ) {}

  async execute(c: ReplaceSubscriptionCommand): Promise<SubscriptionResponseDto> {
    // Before the row is locked: the check may wait on DNS. A URL's shape is judged with the rest below.
    await assertReceiverAllowed(this.receivers, c.url);
    return this.uow.transaction(async () => {
      const sub = await this.subscriptions.lock(c.id);
      if (!sub) throw notFound('subscription', c.id);
      const definition = definitionFrom(sub.completeReplacement(c), this.settings);
      expectVersion(sub.version, c.expectedVersion, `subscription ${c.id}`);
      if (sub.replace(definition, new Date())) await this.subscriptions.save(sub);
      return SubscriptionResponseDto.of(sub);
    });
  }
}
