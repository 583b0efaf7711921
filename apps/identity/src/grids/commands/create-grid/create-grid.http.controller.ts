import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { GridResponseDto } from '../../grid.response.dto';
import { CreateGridCommand } from './create-grid.command';
import { CreateGridRequestDto } from './create-grid.request.dto';

@ApiTags('identity: grids')
@Controller('api/v1/identity/grids')
export class CreateGridHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin')
  @ApiOperation({
    summary: 'Add a grid (网格), optionally with its instructors; announced as directory.grid-upserted',
  })
  @ApiCreatedResponse({ type: GridResponseDto, description: 'the grid as created, with its instructors' })
  @ApiBadRequestResponse({ description: 'invalid field, named in errors[]' })
  @ApiConflictResponse({ description: 'the code is taken' })
  create(@Body() dto: CreateGridRequestDto, @CurrentUser() user: AuthUser): Promise<GridResponseDto> {
    return this.commands.execute(
      CreateGridCommand.create({
        user,
        code: dto.code,
        name: dto.name,
        instructorUserIds: dto.instructorUserIds,
      }),
    );
  }
}
