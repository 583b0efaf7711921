import 'reflect-metadata';
import { runMain } from '@ticketing/platform';
import { TicketModule } from './ticket.module';

void runMain({ service: 'ticket', modules: [TicketModule] });
