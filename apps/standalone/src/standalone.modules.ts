import { DispatchModule } from '../../dispatch/src/dispatch.module';
import { IdentityModule } from '../../identity/src/identity.module';
import { LedgerModule } from '../../ledger/src/ledger.module';
import { MeetingModule } from '../../meeting/src/meeting.module';
import { NotifyModule } from '../../notify/src/notify.module';
import { OutreachModule } from '../../outreach/src/outreach.module';
import { SlaModule } from '../../sla/src/sla.module';
import { TicketModule } from '../../ticket/src/ticket.module';

/** Every service's root module; the standalone process runs them all, on one port. */
export const STANDALONE_MODULES = [
  IdentityModule,
  TicketModule,
  DispatchModule,
  SlaModule,
  LedgerModule,
  NotifyModule,
  OutreachModule,
  MeetingModule,
];
