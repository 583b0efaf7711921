import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MulterModule } from '@nestjs/platform-express';
import { DatabaseModule } from '@ticketing/database';
import { MessagingModule } from '@ticketing/messaging';
import { memoryStorage } from 'multer';
import { UploadAttachmentHandler } from './attachments/commands/upload-attachment/upload-attachment.handler';
import { UploadAttachmentHttpController } from './attachments/commands/upload-attachment/upload-attachment.http.controller';
import { AttachmentBinder } from './attachments/infrastructure/attachment-binder';
import { AttachmentOrmEntity } from './attachments/infrastructure/attachment.orm-entity';
import { AttachmentStorage } from './attachments/infrastructure/attachment.storage';
import { DownloadAttachmentHandler } from './attachments/queries/download-attachment/download-attachment.handler';
import { DownloadAttachmentHttpController } from './attachments/queries/download-attachment/download-attachment.http.controller';
import { CategoryOrmEntity } from './categories/infrastructure/category.orm-entity';
import { ListCategoriesHandler } from './categories/queries/list-categories/list-categories.handler';
import { ListCategoriesHttpController } from './categories/queries/list-categories/list-categories.http.controller';
import { DirectoryEventsConsumer } from './directory/consumers/directory-events.consumer';
import {
  DirectoryDepartmentOrmEntity,
  DirectoryEnterpriseOrmEntity,
} from './directory/infrastructure/directory.orm-entity';
import { ticketMigrations } from './migrations';
import { TICKET_CONFIG, TicketConfig, TicketConfigModule } from './ticket.config';
import { AcknowledgeTicketHandler } from './tickets/commands/acknowledge-ticket/acknowledge-ticket.handler';
import { AcknowledgeTicketHttpController } from './tickets/commands/acknowledge-ticket/acknowledge-ticket.http.controller';
import { ApplyTransferDecisionHandler } from './tickets/commands/apply-transfer-decision/apply-transfer-decision.handler';
import { AssignTicketHandler } from './tickets/commands/assign-ticket/assign-ticket.handler';
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
import { SubmitRateLimitGuard } from './tickets/commands/submit-ticket/submit-rate-limit.guard';
import { SubmitTicketHandler } from './tickets/commands/submit-ticket/submit-ticket.handler';
import { SubmitTicketHttpController } from './tickets/commands/submit-ticket/submit-ticket.http.controller';
import { SuperviseTicketHandler } from './tickets/commands/supervise-ticket/supervise-ticket.handler';
import { SuperviseTicketHttpController } from './tickets/commands/supervise-ticket/supervise-ticket.http.controller';
import { WithdrawTicketHandler } from './tickets/commands/withdraw-ticket/withdraw-ticket.handler';
import { WithdrawTicketHttpController } from './tickets/commands/withdraw-ticket/withdraw-ticket.http.controller';
import { DispatchEventsConsumer } from './tickets/consumers/dispatch-events.consumer';
import { SlaEventsConsumer } from './tickets/consumers/sla-events.consumer';
import { TicketScopeReader } from './tickets/infrastructure/ticket-scope.reader';
import { TicketDeadlinesProjector } from './tickets/infrastructure/ticket-deadlines.projector';
import {
  TicketDeadlinesOrmEntity,
  TicketOrmEntity,
  TicketPartOrmEntity,
  TicketStepOrmEntity,
} from './tickets/infrastructure/ticket.orm-entity';
import { TicketRepository } from './tickets/infrastructure/ticket.repository';
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
];

const commandHandlers = [
  SubmitTicketHandler,
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
  AssignTicketHandler,
  QueueTriageHandler,
  ApplyTransferDecisionHandler,
  CloseLapsedFeedbackHandler,
  UploadAttachmentHandler,
];

const queryHandlers = [
  GetTicketHandler,
  ListTicketsHandler,
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
    ListCategoriesHttpController,
    UploadAttachmentHttpController,
    DownloadAttachmentHttpController,
    ListTicketsHttpController,
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
  ],
  providers: [
    TicketRepository,
    TicketScopeReader,
    TicketDeadlinesProjector,
    TicketActionRunner,
    SystemChangeRunner,
    AttachmentStorage,
    AttachmentBinder,
    SubmitRateLimitGuard,
    DirectoryEventsConsumer,
    DispatchEventsConsumer,
    SlaEventsConsumer,
    ...commandHandlers,
    ...queryHandlers,
  ],
})
export class TicketModule {}
