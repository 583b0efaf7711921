import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type TicketHistoryKind =
  | 'submitted'
  | 'routed-by-rule'
  | 'triage-queued'
  | 'assigned-manually'
  | 'assigned'
  | 'transfer-requested'
  | 'transfer-approved'
  | 'transfer-rejected'
  | 'transfer-cancelled'
  | 'reopened'
  | 'withdrawn'
  | 'closed';

@Entity({ name: 'ticket_history' })
export class TicketHistoryOrmEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'text' })
  ticketId!: string;

  @Column({ type: 'text' })
  kind!: TicketHistoryKind;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'text' })
  actorId!: string;

  @Column({ type: 'text' })
  actorRole!: string;

  @Column({ type: 'text', nullable: true })
  departmentId!: string | null;

  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;
}
