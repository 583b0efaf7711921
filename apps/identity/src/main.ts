import 'reflect-metadata';
import { runMain } from '@ticketing/platform';
import { IdentityEnv } from './identity.env';
import { IdentityModule } from './identity.module';

void runMain({ service: 'identity', env: IdentityEnv, modules: [IdentityModule] });
