import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { GetEnterpriseFileQuery } from './get-enterprise-file.query';
import { EnterpriseFileResponseDto } from './get-enterprise-file.response.dto';

@ApiTags('ledger: enterprises')
@Controller('api/v1/ledger/enterprises')
export class GetEnterpriseFileHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/file')
  @Roles('committee', 'admin', 'instructor', 'enterprise')
  @ApiOperation({
    summary:
      '一企一档: one enterprise’s tickets and outcomes over time (its grid’s instructor and the enterprise itself may see it)',
  })
  @ApiOkResponse({
    type: EnterpriseFileResponseDto,
    description: 'the enterprise, its yearly totals and its tickets, as far as you may see them',
  })
  @ApiForbiddenResponse({
    description: 'an enterprise other than the caller’s, or outside the instructor’s grids',
  })
  @ApiNotFoundResponse({ description: 'the ledger knows nothing of this enterprise' })
  file(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.queries.execute(GetEnterpriseFileQuery.create({ user, enterpriseId: id }));
  }
}
