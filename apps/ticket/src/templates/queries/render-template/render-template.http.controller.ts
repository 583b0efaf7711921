import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { IdParam } from '@ticketing/platform';
import { RenderTemplateQuery } from './render-template.query';
import { RenderTemplateRequestDto } from './render-template.request.dto';
import { RenderedTemplateResponseDto } from './rendered-template.response.dto';

@ApiTags('tickets: reply templates')
@Controller('api/v1/tickets/templates')
export class RenderTemplateHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Post(':id/render')
  @HttpCode(200)
  @Roles('committee', 'department')
  @ApiOperation({
    summary:
      'A template filled in for one ticket ({enterprise} {number} {deadline}), for a reply box; writes nothing',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({
    type: RenderedTemplateResponseDto,
    description: 'the template’s text, filled in for the ticket',
  })
  @ApiBadRequestResponse({ description: 'id or ticketId is not a UUID' })
  @ApiNotFoundResponse({ description: 'a template you do not read, or a ticket you do not see' })
  render(
    @IdParam() id: string,
    @Body() dto: RenderTemplateRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<RenderedTemplateResponseDto> {
    return this.queries.execute(RenderTemplateQuery.create({ user, templateId: id, ticketId: dto.ticketId }));
  }
}
