import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MulterModule } from '@nestjs/platform-express';
import { DatabaseModule } from '@ticketing/database';
import { MessagingModule } from '@ticketing/messaging';
import { ContentAddressedFiles, sessionRevocationProviders, uploadsDir } from '@ticketing/platform';
import { memoryStorage } from 'multer';
import { CopyDepartmentHandler } from './directory/commands/copy-department/copy-department.handler';
import { CopyEnterpriseHandler } from './directory/commands/copy-enterprise/copy-enterprise.handler';
import { CopyGridHandler } from './directory/commands/copy-grid/copy-grid.handler';
import { CopyUserHandler } from './directory/commands/copy-user/copy-user.handler';
import { DirectoryEventsConsumer } from './directory/consumers/directory-events.consumer';
import { OutreachDirectory } from './directory/domain/outreach-directory';
import { TypeormOutreachDirectory } from './directory/infrastructure/outreach-directory.typeorm-repository';
import { SetLiaisonsHandler } from './liaisons/commands/set-liaisons/set-liaisons.handler';
import { SetLiaisonsHttpController } from './liaisons/commands/set-liaisons/set-liaisons.http.controller';
import { LiaisonsRepository } from './liaisons/domain/liaisons.repository';
import { EnterpriseFileReader } from './liaisons/infrastructure/enterprise-file.reader';
import { TypeormLiaisonsRepository } from './liaisons/infrastructure/liaisons.typeorm-repository';
import { GetLiaisonsHandler } from './liaisons/queries/get-liaisons/get-liaisons.handler';
import { GetLiaisonsHttpController } from './liaisons/queries/get-liaisons/get-liaisons.http.controller';
import { ListEnterprisesHandler } from './liaisons/queries/list-enterprises/list-enterprises.handler';
import { ListEnterprisesHttpController } from './liaisons/queries/list-enterprises/list-enterprises.http.controller';
import { outreachMigrations } from './migrations';
import { AddNeedHandler } from './needs/commands/add-need/add-need.handler';
import { AddNeedHttpController } from './needs/commands/add-need/add-need.http.controller';
import { UpdateNeedHandler } from './needs/commands/update-need/update-need.handler';
import { UpdateNeedHttpController } from './needs/commands/update-need/update-need.http.controller';
import { NeedRepository } from './needs/domain/need.repository';
import { NeedReader } from './needs/infrastructure/need.reader';
import { TypeormNeedRepository } from './needs/infrastructure/need.typeorm-repository';
import { GetNeedHandler } from './needs/queries/get-need/get-need.handler';
import { GetNeedHttpController } from './needs/queries/get-need/get-need.http.controller';
import { ListNeedsHandler } from './needs/queries/list-needs/list-needs.handler';
import { ListNeedsHttpController } from './needs/queries/list-needs/list-needs.http.controller';
import { OUTREACH_CONFIG, OutreachConfig, OutreachConfigModule } from './outreach.config';
import { PlanMonthReader } from './plan/infrastructure/plan-month.reader';
import { ExportPlanVsDoneHandler } from './plan/queries/export-plan-vs-done/export-plan-vs-done.handler';
import { ExportPlanVsDoneHttpController } from './plan/queries/export-plan-vs-done/export-plan-vs-done.http.controller';
import { PlanVsDoneHandler } from './plan/queries/plan-vs-done/plan-vs-done.handler';
import { PlanVsDoneHttpController } from './plan/queries/plan-vs-done/plan-vs-done.http.controller';
import { ChangeLog } from './shared/infrastructure/change-log';
import { CreateTaskListHandler } from './task-lists/commands/create-task-list/create-task-list.handler';
import { CreateTaskListHttpController } from './task-lists/commands/create-task-list/create-task-list.http.controller';
import { PublishTaskListHandler } from './task-lists/commands/publish-task-list/publish-task-list.handler';
import { PublishTaskListHttpController } from './task-lists/commands/publish-task-list/publish-task-list.http.controller';
import { ReviseTaskListHandler } from './task-lists/commands/revise-task-list/revise-task-list.handler';
import { ReviseTaskListHttpController } from './task-lists/commands/revise-task-list/revise-task-list.http.controller';
import { TaskListRepository } from './task-lists/domain/task-list.repository';
import { TaskListCandidates } from './task-lists/domain/task-list-candidates';
import { TypeormTaskListCandidates } from './task-lists/infrastructure/task-list-candidates.typeorm-repository';
import { TaskListReader } from './task-lists/infrastructure/task-list.reader';
import { TypeormTaskListRepository } from './task-lists/infrastructure/task-list.typeorm-repository';
import { GetTaskListHandler } from './task-lists/queries/get-task-list/get-task-list.handler';
import { GetTaskListHttpController } from './task-lists/queries/get-task-list/get-task-list.http.controller';
import { ListTaskListsHandler } from './task-lists/queries/list-task-lists/list-task-lists.handler';
import { ListTaskListsHttpController } from './task-lists/queries/list-task-lists/list-task-lists.http.controller';
import { RecordTicketFactsHandler } from './tickets/commands/record-ticket-facts/record-ticket-facts.handler';
import { TicketEventsConsumer } from './tickets/consumers/ticket-events.consumer';
import { TicketCopies } from './tickets/domain/ticket-copies';
import { TypeormTicketCopies } from './tickets/infrastructure/ticket-copies.typeorm-repository';
import { LinkVisitTicketHandler } from './visits/commands/link-visit-ticket/link-visit-ticket.handler';
import { RecordVisitHandler } from './visits/commands/record-visit/record-visit.handler';
import { RecordVisitHttpController } from './visits/commands/record-visit/record-visit.http.controller';
import { UploadVisitPhotoHandler } from './visits/commands/upload-visit-photo/upload-visit-photo.handler';
import { UploadVisitPhotoHttpController } from './visits/commands/upload-visit-photo/upload-visit-photo.http.controller';
import { VisitIdempotencyKeys } from './visits/domain/visit-idempotency-keys';
import { PhotoStorage, VisitPhotoRepository } from './visits/domain/visit-photos';
import { VisitRepository } from './visits/domain/visit.repository';
import { TypeormVisitIdempotencyKeys } from './visits/infrastructure/visit-idempotency-keys.typeorm-repository';
import { TypeormVisitPhotoRepository } from './visits/infrastructure/visit-photo.typeorm-repository';
import { VisitReader } from './visits/infrastructure/visit.reader';
import { TypeormVisitRepository } from './visits/infrastructure/visit.typeorm-repository';
import { DownloadVisitPhotoHandler } from './visits/queries/download-visit-photo/download-visit-photo.handler';
import { DownloadVisitPhotoHttpController } from './visits/queries/download-visit-photo/download-visit-photo.http.controller';
import { GetVisitHandler } from './visits/queries/get-visit/get-visit.handler';
import { GetVisitHttpController } from './visits/queries/get-visit/get-visit.http.controller';
import { ListVisitsHandler } from './visits/queries/list-visits/list-visits.handler';
import { ListVisitsHttpController } from './visits/queries/list-visits/list-visits.http.controller';
import { LogWorkHandler } from './work-log/commands/log-work/log-work.handler';
import { LogWorkHttpController } from './work-log/commands/log-work/log-work.http.controller';
import { WorkLogRepository } from './work-log/domain/work-log.repository';
import { WorkLogReader } from './work-log/infrastructure/work-log.reader';
import { TypeormWorkLogRepository } from './work-log/infrastructure/work-log.typeorm-repository';
import { ListWorkLogHandler } from './work-log/queries/list-work-log/list-work-log.handler';
import { ListWorkLogHttpController } from './work-log/queries/list-work-log/list-work-log.http.controller';

