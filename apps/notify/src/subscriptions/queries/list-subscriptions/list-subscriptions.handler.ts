import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SubscriptionReader } from '../../infrastructure/subscription.reader';
import { SubscriptionResponseDto } from '../../subscription.response.dto';
import { ListSubscriptionsQuery } from './list-subscriptions.query';

@QueryHandler(ListSubscriptionsQuery)
export class ListSubscriptionsHandler implements IQueryHandler<
  ListSubscriptionsQuery,
  SubscriptionResponseDto[]
> {
  constructor(private readonly reader: SubscriptionReader) {}

  async execute(): Promise<SubscriptionResponseDto[]> {
    return (await this.reader.list()).map(SubscriptionResponseDto.of);
  }
}
