import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@ticketing/contracts';
import { OutboxWriter } from '@ticketing/messaging';
import { DataSource } from 'typeorm';
import { FieldError, invalid } from '../../../common/field-errors';
import { loadActiveDepartmentIds } from '../../../departments/infrastructure/department-directory';
import { DISPATCH_SCHEMA } from '../../../dispatch.constants';
import { validateDecision } from '../../../rules/domain/routing-rule';
import { decideTicket } from '../../../tickets/application/dispatch-outbox';
import { DispatchTicketOrmEntity } from '../../../tickets/infrastructure/dispatch-ticket.orm-entity';
import { AssignFromTriageCommand } from './assign-from-triage.command';

/** A person routes what the rules could not; once, because the ticket leaves the queue with it. */
@CommandHandler(AssignFromTriageCommand)
export class AssignFromTriageHandler implements ICommandHandler<
  AssignFromTriageCommand,
  DispatchTicketOrmEntity
> {
  constructor(
    @InjectDataSource(DISPATCH_SCHEMA) private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  execute(c: AssignFromTriageCommand): Promise<DispatchTicketOrmEntity> {
    return this.dataSource.transaction(async (manager) => {
      const active = await loadActiveDepartmentIds(manager);
      const decision = {
        leadDepartmentId: c.leadDepartmentId,
        coHandlerDepartmentIds: c.coHandlerDepartmentIds,
      };
      const errors: FieldError[] = validateDecision(decision, (id) => active.has(id));
      const note = c.note.trim();
      if (!note) errors.push({ field: 'note', messages: ['note must say why these departments'] });
      if (errors.length) throw invalid(errors);
      const ticket = await manager.findOne(DispatchTicketOrmEntity, {
        where: { ticketId: c.ticketId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!ticket)
        throw new DomainError('notFound', `ticket ${c.ticketId} is not known to the dispatch desk`);
      if (ticket.status !== 'triage') {
        const how =
          ticket.status === 'decided' ? ` (${ticket.decidedVia === 'rule' ? 'by a rule' : 'manually'})` : '';
        throw new DomainError(
          'conflict',
          `ticket ${ticket.number} is not waiting in triage: it is ${ticket.status}${how}`,
          {
            state: ticket.status,
          },
        );
      }
      await decideTicket(
        manager,
        this.outbox,
        ticket,
        { ...decision, via: 'manual', ruleId: null, ruleVersion: null, explanation: note },
        c.actor,
        new Date(),
      );
      return ticket;
    });
  }
}
