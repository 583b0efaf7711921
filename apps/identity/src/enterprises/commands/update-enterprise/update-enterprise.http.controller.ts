import { Body, Controller, Patch } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { IdParam } from '../../../shared/id.param';
import { EnterpriseResponseDto } from '../../enterprise.response.dto';
import { UpdateEnterpriseHandler } from './update-enterprise.handler';
import { UpdateEnterpriseRequestDto } from './update-enterprise.request.dto';

@ApiTags('identity: enterprises')
@Controller('api/v1/identity/enterprises')
export class UpdateEnterpriseHttpController {
  constructor(private readonly handler: UpdateEnterpriseHandler) {}

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change an enterprise profile; announced as directory.enterprise-upserted' })
  @ApiOkResponse({ type: EnterpriseResponseDto })
  @ApiBadRequestResponse({ description: 'invalid field, named in errors[]' })
  @ApiNotFoundResponse({ description: 'no such enterprise' })
  @ApiConflictResponse({ description: 'the credit code is taken, or expectedVersion is stale' })
  update(@IdParam() id: string, @Body() dto: UpdateEnterpriseRequestDto, @CurrentUser() user: AuthUser): Promise<EnterpriseResponseDto> {
    return this.handler.execute(id, dto, user);
  }
}
