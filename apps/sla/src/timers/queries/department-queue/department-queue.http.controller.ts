import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { DomainError, SlaTimerKinds } from '@ticketing/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { SLA_SCHEMA } from '../../../shared/queryable';

export class DepartmentQueueQueryDto {
  @ApiPropertyOptional({
    description: 'committee/admin: which department; a department user always sees its own',
  })
  @IsOptional()
  @IsString({ message: 'departmentId must be a string' })
  departmentId?: string;

  @ApiPropertyOptional({ enum: SlaTimerKinds })
  @IsOptional()
  @IsIn([...SlaTimerKinds], { message: `kind must be one of ${SlaTimerKinds.join(', ')}` })
  kind?: string;

  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(500, { message: 'limit must be at most 500' })
  limit?: number;

  @ApiPropertyOptional({ description: 'the nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^\d{13}_[0-9a-f-]{36}$/, { message: 'cursor must be a nextCursor from a previous page' })
  cursor?: string;
}

/** A department's running timers, nearest deadline first, for the work queue. */
@ApiTags('sla · timers')
@Controller('api/v1/sla/queue')
export class DepartmentQueueHttpController {
  constructor(@InjectDataSource(SLA_SCHEMA) private readonly ds: DataSource) {}

  @Get()
  @Roles('department', 'committee', 'admin')
  @ApiOperation({ summary: 'Running timers of a department sorted by deadline (cursor pagination)' })
  @ApiOkResponse({ description: '{ items, nextCursor }' })
  @ApiBadRequestResponse({ description: 'bad kind, limit or cursor, or no department given' })
  async queue(@Query() q: DepartmentQueueQueryDto, @CurrentUser() user: AuthUser) {
    const departmentId = user.role === 'department' ? user.departmentId : q.departmentId;
    if (!departmentId)
      throw new DomainError('validation', 'departmentId is required', {
        errors: [{ field: 'departmentId', messages: ['required'] }],
      });
    const limit = q.limit ?? 50;
    const [afterMs, afterId] = q.cursor ? [Number(q.cursor.slice(0, 13)), q.cursor.slice(14)] : [null, null];
    const rows: { id: string; ticket_id: string; kind: string; due_at: Date; started_at: Date }[] =
      await this.ds.query(
        `SELECT id, ticket_id, kind, due_at, started_at FROM sla.timers
        WHERE state = 'running' AND department_id = $1 AND ($2::text IS NULL OR kind = $2)
          AND ($3::timestamptz IS NULL OR (due_at, id) > ($3::timestamptz, $4::uuid))
        ORDER BY due_at, id LIMIT $5`,
        [departmentId, q.kind ?? null, afterMs === null ? null : new Date(afterMs), afterId, limit],
      );
    const last = rows[rows.length - 1];
    return {
      items: rows.map((r) => ({
        timerId: r.id,
        ticketId: r.ticket_id,
        kind: r.kind,
        dueAt: r.due_at.toISOString(),
        startedAt: r.started_at.toISOString(),
      })),
      nextCursor:
        rows.length === limit && last
          ? `${String(last.due_at.getTime()).padStart(13, '0')}_${last.id}`
          : null,
    };
  }
}
