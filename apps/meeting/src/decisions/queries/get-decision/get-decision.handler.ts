import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { MeetingAccessPolicy } from '../../../access/meeting-access.policy';
import { DecisionResponseDto } from '../../decision.response.dto';
import { DecisionReader } from '../../infrastructure/decision.reader';
import { GetDecisionQuery } from './get-decision.query';

@QueryHandler(GetDecisionQuery)
export class GetDecisionHandler implements IQueryHandler<GetDecisionQuery, DecisionResponseDto> {
  constructor(private readonly reader: DecisionReader) {}

  async execute(q: GetDecisionQuery): Promise<DecisionResponseDto> {
    const found = await this.reader.find(q.user, q.decisionId);
    MeetingAccessPolicy.visibleDecision(q.user, q.decisionId, found?.scope ?? null);
    return found!.view;
  }
}
