import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { TicketList } from '../../../shared/ticket-view';
import { GetJointMeetingAgendaQuery } from './get-joint-meeting-agenda.query';
import { AgendaListDto } from '../../dashboard.response.dto';

export class GetAgendaRequestDto {
  @ApiPropertyOptional({ description: 'also list tickets that have since been closed', default: false })
  @IsOptional()
  @Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) =>
    obj[key] === 'true' ? true : obj[key] === 'false' ? false : obj[key],
  )
  @IsBoolean({ message: 'includeClosed must be true or false' })
  includeClosed?: boolean;
}

@ApiTags('ledger: dashboard')
@Controller('api/v1/ledger/dashboard/joint-meeting')
export class GetJointMeetingAgendaHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('committee', 'admin')
  @ApiOperation({
    summary:
      'The joint-meeting (联席会议) agenda: tickets escalated to it by the SLA ladder or supervised to it by the committee',
  })
  @ApiOkResponse({ type: AgendaListDto, description: 'the tickets on the agenda' })
  @ApiBadRequestResponse({ description: 'includeClosed is not true/false' })
  agenda(@CurrentUser() user: AuthUser, @Query() q: GetAgendaRequestDto): Promise<TicketList> {
    return this.queries.execute<GetJointMeetingAgendaQuery, TicketList>(
      GetJointMeetingAgendaQuery.create({ user, includeClosed: q.includeClosed ?? false }),
    );
  }
}
