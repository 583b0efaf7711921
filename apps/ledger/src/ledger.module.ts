import { Module, Provider } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { BaseEnv } from '@ticketing/config';
import { DatabaseModule } from '@ticketing/database';
import { MessagingModule } from '@ticketing/messaging';
import { APP_CONFIG, sessionRevocationProviders } from '@ticketing/platform';
import { AppendToLedgerHandler } from './chain/commands/append-to-ledger/append-to-ledger.handler';
import { SealChainHandler } from './chain/commands/seal-chain/seal-chain.handler';
import { SealChainHttpController } from './chain/commands/seal-chain/seal-chain.http.controller';
import { LedgerEventsConsumer } from './chain/consumers/ledger-events.consumer';
import { DailySealScheduler } from './chain/daily-seal.scheduler';
import { LedgerChainRepository } from './chain/domain/ledger-chain.repository';
import { ChainReader } from './chain/infrastructure/chain.reader';
import { TypeormLedgerChainRepository } from './chain/infrastructure/ledger-chain.typeorm-repository';
import { ListEntriesHandler } from './chain/queries/list-entries/list-entries.handler';
import { ListEntriesHttpController } from './chain/queries/list-entries/list-entries.http.controller';
import { ListSealsHandler } from './chain/queries/list-seals/list-seals.handler';
import { VerifyChainHandler } from './chain/queries/verify-chain/verify-chain.handler';
import { VerifyChainHttpController } from './chain/queries/verify-chain/verify-chain.http.controller';
import { JointMeetingReader } from './dashboard/infrastructure/joint-meeting.reader';
import { LiveFiguresReader } from './dashboard/infrastructure/live-figures.reader';
import { GetDepartmentHandler } from './dashboard/queries/get-department/get-department.handler';
import { GetDepartmentHttpController } from './dashboard/queries/get-department/get-department.http.controller';
import { GetJointMeetingAgendaHandler } from './dashboard/queries/get-joint-meeting-agenda/get-joint-meeting-agenda.handler';
import { GetJointMeetingAgendaHttpController } from './dashboard/queries/get-joint-meeting-agenda/get-joint-meeting-agenda.http.controller';
import { GetOverviewHandler } from './dashboard/queries/get-overview/get-overview.handler';
import { GetOverviewHttpController } from './dashboard/queries/get-overview/get-overview.http.controller';
import { GetTrendsHandler } from './dashboard/queries/get-trends/get-trends.handler';
import { GetTrendsHttpController } from './dashboard/queries/get-trends/get-trends.http.controller';
import { ListOverdueHandler } from './dashboard/queries/list-overdue/list-overdue.handler';
import { ListOverdueHttpController } from './dashboard/queries/list-overdue/list-overdue.http.controller';
import { EnterpriseFileReader } from './enterprises/infrastructure/enterprise-file.reader';
import { GetEnterpriseFileHandler } from './enterprises/queries/get-enterprise-file/get-enterprise-file.handler';
import { GetEnterpriseFileHttpController } from './enterprises/queries/get-enterprise-file/get-enterprise-file.http.controller';
import { LedgerRowsReader } from './exports/infrastructure/ledger-rows.reader';
import { ExportLedgerHandler } from './exports/queries/export-ledger/export-ledger.handler';
import { ExportLedgerHttpController } from './exports/queries/export-ledger/export-ledger.http.controller';
import { MonthlyReportHandler } from './exports/queries/monthly-report/monthly-report.handler';
import { MonthlyReportHttpController } from './exports/queries/monthly-report/monthly-report.http.controller';
import { FiguresReader } from './figures/infrastructure/figures.reader';
import { ExplainFigureHandler } from './figures/queries/explain-figure/explain-figure.handler';
import { ExplainFigureHttpController } from './figures/queries/explain-figure/explain-figure.http.controller';
import { GetDefinitionsHandler } from './figures/queries/get-definitions/get-definitions.handler';
import { GetDefinitionsHttpController } from './figures/queries/get-definitions/get-definitions.http.controller';
import { GetFiguresHandler } from './figures/queries/get-figures/get-figures.handler';
import { GetFiguresHttpController } from './figures/queries/get-figures/get-figures.http.controller';
import { GetRankingHandler } from './figures/queries/get-ranking/get-ranking.handler';
import { GetRankingHttpController } from './figures/queries/get-ranking/get-ranking.http.controller';
import { MeetingFiguresReader } from './dashboard/infrastructure/meeting-figures.reader';
import { GetHandlerFiguresHandler } from './figures/queries/get-handler-figures/get-handler-figures.handler';
import { GetHandlerFiguresHttpController } from './figures/queries/get-handler-figures/get-handler-figures.http.controller';
import { InstructorWorkReader } from './instructors/infrastructure/instructor-work.reader';
import { GetInstructorFiguresHandler } from './instructors/queries/get-instructor-figures/get-instructor-figures.handler';
import { GetInstructorFiguresHttpController } from './instructors/queries/get-instructor-figures/get-instructor-figures.http.controller';
import { GetInstructorRankingHandler } from './instructors/queries/get-instructor-ranking/get-instructor-ranking.handler';
import { GetInstructorRankingHttpController } from './instructors/queries/get-instructor-ranking/get-instructor-ranking.http.controller';
import { GetVisitAllowancesHandler } from './instructors/queries/get-visit-allowances/get-visit-allowances.handler';
import { GetVisitAllowancesHttpController } from './instructors/queries/get-visit-allowances/get-visit-allowances.http.controller';
import { ReportTicketsReader } from './reports/infrastructure/report-tickets.reader';
import { GetReviewReportHandler } from './reports/queries/get-review-report/get-review-report.handler';
import { GetReviewReportHttpController } from './reports/queries/get-review-report/get-review-report.http.controller';
import { PublishBulletinHandler } from './bulletins/commands/publish-bulletin/publish-bulletin.handler';
import { PublishBulletinHttpController } from './bulletins/commands/publish-bulletin/publish-bulletin.http.controller';
import { BulletinRepository, BulletinSource } from './bulletins/domain/bulletin.repository';
import { TypeormBulletinRepository } from './bulletins/infrastructure/bulletin.typeorm-repository';
import { TypeormBulletinSource } from './bulletins/infrastructure/bulletin.source';
import { BulletinsReader } from './bulletins/infrastructure/bulletins.reader';
import { GetBulletinHandler } from './bulletins/queries/get-bulletin/get-bulletin.handler';
import { GetBulletinHttpController } from './bulletins/queries/get-bulletin/get-bulletin.http.controller';
import { ListBulletinsHandler } from './bulletins/queries/list-bulletins/list-bulletins.handler';
import { ListBulletinsHttpController } from './bulletins/queries/list-bulletins/list-bulletins.http.controller';
import { LEDGER_SETTINGS, ledgerSettingsFrom } from './ledger.env';
import { LedgerStream } from './live/infrastructure/ledger-stream';
import { WatchLedgerHandler } from './live/queries/watch-ledger/watch-ledger.handler';
import { StreamHttpController } from './live/queries/watch-ledger/watch-ledger.http.controller';
import { ledgerMigrations } from './migrations';
import { LedgerProjectionRepository } from './projections/domain/ledger-projection.repository';
import { TypeormLedgerProjectionRepository } from './projections/infrastructure/ledger-projection.typeorm-repository';
import { RebuildProjectionsHandler } from './projections/commands/rebuild-projections/rebuild-projections.handler';
import { RebuildProjectionsHttpController } from './projections/commands/rebuild-projections/rebuild-projections.http.controller';
import { NamesReader } from './shared/infrastructure/names.reader';

