import { DynamicModule, Module, Provider } from '@nestjs/common';
import { BaseEnv } from '@ticketing/config';
import { DatabaseModule } from '@ticketing/database';
import { MessagingModule } from '@ticketing/messaging';
import { APP_CONFIG } from '@ticketing/platform';
import { ChannelSender } from './channels/infrastructure/channel.sender';
import { RetryDeliveryHttpController } from './deliveries/commands/retry-delivery/retry-delivery.http.controller';
import { ListDeliveriesHttpController } from './deliveries/queries/list-deliveries/list-deliveries.http.controller';
import { DeliveryWorker } from './deliveries/worker/delivery.worker';
import { DirectoryConsumer } from './directory/consumers/directory.consumer';
import { TicketActivityConsumer } from './events/consumers/ticket-activity.consumer';
import { MarkAllReadHttpController } from './inapp/commands/mark-all-read/mark-all-read.http.controller';
import { MarkReadHttpController } from './inapp/commands/mark-read/mark-read.http.controller';
import { ListNotificationsHttpController } from './inapp/queries/list-notifications/list-notifications.http.controller';
import { UnreadCountHttpController } from './inapp/queries/unread-count/unread-count.http.controller';
import { NotificationHub } from './inapp/stream/notification.hub';
import { NotificationStreamHttpController } from './inapp/stream/notification-stream.http.controller';
import { notifyMigrations } from './migrations';
import {
  loadNotifySettings,
  NOTIFY_SETTINGS,
  NotifyEnv,
  notifySettingsFrom,
  NotifySettings,
} from './notify.env';
import { NOTIFY_SCHEMA } from './shared/queryable';
import { CreateSubscriptionHandler } from './subscriptions/commands/create-subscription/create-subscription.handler';
import { CreateSubscriptionHttpController } from './subscriptions/commands/create-subscription/create-subscription.http.controller';
import { DeleteSubscriptionHttpController } from './subscriptions/commands/delete-subscription/delete-subscription.http.controller';
import { ReplaceSubscriptionHandler } from './subscriptions/commands/replace-subscription/replace-subscription.handler';
import { ReplaceSubscriptionHttpController } from './subscriptions/commands/replace-subscription/replace-subscription.http.controller';
import { TestSubscriptionHandler } from './subscriptions/commands/test-subscription/test-subscription.handler';
import { TestSubscriptionHttpController } from './subscriptions/commands/test-subscription/test-subscription.http.controller';
import { SubscriptionRepository } from './subscriptions/infrastructure/subscription.repository';
import { ListSubscriptionsHttpController } from './subscriptions/queries/list-subscriptions/list-subscriptions.http.controller';

export { NOTIFY_SCHEMA };

function settingsProvider(given?: NotifySettings): Provider {
  if (given) return { provide: NOTIFY_SETTINGS, useValue: given };
  return {
    provide: NOTIFY_SETTINGS,
    inject: [APP_CONFIG],
    // Run by its own main.ts the shell already read NotifyEnv; composed into standalone, the same class reads the same environment.
    useFactory: (config: BaseEnv) =>
      config instanceof NotifyEnv ? notifySettingsFrom(config) : loadNotifySettings(),
  };
}

function moduleDefinition(settings?: NotifySettings) {
  return {
    imports: [
      DatabaseModule.forService({ schema: NOTIFY_SCHEMA, entities: [], migrations: notifyMigrations }),
      MessagingModule.forService({ service: 'notify', schema: NOTIFY_SCHEMA }),
    ],
    controllers: [
      CreateSubscriptionHttpController,
      ListSubscriptionsHttpController,
      ReplaceSubscriptionHttpController,
      DeleteSubscriptionHttpController,
      TestSubscriptionHttpController,
      ListDeliveriesHttpController,
      RetryDeliveryHttpController,
      ListNotificationsHttpController,
      UnreadCountHttpController,
      MarkAllReadHttpController,
      MarkReadHttpController,
      NotificationStreamHttpController,
    ],
    providers: [
      settingsProvider(settings),
      SubscriptionRepository,
      ChannelSender,
      CreateSubscriptionHandler,
      ReplaceSubscriptionHandler,
      TestSubscriptionHandler,
      DirectoryConsumer,
      TicketActivityConsumer,
      DeliveryWorker,
      NotificationHub,
    ],
  };
}

/**
 * Notifications: subscriptions to WeCom/DingTalk robots, signed webhooks and e-mail, delivered
 * durably from rows; in-app notifications per user, live over SSE.
 */
@Module(moduleDefinition())
export class NotifyModule {
  static forRoot(settings: NotifySettings): DynamicModule {
    return { module: ConfiguredNotifyModule, ...moduleDefinition(settings) };
  }
}

/** The same module with settings given by the caller (a separate class: Nest merges a dynamic module into its class's static metadata). */
@Module({})
class ConfiguredNotifyModule {}
