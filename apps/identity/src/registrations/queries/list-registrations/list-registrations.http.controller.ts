import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { Page } from '@ticketing/platform';
import { RegistrationPageDto, RegistrationResponseDto } from '../../registration.response.dto';
import { ListRegistrationsQuery } from './list-registrations.query';
import { ListRegistrationsQueryDto } from './list-registrations.query.dto';

@ApiTags('identity: registrations')
@Controller('api/v1/identity/registrations')
export class ListRegistrationsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('committee', 'admin')
  @ApiOperation({ summary: 'Applications by status (pending by default), oldest first' })
  @ApiOkResponse({ type: RegistrationPageDto, description: 'a page of applications, oldest first' })
  @ApiBadRequestResponse({ description: 'invalid status, cursor or limit' })
  list(@Query() query: ListRegistrationsQueryDto): Promise<Page<RegistrationResponseDto>> {
    return this.queries.execute(
      ListRegistrationsQuery.create({
        status: query.status ?? 'pending',
        cursor: query.cursor,
        limit: query.limit ?? 50,
      }),
    );
  }
}
