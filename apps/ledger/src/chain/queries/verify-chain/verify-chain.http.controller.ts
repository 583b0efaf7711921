import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { VerifyChainQuery } from './verify-chain.query';
import { VerifyReportDto } from './verify-chain.response.dto';

@ApiTags('ledger: chain')
@Controller('api/v1/ledger/verify')
export class VerifyChainHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('committee', 'admin')
  @ApiOperation({
    summary:
      'Recompute the hash chain and the seals; ok, or the first broken entry and what is wrong with it',
  })
  @ApiOkResponse({ type: VerifyReportDto, description: 'the verification: ok, or the first break' })
  verify(): Promise<VerifyReportDto> {
    return this.queries.execute<VerifyChainQuery, VerifyReportDto>(VerifyChainQuery.create({}));
  }
}
