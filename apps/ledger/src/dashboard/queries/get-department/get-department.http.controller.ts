import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { currentMonth, OptionalMonth } from '../../../shared/query-fields';
import { GetDepartmentHandler } from './get-department.handler';

export class GetDepartmentRequestDto {
  @OptionalMonth()
  month?: string;
}

@ApiTags('ledger: dashboard')
@Controller('api/v1/ledger/dashboard/departments')
export class GetDepartmentHttpController {
  constructor(private readonly handler: GetDepartmentHandler) {}

  @Get(':departmentId')
  @Roles('committee', 'admin', 'department')
  @ApiOperation({ summary: "One department's drill-down (a department may open its own only)" })
  @ApiOkResponse({ description: '{ departmentId, name, month, counters, rates, rank, byCategory, trend, now, overdue }' })
  @ApiBadRequestResponse({ description: 'month is not YYYY-MM' })
  @ApiForbiddenResponse({ description: "another department's drill-down" })
  department(@CurrentUser() user: AuthUser, @Param('departmentId') departmentId: string, @Query() q: GetDepartmentRequestDto) {
    return this.handler.department(user, departmentId, q.month ?? currentMonth());
  }
}
