import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import type { Response } from 'express';
import { OptionalId, RequiredMonth } from '../../../shared/query-fields';
import { sendFile, XLSX } from '../../http/send-file';
import { MonthlyReportQuery } from './monthly-report.query';

export class MonthlyReportRequestDto {
  @RequiredMonth()
  month!: string;

  @OptionalId('departmentId')
  departmentId?: string;
}

@ApiTags('ledger: exports')
@Controller('api/v1/ledger/exports/monthly-report.xlsx')
export class MonthlyReportHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('committee', 'admin', 'department')
  @ApiOperation({ summary: 'Monthly report: 月度汇总 (rank, rates) and 诉求明细, for one department or all' })
  @ApiProduces(XLSX)
  @ApiOkResponse({
    description: 'an .xlsx workbook with sheets 月度汇总 and 诉求明细',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiBadRequestResponse({ description: 'month missing or not YYYY-MM' })
  async report(
    @CurrentUser() user: AuthUser,
    @Query() q: MonthlyReportRequestDto,
    @Res() res: Response,
  ): Promise<void> {
    sendFile(
      res,
      await this.queries.execute<MonthlyReportQuery, Buffer>(
        MonthlyReportQuery.create({ user, month: q.month, departmentId: q.departmentId }),
      ),
      XLSX,
      {
        zh: `月度报告_${q.month}${q.departmentId ? `_${q.departmentId}` : ''}.xlsx`,
        ascii: `monthly-report_${q.month}${q.departmentId ? `_${q.departmentId}` : ''}.xlsx`,
      },
    );
  }
}