export const LEDGER_SCHEMA = 'ledger';

const settings: Provider = {
  provide: LEDGER_SETTINGS,
  inject: [APP_CONFIG],
  useFactory: (config: BaseEnv) => ledgerSettingsFrom(config),
};

/**
 * The chain and its read models: repositories, the handlers that write them and verification. The
 * CLI (`ledger:verify`, `ledger:rebuild`) runs these same handlers on their own, without HTTP or
 * consumers; they need the service's unit of work and nothing else.
 */
export const LEDGER_CHAIN_PROVIDERS: Provider[] = [
  { provide: LedgerChainRepository, useClass: TypeormLedgerChainRepository },
  { provide: LedgerProjectionRepository, useClass: TypeormLedgerProjectionRepository },
  ChainReader,
  AppendToLedgerHandler,
  SealChainHandler,
  RebuildProjectionsHandler,
  VerifyChainHandler,
];

/**
 * The 台账: every event of every topic appended to a hash chain, the committee's figures projected
 * from it, dashboards, exports and the enterprise file.
 */
@Module({
  imports: [
    CqrsModule,
    DatabaseModule.forService({ schema: LEDGER_SCHEMA, entities: [], migrations: ledgerMigrations }),
    MessagingModule.forService({ service: 'ledger', schema: LEDGER_SCHEMA }),
  ],
  controllers: [
    VerifyChainHttpController,
    ListEntriesHttpController,
    SealChainHttpController,
    RebuildProjectionsHttpController,
    GetDefinitionsHttpController,
    ExplainFigureHttpController,
    GetFiguresHttpController,
    GetRankingHttpController,
    GetHandlerFiguresHttpController,
    GetInstructorRankingHttpController,
    GetVisitAllowancesHttpController,
    GetInstructorFiguresHttpController,
    GetOverviewHttpController,
    GetDepartmentHttpController,
    GetTrendsHttpController,
    ListOverdueHttpController,
    GetJointMeetingAgendaHttpController,
    StreamHttpController,
    ExportLedgerHttpController,
    MonthlyReportHttpController,
    GetReviewReportHttpController,
    PublishBulletinHttpController,
    ListBulletinsHttpController,
    GetBulletinHttpController,
    GetEnterpriseFileHttpController,
  ],
  providers: [
    ...sessionRevocationProviders(LEDGER_SCHEMA),
    settings,
    ...LEDGER_CHAIN_PROVIDERS,
    LedgerEventsConsumer,
    DailySealScheduler,
    ListEntriesHandler,
    ListSealsHandler,
    NamesReader,
    FiguresReader,
    LiveFiguresReader,
    JointMeetingReader,
    MeetingFiguresReader,
    InstructorWorkReader,
    EnterpriseFileReader,
    LedgerRowsReader,
    LedgerStream,
    GetDefinitionsHandler,
    GetFiguresHandler,
    ExplainFigureHandler,
    GetRankingHandler,
    GetHandlerFiguresHandler,
    GetInstructorRankingHandler,
    GetInstructorFiguresHandler,
    GetVisitAllowancesHandler,
    GetOverviewHandler,
    GetDepartmentHandler,
    GetTrendsHandler,
    ListOverdueHandler,
    GetJointMeetingAgendaHandler,
    ExportLedgerHandler,
    MonthlyReportHandler,
    ReportTicketsReader,
    GetReviewReportHandler,
    { provide: BulletinRepository, useClass: TypeormBulletinRepository },
    { provide: BulletinSource, useClass: TypeormBulletinSource },
    BulletinsReader,
    PublishBulletinHandler,
    ListBulletinsHandler,
    GetBulletinHandler,
    GetEnterpriseFileHandler,
    WatchLedgerHandler,
  ],
})
export class LedgerModule {}