export const OUTREACH_SCHEMA = 'outreach';

const commandHandlers = [
  CopyEnterpriseHandler,
  CopyGridHandler,
  CopyUserHandler,
  CopyDepartmentHandler,
  SetLiaisonsHandler,
  CreateTaskListHandler,
  ReviseTaskListHandler,
  PublishTaskListHandler,
  UploadVisitPhotoHandler,
  RecordVisitHandler,
  LinkVisitTicketHandler,
  RecordTicketFactsHandler,
  AddNeedHandler,
  UpdateNeedHandler,
  LogWorkHandler,
];

const queryHandlers = [
  GetLiaisonsHandler,
  ListEnterprisesHandler,
  GetTaskListHandler,
  ListTaskListsHandler,
  GetVisitHandler,
  ListVisitsHandler,
  DownloadVisitPhotoHandler,
  GetNeedHandler,
  ListNeedsHandler,
  ListWorkLogHandler,
  PlanVsDoneHandler,
  ExportPlanVsDoneHandler,
];

/**
 * The instructors' work (走访, 任务清单, 需求清单, 工作日志, 联系制度): schema `outreach`, HTTP under
 * /api/v1/outreach, events on ticketing.outreach.v1. Learns the directory and tickets from events.
 */
@Module({
  imports: [
    // Raw SQL in the repositories and readers: no TypeORM entities to register.
    DatabaseModule.forService({ schema: OUTREACH_SCHEMA, entities: [], migrations: outreachMigrations }),
    MessagingModule.forService({ service: 'outreach', schema: OUTREACH_SCHEMA }),
    CqrsModule,
    OutreachConfigModule,
    MulterModule.registerAsync({
      imports: [OutreachConfigModule],
      inject: [OUTREACH_CONFIG],
      useFactory: (config: OutreachConfig) => ({
        storage: memoryStorage(),
        limits: { fileSize: config.OUTREACH_PHOTO_MAX_BYTES, files: 1, fields: 5 },
        // Phones send file names as raw UTF-8; busboy's latin1 default would garble 现场.jpg.
        defParamCharset: 'utf8',
      }),
    }),
  ],
  // Fixed paths before `:id`, so /visits/photos never reaches the visit routes.
  controllers: [
    ListEnterprisesHttpController,
    GetLiaisonsHttpController,
    SetLiaisonsHttpController,
    ListTaskListsHttpController,
    CreateTaskListHttpController,
    GetTaskListHttpController,
    ReviseTaskListHttpController,
    PublishTaskListHttpController,
    UploadVisitPhotoHttpController,
    DownloadVisitPhotoHttpController,
    ListVisitsHttpController,
    RecordVisitHttpController,
    GetVisitHttpController,
    ListNeedsHttpController,
    AddNeedHttpController,
    GetNeedHttpController,
    UpdateNeedHttpController,
    ListWorkLogHttpController,
    LogWorkHttpController,
    ExportPlanVsDoneHttpController,
    PlanVsDoneHttpController,
  ],
  providers: [
    ...sessionRevocationProviders(OUTREACH_SCHEMA),
    ChangeLog,
    { provide: OutreachDirectory, useClass: TypeormOutreachDirectory },
    { provide: LiaisonsRepository, useClass: TypeormLiaisonsRepository },
    { provide: TaskListRepository, useClass: TypeormTaskListRepository },
    { provide: TaskListCandidates, useClass: TypeormTaskListCandidates },
    { provide: VisitRepository, useClass: TypeormVisitRepository },
    { provide: VisitPhotoRepository, useClass: TypeormVisitPhotoRepository },
    { provide: VisitIdempotencyKeys, useClass: TypeormVisitIdempotencyKeys },
    { provide: NeedRepository, useClass: TypeormNeedRepository },
    { provide: WorkLogRepository, useClass: TypeormWorkLogRepository },
    { provide: TicketCopies, useClass: TypeormTicketCopies },
    {
      // The content-addressed store shared with the ticket service (libs/platform/src/files).
      provide: PhotoStorage,
      inject: [OUTREACH_CONFIG],
      useFactory: (config: OutreachConfig): PhotoStorage =>
        new ContentAddressedFiles(uploadsDir(config.dataDir)),
    },
    EnterpriseFileReader,
    TaskListReader,
    VisitReader,
    NeedReader,
    WorkLogReader,
    PlanMonthReader,
    DirectoryEventsConsumer,
    TicketEventsConsumer,
    ...commandHandlers,
    ...queryHandlers,
  ],
})
export class OutreachModule {}
