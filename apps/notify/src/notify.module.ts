import { DynamicModule, Module, Provider } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { BaseEnv } from '@ticketing/config';
import { DatabaseModule } from '@ticketing/database';
import { MessagingModule } from '@ticketing/messaging';
import { APP_CONFIG, sessionRevocationProviders } from '@ticketing/platform';
import { DeliverBulletinHandler } from './bulletins/commands/deliver-bulletin/deliver-bulletin.handler';
import { BulletinConsumer } from './bulletins/consumers/bulletin.consumer';
import { ReceiverAddresses } from './channels/domain/receiver-addresses';
import { ChannelSender } from './channels/infrastructure/channel.sender';
import { DnsReceiverAddresses } from './channels/infrastructure/receiver-addresses.dns';
import { RetryDeliveryHandler } from './deliveries/commands/retry-delivery/retry-delivery.handler';
import { RetryDeliveryHttpController } from './deliveries/commands/retry-delivery/retry-delivery.http.controller';
import { DeliveryRepository } from './deliveries/domain/delivery.repository';
import { DeliveryQueue } from './deliveries/infrastructure/delivery.queue';
import { DeliveryReader } from './deliveries/infrastructure/delivery.reader';
import { TypeormDeliveryRepository } from './deliveries/infrastructure/delivery.typeorm-repository';
import { ListDeliveriesHandler } from './deliveries/queries/list-deliveries/list-deliveries.handler';
import { ListDeliveriesHttpController } from './deliveries/queries/list-deliveries/list-deliveries.http.controller';
import { DeliveryWorker } from './deliveries/worker/delivery.worker';
import { RecordDirectoryEntryHandler } from './directory/commands/record-directory-entry/record-directory-entry.handler';
import { DirectoryConsumer } from './directory/consumers/directory.consumer';
import { DirectoryRepository } from './directory/domain/directory.repository';
import { TypeormDirectoryRepository } from './directory/infrastructure/directory.typeorm-repository';
import { RecordTicketActivityHandler } from './events/commands/record-ticket-activity/record-ticket-activity.handler';
import { TicketActivityConsumer } from './events/consumers/ticket-activity.consumer';
import { TicketFactsRepository } from './events/domain/ticket-facts.repository';
import { TypeormTicketFactsRepository } from './events/infrastructure/ticket-facts.typeorm-repository';
import { MarkAllReadHandler } from './inapp/commands/mark-all-read/mark-all-read.handler';
import { MarkAllReadHttpController } from './inapp/commands/mark-all-read/mark-all-read.http.controller';
import { MarkReadHandler } from './inapp/commands/mark-read/mark-read.handler';
import { MarkReadHttpController } from './inapp/commands/mark-read/mark-read.http.controller';
import { InAppNotificationRepository } from './inapp/domain/in-app-notification.repository';
import { TypeormInAppNotificationRepository } from './inapp/infrastructure/in-app-notification.typeorm-repository';
import { NotificationReader } from './inapp/infrastructure/notification.reader';
import { ListNotificationsHandler } from './inapp/queries/list-notifications/list-notifications.handler';
import { ListNotificationsHttpController } from './inapp/queries/list-notifications/list-notifications.http.controller';
import { NotificationStreamHandler } from './inapp/queries/notification-stream/notification-stream.handler';
import { NotificationStreamHttpController } from './inapp/queries/notification-stream/notification-stream.http.controller';
import { UnreadCountHandler } from './inapp/queries/unread-count/unread-count.handler';
import { UnreadCountHttpController } from './inapp/queries/unread-count/unread-count.http.controller';
import { NotificationHub } from './inapp/stream/notification.hub';
import { notifyMigrations } from './migrations';
import { NOTIFY_SCHEMA } from './notify.constants';
import { NOTIFY_SETTINGS, notifyEnvOf, notifySettingsFrom, NotifySettings } from './notify.env';
import { ResealSecretsHandler } from './secrets/commands/reseal-secrets/reseal-secrets.handler';
import { SealedSecretsRepository } from './secrets/domain/sealed-secrets.repository';
import { SecretBox } from './secrets/domain/secret-box';
import { TypeormSealedSecretsRepository } from './secrets/infrastructure/sealed-secrets.typeorm-repository';
import { SecretRotation } from './secrets/secret-rotation';
import { SetSmsPreferenceHandler } from './sms-preferences/commands/set-sms-preference/set-sms-preference.handler';
import { SetSmsPreferenceHttpController } from './sms-preferences/commands/set-sms-preference/set-sms-preference.http.controller';
import { SmsPreferenceRepository } from './sms-preferences/domain/sms-preference.repository';
import { TypeormSmsPreferenceRepository } from './sms-preferences/infrastructure/sms-preference.typeorm-repository';
import { GetSmsPreferenceHandler } from './sms-preferences/queries/get-sms-preference/get-sms-preference.handler';
import { GetSmsPreferenceHttpController } from './sms-preferences/queries/get-sms-preference/get-sms-preference.http.controller';
import { resolveSecretKeyRing } from './secrets/infrastructure/secret-keys';
import { CreateSubscriptionHandler } from './subscriptions/commands/create-subscription/create-subscription.handler';
import { CreateSubscriptionHttpController } from './subscriptions/commands/create-subscription/create-subscription.http.controller';
import { DeleteSubscriptionHandler } from './subscriptions/commands/delete-subscription/delete-subscription.handler';
import { DeleteSubscriptionHttpController } from './subscriptions/commands/delete-subscription/delete-subscription.http.controller';
import { ReplaceSubscriptionHandler } from './subscriptions/commands/replace-subscription/replace-subscription.handler';
import { ReplaceSubscriptionHttpController } from './subscriptions/commands/replace-subscription/replace-subscription.http.controller';
import { TestSubscriptionHandler } from './subscriptions/commands/test-subscription/test-subscription.handler';
import { TestSubscriptionHttpController } from './subscriptions/commands/test-subscription/test-subscription.http.controller';
import { SubscriptionRepository } from './subscriptions/domain/subscription.repository';
import { SubscriptionReader } from './subscriptions/infrastructure/subscription.reader';
import { TypeormSubscriptionRepository } from './subscriptions/infrastructure/subscription.typeorm-repository';
import { ListSubscriptionsHandler } from './subscriptions/queries/list-subscriptions/list-subscriptions.handler';
import { ListSubscriptionsHttpController } from './subscriptions/queries/list-subscriptions/list-subscriptions.http.controller';

