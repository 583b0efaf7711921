import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { notFound } from '@ticketing/platform';
import { DeliveryRepository } from '../../../deliveries/domain/delivery.repository';
import { SubscriptionRepository } from '../../domain/subscription.repository';
import { DeleteSubscriptionCommand } from './delete-subscription.command';

/** Deletes a subscription and cancels what was still waiting to be sent to it, together; its history stays. */
@CommandHandler(DeleteSubscriptionCommand)
export class DeleteSubscriptionHandler implements ICommandHandler<DeleteSubscriptionCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly subscriptions: SubscriptionRepository,
    private readonly deliveries: DeliveryRepository,
  ) {}

  execute(c: DeleteSubscriptionCommand): Promise<void> {
    return this.uow.transaction(async () => {
      const sub = await this.subscriptions.lock(c.id);
      if (!sub) throw notFound('subscription', c.id);
      sub.delete(new Date());
      await this.subscriptions.save(sub);
      await this.deliveries.cancelPendingOf(sub.id, 'subscription deleted');
    });
  }
}
