import 'reflect-metadata';
import { runMain } from '@ticketing/platform';
import { NotifyEnv } from './notify.env';
import { NotifyModule } from './notify.module';

void runMain({ service: 'notify', env: NotifyEnv, modules: [NotifyModule] });
