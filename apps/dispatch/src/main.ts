import 'reflect-metadata';
import { runMain } from '@ticketing/platform';
import { DispatchModule } from './dispatch.module';

void runMain({ service: 'dispatch', modules: [DispatchModule] });
