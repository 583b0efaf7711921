import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '@ticketing/contracts';
import { ReplyTemplateRepository } from '../../domain/reply-template.repository';
import { TemplateAccessPolicy } from '../../domain/template-access.policy';
import { TemplateResponseDto } from '../../template.response.dto';
import { ListTemplatesQuery } from './list-templates.query';
import { TemplateListResponseDto } from './list-templates.response.dto';

/** The templates a reply box offers: a department the zone's and its own; the committee every one. */
@QueryHandler(ListTemplatesQuery)
export class ListTemplatesHandler implements IQueryHandler<ListTemplatesQuery, TemplateListResponseDto> {
  constructor(private readonly templates: ReplyTemplateRepository) {}

  async execute(q: ListTemplatesQuery): Promise<TemplateListResponseDto> {
    if (q.departmentId && q.user.role !== 'committee')
      throw new DomainError('validation', 'departmentId: only the committee chooses a department', {
        errors: [{ field: 'departmentId', messages: ['only the committee chooses a department'] }],
      });
    const items = await this.templates.list(TemplateAccessPolicy.listFilter(q.user, q.departmentId));
    return { items: items.map(TemplateResponseDto.of) };
  }
}
