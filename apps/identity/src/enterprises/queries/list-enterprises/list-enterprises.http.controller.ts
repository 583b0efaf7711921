import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
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
  @Roles('admin', 'committee', 'instructor')
  @ApiOperation({
    summary: 'Enterprises, searchable by name, credit code and industry',
    description: 'An instructor gets only the enterprises of their own grids.',
  })
  @ApiOkResponse({ type: EnterprisePageDto })
  @ApiBadRequestResponse({ description: 'invalid q, gridId, cursor or limit' })
  list(
    @Query() query: ListEnterprisesQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Page<EnterpriseResponseDto>> {
    return this.handler.list(query, user);
  }

  @Get(':id')
  @Roles('admin', 'committee', 'instructor', 'enterprise')
  @ApiOperation({
    summary:
      'One enterprise profile (for an instructor, only within their grids; for an enterprise, its own)',
  })
  @ApiOkResponse({ type: EnterpriseResponseDto })
  @ApiBadRequestResponse({ description: 'id is not a UUID' })
  @ApiNotFoundResponse({
    description: "no such enterprise, not in the instructor's grids, or not the caller's own",
  })
  get(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<EnterpriseResponseDto> {
    return this.handler.get(id, user);
  }
}
