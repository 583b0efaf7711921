import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
import { fieldProblem } from '@ticketing/platform';
import { ReceiverAddresses } from '../../../channels/domain/receiver-addresses';
import { NOTIFY_SETTINGS, NotifySettings } from '../../../notify.env';
import {
  buildSubscription,
  SubscriptionDefinition,
  SubscriptionInput,
} from '../../domain/subscription-definition';
import { Subscription } from '../../domain/subscription.aggregate';
import { SubscriptionRepository } from '../../domain/subscription.repository';
import { SubscriptionResponseDto } from '../../subscription.response.dto';
import { CreateSubscriptionCommand } from './create-subscription.command';

/** The input checked against the channel's rules and this server's settings; a 400 naming every field otherwise. */
export function definitionFrom(input: SubscriptionInput, settings: NotifySettings): SubscriptionDefinition {
  const built = buildSubscription(input, {
    allowHttp: settings.allowHttp,
    emailAvailable: !!settings.smtpUrl,
  });
  if (!built.ok) throw fieldProblem(built.problems);
  return built.value;
}

/**
 * A receiver on an address the settings refuse (loopback, private, link-local, metadata …) is a
 * 400 naming `url`. Checked before any unit of work opens: it may wait on DNS.
 */
export async function assertReceiverAllowed(receivers: ReceiverAddresses, url: string | null | undefined) {
  if (!url) return;
  const problem = await receivers.problem(url);
  if (problem) throw fieldProblem([{ field: 'url', messages: [problem] }]);
}

@CommandHandler(CreateSubscriptionCommand)
export class CreateSubscriptionHandler implements ICommandHandler<
  CreateSubscriptionCommand,
  SubscriptionResponseDto
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly subscriptions: SubscriptionRepository,
    private readonly receivers: ReceiverAddresses,
    @Inject(NOTIFY_SETTINGS) private readonly settings: NotifySettings,
  ) {}

  async execute(c: CreateSubscriptionCommand): Promise<SubscriptionResponseDto> {
    const definition = definitionFrom(c, this.settings);
    await assertReceiverAllowed(this.receivers, definition.url);
    return this.uow.transaction(async () => {
      const sub = Subscription.create({ id: newId(), definition, createdBy: c.createdBy, now: new Date() });
      await this.subscriptions.save(sub);
      return SubscriptionResponseDto.of(sub);
    });
  }
}
