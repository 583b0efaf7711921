import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { notFound } from '@ticketing/platform';
import { SubscriptionRepository } from '../../../subscriptions/domain/subscription.repository';
import { DeliveryResponseDto } from '../../delivery.response.dto';
import { DeliveryRepository } from '../../domain/delivery.repository';
import { RetryDeliveryCommand } from './retry-delivery.command';

/** A failed delivery gets a new round of attempts (e.g. after the robot's URL was fixed); the senders are woken at commit. */
@CommandHandler(RetryDeliveryCommand)
export class RetryDeliveryHandler implements ICommandHandler<RetryDeliveryCommand, DeliveryResponseDto> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly deliveries: DeliveryRepository,
    private readonly subscriptions: SubscriptionRepository,
  ) {}

  execute(c: RetryDeliveryCommand): Promise<DeliveryResponseDto> {
    return this.uow.transaction(async () => {
      const delivery = await this.deliveries.lock(c.id);
      if (!delivery) throw notFound('delivery', c.id);
      const subscription = await this.subscriptions.get(delivery.subscriptionId);
      delivery.retry(new Date(), subscription !== null);
      await this.deliveries.save([delivery]);
      // retry() refused a delivery whose subscription is gone.
      return DeliveryResponseDto.of(delivery.snapshot(), subscription!.name);
    });
  }
}
