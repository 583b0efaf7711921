import 'reflect-metadata';
import { runMain } from '@ticketing/platform';
import { OutreachModule } from './outreach.module';

void runMain({ service: 'outreach', modules: [OutreachModule] });
