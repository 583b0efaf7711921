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
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { OptionalId } from '../../../shared/query-fields';
import { Trends } from './get-trends.handler';
import { GetTrendsQuery } from './get-trends.query';
import { TrendsResponseDto } from '../../dashboard.response.dto';

export class GetTrendsRequestDto {
  @ApiPropertyOptional({ enum: ['week', 'month'], default: 'month' })
  @IsOptional()
  @IsIn(['week', 'month'], { message: 'granularity must be week or month' })
  granularity?: 'week' | 'month';

  @ApiPropertyOptional({ minimum: 1, maximum: 52, default: 12 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'periods must be a whole number between 1 and 52' })
  @Min(1, { message: 'periods must be a whole number between 1 and 52' })
  @Max(52, { message: 'periods must be a whole number between 1 and 52' })
  periods?: number;

  @OptionalId('departmentId')
  departmentId?: string;
}

@ApiTags('ledger: dashboard')
@Controller('api/v1/ledger/dashboard/trends')
export class GetTrendsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('committee', 'admin', 'department')
  @ApiOperation({ summary: 'Weekly or monthly counters and rates, up to now (a department sees its own)' })
  @ApiOkResponse({ type: TrendsResponseDto, description: 'the counters and rates of each period' })
  @ApiBadRequestResponse({ description: 'granularity or periods out of range (the field is named)' })
  trends(@CurrentUser() user: AuthUser, @Query() q: GetTrendsRequestDto): Promise<Trends> {
    return this.queries.execute<GetTrendsQuery, Trends>(
      GetTrendsQuery.create({
        user,
        granularity: q.granularity ?? 'month',
        periods: q.periods ?? 12,
        departmentId: q.departmentId,
      }),
    );
  }
}
