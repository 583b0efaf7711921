import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { currentMonth, OptionalMonth } from '../../../shared/query-fields';
import { GetDepartmentQuery } from './get-department.query';
import { DepartmentDashboardDto } from '../../dashboard.response.dto';

export class GetDepartmentRequestDto {
  @OptionalMonth()
  month?: string;
}

@ApiTags('ledger: dashboard')
@Controller('api/v1/ledger/dashboard/departments')
export class GetDepartmentHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':departmentId')
  @Roles('committee', 'admin', 'department')
  @ApiOperation({ summary: "One department's drill-down (a department may open its own only)" })
  @ApiOkResponse({ type: DepartmentDashboardDto, description: 'the department’s month' })
  @ApiBadRequestResponse({ description: 'month is not YYYY-MM' })
  @ApiForbiddenResponse({ description: "another department's drill-down" })
  department(
    @CurrentUser() user: AuthUser,
    @Param('departmentId') departmentId: string,
    @Query() q: GetDepartmentRequestDto,
  ) {
    return this.queries.execute(
      GetDepartmentQuery.create({ user, departmentId, month: q.month ?? currentMonth() }),
    );
  }
}
