import { Body, Controller, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { IdParam } from '@ticketing/platform';
import { TemplateResponseDto } from '../../template.response.dto';
import { UpdateTemplateCommand } from './update-template.command';
import { UpdateTemplateRequestDto } from './update-template.request.dto';

@ApiTags('tickets: reply templates')
@Controller('api/v1/tickets/templates')
export class UpdateTemplateHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Patch(':id')
  @Roles('committee', 'department')
  @ApiOperation({ summary: 'Change a reply template’s title or body (its owner only)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: TemplateResponseDto, description: 'the template after the change' })
  @ApiBadRequestResponse({ description: 'a field malformed, an unknown {placeholder}, or nothing to change' })
  @ApiForbiddenResponse({ description: 'a zone-wide template, for a department' })
  @ApiNotFoundResponse({ description: 'no such template, or another department’s' })
  @ApiConflictResponse({ description: 'a stale expectedVersion, or the title is taken' })
  update(
    @IdParam() id: string,
    @Body() dto: UpdateTemplateRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TemplateResponseDto> {
    return this.commands.execute(
      UpdateTemplateCommand.create({
        user,
        templateId: id,
        expectedVersion: dto.expectedVersion,
        title: dto.title,
        body: dto.body,
      }),
    );
  }
}
