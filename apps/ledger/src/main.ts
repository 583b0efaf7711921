import 'reflect-metadata';
import { runMain } from '@ticketing/platform';
import { LedgerModule } from './ledger.module';

void runMain({ service: 'ledger', modules: [LedgerModule] });
