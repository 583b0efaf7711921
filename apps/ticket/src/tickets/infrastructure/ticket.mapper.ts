import {
  CloseOutcome,
  FeedbackSource,
  Satisfaction,
  TicketChannel,
  TicketStatus,
  Urgency,
} from '@ticketing/contracts';
import { SubmitterRole, Ticket, TicketProps } from '../domain/ticket.aggregate';
import { TicketOrmEntity, TicketPartOrmEntity } from './ticket.orm-entity';

const date = (s: string | Date): Date => (s instanceof Date ? s : new Date(s));

export const TicketMapper = {
  toDomain(row: TicketOrmEntity, parts: TicketPartOrmEntity[]): Ticket {
    const props: TicketProps = {
      id: row.id,
      number: row.number,
      enterpriseId: row.enterpriseId,
      enterpriseName: row.enterpriseName,
      gridId: row.gridId,
      submittedBy: { id: row.submittedById, role: row.submittedByRole as SubmitterRole },
      title: row.title,
      description: row.description,
      category: row.category,
      urgency: row.urgency as Urgency,
      location: row.location,
      contact: { name: row.contactName, phone: row.contactPhone },
      attachments: row.attachments,
      channel: row.channel as TicketChannel,
      visitId: row.visitId,
      status: row.status as TicketStatus,
      leadDepartmentId: row.leadDepartmentId,
      firstHandlerDepartmentId: row.firstHandlerDepartmentId,
      coHandlers: [...parts]
        .sort((a, b) => a.position - b.position)
        .map((p) => ({
          departmentId: p.departmentId,
          content: p.content,
          reportedAt: p.reportedAt,
          reportedBy: p.reportedBy,
        })),
      acknowledgedSinceAssign: row.acknowledgedSinceAssign,
      pendingExtension: row.pendingExtension && {
        ...row.pendingExtension,
        proposedDueAt: date(row.pendingExtension.proposedDueAt),
        requestedAt: date(row.pendingExtension.requestedAt),
      },
      resolution: row.resolution && { ...row.resolution, resolvedAt: date(row.resolution.resolvedAt) },
      repliedThisRound: row.repliedThisRound,
      feedback: row.feedback && {
        ...row.feedback,
        satisfaction: row.feedback.satisfaction as Satisfaction,
        givenAt: date(row.feedback.givenAt),
        via: (row.feedback.via ?? 'enterprise') as FeedbackSource,
      },
      reopenCount: row.reopenCount,
      closeOutcome: row.closeOutcome as CloseOutcome | null,
      openInformationRequest: row.openInformationRequest && {
        ...row.openInformationRequest,
        askedAt: date(row.openInformationRequest.askedAt),
      },
      handler: row.handlerUserId ? { userId: row.handlerUserId, name: row.handlerName ?? '' } : null,
      lastReply: row.lastReply && { ...row.lastReply, at: date(row.lastReply.at) },
      mergedInto:
        row.mergedIntoId && row.mergedIntoNumber
          ? { ticketId: row.mergedIntoId, number: row.mergedIntoNumber }
          : null,
      followsMain: row.followsMain,
      duplicates: row.duplicates,
      relatedTicketIds: row.relatedTicketIds,
      submittedAt: row.submittedAt,
      closedAt: row.closedAt,
      updatedAt: row.updatedAt,
      version: row.version,
    };
    return Ticket.rehydrate(props);
  },

  toPersistence(ticket: Ticket): { row: TicketOrmEntity; parts: TicketPartOrmEntity[] } {
    const s = ticket.snapshot();
    const row: TicketOrmEntity = {
      id: s.id,
      number: s.number,
      enterpriseId: s.enterpriseId,
      enterpriseName: s.enterpriseName,
      gridId: s.gridId,
      submittedById: s.submittedBy.id,
      submittedByRole: s.submittedBy.role,
      title: s.title,
      description: s.description,
      category: s.category,
      urgency: s.urgency,
      location: s.location,
      contactName: s.contact.name,
      contactPhone: s.contact.phone,
      attachments: s.attachments,
      channel: s.channel,
      visitId: s.visitId,
      status: s.status,
      leadDepartmentId: s.leadDepartmentId,
      firstHandlerDepartmentId: s.firstHandlerDepartmentId,
      acknowledgedSinceAssign: s.acknowledgedSinceAssign,
      pendingExtension: s.pendingExtension && {
        ...s.pendingExtension,
        proposedDueAt: s.pendingExtension.proposedDueAt.toISOString(),
        requestedAt: s.pendingExtension.requestedAt.toISOString(),
      },
      resolution: s.resolution && { ...s.resolution, resolvedAt: s.resolution.resolvedAt.toISOString() },
      repliedThisRound: s.repliedThisRound,
      feedback: s.feedback && { ...s.feedback, givenAt: s.feedback.givenAt.toISOString() },
      reopenCount: s.reopenCount,
      closeOutcome: s.closeOutcome,
      openInformationRequest: s.openInformationRequest && {
        ...s.openInformationRequest,
        askedAt: s.openInformationRequest.askedAt.toISOString(),
      },
      handlerUserId: s.handler?.userId ?? null,
      handlerName: s.handler?.name ?? null,
      lastReply: s.lastReply && { ...s.lastReply, at: s.lastReply.at.toISOString() },
      mergedIntoId: s.mergedInto?.ticketId ?? null,
      mergedIntoNumber: s.mergedInto?.number ?? null,
      followsMain: s.followsMain,
      duplicates: s.duplicates,
      relatedTicketIds: s.relatedTicketIds,
      submittedAt: s.submittedAt,
      closedAt: s.closedAt,
      updatedAt: s.updatedAt,
      version: s.version,
    };
    return { row, parts: TicketMapper.partsOf(s) };
  },

  /** The departments' parts of a ticket's state as rows, in their order. */
  partsOf(s: Pick<TicketProps, 'id' | 'coHandlers'>): TicketPartOrmEntity[] {
    return s.coHandlers.map((p, position) => ({
      ticketId: s.id,
      departmentId: p.departmentId,
      position,
      content: p.content,
      reportedAt: p.reportedAt,
      reportedBy: p.reportedBy,
    }));
  },
};
