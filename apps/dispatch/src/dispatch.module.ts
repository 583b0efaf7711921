import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DatabaseModule } from '@ticketing/database';
import { MessagingModule } from '@ticketing/messaging';
import { sessionRevocationProviders } from '@ticketing/platform';
import { UpsertDepartmentHandler } from './departments/commands/upsert-department/upsert-department.handler';
import { DirectoryEventsConsumer } from './departments/consumers/directory-events.consumer';
import { DepartmentRepository } from './departments/domain/department.repository';
import { DepartmentOrmEntity } from './departments/infrastructure/department.orm-entity';
import { TypeormDepartmentRepository } from './departments/infrastructure/department.typeorm-repository';
import { DISPATCH_SCHEMA } from './dispatch.constants';
import { dispatchMigrations } from './migrations';
import { CreateRuleHandler } from './rules/commands/create-rule/create-rule.handler';
import { CreateRuleHttpController } from './rules/commands/create-rule/create-rule.http.controller';
import { ReorderRulesHandler } from './rules/commands/reorder-rules/reorder-rules.handler';
import { ReorderRulesHttpController } from './rules/commands/reorder-rules/reorder-rules.http.controller';
import { SetRuleEnabledHandler } from './rules/commands/set-rule-enabled/set-rule-enabled.handler';
import { SetRuleEnabledHttpController } from './rules/commands/set-rule-enabled/set-rule-enabled.http.controller';
import { UpdateRuleHandler } from './rules/commands/update-rule/update-rule.handler';
import { UpdateRuleHttpController } from './rules/commands/update-rule/update-rule.http.controller';
import { RoutingRuleRepository } from './rules/domain/routing-rule.repository';
import { RoutingRuleVersionOrmEntity } from './rules/infrastructure/routing-rule-version.orm-entity';
import { RoutingRuleOrmEntity } from './rules/infrastructure/routing-rule.orm-entity';
import { TypeormRoutingRuleRepository } from './rules/infrastructure/routing-rule.typeorm-repository';
import { ExplainRoutingHandler } from './rules/queries/explain-routing/explain-routing.handler';
import { ExplainRoutingHttpController } from './rules/queries/explain-routing/explain-routing.http.controller';
import { ListRuleVersionsHandler } from './rules/queries/list-rule-versions/list-rule-versions.handler';
import { ListRuleVersionsHttpController } from './rules/queries/list-rule-versions/list-rule-versions.http.controller';
import { GetRuleHandler, ListRulesHandler } from './rules/queries/list-rules/list-rules.handler';
import { ListRulesHttpController } from './rules/queries/list-rules/list-rules.http.controller';
import { DepartmentActivityOrmEntity } from './stats/infrastructure/department-activity.orm-entity';
import { DepartmentStatsReader } from './stats/infrastructure/department-stats.reader';
import { DepartmentStatsHandler } from './stats/queries/department-stats/department-stats.handler';
import { DepartmentStatsHttpController } from './stats/queries/department-stats/department-stats.http.controller';
import { EndTicketHandler } from './tickets/commands/end-ticket/end-ticket.handler';
import { FollowAssignmentsHandler } from './tickets/commands/follow-assignments/follow-assignments.handler';
import { RecordReopenHandler } from './tickets/commands/record-reopen/record-reopen.handler';
import { RouteTicketsHandler } from './tickets/commands/route-tickets/route-tickets.handler';
import { TicketEventsConsumer } from './tickets/consumers/ticket-events.consumer';
import { RoutedTicketRepository } from './tickets/domain/routed-ticket.repository';
import { DispatchTicketOrmEntity } from './tickets/infrastructure/dispatch-ticket.orm-entity';
import { TypeormRoutedTicketRepository } from './tickets/infrastructure/routed-ticket.typeorm-repository';
import { TicketHistoryOrmEntity } from './tickets/infrastructure/ticket-history.orm-entity';
import { TicketHistoryReader } from './tickets/infrastructure/ticket-history.reader';
import { TicketHistoryHandler } from './tickets/queries/ticket-history/ticket-history.handler';
import { TicketHistoryHttpController } from './tickets/queries/ticket-history/ticket-history.http.controller';
import { DecideTransferHandler } from './transfers/commands/decide-transfer/decide-transfer.handler';
import { DecideTransferHttpController } from './transfers/commands/decide-transfer/decide-transfer.http.controller';
import { RecordTransferRequestHandler } from './transfers/commands/record-transfer-request/record-transfer-request.handler';
import { TransferRequestRepository } from './transfers/domain/transfer-request.repository';
import { TransferListReader } from './transfers/infrastructure/transfer-list.reader';
import { TransferRequestOrmEntity } from './transfers/infrastructure/transfer-request.orm-entity';
import { TypeormTransferRequestRepository } from './transfers/infrastructure/transfer-request.typeorm-repository';
import { ListTransfersHandler } from './transfers/queries/list-transfers/list-transfers.handler';
import { ListTransfersHttpController } from './transfers/queries/list-transfers/list-transfers.http.controller';
import { AssignFromTriageHandler } from './triage/commands/assign-from-triage/assign-from-triage.handler';
import { AssignFromTriageHttpController } from './triage/commands/assign-from-triage/assign-from-triage.http.controller';
import { BulkAssignFromTriageHandler } from './triage/commands/bulk-assign-from-triage/bulk-assign-from-triage.handler';
import { BulkAssignFromTriageHttpController } from './triage/commands/bulk-assign-from-triage/bulk-assign-from-triage.http.controller';
import { TriageQueueReader } from './triage/infrastructure/triage-queue.reader';
import { ListTriageHandler } from './triage/queries/list-triage/list-triage.handler';
import { ListTriageHttpController } from './triage/queries/list-triage/list-triage.http.controller';

