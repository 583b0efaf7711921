import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import type { Response } from 'express';
import { ledgerFileNames } from '../../domain/formats';
import { sendFile, XLSX } from '../../http/send-file';
import { ExportLedgerQuery } from './export-ledger.query';
import { ExportLedgerRequestDto } from './export-ledger.request.dto';

@ApiTags('ledger: exports')
@Controller('api/v1/ledger/exports')
export class ExportLedgerHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('ledger.xlsx')
  @Roles('committee', 'admin', 'department')
  @ApiOperation({ summary: 'The 问题台账 of a period as an Excel workbook (a department exports its own)' })
  @ApiProduces(XLSX)
  @ApiOkResponse({
    description:
      'columns 编号, 企业名称, 所属网格, 问题类别, 受理渠道, 诉求标题, 诉求内容, 承办部门, 协办部门, 承办人, 受理时间, 签收时间, 当前时限 (the clock of the status: 分派/签收/办结/评价时限), 办结时限, 办结时间, 是否超时 (against that clock; once resolved, first resolution against 办结时限), 办理状态 (the web app’s words), 办理结果, 答复时间, 企业评价, 评价方式 (企业评价 / 党委回访), 是否解决, 延期次数, 转办次数, 重办次数, 督办情况, 合并至; file 台账_2026-12.xlsx for a whole month (ASCII fallback ledger_2026-12.xlsx), else 台账_<from>_<to>.xlsx',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiBadRequestResponse({
    description: 'from/to missing or malformed, to before from, or more than 366 days (the field is named)',
  })
  async xlsx(
    @CurrentUser() user: AuthUser,
    @Query() q: ExportLedgerRequestDto,
    @Res() res: Response,
  ): Promise<void> {
    sendFile(res, await this.file(user, q, 'xlsx'), XLSX, ledgerFileNames(q.from, q.to, 'xlsx'));
  }

  @Get('ledger.csv')
  @Roles('committee', 'admin', 'department')
  @ApiOperation({
    summary: 'The same 台账 as CSV (UTF-8 with BOM, CRLF, so that Excel shows the Chinese correctly)',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'the columns of ledger.xlsx, as UTF-8 CSV',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiBadRequestResponse({
    description: 'from/to missing or malformed, to before from, or more than 366 days (the field is named)',
  })
  async csv(
    @CurrentUser() user: AuthUser,
    @Query() q: ExportLedgerRequestDto,
    @Res() res: Response,
  ): Promise<void> {
    sendFile(
      res,
      await this.file(user, q, 'csv'),
      'text/csv; charset=utf-8',
      ledgerFileNames(q.from, q.to, 'csv'),
    );
  }

  private file(user: AuthUser, q: ExportLedgerRequestDto, format: 'xlsx' | 'csv'): Promise<Buffer> {
    return this.queries.execute<ExportLedgerQuery, Buffer>(
      ExportLedgerQuery.create({ user, from: q.from, to: q.to, departmentId: q.departmentId, format }),
    );
  }
}
