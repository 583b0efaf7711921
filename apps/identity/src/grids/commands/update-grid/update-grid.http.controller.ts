import { Body, Controller, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { IdParam } from '@ticketing/platform';
import { GridResponseDto } from '../../grid.response.dto';
import { UpdateGridCommand } from './update-grid.command';
import { UpdateGridRequestDto } from './update-grid.request.dto';

@ApiTags('identity: grids')
@Controller('api/v1/identity/grids')
export class UpdateGridHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({
    summary:
      'Rename a grid or set its instructors; announced as directory.grid-upserted (and user-upserted for moved instructors)',
  })
  @ApiOkResponse({ type: GridResponseDto, description: 'the grid after the change, with its instructors' })
  @ApiBadRequestResponse({ description: 'invalid field, named in errors[]' })
  @ApiNotFoundResponse({ description: 'no such grid' })
  @ApiConflictResponse({ description: 'expectedVersion is stale' })
  update(
    @IdParam() id: string,
    @Body() dto: UpdateGridRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<GridResponseDto> {
    return this.commands.execute(
      UpdateGridCommand.create({
        user,
        gridId: id,
        name: dto.name,
        instructorUserIds: dto.instructorUserIds,
        expectedVersion: dto.expectedVersion,
      }),
    );
  }
}
