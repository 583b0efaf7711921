import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { DirectoryDepartmentOrmEntity } from '../../../directory/infrastructure/directory.orm-entity';
import { TicketAccessPolicy, ticketNotFound } from '../../access/ticket-access.policy';
import {
  TicketDeadlinesOrmEntity,
  TicketOrmEntity,
  TicketPartOrmEntity,
  TicketStepOrmEntity,
} from '../../infrastructure/ticket.orm-entity';
import { GetTicketQuery } from './get-ticket.query';
import { TicketDetailResponseDto } from './ticket-detail.response.dto';

const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

export const overallFlag = (
  flags: Record<string, 'yellow' | 'red'> | null | undefined,
): 'yellow' | 'red' | null => {
  const levels = Object.values(flags ?? {});
  return levels.includes('red') ? 'red' : levels.includes('yellow') ? 'yellow' : null;
};

@QueryHandler(GetTicketQuery)
export class GetTicketHandler implements IQueryHandler<GetTicketQuery, TicketDetailResponseDto> {
  constructor(@InjectDataSource('ticket') private readonly dataSource: DataSource) {}

  async execute(q: GetTicketQuery): Promise<TicketDetailResponseDto> {
    const m = this.dataSource.manager;
    const t = await m.findOneBy(TicketOrmEntity, { id: q.ticketId });
    if (!t) throw ticketNotFound(q.ticketId);
    const parts = await m.find(TicketPartOrmEntity, {
      where: { ticketId: t.id },
      order: { position: 'ASC' },
    });
    const scope = {
      enterpriseId: t.enterpriseId,
      gridId: t.gridId,
      leadDepartmentId: t.leadDepartmentId,
      coHandlerDepartmentIds: parts.map((p) => p.departmentId),
    };
    if (!TicketAccessPolicy.canSee(q.user, scope)) throw ticketNotFound(q.ticketId);

    const [steps, deadlines, departments] = await Promise.all([
      m.find(TicketStepOrmEntity, { where: { ticketId: t.id }, order: { version: 'ASC' } }),
      m.findOneBy(TicketDeadlinesOrmEntity, { ticketId: t.id }),
      m.findBy(DirectoryDepartmentOrmEntity, {
        id: In([t.leadDepartmentId, ...parts.map((p) => p.departmentId)].filter((x): x is string => !!x)),
      }),
    ]);
    const dep = (id: string) => ({ id, name: departments.find((d) => d.id === id)?.name ?? null });

    return {
      id: t.id,
      number: t.number,
      status: t.status,
      version: t.version,
      enterpriseId: t.enterpriseId,
      enterpriseName: t.enterpriseName,
      gridId: t.gridId,
      submittedBy: { id: t.submittedById, role: t.submittedByRole },
      title: t.title,
      description: t.description,
      category: t.category,
      urgency: t.urgency,
      location: t.location,
      contact: { name: t.contactName, phone: t.contactPhone },
      attachments: t.attachments,
      leadDepartment: t.leadDepartmentId ? dep(t.leadDepartmentId) : null,
      firstHandlerDepartmentId: t.firstHandlerDepartmentId,
      parts: [
        ...(t.leadDepartmentId
          ? [
              {
                department: dep(t.leadDepartmentId),
                role: 'lead' as const,
                content: t.resolution?.result ?? null,
                reportedAt: t.resolution?.resolvedAt ?? null,
              },
            ]
          : []),
        ...parts.map((p) => ({
          department: dep(p.departmentId),
          role: 'co_handler' as const,
          content: p.content,
          reportedAt: iso(p.reportedAt),
        })),
      ],
      resolution: t.resolution,
      pendingExtension: t.pendingExtension,
      feedback: t.feedback,
      repliedThisRound: t.repliedThisRound,
      reopenCount: t.reopenCount,
      closeOutcome: t.closeOutcome,
      deadlines: {
        triage: iso(deadlines?.triageDueAt),
        respond: iso(deadlines?.respondDueAt),
        resolve: iso(deadlines?.resolveDueAt),
        reply: iso(deadlines?.replyDueAt),
        feedback: iso(deadlines?.feedbackDueAt),
        flags: deadlines?.flags ?? {},
        flag: overallFlag(deadlines?.flags),
      },
      submittedAt: t.submittedAt.toISOString(),
      updatedAt: t.updatedAt.toISOString(),
      closedAt: iso(t.closedAt),
      timeline: steps.map((s) => ({
        version: s.version,
        action: s.action,
        eventType: s.eventType,
        actor: { id: s.actorId, role: s.actorRole },
        reason: s.reason,
        statusFrom: s.statusFrom,
        statusTo: s.statusTo,
        occurredAt: s.occurredAt.toISOString(),
        details: s.details,
      })),
    };
  }
}
