import { Module } from '@nestjs/common';
import { DatabaseModule } from '@ticketing/database';
import { MessagingModule } from '@ticketing/messaging';
import { ledgerMigrations } from './migrations';

export const LEDGER_SCHEMA = 'ledger';

@Module({
  imports: [
    DatabaseModule.forService({ schema: LEDGER_SCHEMA, entities: [], migrations: ledgerMigrations }),
    MessagingModule.forService({ service: 'ledger', schema: LEDGER_SCHEMA }),
  ],
})
export class LedgerModule {}
