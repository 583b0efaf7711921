import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TransferStatus } from '../domain/transfer-request';

@Entity({ name: 'transfer_requests' })
export class TransferRequestOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  ticketId!: string;

  @Column({ type: 'text' })
  ticketNumber!: string;

  @Column({ type: 'text' })
  fromDepartmentId!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ type: 'text' })
  requestedBy!: string;

  /** The ticket.transfer-requested event this request came from. */
  @Column({ type: 'uuid' })
  sourceEventId!: string;

  @Column({ type: 'text' })
  status!: TransferStatus;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  leadDepartmentId!: string | null;

  @Column({ type: 'jsonb' })
  coHandlerDepartmentIds!: string[];

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
