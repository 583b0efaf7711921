import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { Matches } from 'class-validator';
import type { Response } from 'express';
import { AccessTokenField, MONTH_PATTERN, OptionalId } from '../../../shared/query-fields';
import { sendFile, XLSX } from '../export-ledger/export-ledger.http.controller';
import { MonthlyReportHandler } from './monthly-report.handler';

export class MonthlyReportRequestDto {
  @ApiProperty({ example: '2026-03' })
  @Matches(MONTH_PATTERN, { message: 'month must be YYYY-MM, e.g. 2026-03' })
  month!: string;

  @OptionalId('departmentId')
  departmentId?: string;

  @AccessTokenField()
  access_token?: string;
}

@ApiTags('ledger: exports')
@Controller('api/v1/ledger/exports/monthly-report.xlsx')
export class MonthlyReportHttpController {
  constructor(private readonly handler: MonthlyReportHandler) {}

  @Get()
  @Roles('committee', 'admin', 'department')
  @ApiOperation({ summary: 'Monthly report: 月度汇总 (rank, rates) and 工单明细, for one department or all' })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'an .xlsx workbook with sheets 月度汇总 and 工单明细' })
  @ApiBadRequestResponse({ description: 'month missing or not YYYY-MM' })
  async report(@CurrentUser() user: AuthUser, @Query() q: MonthlyReportRequestDto, @Res() res: Response): Promise<void> {
    sendFile(res, await this.handler.xlsx(user, q.month, q.departmentId), XLSX, `月报_${q.month}${q.departmentId ? `_${q.departmentId}` : ''}.xlsx`);
  }
}
