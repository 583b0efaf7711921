import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AttachmentRef } from '@ticketing/contracts';

/** Persistence model of the Ticket aggregate; the mapper turns it into the domain object and back. */
@Entity({ name: 'tickets' })
export class TicketOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') number!: string;
  @Column('text') enterpriseId!: string;
  @Column('text') enterpriseName!: string;
  @Column('text', { nullable: true }) gridId!: string | null;
  @Column('text') submittedById!: string;
  @Column('text') submittedByRole!: string;
  @Column('varchar', { length: 100 }) title!: string;
  @Column('varchar', { length: 4000 }) description!: string;
  @Column('text') category!: string;
  @Column('text') urgency!: string;
  @Column('text', { nullable: true }) location!: string | null;
  @Column('text') contactName!: string;
  @Column('text') contactPhone!: string;
  @Column('jsonb') attachments!: AttachmentRef[];
  @Column('text') channel!: string;
  @Column('uuid', { nullable: true }) visitId!: string | null;
  @Column('text') status!: string;
  @Column('text', { nullable: true }) leadDepartmentId!: string | null;
  @Column('text', { nullable: true }) firstHandlerDepartmentId!: string | null;
  @Column('boolean') acknowledgedSinceAssign!: boolean;
  @Column('jsonb', { nullable: true }) pendingExtension!: {
    departmentId: string;
    reason: string;
    proposedDueAt: string;
    requestedAt: string;
  } | null;
  @Column('jsonb', { nullable: true }) resolution!: {
    departmentId: string;
    result: string;
    evidence: AttachmentRef[];
    resolvedAt: string;
  } | null;
  @Column('boolean') repliedThisRound!: boolean;
  @Column('jsonb', { nullable: true }) feedback!: {
    contacted: boolean;
    solved: boolean;
    satisfaction: string;
    comment: string | null;
    givenAt: string;
    /** Absent on feedback given before callbacks existed: the enterprise. */
    via?: string;
  } | null;
  @Column('integer') reopenCount!: number;
  @Column('text', { nullable: true }) closeOutcome!: string | null;
  @Column('jsonb', { nullable: true }) openInformationRequest!: {
    id: string;
    departmentId: string;
    question: string;
    askedBy: string;
    askedAt: string;
  } | null;
  @Column('text', { nullable: true }) handlerUserId!: string | null;
  @Column('text', { nullable: true }) handlerName!: string | null;
  @Column('jsonb', { nullable: true }) lastReply!: {
    departmentId: string;
    message: string;
    at: string;
  } | null;
  @Column('uuid', { nullable: true }) mergedIntoId!: string | null;
  @Column('text', { nullable: true }) mergedIntoNumber!: string | null;
  @Column('boolean') followsMain!: boolean;
  @Column('jsonb') duplicates!: { ticketId: string; number: string; enterpriseId: string }[];
  @Column('jsonb') relatedTicketIds!: string[];
  @Column('timestamptz') submittedAt!: Date;
  @Column('timestamptz', { nullable: true }) closedAt!: Date | null;
  @Column('timestamptz') updatedAt!: Date;
  @Column('integer') version!: number;
}

@Entity({ name: 'ticket_parts' })
export class TicketPartOrmEntity {
  @PrimaryColumn('uuid') ticketId!: string;
  @PrimaryColumn('text') departmentId!: string;
  @Column('integer') position!: number;
  @Column('text', { nullable: true }) content!: string | null;
  @Column('timestamptz', { nullable: true }) reportedAt!: Date | null;
  @Column('text', { nullable: true }) reportedBy!: string | null;
}

/** One line of the timeline: who did what, when and why. Append-only. */
@Entity({ name: 'ticket_steps' })
export class TicketStepOrmEntity {
  @PrimaryColumn({ type: 'bigint', generated: 'increment' }) id!: string;
  @Column('uuid') ticketId!: string;
  @Column('integer') version!: number;
  @Column('text') action!: string;
  @Column('text') eventType!: string;
  @Column('uuid') eventId!: string;
  @Column('text') actorId!: string;
  @Column('text') actorRole!: string;
  @Column('text', { nullable: true }) reason!: string | null;
  /** A step the ticket wrote itself: its code (ticket-reason-codes.ts) and parameters. */
  @Column('text', { nullable: true }) reasonCode!: string | null;
  @Column('jsonb', { nullable: true }) reasonParams!: Record<string, unknown> | null;
  @Column('text', { nullable: true }) statusFrom!: string | null;
  @Column('text') statusTo!: string;
  @Column('timestamptz') occurredAt!: Date;
  @Column('jsonb') details!: Record<string, unknown>;
}

/** What the SLA engine told us about a ticket's clocks: the read model behind the queue's sorting and flags. */
@Entity({ name: 'ticket_deadlines' })
export class TicketDeadlinesOrmEntity {
  @PrimaryColumn('uuid') ticketId!: string;
  @Column('timestamptz', { nullable: true }) triageDueAt!: Date | null;
  @Column('timestamptz', { nullable: true }) respondDueAt!: Date | null;
  @Column('timestamptz', { nullable: true }) resolveDueAt!: Date | null;
  @Column('timestamptz', { nullable: true }) replyDueAt!: Date | null;
  @Column('timestamptz', { nullable: true }) feedbackDueAt!: Date | null;
  /** 回访: the committee's window once the feedback window lapsed. */
  @Column('timestamptz', { nullable: true }) callbackDueAt!: Date | null;
  /** When the enterprise's feedback window lapsed (待回访 until it rates, a callback is recorded or it closes). */
  @Column('timestamptz', { nullable: true }) feedbackLapsedAt!: Date | null;
  @Column('jsonb') flags!: Record<string, 'yellow' | 'red'>;
  /** Clocks that stopped counting, and why (e.g. { resolve: 'awaiting_enterprise' }). */
  @Column('jsonb') paused!: Record<string, string>;
  @Column('timestamptz') updatedAt!: Date;
}
