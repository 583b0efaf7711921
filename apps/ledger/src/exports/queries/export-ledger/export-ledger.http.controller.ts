import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import type { Response } from 'express';
import { ExportLedgerHandler } from './export-ledger.handler';
import { ExportLedgerRequestDto } from './export-ledger.request.dto';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function sendFile(res: Response, body: Buffer, type: string, fileName: string): void {
  res
    .status(200)
    .type(type)
    .setHeader('Content-Disposition', `attachment; filename="ledger"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .setHeader('Cache-Control', 'no-store')
    .send(body);
}

@ApiTags('ledger: exports')
@Controller('api/v1/ledger/exports')
export class ExportLedgerHttpController {
  constructor(private readonly handler: ExportLedgerHandler) {}

  @Get('ledger.xlsx')
  @Roles('committee', 'admin', 'department')
  @ApiOperation({ summary: 'The 问题台账 of a period as an Excel workbook (a department exports its own)' })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'columns 编号, 企业名称, 所属网格, 问题类别, 诉求标题, 诉求内容, 承办部门, 协办部门, 受理时间, 签收时间, 办结时限, 办结时间, 是否超时, 办理状态, 办理结果, 答复时间, 企业评价, 是否解决, 延期次数, 转办次数, 重办次数, 督办情况' })
  @ApiBadRequestResponse({ description: 'from/to missing or malformed, to before from, or more than 366 days (the field is named)' })
  async xlsx(@CurrentUser() user: AuthUser, @Query() q: ExportLedgerRequestDto, @Res() res: Response): Promise<void> {
    sendFile(res, await this.handler.xlsx(user, q), XLSX, `问题台账_${q.from}_${q.to}.xlsx`);
  }

  @Get('ledger.csv')
  @Roles('committee', 'admin', 'department')
  @ApiOperation({ summary: 'The same 台账 as CSV (UTF-8 with BOM, CRLF, so that Excel shows the Chinese correctly)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'the columns of ledger.xlsx' })
  @ApiBadRequestResponse({ description: 'from/to missing or malformed, to before from, or more than 366 days (the field is named)' })
  async csv(@CurrentUser() user: AuthUser, @Query() q: ExportLedgerRequestDto, @Res() res: Response): Promise<void> {
    sendFile(res, await this.handler.csv(user, q), 'text/csv; charset=utf-8', `问题台账_${q.from}_${q.to}.csv`);
  }
}
