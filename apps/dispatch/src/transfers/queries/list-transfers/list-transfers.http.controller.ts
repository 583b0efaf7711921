import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { DEFAULT_PAGE_SIZE } from '@ticketing/platform';
import { ListTransfersQuery } from './list-transfers.query';
import { ListTransfersRequestDto } from './list-transfers.request.dto';
import { TransferPageDto } from './list-transfers.response.dto';

@ApiTags('dispatch transfers')
@Controller('api/v1/dispatch/transfers')
export class ListTransfersHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('committee')
  @ApiOperation({
    summary: 'Transfer requests (退单/转办), oldest first; ?status=pending for the ones to arbitrate',
  })
  @ApiOkResponse({ type: TransferPageDto, description: 'a page of transfer requests, oldest first' })
  @ApiBadRequestResponse({ description: 'status, limit or cursor is malformed' })
  list(@Query() q: ListTransfersRequestDto): Promise<TransferPageDto> {
    return this.queries.execute(
      ListTransfersQuery.create({
        status: q.status ?? null,
        limit: q.limit ?? DEFAULT_PAGE_SIZE,
        cursor: q.cursor ?? null,
      }),
    );
  }
}
