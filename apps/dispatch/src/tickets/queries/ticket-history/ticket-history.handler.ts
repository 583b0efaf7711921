import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TicketVisibility } from '@ticketing/auth';
import { DomainError } from '@ticketing/contracts';
import { TransferRequestResponseDto } from '../../../transfers/transfer.response.dto';
import { TicketHistoryReader } from '../../infrastructure/ticket-history.reader';
import { TicketHistoryQuery } from './ticket-history.query';
import { TicketHistoryResponseDto } from './ticket-history.response.dto';

@QueryHandler(TicketHistoryQuery)
export class TicketHistoryHandler implements IQueryHandler<TicketHistoryQuery, TicketHistoryResponseDto> {
  constructor(private readonly reader: TicketHistoryReader) {}

  async execute({ ticketId, user }: TicketHistoryQuery): Promise<TicketHistoryResponseDto> {
    const { ticket, entries, transfers } = await this.reader.read(ticketId);
    if (!ticket && !entries.length) {
      throw new DomainError('notFound', `ticket ${ticketId} is not known to the dispatch desk`);
    }
    // Only the history itself is known of a ticket the desk has no record of: no scope to hold it to.
    TicketVisibility.assertCanSee(user, ticketId, {
      enterpriseId: ticket?.enterpriseId ?? null,
      gridId: ticket?.gridId ?? null,
      leadDepartmentId: ticket?.leadDepartmentId ?? null,
      coHandlerDepartmentIds: ticket?.coHandlerDepartmentIds ?? [],
    });
    return {
      ticketId,
      number: ticket?.number ?? null,
      status: ticket?.status ?? null,
      leadDepartmentId: ticket?.leadDepartmentId ?? null,
      coHandlerDepartmentIds: ticket?.coHandlerDepartmentIds ?? [],
      firstHandlerDepartmentId: ticket?.firstHandlerDepartmentId ?? null,
      decidedVia: ticket?.decidedVia ?? null,
      ruleId: ticket?.ruleId ?? null,
      ruleVersion: ticket?.ruleVersion ?? null,
      explanation: ticket?.explanation ?? null,
      entries: entries.map((e) => ({
        kind: e.kind,
        occurredAt: e.at.toISOString(),
        actorId: e.actor.id,
        actorRole: e.actor.role,
        departmentId: e.departmentId,
        details: e.details,
      })),
      transfers: transfers.map(TransferRequestResponseDto.from),
    };
  }
}
