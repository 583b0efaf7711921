import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { MeetingAccessPolicy } from '../../../access/meeting-access.policy';
import { DecisionPageDto } from '../../decision.response.dto';
import { DecisionReader } from '../../infrastructure/decision.reader';
import { ListDecisionsQuery } from './list-decisions.query';

/**
 * Decisions in the caller's scope: a department's queue (those it leads or co-handles, with the
 * SLA's deadline and flag), an enterprise's those on its tickets and needs, all for the committee.
 */
@QueryHandler(ListDecisionsQuery)
export class ListDecisionsHandler implements IQueryHandler<ListDecisionsQuery, DecisionPageDto> {
  constructor(private readonly reader: DecisionReader) {}

  execute(q: ListDecisionsQuery): Promise<DecisionPageDto> {
    MeetingAccessPolicy.assertMineAllowed(q.user, q.mine);
    return this.reader.list(q.user, q);
  }
}
