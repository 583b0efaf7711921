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
import { DepartmentResponseDto } from '../../department.response.dto';
import { UpdateDepartmentCommand } from './update-department.command';
import { UpdateDepartmentRequestDto } from './update-department.request.dto';

@ApiTags('identity: departments')
@Controller('api/v1/identity/departments')
export class UpdateDepartmentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename, (de)activate a department; announced as directory.department-upserted' })
  @ApiOkResponse({ type: DepartmentResponseDto, description: 'the department after the change' })
  @ApiBadRequestResponse({ description: 'invalid field, named in errors[]' })
  @ApiNotFoundResponse({ description: 'no such department' })
  @ApiConflictResponse({ description: 'expectedVersion is stale' })
  update(
    @IdParam() id: string,
    @Body() dto: UpdateDepartmentRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<DepartmentResponseDto> {
    return this.commands.execute(
      UpdateDepartmentCommand.create({
        user,
        departmentId: id,
        nameZh: dto.nameZh,
        nameEn: dto.nameEn,
        active: dto.active,
        expectedVersion: dto.expectedVersion,
      }),
    );
  }
}
