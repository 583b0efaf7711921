import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ticketNotFound } from '@ticketing/auth';
import { TicketAccessPolicy } from '../../../tickets/access/ticket-access.policy';
import { fillPlaceholders } from '../../domain/reply-placeholders';
import { ReplyTemplateRepository } from '../../domain/reply-template.repository';
import { TemplateAccessPolicy } from '../../domain/template-access.policy';
import { TemplateTicketReader } from '../../infrastructure/template-ticket.reader';
import { RenderedTemplateResponseDto } from './rendered-template.response.dto';
import { RenderTemplateQuery } from './render-template.query';

/**
 * Fills a template in for one ticket, on the server, so every reply box writes the same words and
 * the deadline is the SLA engine's, in Beijing time. The caller must read the template and see the
 * ticket (404 otherwise); nothing is written — the text goes into a reply box to be edited and sent.
 */
@QueryHandler(RenderTemplateQuery)
export class RenderTemplateHandler implements IQueryHandler<
  RenderTemplateQuery,
  RenderedTemplateResponseDto
> {
  constructor(
    private readonly templates: ReplyTemplateRepository,
    private readonly tickets: TemplateTicketReader,
  ) {}

  async execute(q: RenderTemplateQuery): Promise<RenderedTemplateResponseDto> {
    const template = await this.templates.findById(q.templateId);
    TemplateAccessPolicy.assertMayRead(q.user, q.templateId, template);
    const ticket = await this.tickets.facts(q.ticketId);
    if (!ticket || !TicketAccessPolicy.canSee(q.user, ticket.scope)) throw ticketNotFound(q.ticketId);
    const s = template!.snapshot();
    return {
      templateId: s.id,
      title: s.title,
      text: fillPlaceholders(s.body, {
        enterprise: ticket.enterpriseName,
        number: ticket.number,
        deadline: ticket.deadline,
      }),
    };
  }
}
