import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RoutedTicketStatus } from '../domain/routed-ticket.aggregate';

/** What the desk knows of a ticket: its routing facts (from ticket.submitted) and where it went. */
@Entity({ name: 'dispatch_tickets' })
export class DispatchTicketOrmEntity {
  @PrimaryColumn({ type: 'text' })
  ticketId!: string;

  @Column({ type: 'text' })
  number!: string;

  @Column({ type: 'text' })
  enterpriseId!: string;

  @Column({ type: 'text', nullable: true })
  enterpriseName!: string | null;

  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text' })
  category!: string;

  @Column({ type: 'text', nullable: true })
  urgency!: string | null;

  @Column({ type: 'text', nullable: true })
  gridId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'text' })
  status!: RoutedTicketStatus;

  @Column({ type: 'text', nullable: true })
  leadDepartmentId!: string | null;

  @Column({ type: 'jsonb' })
  coHandlerDepartmentIds!: string[];

  /** 首办负责制: the first lead keeps its record whatever transfers follow. */
  @Column({ type: 'text', nullable: true })
  firstHandlerDepartmentId!: string | null;

  @Column({ type: 'text', nullable: true })
  decidedVia!: 'rule' | 'manual' | null;

  @Column({ type: 'uuid', nullable: true })
  ruleId!: string | null;

  @Column({ type: 'integer', nullable: true })
  ruleVersion!: number | null;

  @Column({ type: 'text', nullable: true })
  explanation!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  decidedBy!: string | null;

  /** The aggregateVersion of the desk's events about this ticket. */
  @Column({ type: 'integer' })
  eventsEmitted!: number;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
