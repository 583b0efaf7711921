import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MulterModule } from '@nestjs/platform-express';
import { DatabaseModule } from '@ticketing/database';
import { MessagingModule } from '@ticketing/messaging';
import { ContentAddressedFiles, sessionRevocationProviders, uploadsDir } from '@ticketing/platform';
import { memoryStorage } from 'multer';
import { UploadAttachmentHandler } from './attachments/commands/upload-attachment/upload-attachment.handler';
import { UploadAttachmentHttpController } from './attachments/commands/upload-attachment/upload-attachment.http.controller';
import { AttachmentRepository } from './attachments/domain/attachment';
import { AttachmentBinder } from './attachments/domain/attachment-binder';
import { AttachmentStorage } from './attachments/domain/attachment-storage';
import { TypeormAttachmentRepository } from './attachments/infrastructure/attachment.typeorm-repository';
import { AttachmentOrmEntity } from './attachments/infrastructure/attachment.orm-entity';
import { DownloadAttachmentHandler } from './attachments/queries/download-attachment/download-attachment.handler';
import { DownloadAttachmentHttpController } from './attachments/queries/download-attachment/download-attachment.http.controller';
import { CategoryCatalog } from './categories/domain/category-catalog';
import { TypeormCategoryCatalog } from './categories/infrastructure/category-catalog.typeorm-repository';
import { CategoryOrmEntity } from './categories/infrastructure/category.orm-entity';
import { ListCategoriesHandler } from './categories/queries/list-categories/list-categories.handler';
import { ListCategoriesHttpController } from './categories/queries/list-categories/list-categories.http.controller';
import { CopyDepartmentHandler } from './directory/commands/copy-department/copy-department.handler';
import { CopyEnterpriseHandler } from './directory/commands/copy-enterprise/copy-enterprise.handler';
import { CopyUserHandler } from './directory/commands/copy-user/copy-user.handler';
import { ListHandlersHandler } from './directory/queries/list-handlers/list-handlers.handler';
import { ListHandlersHttpController } from './directory/queries/list-handlers/list-handlers.http.controller';
import { DirectoryEventsConsumer } from './directory/consumers/directory-events.consumer';
import { EnterpriseDirectory } from './directory/domain/enterprise-directory';
import { TypeormEnterpriseDirectory } from './directory/infrastructure/enterprise-directory.typeorm-repository';
import {
  DirectoryDepartmentOrmEntity,
  DirectoryEnterpriseOrmEntity,
  DirectoryUserOrmEntity,
} from './directory/infrastructure/directory.orm-entity';
import { ticketMigrations } from './migrations';
import { CreateTemplateHandler } from './templates/commands/create-template/create-template.handler';
import { CreateTemplateHttpController } from './templates/commands/create-template/create-template.http.controller';
import { DeleteTemplateHandler } from './templates/commands/delete-template/delete-template.handler';
import { DeleteTemplateHttpController } from './templates/commands/delete-template/delete-template.http.controller';
import { UpdateTemplateHandler } from './templates/commands/update-template/update-template.handler';
import { UpdateTemplateHttpController } from './templates/commands/update-template/update-template.http.controller';
import { ReplyTemplateRepository } from './templates/domain/reply-template.repository';
import {
  ReplyTemplateHistoryOrmEntity,
  ReplyTemplateOrmEntity,
} from './templates/infrastructure/reply-template.orm-entity';
import { TypeormReplyTemplateRepository } from './templates/infrastructure/reply-template.typeorm-repository';
import { TemplateTicketReader } from './templates/infrastructure/template-ticket.reader';
import { ListTemplatesHandler } from './templates/queries/list-templates/list-templates.handler';
import { ListTemplatesHttpController } from './templates/queries/list-templates/list-templates.http.controller';
import { RenderTemplateHandler } from './templates/queries/render-template/render-template.handler';
import { RenderTemplateHttpController } from './templates/queries/render-template/render-template.http.controller';
import { TicketSearchParts } from './search/search.wiring';
import { TICKET_CONFIG, TicketConfig, TicketConfigModule } from './ticket.config';
import { AcknowledgeTicketHandler } from './tickets/commands/acknowledge-ticket/acknowledge-ticket.handler';
import { AcknowledgeTicketHttpController } from './tickets/commands/acknowledge-ticket/acknowledge-ticket.http.controller';
import { AddNoteHandler } from './tickets/commands/add-note/add-note.handler';
import { BulkAcknowledgeHandler } from './tickets/commands/bulk-acknowledge/bulk-acknowledge.handler';
import { BulkAcknowledgeHttpController } from './tickets/commands/bulk-acknowledge/bulk-acknowledge.http.controller';
import { BulkAssignHandlerHandler } from './tickets/commands/bulk-assign-handler/bulk-assign-handler.handler';
import { BulkAssignHandlerHttpController } from './tickets/commands/bulk-assign-handler/bulk-assign-handler.http.controller';
import { BulkSuperviseHandler } from './tickets/commands/bulk-supervise/bulk-supervise.handler';
import { BulkSuperviseHttpController } from './tickets/commands/bulk-supervise/bulk-supervise.http.controller';
import { RecordCallbackHandler } from './tickets/commands/record-callback/record-callback.handler';
import { RecordCallbackHttpController } from './tickets/commands/record-callback/record-callback.http.controller';
import { AddNoteHttpController } from './tickets/commands/add-note/add-note.http.controller';
import { AssignHandlerHandler } from './tickets/commands/assign-handler/assign-handler.handler';
import { AssignHandlerHttpController } from './tickets/commands/assign-handler/assign-handler.http.controller';
import { LinkTicketsHandler } from './tickets/commands/link-tickets/link-tickets.handler';
import { LinkTicketsHttpController } from './tickets/commands/link-tickets/link-tickets.http.controller';
import { MergeTicketHandler } from './tickets/commands/merge-ticket/merge-ticket.handler';
import { MergeTicketHttpController } from './tickets/commands/merge-ticket/merge-ticket.http.controller';
import { PostMessageHandler } from './tickets/commands/post-message/post-message.handler';
import { PostMessageHttpController } from './tickets/commands/post-message/post-message.http.controller';
import { ProvideInformationHandler } from './tickets/commands/provide-information/provide-information.handler';
import { ProvideInformationHttpController } from './tickets/commands/provide-information/provide-information.http.controller';
import { RequestInformationHandler } from './tickets/commands/request-information/request-information.handler';
import { RequestInformationHttpController } from './tickets/commands/request-information/request-information.http.controller';
import { ApplyTransferDecisionHandler } from './tickets/commands/apply-transfer-decision/apply-transfer-decision.handler';
import { AssignTicketsHandler } from './tickets/commands/assign-tickets/assign-tickets.handler';
import { CloseLapsedFeedbackHandler } from './tickets/commands/close-lapsed-feedback/close-lapsed-feedback.handler';
import { CloseTicketHandler } from './tickets/commands/close-ticket/close-ticket.handler';
import { CloseTicketHttpController } from './tickets/commands/close-ticket/close-ticket.http.controller';
import { DecideExtensionHandler } from './tickets/commands/decide-extension/decide-extension.handler';
import { DecideExtensionHttpController } from './tickets/commands/decide-extension/decide-extension.http.controller';
import { GiveFeedbackHandler } from './tickets/commands/give-feedback/give-feedback.handler';
import { GiveFeedbackHttpController } from './tickets/commands/give-feedback/give-feedback.http.controller';
import { InterimReplyHandler } from './tickets/commands/interim-reply/interim-reply.handler';
import { InterimReplyHttpController } from './tickets/commands/interim-reply/interim-reply.http.controller';
import { QueueTriageHandler } from './tickets/commands/queue-triage/queue-triage.handler';
import { ReopenTicketHandler } from './tickets/commands/reopen-ticket/reopen-ticket.handler';
import { ReopenTicketHttpController } from './tickets/commands/reopen-ticket/reopen-ticket.http.controller';
import { ReplyTicketHandler } from './tickets/commands/reply-ticket/reply-ticket.handler';
import { ReplyTicketHttpController } from './tickets/commands/reply-ticket/reply-ticket.http.controller';
import { ReportPartHandler } from './tickets/commands/report-part/report-part.handler';
import { ReportPartHttpController } from './tickets/commands/report-part/report-part.http.controller';
import { RequestExtensionHandler } from './tickets/commands/request-extension/request-extension.handler';
import { RequestExtensionHttpController } from './tickets/commands/request-extension/request-extension.http.controller';
import { RequestTransferHandler } from './tickets/commands/request-transfer/request-transfer.handler';
import { RequestTransferHttpController } from './tickets/commands/request-transfer/request-transfer.http.controller';
import { ResolveTicketHandler } from './tickets/commands/resolve-ticket/resolve-ticket.handler';
import { ResolveTicketHttpController } from './tickets/commands/resolve-ticket/resolve-ticket.http.controller';
import { SubmitFromVisitHandler } from './tickets/commands/submit-from-visit/submit-from-visit.handler';
import { SubmitRateLimitGuard } from './tickets/commands/submit-ticket/submit-rate-limit.guard';
import { SubmitTicketHandler } from './tickets/commands/submit-ticket/submit-ticket.handler';
import { SubmitTicketHttpController } from './tickets/commands/submit-ticket/submit-ticket.http.controller';
import { SuperviseTicketHandler } from './tickets/commands/supervise-ticket/supervise-ticket.handler';
import { SuperviseTicketHttpController } from './tickets/commands/supervise-ticket/supervise-ticket.http.controller';
import { WithdrawTicketHandler } from './tickets/commands/withdraw-ticket/withdraw-ticket.handler';
import { WithdrawTicketHttpController } from './tickets/commands/withdraw-ticket/withdraw-ticket.http.controller';
import { DispatchEventsConsumer } from './tickets/consumers/dispatch-events.consumer';
import { OutreachEventsConsumer } from './tickets/consumers/outreach-events.consumer';
import { SlaEventsConsumer } from './tickets/consumers/sla-events.consumer';
import { RecordSlaClocksHandler } from './tickets/commands/record-sla-clocks/record-sla-clocks.handler';
import { IdempotencyKeys } from './tickets/domain/idempotency-keys';
import { TicketDeadlines } from './tickets/domain/ticket-deadlines';
import { TicketNumbers } from './tickets/domain/ticket-numbers';
import { RecentTickets } from './tickets/domain/similar-tickets';
import { TicketRepository } from './tickets/domain/ticket.repository';
import { TypeormIdempotencyKeys } from './tickets/infrastructure/idempotency-keys.typeorm-repository';
import { TypeormTicketDeadlines } from './tickets/infrastructure/ticket-deadlines.typeorm-repository';
import { TicketDetailReader } from './tickets/infrastructure/ticket-detail.reader';
import { TicketListReader } from './tickets/infrastructure/ticket-list.reader';
import { TypeormTicketNumbers } from './tickets/infrastructure/ticket-numbers.typeorm-repository';
import { TypeormRecentTickets } from './tickets/infrastructure/recent-tickets.typeorm-repository';
import { TicketScopeReader } from './tickets/infrastructure/ticket-scope.reader';
import { TypeormTicketRepository } from './tickets/infrastructure/ticket.typeorm-repository';
import {
  TicketDeadlinesOrmEntity,
  TicketOrmEntity,
  TicketPartOrmEntity,
  TicketStepOrmEntity,
} from './tickets/infrastructure/ticket.orm-entity';
import { FindSimilarTicketsHandler } from './tickets/queries/find-similar/find-similar.handler';
import { FindSimilarTicketsHttpController } from './tickets/queries/find-similar/find-similar.http.controller';
import { GetTicketHandler } from './tickets/queries/get-ticket/get-ticket.handler';
import { GetTicketHttpController } from './tickets/queries/get-ticket/get-ticket.http.controller';
import { ListTicketsHandler } from './tickets/queries/list-tickets/list-tickets.handler';
import { ListTicketsHttpController } from './tickets/queries/list-tickets/list-tickets.http.controller';
import { SystemChangeRunner } from './tickets/system-change.runner';
import { TicketActionRunner } from './tickets/ticket-action.runner';

