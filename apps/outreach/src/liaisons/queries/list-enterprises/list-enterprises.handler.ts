import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EnterpriseFileReader } from '../../infrastructure/enterprise-file.reader';
import { EnterpriseListResponseDto } from '../liaisons.response.dto';
import { ListEnterprisesQuery } from './list-enterprises.query';

/** The enterprises whose files the caller may see (the policy's SQL scope), with their liaisons. */
@QueryHandler(ListEnterprisesQuery)
export class ListEnterprisesHandler implements IQueryHandler<
  ListEnterprisesQuery,
  EnterpriseListResponseDto
> {
  constructor(private readonly reader: EnterpriseFileReader) {}

  execute(q: ListEnterprisesQuery): Promise<EnterpriseListResponseDto> {
    return this.reader.list(q.user, q);
  }
}
