import 'reflect-metadata';
import { runMain } from '@ticketing/platform';
import { SlaModule } from './sla.module';

void runMain({ service: 'sla', modules: [SlaModule] });
