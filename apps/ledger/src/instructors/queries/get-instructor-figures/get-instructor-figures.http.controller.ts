import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { RequiredPeriod } from '../../../shared/query-fields';
import { InstructorFiguresResult } from './get-instructor-figures.handler';
import { GetInstructorFiguresQuery } from './get-instructor-figures.query';
import { InstructorFiguresResponseDto } from '../../instructors.response.dto';

export class GetInstructorFiguresRequestDto {
  @RequiredPeriod()
  period!: string;
}

@ApiTags('ledger: instructors')
@Controller('api/v1/ledger/instructors')
export class GetInstructorFiguresHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':instructorUserId/figures')
  @Roles('committee', 'admin', 'instructor')
  @ApiOperation({
    summary:
      "One instructor's 量化积分 of a period explained: per month the planned enterprises (visited or not), the visits, the tickets of their problems with their outcome, the activities (an instructor sees their own)",
  })
  @ApiOkResponse({
    type: InstructorFiguresResponseDto,
    description: 'the instructor’s score, figures and months, taken apart',
  })
  @ApiBadRequestResponse({ description: 'period missing or not 2026-12 / 2026-Q4 / 2026' })
  @ApiNotFoundResponse({ description: "another instructor's figures, asked by an instructor" })
  figures(
    @CurrentUser() user: AuthUser,
    @Param('instructorUserId') instructorUserId: string,
    @Query() q: GetInstructorFiguresRequestDto,
  ): Promise<InstructorFiguresResult> {
    return this.queries.execute(
      GetInstructorFiguresQuery.create({ user, instructorUserId, period: q.period }),
    );
  }
}
