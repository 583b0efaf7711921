import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { BulletinPageDto } from '../../bulletin.response.dto';
import { ListBulletinsQuery } from './list-bulletins.query';

export class ListBulletinsRequestDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number between 1 and 100' })
  @Min(1, { message: 'limit must be a whole number between 1 and 100' })
  @Max(100, { message: 'limit must be a whole number between 1 and 100' })
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the page before', maxLength: 40 })
  @IsOptional()
  @MaxLength(40, { message: 'before must be at most 40 characters' })
  @IsISO8601({ strict: true }, { message: 'before must be the nextCursor of the page before' })
  before?: string;
}

@ApiTags('ledger: bulletins')
@Controller('api/v1/ledger/bulletins')
export class ListBulletinsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('committee', 'admin', 'department')
  @ApiOperation({
    summary: 'Published bulletins (工作通报), newest first; every department sees all of them',
  })
  @ApiOkResponse({ type: BulletinPageDto, description: 'a page of bulletins, newest first' })
  @ApiBadRequestResponse({ description: 'limit out of range or a malformed cursor (the field is named)' })
  list(@Query() q: ListBulletinsRequestDto) {
    return this.queries.execute(ListBulletinsQuery.create({ limit: q.limit ?? 20, before: q.before }));
  }
}
