import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import type { Response } from 'express';
import { PDF, sendFile, XLSX } from '../../../exports/http/send-file';
import { OptionalId, RequiredPeriod } from '../../../shared/query-fields';
import { ReviewReport } from '../../domain/review-report';
import { GetReviewReportQuery } from './get-review-report.query';
import { ReviewReportDto } from '../../review-report.response.dto';

export class GetReviewReportRequestDto {
  @RequiredPeriod('quarterOrYear')
  period!: string;

  @OptionalId('departmentId')
  departmentId?: string;
}

const fileName = (q: GetReviewReportRequestDto, ext: 'xlsx' | 'pdf') => {
  const yearly = !q.period.includes('Q');
  const suffix = q.departmentId ? `_${q.departmentId}` : '';
  return {
    zh: `${yearly ? '年度考评' : '季度督查'}_${q.period}${suffix}.${ext}`,
    ascii: `${yearly ? 'yearly-evaluation' : 'quarterly-inspection'}_${q.period}${suffix}.${ext}`,
  };
};

const SECTIONS =
  'departments ranked (score 0–1; every rate with numerator and denominator), totals with channels, callbacks and the committee’s triage rate, instructors’ 量化积分 (committee and admin), overdue, reopened and supervised tickets by name (up to 500 each, with the total), joint meetings with their decisions';

@ApiTags('ledger: reports')
@Controller('api/v1/ledger/reports')
export class GetReviewReportHttpController {
  constructor(private readonly queries: QueryBus) {}

  private run(user: AuthUser, q: GetReviewReportRequestDto, format: 'json' | 'xlsx' | 'pdf') {
    return this.queries.execute<GetReviewReportQuery, ReviewReport | Buffer>(
      GetReviewReportQuery.create({ user, period: q.period, departmentId: q.departmentId, format }),
    );
  }

  @Get('review')
  @Roles('committee', 'admin', 'department')
  @ApiOperation({
    summary: `季度督查 (period 2026-Q4) or 年度考评 (period 2026, ranked by the yearly evaluation whose weights are the setting LEDGER_EVALUATION_WEIGHTS), as data: ${SECTIONS}. A department gets its own part.`,
  })
  @ApiOkResponse({ type: ReviewReportDto, description: 'the report, as data' })
  @ApiBadRequestResponse({ description: 'period missing or not a quarter (2026-Q4) or a year (2026)' })
  @ApiForbiddenResponse({ description: "a department asking for another department's report" })
  async review(@CurrentUser() user: AuthUser, @Query() q: GetReviewReportRequestDto) {
    return this.run(user, q, 'json');
  }

  @Get('review.xlsx')
  @Roles('committee', 'admin', 'department')
  @ApiOperation({ summary: 'The same report as an Excel workbook, one sheet per section' })
  @ApiProduces(XLSX)
  @ApiOkResponse({
    description:
      '季度督查_2026-Q4.xlsx / 年度考评_2026.xlsx (ASCII: quarterly-inspection_…, yearly-evaluation_…)',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiBadRequestResponse({ description: 'period missing or not a quarter or a year' })
  @ApiForbiddenResponse({ description: "another department's report" })
  async xlsx(@CurrentUser() user: AuthUser, @Query() q: GetReviewReportRequestDto, @Res() res: Response) {
    sendFile(res, (await this.run(user, q, 'xlsx')) as Buffer, XLSX, fileName(q, 'xlsx'));
  }

  @Get('review.pdf')
  @Roles('committee', 'admin', 'department')
  @ApiOperation({
    summary: 'The same report as a printable PDF (A4 landscape), drawn server-side from the same model',
  })
  @ApiProduces(PDF)
  @ApiOkResponse({
    description:
      '季度督查_2026-Q4.pdf / 年度考评_2026.pdf (ASCII: quarterly-inspection_…, yearly-evaluation_…)',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiBadRequestResponse({ description: 'period missing or not a quarter or a year' })
  @ApiForbiddenResponse({ description: "another department's report" })
  async pdf(@CurrentUser() user: AuthUser, @Query() q: GetReviewReportRequestDto, @Res() res: Response) {
    sendFile(res, (await this.run(user, q, 'pdf')) as Buffer, PDF, fileName(q, 'pdf'));
  }
}
