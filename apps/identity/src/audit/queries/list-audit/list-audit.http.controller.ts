import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { ListAuditHandler } from './list-audit.handler';
import { ListAuditQueryDto } from './list-audit.query.dto';
import { AuditPageDto } from './list-audit.response.dto';

@ApiTags('identity: audit')
@Controller('api/v1/identity/audit')
export class ListAuditHttpController {
  constructor(private readonly handler: ListAuditHandler) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'The append-only trail of admin changes to the directory, newest first' })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiBadRequestResponse({ description: 'invalid filter, cursor or limit' })
  list(@Query() query: ListAuditQueryDto): Promise<AuditPageDto> {
    return this.handler.list(query);
  }
}
