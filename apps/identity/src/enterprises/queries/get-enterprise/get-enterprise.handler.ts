import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '@ticketing/platform';
import { EnterpriseResponseDto } from '../../enterprise.response.dto';
import { EnterpriseReader } from '../../infrastructure/enterprise.reader';
import { GetEnterpriseQuery } from './get-enterprise.query';

/** An enterprise the caller may not see is answered as absent (404), so its existence does not leak. */
@QueryHandler(GetEnterpriseQuery)
export class GetEnterpriseHandler implements IQueryHandler<GetEnterpriseQuery, EnterpriseResponseDto> {
  constructor(private readonly enterprises: EnterpriseReader) {}

  async execute(q: GetEnterpriseQuery): Promise<EnterpriseResponseDto> {
    const enterprise = await this.enterprises.get(q.user, q.enterpriseId);
    if (!enterprise) throw notFound('enterprise', q.enterpriseId);
    return enterprise;
  }
}
