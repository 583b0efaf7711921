import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { ExplainRoutingQuery } from './explain-routing.query';
import { ExplainRoutingRequestDto } from './explain-routing.request.dto';
import { ExplainRoutingResponseDto } from './explain-routing.response.dto';

@ApiTags('dispatch rules')
@Controller('api/v1/dispatch/rules')
export class ExplainRoutingHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Post('explain')
  @HttpCode(200)
  @Roles('committee', 'admin')
  @ApiOperation({
    summary: 'Which rule would route this text, and why the others would not (changes nothing)',
  })
  @ApiOkResponse({
    type: ExplainRoutingResponseDto,
    description: 'the rule that would route it (or triage), and why each other rule would not',
  })
  @ApiBadRequestResponse({ description: 'a field is invalid (named in errors)' })
  async explain(@Body() body: ExplainRoutingRequestDto): Promise<ExplainRoutingResponseDto> {
    const result = await this.queries.execute(
      ExplainRoutingQuery.create({
        title: body.title,
        description: body.description,
        category: body.category,
        gridId: body.gridId ?? null,
        enterpriseId: body.enterpriseId ?? null,
      }),
    );
    return ExplainRoutingResponseDto.from(result);
  }
}
