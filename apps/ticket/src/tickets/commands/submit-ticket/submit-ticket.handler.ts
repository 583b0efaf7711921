import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, DomainError, newId } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
import { createHash } from 'node:crypto';
import { AttachmentBinder } from '../../../attachments/domain/attachment-binder';
import { CategoryCatalog } from '../../../categories/domain/category-catalog';
import { EnterpriseDirectory } from '../../../directory/domain/enterprise-directory';
import { TicketAccessPolicy } from '../../access/ticket-access.policy';
import { IdempotencyKeys } from '../../domain/idempotency-keys';
import {
  rankSimilar,
  RecentTickets,
  SimilarTicketRules,
  similarView,
  windowStart,
} from '../../domain/similar-tickets';
import { SubmitterRole, Ticket } from '../../domain/ticket.aggregate';
import { invalid } from '../../domain/ticket.errors';
import { TicketNumbers } from '../../domain/ticket-numbers';
import { TicketRepository } from '../../domain/ticket.repository';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { SubmitTicketCommand } from './submit-ticket.command';

/** The controller admits these roles only; anything else is refused as the policy would. */
const submitterRole = (role: string): SubmitterRole => {
  if (role === 'enterprise' || role === 'instructor' || role === 'committee') return role;
  throw new DomainError('forbidden', `a ${role} does not submit tickets`);
};

/** Canonical JSON (sorted keys), so the same request in another key order is the same request. */
const canonical = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(canonical).join(',')}]`
    : v && typeof v === 'object'
      ? `{${Object.keys(v as object)
          .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(v);

/** A request seen before: its first answer, given after the unit of work rolled back (the number it took goes back). */
class Replayed {
  constructor(readonly response: TicketChangedResponseDto) {}
}

/**
 * One unit of work: the idempotency key is claimed (a concurrent twin waits on it and then gets the
 * first answer) and a ticket number taken, both in one round trip; then the enterprise and category
 * are checked and the files claimed. A likely duplicate of one of the enterprise's open tickets is
 * refused (409) unless confirmed. A number taken by a submission that does not save (refused, or a
 * replay of a key) goes back with its rollback, so the numbers stay gapless.
 */
@CommandHandler(SubmitTicketCommand)
export class SubmitTicketHandler implements ICommandHandler<SubmitTicketCommand, TicketChangedResponseDto> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tickets: TicketRepository,
    private readonly numbers: TicketNumbers,
    private readonly keys: IdempotencyKeys<TicketChangedResponseDto>,
    private readonly directory: EnterpriseDirectory,
    private readonly categories: CategoryCatalog,
    private readonly attachments: AttachmentBinder,
    private readonly recent: RecentTickets,
  ) {}

  async execute(c: SubmitTicketCommand): Promise<TicketChangedResponseDto> {
    try {
      return await this.uow.transaction(async () => {
        const at = Clock.now();
        const [, number] = await Promise.all([this.claimKey(c), this.numbers.next(at)]);
        const ticket = await this.submit(c, number, at);
        const response = TicketChangedResponseDto.of(ticket);
        // Recorded first, so the answer is written in the save's statement.
        if (c.idempotencyKey) await this.keys.record(c.user.id, c.idempotencyKey, response.id, response);
        await this.tickets.save(ticket);
        return response;
      });
    } catch (e) {
      if (e instanceof Replayed) return e.response;
      throw e;
    }
  }

  /** Takes the request's key; a key used before throws its first answer (Replayed) or a 422. */
  private async claimKey(c: SubmitTicketCommand): Promise<void> {
    if (!c.idempotencyKey) return;
    const hash = createHash('sha256').update(canonical(c.request())).digest('hex');
    const claim = await this.keys.claim(c.user.id, c.idempotencyKey, hash);
    if (claim === true) return;
    if (claim.requestHash !== hash || !claim.response) {
      throw new DomainError(
        'unprocessable',
        'Idempotency-Key was already used with a different request; use a new key for a new ticket',
        { idempotencyKey: c.idempotencyKey },
      );
    }
    throw new Replayed(claim.response);
  }

  /** The new ticket, checked and numbered, not yet saved. */
  private async submit(c: SubmitTicketCommand, number: string, at: Date): Promise<Ticket> {
    const enterpriseId = TicketAccessPolicy.enterpriseToSubmitFor(c.user, c.enterpriseId);
    const enterprise = await this.directory.findEnterprise(enterpriseId);
    if (!enterprise || !enterprise.active) {
      throw new DomainError(
        'unprocessable',
        `enterpriseId: enterprise ${enterpriseId} is not (or no longer) in the directory`,
        { errors: [{ field: 'enterpriseId', messages: ['unknown or inactive enterprise'] }] },
      );
    }
    const gridId = TicketAccessPolicy.submissionGrid(c.user, enterprise, c.gridId);
    const category = await this.categories.findActive(c.category);
    if (!category)
      throw invalid('category', `unknown category ${c.category}; see GET /api/v1/tickets/categories`);
    if (!c.title.trim()) throw invalid('title', 'title is required');
    if (!c.description.trim()) throw invalid('description', 'description is required');

    if (!c.confirmNotDuplicate) await this.refuseLikelyDuplicate(c, enterprise.id, at);
    const id = newId();
    // attachments.ticket_id is a deferred foreign key: the files are claimed before the ticket row exists.
    const attachments = await this.attachments.bind(c.attachmentIds ?? [], c.user, id, 'attachmentIds');
    const ticket = Ticket.submit({
      id,
      number,
      enterpriseId: enterprise.id,
      enterpriseName: enterprise.name,
      gridId,
      submittedBy: { id: c.user.id, role: submitterRole(c.user.role) },
      title: c.title.trim(),
      description: c.description.trim(),
      category: category.code,
      urgency: c.urgency ?? 'normal',
      location: c.location?.trim() || null,
      contact: { name: c.contact.name.trim(), phone: c.contact.phone.trim() },
      attachments,
      channel: c.channel,
      at,
    });
    return ticket;
  }

  /**
   * 重复诉求: an open ticket of the same enterprise from the last weeks that reads like this one
   * (at least half its bigrams shared) makes the submission a question first: 409 listing them,
   * and the same request with confirmNotDuplicate files it.
   */
  private async refuseLikelyDuplicate(c: SubmitTicketCommand, enterpriseId: string, at: Date): Promise<void> {
    const candidates = (
      await this.recent.openOf(enterpriseId, windowStart(at), SimilarTicketRules.candidates)
    ).filter((t) => TicketAccessPolicy.canSee(c.user, t.scope));
    const likely = rankSimilar({ title: c.title, description: c.description }, candidates).filter(
      (s) => s.likelyDuplicate,
    );
    if (!likely.length) return;
    throw new DomainError(
      'possibleDuplicate',
      `this reads like open ticket ${likely.map((s) => s.ticket.number).join(', ')} of the same enterprise; send it again with confirmNotDuplicate: true to file it anyway`,
      {
        errors: [
          {
            field: 'confirmNotDuplicate',
            messages: ['a similar open ticket exists; confirm to file anyway'],
          },
        ],
        candidates: likely.map(similarView),
      },
    );
  }
}
