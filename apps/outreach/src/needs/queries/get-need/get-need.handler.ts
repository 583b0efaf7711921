import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '@ticketing/platform';
import { OutreachAccessPolicy } from '../../../access/outreach-access.policy';
import { NeedReader } from '../../infrastructure/need.reader';
import { NeedResponseDto } from '../../need.response.dto';
import { GetNeedQuery } from './get-need.query';

@QueryHandler(GetNeedQuery)
export class GetNeedHandler implements IQueryHandler<GetNeedQuery, NeedResponseDto> {
  constructor(private readonly reader: NeedReader) {}

  async execute(q: GetNeedQuery): Promise<NeedResponseDto> {
    const found = await this.reader.find(q.needId);
    if (!found || !OutreachAccessPolicy.canSeeNeed(q.user, found.scope)) throw notFound('need', q.needId);
    return found.view;
  }
}
