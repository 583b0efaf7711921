import { Module } from '@nestjs/common';
import { DatabaseModule } from '@ticketing/database';
import { MessagingModule } from '@ticketing/messaging';
import { slaMigrations } from './migrations';

export const SLA_SCHEMA = 'sla';

@Module({
  imports: [
    DatabaseModule.forService({ schema: SLA_SCHEMA, entities: [], migrations: slaMigrations }),
    MessagingModule.forService({ service: 'sla', schema: SLA_SCHEMA }),
  ],
})
export class SlaModule {}
