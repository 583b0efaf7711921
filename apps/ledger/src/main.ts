import 'reflect-metadata';
import { runMain } from '@ticketing/platform';
import { LedgerEnv } from './ledger.env';
import { LedgerModule } from './ledger.module';

void runMain({ service: 'ledger', env: LedgerEnv, modules: [LedgerModule] });
