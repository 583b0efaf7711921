import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Page } from '@ticketing/platform';
import { RegistrationReader } from '../../infrastructure/registration.reader';
import { RegistrationResponseDto } from '../../registration.response.dto';
import { ListRegistrationsQuery } from './list-registrations.query';

@QueryHandler(ListRegistrationsQuery)
export class ListRegistrationsHandler implements IQueryHandler<
  ListRegistrationsQuery,
  Page<RegistrationResponseDto>
> {
  constructor(private readonly registrations: RegistrationReader) {}

  execute(q: ListRegistrationsQuery): Promise<Page<RegistrationResponseDto>> {
    return this.registrations.list({ status: q.status, cursor: q.cursor, limit: q.limit });
  }
}
