import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { loadNames } from '../../../shared/names';
import { ticketView } from '../../../shared/ticket-view';

export class GetAgendaRequestDto {
  @ApiPropertyOptional({ description: 'also list tickets that have since been closed', default: false })
  @IsOptional()
  @Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => (obj[key] === 'true' ? true : obj[key] === 'false' ? false : obj[key]))
  @IsBoolean({ message: 'includeClosed must be true or false' })
  includeClosed?: boolean;
}

@ApiTags('ledger: dashboard')
@Controller('api/v1/ledger/dashboard/joint-meeting')
export class GetJointMeetingAgendaHttpController {
  constructor(@InjectDataSource('ledger') private readonly ds: DataSource) {}

  @Get()
  @Roles('committee', 'admin')
  @ApiOperation({ summary: 'The joint-meeting (联席会议) agenda: tickets escalated to it by the SLA ladder or supervised to it by the committee' })
  @ApiOkResponse({ description: '{ items: [{ ticketId, number, title, enterpriseName, departmentName, coHandlerNames, jointMeetingAt, jointMeetingReason, … }] }' })
  @ApiBadRequestResponse({ description: 'includeClosed is not true/false' })
  async agenda(@Query() q: GetAgendaRequestDto) {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT f.ticket_id, f.number, f.title, f.description, f.enterprise_id, f.enterprise_name, f.category, f.grid_id, f.department_id,
              f.co_handler_department_ids, f.status, f.submitted_at, f.joint_meeting_at, f.joint_meeting_reason, f.supervise_level,
              f.alert_level, f.resolve_due_at, f.reopen_count, f.transfer_count
       FROM ledger.ticket_facts f
       WHERE f.joint_meeting_at IS NOT NULL ${q.includeClosed ? '' : 'AND f.closed_at IS NULL AND f.withdrawn_at IS NULL'}
       ORDER BY f.joint_meeting_at, f.ticket_id LIMIT 500`,
    );
    const names = await loadNames(this.ds.manager);
    return { items: rows.map((r) => ticketView(r, names)) };
  }
}
