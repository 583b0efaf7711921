import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DatabaseModule } from '@ticketing/database';
import { MessagingModule } from '@ticketing/messaging';
import { sessionRevocationProviders } from '@ticketing/platform';
import { CloseDecisionHandler } from './decisions/commands/close-decision/close-decision.handler';
import { CloseDecisionHttpController } from './decisions/commands/close-decision/close-decision.http.controller';
import { RecordDecisionClockHandler } from './decisions/commands/record-decision-clock/record-decision-clock.handler';
import { ReportDecisionHandler } from './decisions/commands/report-decision/report-decision.handler';
import { ReportDecisionHttpController } from './decisions/commands/report-decision/report-decision.http.controller';
import { DecisionRepository } from './decisions/domain/decision.repository';
import { DecisionReader } from './decisions/infrastructure/decision.reader';
import { TypeormDecisionRepository } from './decisions/infrastructure/decision.typeorm-repository';
import { GetDecisionHandler } from './decisions/queries/get-decision/get-decision.handler';
import { GetDecisionHttpController } from './decisions/queries/get-decision/get-decision.http.controller';
import { ListDecisionsHandler } from './decisions/queries/list-decisions/list-decisions.handler';
import { ListDecisionsHttpController } from './decisions/queries/list-decisions/list-decisions.http.controller';
import { CopyDepartmentHandler } from './directory/commands/copy-department/copy-department.handler';
import { CopyEnterpriseHandler } from './directory/commands/copy-enterprise/copy-enterprise.handler';
import { CopyUserHandler } from './directory/commands/copy-user/copy-user.handler';
import { DirectoryEventsConsumer } from './directory/consumers/directory-events.consumer';
import { MeetingDirectory } from './directory/domain/meeting-directory';
import { TypeormMeetingDirectory } from './directory/infrastructure/meeting-directory.typeorm-repository';
import { CancelMeetingHandler } from './meetings/commands/cancel-meeting/cancel-meeting.handler';
import { CancelMeetingHttpController } from './meetings/commands/cancel-meeting/cancel-meeting.http.controller';
import { RecordMeetingHandler } from './meetings/commands/record-meeting/record-meeting.handler';
import { RecordMeetingHttpController } from './meetings/commands/record-meeting/record-meeting.http.controller';
import { ScheduleMeetingHandler } from './meetings/commands/schedule-meeting/schedule-meeting.handler';
import { ScheduleMeetingHttpController } from './meetings/commands/schedule-meeting/schedule-meeting.http.controller';
import { UpdateMeetingHandler } from './meetings/commands/update-meeting/update-meeting.handler';
import { UpdateMeetingHttpController } from './meetings/commands/update-meeting/update-meeting.http.controller';
import { MeetingRepository } from './meetings/domain/meeting.repository';
import { MeetingReader } from './meetings/infrastructure/meeting.reader';
import { TypeormMeetingRepository } from './meetings/infrastructure/meeting.typeorm-repository';
import { ExportMinutesHandler } from './meetings/queries/export-minutes/export-minutes.handler';
import { ExportMinutesHttpController } from './meetings/queries/export-minutes/export-minutes.http.controller';
import { GetMeetingHandler } from './meetings/queries/get-meeting/get-meeting.handler';
import { GetMeetingHttpController } from './meetings/queries/get-meeting/get-meeting.http.controller';
import { ListCandidatesHandler } from './meetings/queries/list-candidates/list-candidates.handler';
import { ListCandidatesHttpController } from './meetings/queries/list-candidates/list-candidates.http.controller';
import { ListMeetingsHandler } from './meetings/queries/list-meetings/list-meetings.handler';
import { ListMeetingsHttpController } from './meetings/queries/list-meetings/list-meetings.http.controller';
import { MeetingStatsHandler } from './meetings/queries/meeting-stats/meeting-stats.handler';
import { MeetingStatsHttpController } from './meetings/queries/meeting-stats/meeting-stats.http.controller';
import { meetingMigrations } from './migrations';
import { ChangeLog } from './shared/infrastructure/change-log';
import { NamesReader } from './shared/infrastructure/names.reader';
import { RaiseCandidateHandler } from './sources/commands/raise-candidate/raise-candidate.handler';
import { RecordNeedFactHandler } from './sources/commands/record-need-fact/record-need-fact.handler';
import { RecordTicketFactsHandler } from './sources/commands/record-ticket-facts/record-ticket-facts.handler';
import { OutreachEventsConsumer } from './sources/consumers/outreach-events.consumer';
import { SlaEventsConsumer } from './sources/consumers/sla-events.consumer';
import { TicketEventsConsumer } from './sources/consumers/ticket-events.consumer';
import { AgendaSources } from './sources/domain/agenda-sources';
import { TypeormAgendaSources } from './sources/infrastructure/agenda-sources.typeorm-repository';

export const MEETING_SCHEMA = 'meeting';

const commandHandlers = [
  CopyDepartmentHandler,
  CopyEnterpriseHandler,
  CopyUserHandler,
  RecordTicketFactsHandler,
  RecordNeedFactHandler,
  RaiseCandidateHandler,
  ScheduleMeetingHandler,
  UpdateMeetingHandler,
  CancelMeetingHandler,
  RecordMeetingHandler,
  ReportDecisionHandler,
  CloseDecisionHandler,
  RecordDecisionClockHandler,
];

const queryHandlers = [
  ListCandidatesHandler,
  ListMeetingsHandler,
  GetMeetingHandler,
  ExportMinutesHandler,
  MeetingStatsHandler,
  ListDecisionsHandler,
  GetDecisionHandler,
];

/**
 * Joint meetings (联席会议) and their decisions (议定事项): schema `meeting`, HTTP under
 * /api/v1/meetings, events on ticketing.meeting.v1. Learns tickets, needs, the directory and the
 * decisions' clocks from events; the SLA engine runs each decision's clock.
 */
@Module({
  imports: [
    // Raw SQL in the repositories and readers: no TypeORM entities to register.
    DatabaseModule.forService({ schema: MEETING_SCHEMA, entities: [], migrations: meetingMigrations }),
    MessagingModule.forService({ service: 'meeting', schema: MEETING_SCHEMA }),
    CqrsModule,
  ],
  // Fixed paths before `:id`, so /meetings/decisions, /candidates and /stats never reach the meeting routes.
  controllers: [
    ListCandidatesHttpController,
    MeetingStatsHttpController,
    ListDecisionsHttpController,
    GetDecisionHttpController,
    ReportDecisionHttpController,
    CloseDecisionHttpController,
    ListMeetingsHttpController,
    ScheduleMeetingHttpController,
    GetMeetingHttpController,
    ExportMinutesHttpController,
    UpdateMeetingHttpController,
    CancelMeetingHttpController,
    RecordMeetingHttpController,
  ],
  providers: [
    ...sessionRevocationProviders(MEETING_SCHEMA),
    ChangeLog,
    NamesReader,
    { provide: MeetingDirectory, useClass: TypeormMeetingDirectory },
    { provide: AgendaSources, useClass: TypeormAgendaSources },
    { provide: MeetingRepository, useClass: TypeormMeetingRepository },
    { provide: DecisionRepository, useClass: TypeormDecisionRepository },
    MeetingReader,
    DecisionReader,
    DirectoryEventsConsumer,
    TicketEventsConsumer,
    OutreachEventsConsumer,
    SlaEventsConsumer,
    ...commandHandlers,
    ...queryHandlers,
  ],
})
export class MeetingModule {}
