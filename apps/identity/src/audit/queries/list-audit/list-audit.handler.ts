import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditEntryOrmEntity } from '../../infrastructure/audit-entry.orm-entity';
import { ListAuditQueryDto } from './list-audit.query.dto';
import { AuditPageDto, AuditEntryResponseDto } from './list-audit.response.dto';

@Injectable()
export class ListAuditHandler {
  constructor(@InjectDataSource('identity') private readonly ds: DataSource) {}

  /** Newest first, by the order of record (seq), which no clock skew can reorder. */
  async list(query: ListAuditQueryDto): Promise<AuditPageDto> {
    const limit = query.limit ?? 50;
    const qb = this.ds.getRepository(AuditEntryOrmEntity).createQueryBuilder('a').orderBy('a.seq', 'DESC').take(limit + 1);
    if (query.cursor) qb.andWhere('a.seq < :cursor', { cursor: query.cursor });
    if (query.entityType) qb.andWhere('a.entity_type = :t', { t: query.entityType });
    if (query.entityId) qb.andWhere('a.entity_id = :e', { e: query.entityId });
    if (query.actorId) qb.andWhere('a.actor_id = :actor', { actor: query.actorId });
    const rows = await qb.getMany();
    const page = rows.slice(0, limit);
    return { items: page.map(AuditEntryResponseDto.from), nextCursor: rows.length > limit ? String(page[page.length - 1].seq) : null };
  }
}
