import { Body, Controller, HttpCode, Post } from '@nestjs/common';
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
import { actorOf } from '../../../common/actor';
import { TransferRequestResponseDto } from '../../transfer.response.dto';
import { DecideTransferCommand } from './decide-transfer.command';
import { DecideTransferRequestDto } from './decide-transfer.request.dto';

@ApiTags('dispatch transfers')
@Controller('api/v1/dispatch/transfers')
export class DecideTransferHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('committee')
  @ApiOperation({
    summary: "The committee's final decision on a transfer request (dispatch.transfer-decided)",
  })
  @ApiOkResponse({ type: TransferRequestResponseDto, description: 'the transfer request, decided' })
  @ApiBadRequestResponse({
    description: 'e.g. approving without a new lead, or back to the requester',
  })
  @ApiNotFoundResponse({ description: 'no such transfer request' })
  @ApiConflictResponse({ description: 'already decided or cancelled; `state` names it' })
  async decide(
    @IdParam() id: string,
    @Body() body: DecideTransferRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TransferRequestResponseDto> {
    const request = await this.commands.execute(
      DecideTransferCommand.create({
        transferRequestId: id,
        approved: body.approved,
        leadDepartmentId: body.leadDepartmentId,
        coHandlerDepartmentIds: body.coHandlerDepartmentIds,
        note: body.note,
        actor: actorOf(user),
      }),
    );
    return TransferRequestResponseDto.from(request);
  }
}
