import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { OutreachAccessPolicy } from '../../../access/outreach-access.policy';
import { EnterpriseFileReader } from '../../infrastructure/enterprise-file.reader';
import { LiaisonsResponseDto } from '../liaisons.response.dto';
import { GetLiaisonsQuery } from './get-liaisons.query';

/** Who to call for an enterprise: everyone who may see its file (an enterprise its own, an instructor their grid's). */
@QueryHandler(GetLiaisonsQuery)
export class GetLiaisonsHandler implements IQueryHandler<GetLiaisonsQuery, LiaisonsResponseDto> {
  constructor(private readonly reader: EnterpriseFileReader) {}

  async execute(q: GetLiaisonsQuery): Promise<LiaisonsResponseDto> {
    const found = await this.reader.find(q.enterpriseId);
    OutreachAccessPolicy.visibleEnterprise(q.user, q.enterpriseId, found?.scope ?? null);
    return found!.file;
  }
}
