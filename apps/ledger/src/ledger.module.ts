import { Module, Provider } from '@nestjs/common';
import { BaseEnv } from '@ticketing/config';
import { DatabaseModule } from '@ticketing/database';
import { MessagingModule } from '@ticketing/messaging';
import { APP_CONFIG } from '@ticketing/platform';
import { SealChainHandler } from './chain/commands/seal-chain/seal-chain.handler';
import { SealChainHttpController } from './chain/commands/seal-chain/seal-chain.http.controller';
import { LedgerEventsConsumer } from './chain/consumers/ledger-events.consumer';
import { LedgerAppender } from './chain/infrastructure/ledger-appender';
import { VerifyChainHandler } from './chain/queries/verify-chain/verify-chain.handler';
import { VerifyChainHttpController } from './chain/queries/verify-chain/verify-chain.http.controller';
import { LEDGER_SETTINGS, ledgerSettingsFrom } from './ledger.env';
import { ledgerMigrations } from './migrations';
import { RebuildProjectionsHandler } from './projections/commands/rebuild-projections/rebuild-projections.handler';
import { RebuildProjectionsHttpController } from './projections/commands/rebuild-projections/rebuild-projections.http.controller';
import { Projector } from './projections/infrastructure/projector';

export const LEDGER_SCHEMA = 'ledger';

const settings: Provider = { provide: LEDGER_SETTINGS, inject: [APP_CONFIG], useFactory: (config: BaseEnv) => ledgerSettingsFrom(config) };

@Module({
  imports: [
    DatabaseModule.forService({ schema: LEDGER_SCHEMA, entities: [], migrations: ledgerMigrations }),
    MessagingModule.forService({ service: 'ledger', schema: LEDGER_SCHEMA }),
  ],
  controllers: [VerifyChainHttpController, SealChainHttpController, RebuildProjectionsHttpController],
  providers: [settings, LedgerAppender, Projector, LedgerEventsConsumer, VerifyChainHandler, SealChainHandler, RebuildProjectionsHandler],
})
export class LedgerModule {}