export const TICKET_SCHEMA = 'ticket';

const entities = [
  TicketOrmEntity,
  TicketPartOrmEntity,
  TicketStepOrmEntity,
  TicketDeadlinesOrmEntity,
  AttachmentOrmEntity,
  CategoryOrmEntity,
  DirectoryEnterpriseOrmEntity,
  DirectoryDepartmentOrmEntity,
  DirectoryUserOrmEntity,
  ReplyTemplateOrmEntity,
  ReplyTemplateHistoryOrmEntity,
];

const commandHandlers = [
  SubmitTicketHandler,
  SubmitFromVisitHandler,
  WithdrawTicketHandler,
  AcknowledgeTicketHandler,
  RequestTransferHandler,
  InterimReplyHandler,
  RequestExtensionHandler,
  DecideExtensionHandler,
  ReportPartHandler,
  ResolveTicketHandler,
  ReplyTicketHandler,
  GiveFeedbackHandler,
  ReopenTicketHandler,
  CloseTicketHandler,
  SuperviseTicketHandler,
  AssignTicketsHandler,
  QueueTriageHandler,
  ApplyTransferDecisionHandler,
  CloseLapsedFeedbackHandler,
  RecordSlaClocksHandler,
  CopyEnterpriseHandler,
  CopyDepartmentHandler,
  CopyUserHandler,
  UploadAttachmentHandler,
  RequestInformationHandler,
  ProvideInformationHandler,
  PostMessageHandler,
  AddNoteHandler,
  AssignHandlerHandler,
  MergeTicketHandler,
  LinkTicketsHandler,
  CreateTemplateHandler,
  UpdateTemplateHandler,
  DeleteTemplateHandler,
  BulkAcknowledgeHandler,
  BulkSuperviseHandler,
  BulkAssignHandlerHandler,
  RecordCallbackHandler,
];

