import { Module } from '@nestjs/common';
import { DatabaseModule } from '@ticketing/database';
import { MessagingModule } from '@ticketing/messaging';
import { dispatchMigrations } from './migrations';

export const DISPATCH_SCHEMA = 'dispatch';

@Module({
  imports: [
    DatabaseModule.forService({ schema: DISPATCH_SCHEMA, entities: [], migrations: dispatchMigrations }),
    MessagingModule.forService({ service: 'dispatch', schema: DISPATCH_SCHEMA }),
  ],
})
export class DispatchModule {}
