import { Injectable } from '@nestjs/common';
import { AuthUser } from '@ticketing/auth';
import { AttachmentRef } from '@ticketing/contracts';
import { EntityManager, In } from 'typeorm';
import { invalid } from '../../tickets/domain/ticket.errors';
import { AttachmentOrmEntity } from './attachment.orm-entity';

/**
 * Hands uploaded files to a ticket. Only the uploader's own files that no ticket holds yet can be
 * referenced, so nobody can attach (and thereby read) somebody else's upload.
 */
@Injectable()
export class AttachmentBinder {
  async bind(
    manager: EntityManager,
    ids: string[],
    user: AuthUser,
    ticketId: string,
    field: string,
  ): Promise<AttachmentRef[]> {
    if (!ids.length) return [];
    const unique = [...new Set(ids)];
    const rows = await manager.find(AttachmentOrmEntity, {
      where: { id: In(unique) },
      lock: { mode: 'pessimistic_write' },
    });
    const usable = new Map(
      rows.filter((r) => r.uploadedById === user.id && r.ticketId === null).map((r) => [r.id, r]),
    );
    const bad = unique.filter((id) => !usable.has(id));
    if (bad.length) throw invalid(field, `unknown, not yours, or already used: ${bad.join(', ')}`);
    await manager.update(AttachmentOrmEntity, { id: In(unique) }, { ticketId });
    return unique.map((id) => {
      const r = usable.get(id)!;
      return { id: r.id, fileName: r.fileName, contentType: r.contentType, size: r.size, sha256: r.sha256 };
    });
  }
}
