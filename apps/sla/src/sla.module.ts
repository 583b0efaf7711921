import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DatabaseModule } from '@ticketing/database';
import { MessagingModule } from '@ticketing/messaging';
import { sessionRevocationProviders } from '@ticketing/platform';
import { CreateCalendarHandler } from './calendars/commands/create-calendar/create-calendar.handler';
import { CreateCalendarHttpController } from './calendars/commands/create-calendar/create-calendar.http.controller';
import { SetWorkingHoursHandler } from './calendars/commands/create-calendar/set-working-hours.handler';
import { LoadNoticeHandler } from './calendars/commands/load-notice/load-notice.handler';
import { LoadNoticeHttpController } from './calendars/commands/load-notice/load-notice.http.controller';
import { CalendarRepository } from './calendars/domain/calendar.repository';
import { CalendarReader } from './calendars/infrastructure/calendar.reader';
import { TypeormCalendarRepository } from './calendars/infrastructure/calendar.typeorm-repository';
import {
  CalendarDayHandler,
  CalendarDeadlineHandler,
  ListCalendarsHandler,
} from './calendars/queries/calendar-facts/calendar-facts.handler';
import { CalendarFactsHttpController } from './calendars/queries/calendar-facts/calendar-facts.http.controller';
import { slaMigrations } from './migrations';
import { CreatePolicyHandler } from './policies/commands/save-policy/create-policy.handler';
import { SavePolicyHttpController } from './policies/commands/save-policy/save-policy.http.controller';
import { UpdatePolicyHandler } from './policies/commands/save-policy/update-policy.handler';
import { PolicyRepository } from './policies/domain/policy.repository';
import { PolicyReader } from './policies/infrastructure/policy.reader';
import { TypeormPolicyRepository } from './policies/infrastructure/policy.typeorm-repository';
import {
  GetPolicyHandler,
  ListPoliciesHandler,
  ListRecomputeJobsHandler,
} from './policies/queries/list-policies/list-policies.handler';
import { ListPoliciesHttpController } from './policies/queries/list-policies/list-policies.http.controller';
import { SLA_SCHEMA } from './sla.constants';
import { ApplyDecisionEventHandler } from './timers/commands/apply-decision-event/apply-decision-event.handler';
import { ApplyTicketEventsHandler } from './timers/commands/apply-ticket-events/apply-ticket-events.handler';
import { FireDueStepsHandler } from './timers/commands/fire-due-steps/fire-due-steps.handler';
import { FiringUnitOfWork } from './timers/commands/fire-due-steps/firing-unit-of-work';
import { OpenCallbackClockHandler } from './timers/commands/open-callback-clock/open-callback-clock.handler';
import { RecomputeTimersHandler } from './timers/commands/recompute-timers/recompute-timers.handler';
import { FeedbackLapsedConsumer } from './timers/consumers/feedback-lapsed.consumer';
import { MeetingDecisionsConsumer } from './timers/consumers/meeting-decisions.consumer';
import { TicketLifecycleConsumer } from './timers/consumers/ticket-lifecycle.consumer';
import { FiringRepository } from './timers/domain/firing.repository';
import { RecomputeJobRepository } from './timers/domain/recompute-job.repository';
import { TimerRepository } from './timers/domain/timer.repository';
import { DedicatedConnectionUnitOfWork } from './timers/infrastructure/dedicated-connection.unit-of-work';
import { TypeormFiringRepository } from './timers/infrastructure/firing.typeorm-repository';
import { TypeormRecomputeJobRepository } from './timers/infrastructure/recompute-job.typeorm-repository';
import { TimerReader } from './timers/infrastructure/timer.reader';
import { TypeormTimerRepository } from './timers/infrastructure/timer.typeorm-repository';
import { DecisionTimersHandler } from './timers/queries/decision-timers/decision-timers.handler';
import { DecisionTimersHttpController } from './timers/queries/decision-timers/decision-timers.http.controller';
import { DepartmentQueueHandler } from './timers/queries/department-queue/department-queue.handler';
import { DepartmentQueueHttpController } from './timers/queries/department-queue/department-queue.http.controller';
import { TicketTimersHandler } from './timers/queries/ticket-timers/ticket-timers.handler';
import { TicketTimersHttpController } from './timers/queries/ticket-timers/ticket-timers.http.controller';
import { FiringScheduler } from './timers/workers/firing.scheduler';
import { RecomputeWorker } from './timers/workers/recompute.worker';

export { SLA_SCHEMA };

/** Working-day timers for every deadline (tickets' and joint meeting decisions'): policies, calendars, firing, recompute. */
@Module({
  imports: [
    CqrsModule,
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
    DecisionTimersHttpController,
    DepartmentQueueHttpController,
  ],
  providers: [
    ...sessionRevocationProviders(SLA_SCHEMA),
    { provide: CalendarRepository, useClass: TypeormCalendarRepository },
    { provide: PolicyRepository, useClass: TypeormPolicyRepository },
    { provide: TimerRepository, useClass: TypeormTimerRepository },
    { provide: FiringRepository, useClass: TypeormFiringRepository },
    { provide: RecomputeJobRepository, useClass: TypeormRecomputeJobRepository },
    { provide: FiringUnitOfWork, useClass: DedicatedConnectionUnitOfWork },
    CalendarReader,
    PolicyReader,
    TimerReader,
    CreateCalendarHandler,
    SetWorkingHoursHandler,
    LoadNoticeHandler,
    ListCalendarsHandler,
    CalendarDayHandler,
    CalendarDeadlineHandler,
    CreatePolicyHandler,
    UpdatePolicyHandler,
    ListPoliciesHandler,
    GetPolicyHandler,
    ListRecomputeJobsHandler,
    ApplyTicketEventsHandler,
    OpenCallbackClockHandler,
    ApplyDecisionEventHandler,
    FireDueStepsHandler,
    RecomputeTimersHandler,
    TicketTimersHandler,
    DecisionTimersHandler,
    DepartmentQueueHandler,
    TicketLifecycleConsumer,
    FeedbackLapsedConsumer,
    MeetingDecisionsConsumer,
    FiringScheduler,
    RecomputeWorker,
  ],
})
export class SlaModule {}
