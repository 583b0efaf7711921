import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { Seal, SealChainHandler } from './seal-chain.handler';

export class SealResponseDto implements Seal {
  @ApiProperty() sealNo!: number;
  @ApiProperty({ enum: ['daily', 'on_demand'] }) reason!: 'daily' | 'on_demand';
  @ApiProperty({ example: '2026-03-01' }) sealedOn!: string;
  @ApiProperty() sealedAt!: string;
  @ApiProperty() lastSeq!: number;
  @ApiProperty() lastHash!: string;
  @ApiProperty() entryCount!: number;
  @ApiProperty() prevSealHash!: string;
  @ApiProperty() sealHash!: string;
}

@ApiTags('ledger: chain')
@Controller('api/v1/ledger/seals')
export class SealChainHttpController {
  constructor(private readonly handler: SealChainHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('committee', 'admin')
  @ApiOperation({ summary: 'Seal the chain now (the service also seals once a day)' })
  @ApiCreatedResponse({ type: SealResponseDto })
  async seal(): Promise<SealResponseDto> {
    return (await this.handler.seal('on_demand'))!;
  }

  @Get()
  @Roles('committee', 'admin')
  @ApiOperation({ summary: 'The latest 100 seals, newest first' })
  @ApiOkResponse({ type: [SealResponseDto] })
  list(): Promise<SealResponseDto[]> {
    return this.handler.list();
  }
}
