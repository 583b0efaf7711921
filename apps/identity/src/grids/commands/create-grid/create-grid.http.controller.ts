import { Body, Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { GridResponseDto } from '../../grid.response.dto';
import { CreateGridHandler } from './create-grid.handler';
import { CreateGridRequestDto } from './create-grid.request.dto';

@ApiTags('identity: grids')
@Controller('api/v1/identity/grids')
export class CreateGridHttpController {
  constructor(private readonly handler: CreateGridHandler) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a grid (网格), optionally with its instructors; announced as directory.grid-upserted' })
  @ApiCreatedResponse({ type: GridResponseDto })
  @ApiBadRequestResponse({ description: 'invalid field, named in errors[]' })
  @ApiConflictResponse({ description: 'the code is taken' })
  create(@Body() dto: CreateGridRequestDto, @CurrentUser() user: AuthUser): Promise<GridResponseDto> {
    return this.handler.execute(dto, user);
  }
}
