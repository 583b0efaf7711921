import { Module } from '@nestjs/common';
import { DatabaseModule } from '@ticketing/database';
import { MessagingModule } from '@ticketing/messaging';
import { identityMigrations } from './migrations';

export const IDENTITY_SCHEMA = 'identity';

@Module({
  imports: [
    DatabaseModule.forService({ schema: IDENTITY_SCHEMA, entities: [], migrations: identityMigrations }),
    MessagingModule.forService({ service: 'identity', schema: IDENTITY_SCHEMA }),
  ],
})
export class IdentityModule {}
