import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ActivityKind } from '../../tickets/domain/ticket-log';

/** One counted fact per row, so a period's figures are a plain sum and can be recomputed. */
@Entity({ name: 'department_activity' })
export class DepartmentActivityOrmEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'text' })
  departmentId!: string;

  @Column({ type: 'text' })
  kind!: ActivityKind;

  @Column({ type: 'text' })
  ticketId!: string;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  /** The event id (or transfer request id) that counted, so nothing counts twice. */
  @Column({ type: 'text' })
  sourceId!: string;
}
