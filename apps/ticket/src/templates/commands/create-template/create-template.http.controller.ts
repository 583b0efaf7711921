import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { TemplateResponseDto } from '../../template.response.dto';
import { CreateTemplateCommand } from './create-template.command';
import { CreateTemplateRequestDto } from './create-template.request.dto';

@ApiTags('tickets: reply templates')
@Controller('api/v1/tickets/templates')
export class CreateTemplateHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('committee', 'department')
  @ApiOperation({
    summary: 'Add a reply template (常用语): the committee’s are zone-wide, a department’s its own',
  })
  @ApiCreatedResponse({ type: TemplateResponseDto, description: 'the template as created' })
  @ApiBadRequestResponse({ description: 'title or body missing, too long, or an unknown {placeholder}' })
  @ApiForbiddenResponse({ description: 'not the committee nor a department' })
  @ApiConflictResponse({ description: 'the owner has a template of this title already (errors name title)' })
  create(@Body() dto: CreateTemplateRequestDto, @CurrentUser() user: AuthUser): Promise<TemplateResponseDto> {
    return this.commands.execute(CreateTemplateCommand.create({ user, title: dto.title, body: dto.body }));
  }
}
