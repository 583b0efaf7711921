import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ValidationProblem } from '@ticketing/platform';
import { VisitRecordedResponseDto } from '../../visit-recorded.response.dto';
import { RecordVisitCommand } from './record-visit.command';
import { RecordVisitRequestDto } from './record-visit.request.dto';

@ApiTags('outreach: visits')
@Controller('api/v1/outreach/visits')
export class RecordVisitHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('instructor')
  @ApiOperation({
    summary:
      '走访记录: record a visit; each problem raised becomes a ticket on the enterprise’s behalf, each need goes on its 需求清单',
  })
  @ApiHeader({
    // The name @Headers() reads, so the document lists the header once, as optional.
    name: 'idempotency-key',
    required: false,
    description: 'a phone retrying with the same key gets the same visit',
  })
  @ApiCreatedResponse({
    type: VisitRecordedResponseDto,
    description: 'the visit as recorded (a retry with the same Idempotency-Key answers the same visit)',
  })
  @ApiBadRequestResponse({
    description: 'a field is missing or malformed (problem+json naming it); nothing is written',
  })
  @ApiNotFoundResponse({ description: 'no such enterprise in your grids' })
  @ApiUnprocessableEntityResponse({ description: 'the Idempotency-Key was used with a different visit' })
  record(
    @Body() dto: RecordVisitRequestDto,
    @CurrentUser() user: AuthUser,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<VisitRecordedResponseDto> {
    if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,200}$/.test(idempotencyKey)) {
      throw new ValidationProblem([
        { field: 'Idempotency-Key', messages: ['must be 1 to 200 visible ASCII characters'] },
      ]);
    }
    return this.commands.execute(
      RecordVisitCommand.create({
        user,
        enterpriseId: dto.enterpriseId,
        visitedAt: new Date(dto.visitedAt),
        mode: dto.mode,
        companions: dto.companions ?? [],
        topics: dto.topics ?? [],
        findings: dto.findings ?? '',
        photoIds: dto.photoIds ?? [],
        problems: (dto.problems ?? []).map((p) => ({
          title: p.title,
          description: p.description,
          category: p.category,
          urgency: p.urgency ?? 'normal',
          contact: { name: p.contact.name, phone: p.contact.phone },
          location: p.location ?? null,
          photoIds: [...new Set(p.photoIds ?? [])],
        })),
        needs: (dto.needs ?? []).map((n) => ({ kind: n.kind, title: n.title, description: n.description })),
        idempotencyKey: idempotencyKey ?? null,
      }),
    );
  }
}
