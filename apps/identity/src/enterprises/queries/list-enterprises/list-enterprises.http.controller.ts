import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { IdParam } from '../../../shared/id.param';
import { Page } from '../../../shared/list.query.dto';
import { EnterprisePageDto, EnterpriseResponseDto } from '../../enterprise.response.dto';
import { ListEnterprisesHandler } from './list-enterprises.handler';
import { ListEnterprisesQueryDto } from './list-enterprises.query.dto';

@ApiTags('identity: enterprises')
@Controller('api/v1/identity/enterprises')
export class ListEnterprisesHttpController {
  constructor(private readonly handler: ListEnterprisesHandler) {}

  @Get()
  @Roles('admin', 'committee')
  @ApiOperation({ summary: 'Enterprises, searchable by name, credit code and industry' })
  @ApiOkResponse({ type: EnterprisePageDto })
  @ApiBadRequestResponse({ description: 'invalid q, gridId, cursor or limit' })
  list(@Query() query: ListEnterprisesQueryDto): Promise<Page<EnterpriseResponseDto>> {
    return this.handler.list(query);
  }

  @Get(':id')
  @Roles('admin', 'committee')
  @ApiOperation({ summary: 'One enterprise profile' })
  @ApiOkResponse({ type: EnterpriseResponseDto })
  @ApiBadRequestResponse({ description: 'id is not a UUID' })
  @ApiNotFoundResponse({ description: 'no such enterprise' })
  get(@IdParam() id: string): Promise<EnterpriseResponseDto> {
    return this.handler.get(id);
  }
}
