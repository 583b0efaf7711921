import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { Seal } from '../../domain/ledger-chain.aggregate';
import { ListSealsQuery } from '../../queries/list-seals/list-seals.query';
import { SealChainCommand } from './seal-chain.command';
import { SealResponseDto } from './seal.response.dto';

@ApiTags('ledger: chain')
@Controller('api/v1/ledger/seals')
export class SealChainHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('committee', 'admin')
  @ApiOperation({ summary: 'Seal the chain now (the service also seals once a day)' })
  @ApiCreatedResponse({ type: SealResponseDto, description: 'the seal made' })
  async seal(): Promise<SealResponseDto> {
    // A seal on demand is always made: only a daily seal can find its day sealed already.
    return (await this.commands.execute<SealChainCommand, Seal | null>(
      SealChainCommand.create({ reason: 'on_demand' }),
    ))!;
  }

  @Get()
  @Roles('committee', 'admin')
  @ApiOperation({ summary: 'The latest 100 seals, newest first' })
  @ApiOkResponse({ type: [SealResponseDto], description: 'the latest seals, newest first' })
  list(): Promise<SealResponseDto[]> {
    return this.queries.execute<ListSealsQuery, Seal[]>(ListSealsQuery.create({ limit: 100 }));
  }
}
