import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { decodeCursor, encodeCursor } from '../../../common/cursor';
import { invalid } from '../../../common/field-errors';
import { ProblemDto } from '../../../common/problem.dto';
import { TransferRequestResponseDto } from '../../transfer.response.dto';
import { TransferListRow } from './list-transfers.handler';
import { ListTransfersQuery } from './list-transfers.query';
import { ListTransfersRequestDto } from './list-transfers.request.dto';

class TransferPageDto {
  @ApiProperty({ type: [TransferRequestResponseDto] }) items!: TransferRequestResponseDto[];
  @ApiPropertyOptional({ nullable: true }) nextCursor!: string | null;
}

@ApiTags('dispatch transfers')
@Controller('api/v1/dispatch/transfers')
export class ListTransfersHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('committee')
  @ApiOperation({
    summary: 'Transfer requests (退单/转办), oldest first; ?status=pending for the ones to arbitrate',
  })
  @ApiOkResponse({ type: TransferPageDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  async list(@Query() q: ListTransfersRequestDto): Promise<TransferPageDto> {
    const after = q.cursor ? decodeCursor(q.cursor) : null;
    if (q.cursor && !after)
      throw invalid([
        { field: 'cursor', messages: ['cursor must be a nextCursor returned by this endpoint'] },
      ]);
    const limit = q.limit ?? 50;
    const rows: TransferListRow[] = await this.queries.execute(
      new ListTransfersQuery(q.status, limit, after),
    );
    const last = rows[rows.length - 1]?.request;
    return {
      items: rows.map((r) => ({ ...TransferRequestResponseDto.from(r.request), ticketTitle: r.ticketTitle })),
      nextCursor: rows.length === limit && last ? encodeCursor(last.requestedAt, last.id) : null,
    };
  }
}
