import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { VerifyChainHandler } from './verify-chain.handler';
import { VerifyReportDto } from './verify-chain.response.dto';

@ApiTags('ledger: chain')
@Controller('api/v1/ledger/verify')
export class VerifyChainHttpController {
  constructor(private readonly handler: VerifyChainHandler) {}

  @Get()
  @Roles('committee', 'admin')
  @ApiOperation({ summary: 'Recompute the hash chain and the seals; ok, or the first broken entry and what is wrong with it' })
  @ApiOkResponse({ type: VerifyReportDto })
  verify(): Promise<VerifyReportDto> {
    return this.handler.verify();
  }
}
