import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Page } from '@ticketing/platform';
import { EnterpriseResponseDto } from '../../enterprise.response.dto';
import { EnterpriseReader } from '../../infrastructure/enterprise.reader';
import { ListEnterprisesQuery } from './list-enterprises.query';

@QueryHandler(ListEnterprisesQuery)
export class ListEnterprisesHandler implements IQueryHandler<
  ListEnterprisesQuery,
  Page<EnterpriseResponseDto>
> {
  constructor(private readonly enterprises: EnterpriseReader) {}

  execute({ user, ...filter }: ListEnterprisesQuery): Promise<Page<EnterpriseResponseDto>> {
    return this.enterprises.list(user, filter);
  }
}