export { DISPATCH_SCHEMA } from './dispatch.constants';

const entities = [
  DepartmentOrmEntity,
  RoutingRuleOrmEntity,
  RoutingRuleVersionOrmEntity,
  DispatchTicketOrmEntity,
  TicketHistoryOrmEntity,
  TransferRequestOrmEntity,
  DepartmentActivityOrmEntity,
];

/** 党委响应: routing rules, the triage queue and transfer arbitration. */
@Module({
  imports: [
    CqrsModule,
    DatabaseModule.forService({ schema: DISPATCH_SCHEMA, entities, migrations: dispatchMigrations }),
    MessagingModule.forService({ service: 'dispatch', schema: DISPATCH_SCHEMA }),
  ],
  // Static paths (rules/order, rules/explain) are registered before rules/:id so they are not taken for ids.
  controllers: [
    ReorderRulesHttpController,
    ExplainRoutingHttpController,
    ListRulesHttpController,
    ListRuleVersionsHttpController,
    CreateRuleHttpController,
    UpdateRuleHttpController,
    SetRuleEnabledHttpController,
    ListTriageHttpController,
    AssignFromTriageHttpController,
    BulkAssignFromTriageHttpController,
    ListTransfersHttpController,
    DecideTransferHttpController,
    TicketHistoryHttpController,
    DepartmentStatsHttpController,
  ],
  providers: [
    ...sessionRevocationProviders(DISPATCH_SCHEMA),
    { provide: DepartmentRepository, useClass: TypeormDepartmentRepository },
    { provide: RoutingRuleRepository, useClass: TypeormRoutingRuleRepository },
    { provide: RoutedTicketRepository, useClass: TypeormRoutedTicketRepository },
    { provide: TransferRequestRepository, useClass: TypeormTransferRequestRepository },
    TriageQueueReader,
    TransferListReader,
    TicketHistoryReader,
    DepartmentStatsReader,
    UpsertDepartmentHandler,
    CreateRuleHandler,
    UpdateRuleHandler,
    SetRuleEnabledHandler,
    ReorderRulesHandler,
    ListRulesHandler,
    GetRuleHandler,
    ListRuleVersionsHandler,
    ExplainRoutingHandler,
    RouteTicketsHandler,
    FollowAssignmentsHandler,
    RecordReopenHandler,
    EndTicketHandler,
    ListTriageHandler,
    AssignFromTriageHandler,
    BulkAssignFromTriageHandler,
    RecordTransferRequestHandler,
    ListTransfersHandler,
    DecideTransferHandler,
    TicketHistoryHandler,
    DepartmentStatsHandler,
    TicketEventsConsumer,
    DirectoryEventsConsumer,
  ],
})
export class DispatchModule {}
