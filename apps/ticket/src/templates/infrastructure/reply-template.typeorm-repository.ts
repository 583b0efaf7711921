import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { ReplyTemplate, TemplateScope } from '../domain/reply-template.aggregate';
import { ReplyTemplateRepository, TemplateFilter } from '../domain/reply-template.repository';
import { ReplyTemplateHistoryOrmEntity, ReplyTemplateOrmEntity } from './reply-template.orm-entity';

const toDomain = (r: ReplyTemplateOrmEntity): ReplyTemplate =>
  ReplyTemplate.rehydrate({
    id: r.id,
    scope: r.scope as TemplateScope,
    departmentId: r.departmentId,
    title: r.title,
    body: r.body,
    createdById: r.createdById,
    updatedById: r.updatedById,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  });

/** Templates in `ticket.reply_templates`, each change also in `ticket.reply_template_history`, in one transaction. */
@Injectable()
export class TypeormReplyTemplateRepository extends ReplyTemplateRepository {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async lockById(id: string): Promise<ReplyTemplate | null> {
    const row = await this.tx.writer.findOne(ReplyTemplateOrmEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    return row && toDomain(row);
  }

  async findById(id: string): Promise<ReplyTemplate | null> {
    const row = await this.tx.manager.findOneBy(ReplyTemplateOrmEntity, { id });
    return row && toDomain(row);
  }

  async titleTaken(
    scope: TemplateScope,
    departmentId: string | null,
    title: string,
    exceptId?: string,
  ): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query(
      `SELECT 1 FROM ticket.reply_templates
        WHERE scope = $1 AND COALESCE(department_id, '') = COALESCE($2, '') AND lower(title) = lower($3)
          AND ($4::uuid IS NULL OR id <> $4::uuid)
        LIMIT 1`,
      [scope, departmentId, title, exceptId ?? null],
    );
    return rows.length > 0;
  }

  async list(filter: TemplateFilter): Promise<ReplyTemplate[]> {
    const rows: ReplyTemplateOrmEntity[] = await this.tx.manager
      .createQueryBuilder(ReplyTemplateOrmEntity, 't')
      .where(
        filter.departmentIds === 'all'
          ? `(t.scope = 'zone' AND :zone) OR t.scope = 'department'`
          : `(t.scope = 'zone' AND :zone) OR (t.scope = 'department' AND t.department_id = ANY(:departments))`,
        { zone: filter.zone, departments: filter.departmentIds === 'all' ? [] : filter.departmentIds },
      )
      .orderBy(`CASE WHEN t.scope = 'zone' THEN 0 ELSE 1 END`)
      .addOrderBy('t.department_id')
      .addOrderBy('t.title')
      .limit(500)
      .getMany();
    return rows.map(toDomain);
  }

  async save(template: ReplyTemplate): Promise<void> {
    const changes = template.pullChanges();
    if (!changes.length) return;
    const m = this.tx.writer;
    const s = template.snapshot();
    const before = changes[0].version - 1;
    if (template.deleted) {
      await m.delete(ReplyTemplateOrmEntity, { id: s.id });
    } else if (before === 0) {
      await m.insert(ReplyTemplateOrmEntity, { ...s });
    } else {
      const result = await m.update(ReplyTemplateOrmEntity, { id: s.id, version: before }, { ...s });
      if (result.affected !== 1) throw new Error(`template ${s.id} was not at version ${before} when saving`);
    }
    await m.insert(
      ReplyTemplateHistoryOrmEntity,
      changes.map((c) => ({
        templateId: s.id,
        version: c.version,
        action: c.action,
        actorId: c.actor.id,
        actorRole: c.actor.role,
        title: c.title,
        body: c.body,
        occurredAt: c.at,
      })),
    );
  }
}
