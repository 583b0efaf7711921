import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@ticketing/contracts';
import { DataSource } from 'typeorm';
import { DISPATCH_SCHEMA } from '../../../dispatch.constants';
import { TransferRequestOrmEntity } from '../../../transfers/infrastructure/transfer-request.orm-entity';
import { TransferRequestResponseDto } from '../../../transfers/transfer.response.dto';
import { DispatchTicketOrmEntity } from '../../infrastructure/dispatch-ticket.orm-entity';
import { TicketHistoryOrmEntity } from '../../infrastructure/ticket-history.orm-entity';
import { TicketHistoryQuery } from './ticket-history.query';
import { TicketHistoryResponseDto } from './ticket-history.response.dto';

@QueryHandler(TicketHistoryQuery)
export class TicketHistoryHandler implements IQueryHandler<TicketHistoryQuery, TicketHistoryResponseDto> {
  constructor(@InjectDataSource(DISPATCH_SCHEMA) private readonly dataSource: DataSource) {}

  async execute({ ticketId }: TicketHistoryQuery): Promise<TicketHistoryResponseDto> {
    const m = this.dataSource.manager;
    const [ticket, entries, transfers] = await Promise.all([
      m.findOne(DispatchTicketOrmEntity, { where: { ticketId } }),
      m.find(TicketHistoryOrmEntity, { where: { ticketId }, order: { seq: 'ASC' } }),
      m.find(TransferRequestOrmEntity, { where: { ticketId }, order: { requestedAt: 'ASC', id: 'ASC' } }),
    ]);
    if (!ticket && !entries.length)
      throw new DomainError('notFound', `ticket ${ticketId} is not known to the dispatch desk`);
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
        occurredAt: e.occurredAt.toISOString(),
        actorId: e.actorId,
        actorRole: e.actorRole,
        departmentId: e.departmentId,
        details: e.details,
      })),
      transfers: transfers.map(TransferRequestResponseDto.from),
    };
  }
}
