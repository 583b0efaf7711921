import { Actor } from '@ticketing/contracts';

export class AssignFromTriageCommand {
  constructor(
    readonly ticketId: string,
    readonly leadDepartmentId: string,
    readonly coHandlerDepartmentIds: string[],
    readonly note: string,
    readonly actor: Actor,
  ) {}
}
