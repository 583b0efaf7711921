import { Module } from '@nestjs/common';
import { DatabaseModule } from '@ticketing/database';
import { MessagingModule } from '@ticketing/messaging';
import { ticketMigrations } from './migrations';

export const TICKET_SCHEMA = 'ticket';

@Module({
  imports: [
    DatabaseModule.forService({ schema: TICKET_SCHEMA, entities: [], migrations: ticketMigrations }),
    MessagingModule.forService({ service: 'ticket', schema: TICKET_SCHEMA }),
  ],
})
export class TicketModule {}
