import { Module } from '@nestjs/common';
import { DatabaseModule } from '@ticketing/database';
import { MessagingModule } from '@ticketing/messaging';
import { CreateCalendarHandler } from './calendars/commands/create-calendar/create-calendar.handler';
import { CreateCalendarHttpController } from './calendars/commands/create-calendar/create-calendar.http.controller';
import { LoadNoticeHandler } from './calendars/commands/load-notice/load-notice.handler';
import { LoadNoticeHttpController } from './calendars/commands/load-notice/load-notice.http.controller';
import { CalendarStore } from './calendars/infrastructure/calendar.store';
import { CalendarFactsHttpController } from './calendars/queries/calendar-facts/calendar-facts.http.controller';
import { slaMigrations } from './migrations';
import { SavePolicyHandler } from './policies/commands/save-policy/save-policy.handler';
import { SavePolicyHttpController } from './policies/commands/save-policy/save-policy.http.controller';
import { PolicyStore } from './policies/infrastructure/policy.store';
import { ListPoliciesHttpController } from './policies/queries/list-policies/list-policies.http.controller';
import { SLA_SCHEMA } from './shared/queryable';
import { TicketLifecycleConsumer } from './timers/consumers/ticket-lifecycle.consumer';
import { FiringScheduler } from './timers/firing/firing.scheduler';
import { DepartmentQueueHttpController } from './timers/queries/department-queue/department-queue.http.controller';
import { TicketTimersHttpController } from './timers/queries/ticket-timers/ticket-timers.http.controller';
import { RecomputeWorker } from './timers/recompute/recompute.worker';

export { SLA_SCHEMA };

@Module({
  imports: [
    DatabaseModule.forService({ schema: SLA_SCHEMA, entities: [], migrations: slaMigrations }),
    MessagingModule.forService({ service: 'sla', schema: SLA_SCHEMA }),
  ],
  controllers: [
    CalendarFactsHttpController,
    CreateCalendarHttpController,
    LoadNoticeHttpController,
    ListPoliciesHttpController,
    SavePolicyHttpController,
    TicketTimersHttpController,
    DepartmentQueueHttpController,
  ],
  providers: [
    CalendarStore,
    PolicyStore,
    LoadNoticeHandler,
    CreateCalendarHandler,
    SavePolicyHandler,
    TicketLifecycleConsumer,
    FiringScheduler,
    RecomputeWorker,
  ],
})
export class SlaModule {}
