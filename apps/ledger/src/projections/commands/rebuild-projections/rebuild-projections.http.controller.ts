import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { RebuildProjectionsHandler, RebuildReport } from './rebuild-projections.handler';

export class RebuildReportDto implements RebuildReport {
  @ApiProperty() entries!: number;
  @ApiProperty() tickets!: number;
  @ApiProperty() statsRows!: number;
  @ApiProperty() tookMs!: number;
}

@ApiTags('ledger: chain')
@Controller('api/v1/ledger/projections/rebuild')
export class RebuildProjectionsHttpController {
  constructor(private readonly handler: RebuildProjectionsHandler) {}

  @Post()
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Drop every read model and replay the ledger into it (appends wait meanwhile)' })
  @ApiOkResponse({ type: RebuildReportDto })
  rebuild(): Promise<RebuildReportDto> {
    return this.handler.rebuild();
  }
}
