import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { GetDefinitionsQuery } from './get-definitions.query';
import { DefinitionsResponseDto } from './get-definitions.response.dto';

@ApiTags('ledger: figures')
@Controller('api/v1/ledger/figures/definitions')
export class GetDefinitionsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('committee', 'admin', 'department', 'instructor', 'enterprise')
  @ApiOperation({
    summary: 'Every figure with its formula (中文 and English) and the counters it is made of, as SQL',
  })
  @ApiOkResponse({ type: DefinitionsResponseDto, description: 'every formula, weight and counter' })
  definitions(): Promise<DefinitionsResponseDto> {
    return this.queries.execute<GetDefinitionsQuery, DefinitionsResponseDto>(GetDefinitionsQuery.create({}));
  }
}
