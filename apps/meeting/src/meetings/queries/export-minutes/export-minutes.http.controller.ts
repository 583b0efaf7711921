import { Controller, Get, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { IdParam } from '@ticketing/platform';
import type { Response } from 'express';
import { ExportMinutesQuery } from './export-minutes.query';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

@ApiTags('meetings')
@Controller('api/v1/meetings')
export class ExportMinutesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/minutes.docx')
  @Roles('department', 'committee', 'admin')
  @ApiOperation({
    summary:
      '会议纪要 as a Word document: time, place, convenor, attendance, agenda, decisions with deadlines, follow-ups',
  })
  @ApiProduces(DOCX)
  @ApiOkResponse({ description: 'the .docx, as a download', schema: { type: 'string', format: 'binary' } })
  @ApiForbiddenResponse({ description: 'enterprises and instructors see decisions, not meetings' })
  @ApiNotFoundResponse({ description: 'no such meeting, or not one your department was invited to' })
  @ApiConflictResponse({ description: 'the meeting has not been held (scheduled or cancelled)' })
  async docx(@IdParam() id: string, @CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    const { title, body } = await this.queries.execute<ExportMinutesQuery, { title: string; body: Buffer }>(
      ExportMinutesQuery.create({ user, meetingId: id }),
    );
    res
      .status(200)
      .type(DOCX)
      .setHeader(
        'Content-Disposition',
        `attachment; filename="minutes.docx"; filename*=UTF-8''${encodeURIComponent(`${title}会议纪要.docx`)}`,
      )
      .setHeader('Cache-Control', 'no-store')
      .send(body);
  }
}
