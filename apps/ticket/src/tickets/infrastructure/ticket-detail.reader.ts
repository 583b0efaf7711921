import { Injectable } from '@nestjs/common';
import { TicketScope } from '@ticketing/auth';
import { TransactionContext } from '@ticketing/database';
import { In } from 'typeorm';
import { DirectoryDepartmentOrmEntity } from '../../directory/infrastructure/directory.orm-entity';
import {
  TicketDeadlinesOrmEntity,
  TicketOrmEntity,
  TicketPartOrmEntity,
  TicketStepOrmEntity,
} from './ticket.orm-entity';
import {
  ConversationEntryDto,
  InformationRequestDto,
  TicketDetailResponseDto,
} from '../queries/get-ticket/ticket-detail.response.dto';
import { LEGACY_REASONS } from '../domain/ticket-reason-codes';
import { AttachmentRef, TicketEvents } from '@ticketing/contracts';

/**
 * What the person reading a ticket may be shown of it besides what everyone who sees it reads:
 * internal notes (departments on it and the committee), and the other tickets tied to it
 * (duplicates, links: staff only, never the enterprise or its instructor).
 */
export interface DetailAudience {
  readsNotes: boolean;
  seesOtherTickets: boolean;
}

/** Steps of other tickets' business an enterprise is not shown the details of. */
const OTHER_TICKETS_STEPS: ReadonlySet<string> = new Set([
  TicketEvents.duplicateAttached,
  TicketEvents.linked,
]);

const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

export const overallFlag = (
  flags: Record<string, 'yellow' | 'red'> | null | undefined,
): 'yellow' | 'red' | null => {
  const levels = Object.values(flags ?? {});
  return levels.includes('red') ? 'red' : levels.includes('yellow') ? 'yellow' : null;
};

/** A ticket as its page shows it: state, parts, deadlines, department names and the timeline. */
@Injectable()
export class TicketDetailReader {
  constructor(private readonly tx: TransactionContext) {}

  /** The ticket with who may see it, or null when there is none. */
  async find(
    id: string,
  ): Promise<{ row: TicketOrmEntity; parts: TicketPartOrmEntity[]; scope: TicketScope } | null> {
    const m = this.tx.manager;
    const row = await m.findOneBy(TicketOrmEntity, { id });
    if (!row) return null;
    const parts = await m.find(TicketPartOrmEntity, { where: { ticketId: id }, order: { position: 'ASC' } });
    return {
      row,
      parts,
      scope: {
        enterpriseId: row.enterpriseId,
        gridId: row.gridId,
        leadDepartmentId: row.leadDepartmentId,
        coHandlerDepartmentIds: parts.map((p) => p.departmentId),
      },
    };
  }

