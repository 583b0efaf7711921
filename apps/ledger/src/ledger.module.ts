import { Module, Provider } from '@nestjs/common';
import { BaseEnv } from '@ticketing/config';
import { DatabaseModule } from '@ticketing/database';
import { MessagingModule } from '@ticketing/messaging';
import { APP_CONFIG } from '@ticketing/platform';
import { SealChainHandler } from './chain/commands/seal-chain/seal-chain.handler';
import { SealChainHttpController } from './chain/commands/seal-chain/seal-chain.http.controller';
import { LedgerEventsConsumer } from './chain/consumers/ledger-events.consumer';
import { LedgerAppender } from './chain/infrastructure/ledger-appender';
import { ListEntriesHandler } from './chain/queries/list-entries/list-entries.handler';
import { ListEntriesHttpController } from './chain/queries/list-entries/list-entries.http.controller';
import { VerifyChainHandler } from './chain/queries/verify-chain/verify-chain.handler';
import { VerifyChainHttpController } from './chain/queries/verify-chain/verify-chain.http.controller';
import { LiveFiguresReader } from './dashboard/infrastructure/live-figures.reader';
import { GetDepartmentHandler } from './dashboard/queries/get-department/get-department.handler';
import { GetDepartmentHttpController } from './dashboard/queries/get-department/get-department.http.controller';
import { GetJointMeetingAgendaHttpController } from './dashboard/queries/get-joint-meeting-agenda/get-joint-meeting-agenda.http.controller';
import { GetOverviewHandler } from './dashboard/queries/get-overview/get-overview.handler';
import { GetOverviewHttpController } from './dashboard/queries/get-overview/get-overview.http.controller';
import { GetTrendsHandler } from './dashboard/queries/get-trends/get-trends.handler';
import { GetTrendsHttpController } from './dashboard/queries/get-trends/get-trends.http.controller';
import { ListOverdueHttpController } from './dashboard/queries/list-overdue/list-overdue.http.controller';
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
import { GetDefinitionsHttpController } from './figures/queries/get-definitions/get-definitions.http.controller';
import { GetFiguresHandler } from './figures/queries/get-figures/get-figures.handler';
import { GetFiguresHttpController } from './figures/queries/get-figures/get-figures.http.controller';
import { GetRankingHandler } from './figures/queries/get-ranking/get-ranking.handler';
import { GetRankingHttpController } from './figures/queries/get-ranking/get-ranking.http.controller';
import { LEDGER_SETTINGS, ledgerSettingsFrom } from './ledger.env';
import { LedgerStream } from './live/ledger-stream';
import { StreamHttpController } from './live/stream.http.controller';
import { ledgerMigrations } from './migrations';
import { RebuildProjectionsHandler } from './projections/commands/rebuild-projections/rebuild-projections.handler';
import { RebuildProjectionsHttpController } from './projections/commands/rebuild-projections/rebuild-projections.http.controller';
import { Projector } from './projections/infrastructure/projector';

export const LEDGER_SCHEMA = 'ledger';

const settings: Provider = { provide: LEDGER_SETTINGS, inject: [APP_CONFIG], useFactory: (config: BaseEnv) => ledgerSettingsFrom(config) };

/**
 * The 台账: every event of every topic appended to a hash chain, the committee's figures projected
 * from it, dashboards, exports and the enterprise file.
 */
@Module({
  imports: [
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
    GetOverviewHttpController,
    GetDepartmentHttpController,
    GetTrendsHttpController,
    ListOverdueHttpController,
    GetJointMeetingAgendaHttpController,
    StreamHttpController,
    ExportLedgerHttpController,
    MonthlyReportHttpController,
    GetEnterpriseFileHttpController,
  ],
  providers: [
    settings,
    LedgerAppender,
    Projector,
    LedgerEventsConsumer,
    VerifyChainHandler,
    ListEntriesHandler,
    SealChainHandler,
    RebuildProjectionsHandler,
    FiguresReader,
    LiveFiguresReader,
    GetFiguresHandler,
    ExplainFigureHandler,
    GetRankingHandler,
    GetOverviewHandler,
    GetDepartmentHandler,
    GetTrendsHandler,
    LedgerRowsReader,
    ExportLedgerHandler,
    MonthlyReportHandler,
    GetEnterpriseFileHandler,
    LedgerStream,
  ],
})
export class LedgerModule {}
