import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import type { Response } from 'express';
import { PlanVsDoneRequestDto } from '../plan-vs-done/plan-vs-done.request.dto';
import { ExportPlanVsDoneQuery } from './export-plan-vs-done.query';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('outreach: plan against done')
@Controller('api/v1/outreach')
export class ExportPlanVsDoneHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('plan-vs-done.xlsx')
  @Roles('instructor', 'committee', 'admin')
  @ApiOperation({
    summary: '对比 as an Excel workbook: sheets 对比汇总 (per instructor) and 企业明细 (per enterprise)',
  })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'the workbook, as a download', schema: { type: 'string', format: 'binary' } })
  @ApiBadRequestResponse({ description: 'month missing or malformed (named)' })
  async xlsx(
    @Query() q: PlanVsDoneRequestDto,
    @CurrentUser() user: AuthUser,
    @Res() res: Response,
  ): Promise<void> {
    const body = await this.queries.execute<ExportPlanVsDoneQuery, Buffer>(
      ExportPlanVsDoneQuery.create({ user, month: q.month, instructorUserId: q.instructorUserId }),
    );
    const fileName = `走访对比_${q.month}.xlsx`;
    res
      .status(200)
      .type(XLSX)
      .setHeader(
        'Content-Disposition',
        `attachment; filename="plan-vs-done.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      )
      .setHeader('Cache-Control', 'no-store')
      .send(body);
  }
}
