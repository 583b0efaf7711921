import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '@ticketing/contracts';
import { EnterpriseDirectory } from '../../domain/enterprise-directory';
import { HandlerListResponseDto } from './handler-list.response.dto';
import { ListHandlersQuery } from './list-handlers.query';

const field = (message: string) =>
  new DomainError('validation', `departmentId: ${message}`, {
    errors: [{ field: 'departmentId', messages: [message] }],
  });

/** A department sees its own staff; the committee any department's (naming it). */
@QueryHandler(ListHandlersQuery)
export class ListHandlersHandler implements IQueryHandler<ListHandlersQuery, HandlerListResponseDto> {
  constructor(private readonly directory: EnterpriseDirectory) {}

  async execute(q: ListHandlersQuery): Promise<HandlerListResponseDto> {
    let departmentId: string;
    if (q.user.role === 'department') {
      if (q.departmentId && q.departmentId !== q.user.departmentId)
        throw field('a department lists only its own staff (omit it)');
      if (!q.user.departmentId) throw new DomainError('forbidden', 'your account names no department');
      departmentId = q.user.departmentId;
    } else {
      if (!q.departmentId) throw field('name the department whose staff you want');
      departmentId = q.departmentId;
    }
    const staff = await this.directory.staffOf(departmentId);
    return { departmentId, items: staff.map((u) => ({ userId: u.id, name: u.displayName })) };
  }
}
