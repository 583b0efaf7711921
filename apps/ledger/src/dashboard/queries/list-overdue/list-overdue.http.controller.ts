import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { loadNames } from '../../../shared/names';
import { OptionalId } from '../../../shared/query-fields';
import { departmentScope } from '../../../shared/scope';
import { ticketView } from '../../../shared/ticket-view';
import { LiveFiguresReader } from '../../infrastructure/live-figures.reader';

export class ListOverdueRequestDto {
  @OptionalId('departmentId')
  departmentId?: string;

  @ApiPropertyOptional({ enum: ['yellow', 'red'] })
  @IsOptional()
  @IsIn(['yellow', 'red'], { message: 'level must be yellow or red' })
  level?: 'yellow' | 'red';

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number between 1 and 1000' })
  @Min(1, { message: 'limit must be a whole number between 1 and 1000' })
  @Max(1000, { message: 'limit must be a whole number between 1 and 1000' })
  limit?: number;
}

@ApiTags('ledger: dashboard')
@Controller('api/v1/ledger/dashboard/overdue')
export class ListOverdueHttpController {
  constructor(
    private readonly live: LiveFiguresReader,
    @InjectDataSource('ledger') private readonly ds: DataSource,
  ) {}

  @Get()
  @Roles('committee', 'admin', 'department')
  @ApiOperation({ summary: 'Open tickets with a yellow (deadline close) or red (deadline passed) card, red first' })
  @ApiOkResponse({ description: '{ items: [{ ticketId, number, title, alertLevel, respondAlert, resolveAlert, replyAlert, …dueAt }] }' })
  @ApiBadRequestResponse({ description: 'level or limit out of range (the field is named)' })
  async overdue(@CurrentUser() user: AuthUser, @Query() q: ListOverdueRequestDto) {
    const rows = await this.live.overdue({ departmentId: departmentScope(user, q.departmentId), level: q.level, limit: q.limit ?? 200 });
    const names = await loadNames(this.ds.manager);
    return { items: rows.map((r) => ticketView(r, names)) };
  }
}
