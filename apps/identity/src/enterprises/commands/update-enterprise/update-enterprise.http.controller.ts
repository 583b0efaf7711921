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
import { contactOf } from '../../enterprise.request.parts';
import { EnterpriseResponseDto } from '../../enterprise.response.dto';
import { UpdateEnterpriseCommand } from './update-enterprise.command';
import { UpdateEnterpriseRequestDto } from './update-enterprise.request.dto';

@ApiTags('identity: enterprises')
@Controller('api/v1/identity/enterprises')
export class UpdateEnterpriseHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change an enterprise profile; announced as directory.enterprise-upserted' })
  @ApiOkResponse({ type: EnterpriseResponseDto, description: 'the enterprise after the change' })
  @ApiBadRequestResponse({ description: 'invalid field, named in errors[]' })
  @ApiNotFoundResponse({ description: 'no such enterprise' })
  @ApiConflictResponse({ description: 'the credit code is taken, or expectedVersion is stale' })
  update(
    @IdParam() id: string,
    @Body() dto: UpdateEnterpriseRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<EnterpriseResponseDto> {
    return this.commands.execute(
      UpdateEnterpriseCommand.create({
        user,
        enterpriseId: id,
        name: dto.name,
        creditCode: dto.creditCode,
        industry: dto.industry,
        address: dto.address,
        gridId: dto.gridId,
        contacts: dto.contacts?.map(contactOf),
        active: dto.active,
        expectedVersion: dto.expectedVersion,
      }),
    );
  }
}
