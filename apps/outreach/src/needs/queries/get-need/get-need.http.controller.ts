import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { IdParam } from '@ticketing/platform';
import { NeedResponseDto } from '../../need.response.dto';
import { GetNeedQuery } from './get-need.query';

@ApiTags('outreach: needs')
@Controller('api/v1/outreach/needs')
export class GetNeedHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Roles('enterprise', 'instructor', 'department', 'committee', 'admin')
  @ApiOperation({ summary: 'One need of the 需求清单' })
  @ApiOkResponse({ type: NeedResponseDto, description: 'the need' })
  @ApiNotFoundResponse({ description: 'no such need, or not one you can see' })
  get(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<NeedResponseDto> {
    return this.queries.execute(GetNeedQuery.create({ user, needId: id }));
  }
}
