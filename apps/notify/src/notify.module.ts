import { Module } from '@nestjs/common';
import { DatabaseModule } from '@ticketing/database';
import { MessagingModule } from '@ticketing/messaging';
import { notifyMigrations } from './migrations';

export const NOTIFY_SCHEMA = 'notify';

@Module({
  imports: [
    DatabaseModule.forService({ schema: NOTIFY_SCHEMA, entities: [], migrations: notifyMigrations }),
    MessagingModule.forService({ service: 'notify', schema: NOTIFY_SCHEMA }),
  ],
})
export class NotifyModule {}
