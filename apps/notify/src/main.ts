import 'reflect-metadata';
import { runMain } from '@ticketing/platform';
import { NotifyModule } from './notify.module';

void runMain({ service: 'notify', modules: [NotifyModule] });
