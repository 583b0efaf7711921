import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { Page, toPage } from '@ticketing/platform';
import { AuditEntryResponseDto } from '../queries/list-audit/list-audit.response.dto';
import { AuditEntryOrmEntity } from './audit-entry.orm-entity';

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  /** The seq of the last entry of the previous page. */
  cursor?: string;
  limit: number;
}

@Injectable()
export class AuditReader {
  constructor(private readonly tx: TransactionContext) {}

  /** Newest first, by the order of record (seq), which no clock skew can reorder. */
  async list(f: AuditFilter): Promise<Page<AuditEntryResponseDto>> {
    const qb = this.tx.manager
      .getRepository(AuditEntryOrmEntity)
      .createQueryBuilder('a')
      .orderBy('a.seq', 'DESC')
      .take(f.limit + 1);
    if (f.cursor) qb.andWhere('a.seq < :cursor', { cursor: f.cursor });
    if (f.entityType) qb.andWhere('a.entity_type = :t', { t: f.entityType });
    if (f.entityId) qb.andWhere('a.entity_id = :e', { e: f.entityId });
    if (f.actorId) qb.andWhere('a.actor_id = :actor', { actor: f.actorId });
    return toPage(await qb.getMany(), f.limit, AuditEntryResponseDto.from, (a) => String(a.seq));
  }
}
