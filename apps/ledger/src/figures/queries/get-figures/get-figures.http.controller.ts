import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { FiguresResult } from './get-figures.handler';
import { GetFiguresQuery } from './get-figures.query';
import { GetFiguresRequestDto } from './get-figures.request.dto';
import { FiguresResponseDto } from '../../figures.response.dto';

@ApiTags('ledger: figures')
@Controller('api/v1/ledger/figures')
export class GetFiguresHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('committee', 'admin', 'department')
  @ApiOperation({
    summary: 'Counters and rates per department, category, grid or month (a department sees its own only)',
  })
  @ApiOkResponse({
    type: FiguresResponseDto,
    description: 'a row of counters and rates per group; a rate is null when nothing was due',
  })
  @ApiBadRequestResponse({
    description: 'a malformed month, an unknown groupBy, or to before from (the field is named)',
  })
  figures(@CurrentUser() user: AuthUser, @Query() q: GetFiguresRequestDto): Promise<FiguresResult> {
    return this.queries.execute<GetFiguresQuery, FiguresResult>(
      GetFiguresQuery.create({
        user,
        from: q.from,
        to: q.to,
        departmentId: q.departmentId,
        category: q.category,
        gridId: q.gridId,
        groupBy: q.groupBy ?? 'none',
      }),
    );
  }
}
