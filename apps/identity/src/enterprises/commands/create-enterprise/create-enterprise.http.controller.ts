import { Body, Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { EnterpriseResponseDto } from '../../enterprise.response.dto';
import { CreateEnterpriseHandler } from './create-enterprise.handler';
import { CreateEnterpriseRequestDto } from './create-enterprise.request.dto';

@ApiTags('identity: enterprises')
@Controller('api/v1/identity/enterprises')
export class CreateEnterpriseHttpController {
  constructor(private readonly handler: CreateEnterpriseHandler) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Register an enterprise (一企一档); announced as directory.enterprise-upserted' })
  @ApiCreatedResponse({ type: EnterpriseResponseDto })
  @ApiBadRequestResponse({ description: 'invalid field (e.g. a credit code with a wrong check character), named in errors[]' })
  @ApiConflictResponse({ description: 'the credit code is already registered' })
  create(@Body() dto: CreateEnterpriseRequestDto, @CurrentUser() user: AuthUser): Promise<EnterpriseResponseDto> {
    return this.handler.execute(dto, user);
  }
}