export { NOTIFY_SCHEMA };

function settingsProvider(given?: NotifySettings): Provider {
  if (given) return { provide: NOTIFY_SETTINGS, useValue: given };
  return {
    provide: NOTIFY_SETTINGS,
    inject: [APP_CONFIG],
    // Run by its own main.ts the shell already read NotifyEnv; composed into standalone, the same class reads the same environment.
    useFactory: (config: BaseEnv) => notifySettingsFrom(notifyEnvOf(config)),
  };
}

/** The key ring that seals stored secrets, from NOTIFY_SECRET_KEY (or the key generated into DATA_DIR). */
const secretBoxOf = (config: BaseEnv) => new SecretBox(resolveSecretKeyRing(notifyEnvOf(config)));

const secretBoxProvider: Provider = { provide: SecretBox, inject: [APP_CONFIG], useFactory: secretBoxOf };

const repositories: Provider[] = [
  { provide: SubscriptionRepository, useClass: TypeormSubscriptionRepository },
  { provide: DeliveryRepository, useClass: TypeormDeliveryRepository },
  { provide: InAppNotificationRepository, useClass: TypeormInAppNotificationRepository },
  { provide: TicketFactsRepository, useClass: TypeormTicketFactsRepository },
  { provide: DirectoryRepository, useClass: TypeormDirectoryRepository },
  { provide: SealedSecretsRepository, useClass: TypeormSealedSecretsRepository },
  { provide: SmsPreferenceRepository, useClass: TypeormSmsPreferenceRepository },
  { provide: ReceiverAddresses, useClass: DnsReceiverAddresses },
];

const readers = [SubscriptionReader, DeliveryReader, DeliveryQueue, NotificationReader];

const handlers = [
  CreateSubscriptionHandler,
  ReplaceSubscriptionHandler,
  DeleteSubscriptionHandler,
  TestSubscriptionHandler,
  ListSubscriptionsHandler,
  RetryDeliveryHandler,
  ListDeliveriesHandler,
  MarkReadHandler,
  MarkAllReadHandler,
  ListNotificationsHandler,
  UnreadCountHandler,
  NotificationStreamHandler,
  RecordTicketActivityHandler,
  RecordDirectoryEntryHandler,
  DeliverBulletinHandler,
  ResealSecretsHandler,
  SetSmsPreferenceHandler,
  GetSmsPreferenceHandler,
];

function moduleDefinition(settings?: NotifySettings) {
  return {
    imports: [
      CqrsModule,
      DatabaseModule.forService({
        schema: NOTIFY_SCHEMA,
        entities: [],
        // The migration that seals stored secrets needs the same key ring as the repositories.
        migrations: {
          inject: [APP_CONFIG],
          useFactory: (config: BaseEnv) => notifyMigrations(secretBoxOf(config)),
        },
      }),
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
      GetSmsPreferenceHttpController,
      SetSmsPreferenceHttpController,
    ],
    providers: [
      ...sessionRevocationProviders(NOTIFY_SCHEMA),
      settingsProvider(settings),
      secretBoxProvider,
      ...repositories,
      ...readers,
      ...handlers,
      ChannelSender,
      DirectoryConsumer,
      TicketActivityConsumer,
      BulletinConsumer,
      DeliveryWorker,
      NotificationHub,
      SecretRotation,
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