const queryHandlers = [
  GetTicketHandler,
  ListTicketsHandler,
  FindSimilarTicketsHandler,
  ListHandlersHandler,
  ListTemplatesHandler,
  RenderTemplateHandler,
  ListCategoriesHandler,
  DownloadAttachmentHandler,
];

@Module({
  imports: [
    DatabaseModule.forService({ schema: TICKET_SCHEMA, entities, migrations: ticketMigrations }),
    MessagingModule.forService({ service: 'ticket', schema: TICKET_SCHEMA }),
    CqrsModule,
    TicketConfigModule,
    MulterModule.registerAsync({
      imports: [TicketConfigModule],
      inject: [TICKET_CONFIG],
      useFactory: (config: TicketConfig) => ({
        storage: memoryStorage(),
        limits: { fileSize: config.TICKET_ATTACHMENT_MAX_BYTES, files: 1, fields: 5 },
        // Browsers send file names as raw UTF-8; busboy's latin1 default would garble 现场.png.
        defParamCharset: 'utf8',
      }),
    }),
  ],
  // Fixed paths before `:id`, so /categories and /attachments never reach the ticket routes.
  controllers: [
    ...TicketSearchParts.controllers,
    ListCategoriesHttpController,
    ListTemplatesHttpController,
    CreateTemplateHttpController,
    UpdateTemplateHttpController,
    DeleteTemplateHttpController,
    RenderTemplateHttpController,
    BulkAcknowledgeHttpController,
    BulkSuperviseHttpController,
    BulkAssignHandlerHttpController,
    UploadAttachmentHttpController,
    DownloadAttachmentHttpController,
    ListTicketsHttpController,
    FindSimilarTicketsHttpController,
    ListHandlersHttpController,
    SubmitTicketHttpController,
    GetTicketHttpController,
    WithdrawTicketHttpController,
    AcknowledgeTicketHttpController,
    RequestTransferHttpController,
    InterimReplyHttpController,
    RequestExtensionHttpController,
    DecideExtensionHttpController,
    ReportPartHttpController,
    ResolveTicketHttpController,
    ReplyTicketHttpController,
    GiveFeedbackHttpController,
    ReopenTicketHttpController,
    CloseTicketHttpController,
    SuperviseTicketHttpController,
    RequestInformationHttpController,
    ProvideInformationHttpController,
    PostMessageHttpController,
    AddNoteHttpController,
    AssignHandlerHttpController,
    MergeTicketHttpController,
    LinkTicketsHttpController,
    RecordCallbackHttpController,
  ],
  providers: [
    ...sessionRevocationProviders(TICKET_SCHEMA),
    { provide: TicketRepository, useClass: TypeormTicketRepository },
    { provide: TicketNumbers, useClass: TypeormTicketNumbers },
    { provide: RecentTickets, useClass: TypeormRecentTickets },
    { provide: ReplyTemplateRepository, useClass: TypeormReplyTemplateRepository },
    TemplateTicketReader,
    { provide: TicketDeadlines, useClass: TypeormTicketDeadlines },
    { provide: IdempotencyKeys, useClass: TypeormIdempotencyKeys },
    { provide: EnterpriseDirectory, useClass: TypeormEnterpriseDirectory },
    { provide: CategoryCatalog, useClass: TypeormCategoryCatalog },
    { provide: AttachmentRepository, useClass: TypeormAttachmentRepository },
    {
      // The shared content-addressed store (libs/platform): visit photos reach tickets by checksum.
      provide: AttachmentStorage,
      inject: [TICKET_CONFIG],
      useFactory: (config: TicketConfig): AttachmentStorage =>
        new ContentAddressedFiles(uploadsDir(config.dataDir)),
    },
    {
      provide: AttachmentBinder,
      inject: [AttachmentRepository],
      useFactory: (attachments: AttachmentRepository) => new AttachmentBinder(attachments),
    },
    TicketScopeReader,
    TicketDetailReader,
    TicketListReader,
    TicketActionRunner,
    SystemChangeRunner,
    SubmitRateLimitGuard,
    DirectoryEventsConsumer,
    DispatchEventsConsumer,
    SlaEventsConsumer,
    OutreachEventsConsumer,
    ...commandHandlers,
    ...queryHandlers,
    ...TicketSearchParts.providers,
  ],
})
export class TicketModule {}
