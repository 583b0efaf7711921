import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { DEFAULT_PAGE_SIZE } from '@ticketing/platform';
import { ListAuditQuery } from './list-audit.query';
import { ListAuditQueryDto } from './list-audit.query.dto';
import { AuditPageDto } from './list-audit.response.dto';

@ApiTags('identity: audit')
@Controller('api/v1/identity/audit')
export class ListAuditHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'The append-only trail of admin changes to the directory, newest first' })
  @ApiOkResponse({ type: AuditPageDto, description: 'a page of audit entries, newest first' })
  @ApiBadRequestResponse({ description: 'invalid filter, cursor or limit' })
  list(@Query() query: ListAuditQueryDto): Promise<AuditPageDto> {
    return this.queries.execute(
      ListAuditQuery.create({
        entityType: query.entityType,
        entityId: query.entityId,
        actorId: query.actorId,
        cursor: query.cursor,
        limit: query.limit ?? DEFAULT_PAGE_SIZE,
      }),
    );
  }
}
