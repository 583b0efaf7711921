import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TransactionContext, UnitOfWork } from '@ticketing/database';
import { LEDGER_CHAIN_PROVIDERS } from '../ledger.module';

/** The service's chain handlers on a database of the CLI's own: no HTTP, no consumers, no daily seal. */
@Module({})
export class LedgerCliModule {
  static on(tx: TransactionContext): DynamicModule {
    return {
      module: LedgerCliModule,
      imports: [CqrsModule],
      providers: [
        { provide: TransactionContext, useValue: tx },
        { provide: UnitOfWork, useValue: tx },
        ...LEDGER_CHAIN_PROVIDERS,
      ],
    };
  }
}
