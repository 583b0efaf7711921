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
import { contactOf } from '../../enterprise.request.parts';
import { EnterpriseResponseDto } from '../../enterprise.response.dto';
import { CreateEnterpriseCommand } from './create-enterprise.command';
import { CreateEnterpriseRequestDto } from './create-enterprise.request.dto';

@ApiTags('identity: enterprises')
@Controller('api/v1/identity/enterprises')
export class CreateEnterpriseHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Register an enterprise (一企一档); announced as directory.enterprise-upserted' })
  @ApiCreatedResponse({ type: EnterpriseResponseDto, description: 'the enterprise as registered' })
  @ApiBadRequestResponse({
    description: 'invalid field (e.g. a credit code with a wrong check character), named in errors[]',
  })
  @ApiConflictResponse({ description: 'the credit code is already registered' })
  create(
    @Body() dto: CreateEnterpriseRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<EnterpriseResponseDto> {
    return this.commands.execute(
      CreateEnterpriseCommand.create({
        user,
        name: dto.name,
        creditCode: dto.creditCode,
        industry: dto.industry,
        address: dto.address,
        gridId: dto.gridId,
        contacts: dto.contacts?.map(contactOf),
        active: dto.active,
      }),
    );
  }
}
