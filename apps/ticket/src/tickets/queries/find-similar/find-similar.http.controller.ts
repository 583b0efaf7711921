import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { FindSimilarTicketsQuery } from './find-similar.query';
import { FindSimilarTicketsRequestDto } from './find-similar.request.dto';
import { SimilarTicketsResponseDto } from './similar-tickets.response.dto';

@ApiTags('tickets')
@Controller('api/v1/tickets')
export class FindSimilarTicketsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('similar')
  @Roles('enterprise', 'instructor', 'committee')
  @ApiOperation({
    summary: "While a ticket is typed: the enterprise's own similar open tickets (重复诉求提示)",
    description:
      'Open tickets of the same enterprise submitted in the last 30 days whose title or whole text shares at least 30 % of its character bigrams with the draft (Dice coefficient), most alike first, at most 5. From 50 % a ticket is a likely duplicate: submitting the draft then answers 409 possibleDuplicate unless confirmNotDuplicate is true.',
  })
  @ApiOkResponse({ type: SimilarTicketsResponseDto, description: 'the similar open tickets, if any' })
  @ApiBadRequestResponse({
    description:
      'neither title nor description given, a field too long, or enterpriseId missing for an instructor or committee staff',
  })
  @ApiForbiddenResponse({ description: 'an enterprise naming another enterprise' })
  find(
    @Query() dto: FindSimilarTicketsRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<SimilarTicketsResponseDto> {
    return this.queries.execute(
      FindSimilarTicketsQuery.create({
        user,
        enterpriseId: dto.enterpriseId,
        title: dto.title ?? '',
        description: dto.description ?? '',
      }),
    );
  }
}
