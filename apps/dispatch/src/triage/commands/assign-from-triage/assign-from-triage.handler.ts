import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { DepartmentRepository } from '../../../departments/domain/department.repository';
import { checkManualDecision, RoutedTicketRecord } from '../../../tickets/domain/routed-ticket.aggregate';
import { RoutedTicketRepository } from '../../../tickets/domain/routed-ticket.repository';
import { AssignFromTriageCommand } from './assign-from-triage.command';
import { Clock } from '@ticketing/contracts';

/** A person routes what the rules could not (dispatch.decided via manual); once per ticket. */
@CommandHandler(AssignFromTriageCommand)
export class AssignFromTriageHandler implements ICommandHandler<AssignFromTriageCommand, RoutedTicketRecord> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tickets: RoutedTicketRepository,
    private readonly departments: DepartmentRepository,
  ) {}

  execute(c: AssignFromTriageCommand): Promise<RoutedTicketRecord> {
    return this.uow.transaction(async () => {
      const active = await this.departments.activeIds();
      const checked = checkManualDecision(
        { leadDepartmentId: c.leadDepartmentId, coHandlerDepartmentIds: c.coHandlerDepartmentIds },
        c.note,
        (id) => active.has(id),
      );
      const ticket = await this.tickets.lockById(c.ticketId);
      ticket.assignFromTriage(checked, c.actor, Clock.now());
      await this.tickets.save(ticket);
      return ticket.state;
    });
  }
}
