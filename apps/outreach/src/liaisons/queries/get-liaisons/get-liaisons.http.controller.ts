import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ExternalIdParam } from '../../../shared/http/outreach-http';
import { LiaisonsResponseDto } from '../liaisons.response.dto';
import { GetLiaisonsQuery } from './get-liaisons.query';

@ApiTags('outreach: liaisons')
@Controller('api/v1/outreach/enterprises')
export class GetLiaisonsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':enterpriseId/liaisons')
  @Roles('enterprise', 'instructor', 'department', 'committee', 'admin')
  @ApiOperation({ summary: 'Who to call for an enterprise (联系制度), and whether it is a key enterprise' })
  @ApiOkResponse({ type: LiaisonsResponseDto, description: 'the enterprise’s liaisons' })
  @ApiNotFoundResponse({ description: 'no such enterprise, or not one you can see' })
  get(
    @ExternalIdParam('enterpriseId') enterpriseId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<LiaisonsResponseDto> {
    return this.queries.execute(GetLiaisonsQuery.create({ user, enterpriseId }));
  }
}
