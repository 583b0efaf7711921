import { Actor } from '@ticketing/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { HistoryKind } from '../domain/ticket-log';

@Entity({ name: 'ticket_history' })
export class TicketHistoryOrmEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'text' })
  ticketId!: string;

  @Column({ type: 'text' })
  kind!: HistoryKind;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'text' })
  actorId!: string;

  @Column({ type: 'text' })
  actorRole!: Actor['role'];

  @Column({ type: 'text', nullable: true })
  departmentId!: string | null;

  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;
}
