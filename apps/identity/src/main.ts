import 'reflect-metadata';
import { runMain } from '@ticketing/platform';
import { IdentityModule } from './identity.module';

void runMain({ service: 'identity', modules: [IdentityModule] });
