import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { RebuildProjectionsCommand } from './rebuild-projections.command';
import { RebuildReport } from './rebuild-projections.handler';

export class RebuildReportDto implements RebuildReport {
  @ApiProperty() entries!: number;
  @ApiProperty() tickets!: number;
  @ApiProperty() statsRows!: number;
  @ApiProperty() tookMs!: number;
}

@ApiTags('ledger: chain')
@Controller('api/v1/ledger/projections/rebuild')
export class RebuildProjectionsHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Drop every read model and replay the ledger into it (appends wait meanwhile)' })
  @ApiOkResponse({ type: RebuildReportDto, description: 'what was replayed, and how long it took' })
  rebuild(): Promise<RebuildReportDto> {
    return this.commands.execute<RebuildProjectionsCommand, RebuildReport>(
      RebuildProjectionsCommand.create({}),
    );
  }
}
