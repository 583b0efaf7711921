import { Controller, Delete, HttpCode } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { IdParam } from '@ticketing/platform';
import { DeleteTemplateCommand } from './delete-template.command';

@ApiTags('tickets: reply templates')
@Controller('api/v1/tickets/templates')
export class DeleteTemplateHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Delete(':id')
  @HttpCode(204)
  @Roles('committee', 'department')
  @ApiOperation({ summary: 'Remove a reply template (its owner only); its history is kept' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'removed' })
  @ApiBadRequestResponse({ description: 'id is not a UUID' })
  @ApiForbiddenResponse({ description: 'a zone-wide template, for a department' })
  @ApiNotFoundResponse({ description: 'no such template, or another department’s' })
  remove(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.commands.execute(DeleteTemplateCommand.create({ user, templateId: id }));
  }
}