  async detail(
    t: TicketOrmEntity,
    parts: TicketPartOrmEntity[],
    audience: DetailAudience,
  ): Promise<TicketDetailResponseDto> {
    const m = this.tx.manager;
    const [steps, deadlines, departments] = await Promise.all([
      m.find(TicketStepOrmEntity, { where: { ticketId: t.id }, order: { version: 'ASC' } }),
      m.findOneBy(TicketDeadlinesOrmEntity, { ticketId: t.id }),
      m.findBy(DirectoryDepartmentOrmEntity, {
        id: In([t.leadDepartmentId, ...parts.map((p) => p.departmentId)].filter((x): x is string => !!x)),
      }),
    ]);
    const dep = (id: string) => ({ id, name: departments.find((d) => d.id === id)?.name ?? null });
    // Internal notes leave the timeline entirely for those who may not read them.
    const visible = audience.readsNotes ? steps : steps.filter((s) => s.eventType !== TicketEvents.noteAdded);
    const lapsedAt = deadlines?.feedbackLapsedAt ?? null;

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
      channel: t.channel,
      visitId: t.visitId,
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
      feedback: t.feedback && { ...t.feedback, via: t.feedback.via ?? 'enterprise' },
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
        callback: iso(deadlines?.callbackDueAt),
        paused: deadlines?.paused ?? {},
        feedbackLapsedAt: iso(lapsedAt),
      },
      submittedAt: t.submittedAt.toISOString(),
      updatedAt: t.updatedAt.toISOString(),
      closedAt: iso(t.closedAt),
      timeline: visible.map((s) => {
        const legacy = !s.reasonCode && s.reason ? LEGACY_REASONS[s.reason] : undefined;
        const hidden = !audience.seesOtherTickets && OTHER_TICKETS_STEPS.has(s.eventType);
        return {
          version: s.version,
          action: s.action,
          eventType: s.eventType,
          actor: { id: s.actorId, role: s.actorRole },
          reason: legacy ? null : s.reason,
          statusFrom: s.statusFrom,
          statusTo: s.statusTo,
          occurredAt: s.occurredAt.toISOString(),
          details: hidden ? {} : s.details,
          reasonCode: s.reasonCode ?? legacy?.code ?? null,
          reasonParams: s.reasonParams ?? legacy?.params ?? null,
        };
      }),
      conversation: {
        informationRequests: informationRequests(steps, t.openInformationRequest?.id ?? null),
        messages: entries(steps, TicketEvents.messagePosted),
        ...(audience.readsNotes ? { notes: entries(steps, TicketEvents.noteAdded) } : {}),
      },
      handler: t.handlerUserId ? { userId: t.handlerUserId, name: t.handlerName ?? '' } : null,
      mergedInto:
        t.mergedIntoId && t.mergedIntoNumber
          ? { ticketId: t.mergedIntoId, number: t.mergedIntoNumber }
          : null,
      followsMain: t.followsMain,
      duplicates: audience.seesOtherTickets
        ? t.duplicates.map((d) => ({ ticketId: d.ticketId, number: d.number }))
        : [],
      relatedTicketIds: audience.seesOtherTickets ? t.relatedTicketIds : [],
      awaitingCallback: t.status === 'resolved' && !!lapsedAt && !t.feedback,
    };
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const files = (v: unknown): AttachmentRef[] => (Array.isArray(v) ? (v as AttachmentRef[]) : []);

/** 补充材料 from the timeline: each question with its answer, if one came. */
function informationRequests(steps: TicketStepOrmEntity[], openId: string | null): InformationRequestDto[] {
  const answers = new Map(
    steps
      .filter((s) => s.eventType === TicketEvents.informationProvided)
      .map((s) => [str(s.details.requestId), s] as const),
  );
  return steps
    .filter((s) => s.eventType === TicketEvents.informationRequested)
    .map((s) => {
      const id = str(s.details.requestId) ?? '';
      const answer = answers.get(id);
      return {
        id,
        departmentId: str(s.details.departmentId) ?? '',
        question: str(s.details.question) ?? '',
        askedBy: s.actorId,
        askedAt: s.occurredAt.toISOString(),
        state: answer ? 'answered' : id === openId ? 'open' : 'unanswered',
        answer: answer ? str(answer.details.answer) : null,
        answeredBy: answer?.actorId ?? null,
        answeredAt: answer?.occurredAt.toISOString() ?? null,
        attachments: answer ? files(answer.details.attachments) : [],
      };
    });
}

/** Messages or notes from the timeline, oldest first. */
function entries(steps: TicketStepOrmEntity[], type: string): ConversationEntryDto[] {
  return steps
    .filter((s) => s.eventType === type)
    .map((s) => ({
      id: str(s.details.messageId) ?? str(s.details.noteId) ?? '',
      actor: { id: s.actorId, role: s.actorRole },
      author: str(s.details.author) ?? s.actorRole,
      departmentId: str(s.details.departmentId),
      text: str(s.details.text) ?? '',
      attachments: files(s.details.attachments),
      at: s.occurredAt.toISOString(),
    }));
}
