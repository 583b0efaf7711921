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
import { DepartmentResponseDto } from '../../department.response.dto';
import { CreateDepartmentCommand } from './create-department.command';
import { CreateDepartmentRequestDto } from './create-department.request.dto';

@ApiTags('identity: departments')
@Controller('api/v1/identity/departments')
export class CreateDepartmentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a department; announced as directory.department-upserted' })
  @ApiCreatedResponse({ type: DepartmentResponseDto, description: 'the department as created' })
  @ApiBadRequestResponse({ description: 'invalid field, named in errors[]' })
  @ApiConflictResponse({ description: 'the code is taken' })
  create(
    @Body() dto: CreateDepartmentRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<DepartmentResponseDto> {
    return this.commands.execute(
      CreateDepartmentCommand.create({
        user,
        code: dto.code,
        nameZh: dto.nameZh,
        nameEn: dto.nameEn,
        active: dto.active,
      }),
    );
  }
}
