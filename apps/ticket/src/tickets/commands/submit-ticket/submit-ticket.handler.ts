import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@ticketing/auth';
import { DomainError, newId } from '@ticketing/contracts';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AttachmentBinder } from '../../../attachments/infrastructure/attachment-binder';
import { CategoryOrmEntity } from '../../../categories/infrastructure/category.orm-entity';
import { DirectoryEnterpriseOrmEntity } from '../../../directory/infrastructure/directory.orm-entity';
import { Ticket } from '../../domain/ticket.aggregate';
import { invalid } from '../../domain/ticket.errors';
import { TicketRepository } from '../../infrastructure/ticket.repository';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { SubmitTicketCommand } from './submit-ticket.command';
import { nextTicketNumber } from './ticket-number';

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

@CommandHandler(SubmitTicketCommand)
export class SubmitTicketHandler implements ICommandHandler<SubmitTicketCommand, TicketChangedResponseDto> {
  constructor(
    @InjectDataSource('ticket') private readonly dataSource: DataSource,
    private readonly tickets: TicketRepository,
    private readonly attachments: AttachmentBinder,
  ) {}

  execute(c: SubmitTicketCommand): Promise<TicketChangedResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      if (c.idempotencyKey) {
        const replay = await this.claimKey(manager, c);
        if (replay) return replay;
      }
      const response = await this.submit(manager, c);
      if (c.idempotencyKey) {
        await manager.query(
          `UPDATE ticket.idempotency_keys SET ticket_id = $3, response = $4 WHERE user_id = $1 AND key = $2`,
          [c.user.id, c.idempotencyKey, response.id, JSON.stringify(response)],
        );
      }
      return response;
    });
  }

  /**
   * Claims the key for this request, or returns what the first request with it answered. A
   * concurrent twin blocks on the key's row until the first commits, then sees its answer.
   */
  private async claimKey(
    manager: EntityManager,
    c: SubmitTicketCommand,
  ): Promise<TicketChangedResponseDto | null> {
    const hash = createHash('sha256').update(canonical(c.request)).digest('hex');
    const claimed: unknown[] = await manager.query(
      `INSERT INTO ticket.idempotency_keys (user_id, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key`,
      [c.user.id, c.idempotencyKey, hash],
    );
    if (claimed.length) return null;
    const [prior]: { request_hash: string; response: TicketChangedResponseDto | null }[] =
      await manager.query(
        `SELECT request_hash, response FROM ticket.idempotency_keys WHERE user_id = $1 AND key = $2`,
        [c.user.id, c.idempotencyKey],
      );
    if (!prior || prior.request_hash !== hash || !prior.response) {
      throw new DomainError(
        'unprocessable',
        'Idempotency-Key was already used with a different request; use a new key for a new ticket',
        {
          idempotencyKey: c.idempotencyKey,
        },
      );
    }
    return prior.response;
  }

  private async submit(manager: EntityManager, c: SubmitTicketCommand): Promise<TicketChangedResponseDto> {
    const r = c.request;
    const enterprise = await this.enterpriseFor(manager, c.user, r.enterpriseId);
    const gridId = this.gridFor(c.user, enterprise, r.gridId);
    const category = await manager.findOneBy(CategoryOrmEntity, { code: r.category, active: true });
    if (!category)
      throw invalid('category', `unknown category ${r.category}; see GET /api/v1/tickets/categories`);

    if (!r.title.trim()) throw invalid('title', 'title is required');
    if (!r.description.trim()) throw invalid('description', 'description is required');
    const at = new Date();
    const id = newId();
    const number = await nextTicketNumber(manager, at);
    // attachments.ticket_id is a deferred foreign key: the files are claimed before the ticket row exists.
    const attachments = await this.attachments.bind(
      manager,
      r.attachmentIds ?? [],
      c.user,
      id,
      'attachmentIds',
    );
    const ticket = Ticket.submit({
      id,
      number,
      enterpriseId: enterprise.id,
      enterpriseName: enterprise.name,
      gridId,
      submittedBy: { id: c.user.id, role: c.user.role as 'enterprise' | 'instructor' },
      title: r.title.trim(),
      description: r.description.trim(),
      category: category.code,
      urgency: r.urgency ?? 'normal',
      location: r.location?.trim() || null,
      contact: { name: r.contact.name.trim(), phone: r.contact.phone.trim() },
      attachments,
      at,
    });
    await this.tickets.save(manager, ticket);
    return TicketChangedResponseDto.of(ticket);
  }

  private async enterpriseFor(
    manager: EntityManager,
    user: AuthUser,
    requested: string | undefined,
  ): Promise<DirectoryEnterpriseOrmEntity> {
    let enterpriseId: string;
    if (user.role === 'enterprise') {
      if (!user.enterpriseId)
        throw new DomainError('forbidden', 'your account is not linked to an enterprise');
      if (requested && requested !== user.enterpriseId)
        throw new DomainError('forbidden', 'an enterprise may submit only for itself');
      enterpriseId = user.enterpriseId;
    } else {
      if (!requested) throw invalid('enterpriseId', 'enterpriseId is required when an instructor submits');
      enterpriseId = requested;
    }
    const enterprise = await manager.findOneBy(DirectoryEnterpriseOrmEntity, { id: enterpriseId });
    if (!enterprise || !enterprise.active) {
      throw new DomainError(
        'unprocessable',
        `enterpriseId: enterprise ${enterpriseId} is not (or no longer) in the directory`,
        {
          errors: [{ field: 'enterpriseId', messages: ['unknown or inactive enterprise'] }],
        },
      );
    }
    if (
      user.role === 'instructor' &&
      !(enterprise.gridId && (user.gridIds ?? []).includes(enterprise.gridId))
    ) {
      throw new DomainError('forbidden', `enterprise ${enterpriseId} is not in one of your grids`);
    }
    return enterprise;
  }

  private gridFor(
    user: AuthUser,
    enterprise: DirectoryEnterpriseOrmEntity,
    requested: string | undefined,
  ): string | null {
    if (requested && enterprise.gridId && requested !== enterprise.gridId) {
      throw invalid('gridId', `must be the enterprise's grid (${enterprise.gridId}) or omitted`);
    }
    const gridId = requested ?? enterprise.gridId;
    if (user.role === 'instructor' && !(gridId && (user.gridIds ?? []).includes(gridId))) {
      throw new DomainError('forbidden', 'you may submit only for enterprises in your grids');
    }
    return gridId;
  }
}
