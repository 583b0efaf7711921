import { Column, Entity, EntityManager, PrimaryGeneratedColumn } from 'typeorm';

export type DepartmentActivityKind =
  'assigned' | 'transfer_requested' | 'transfer_approved' | 'transfer_rejected' | 'reopened';

/** One counted fact per row, so a period's figures are a plain sum and can be recomputed. */
@Entity({ name: 'department_activity' })
export class DepartmentActivityOrmEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'text' })
  departmentId!: string;

  @Column({ type: 'text' })
  kind!: DepartmentActivityKind;

  @Column({ type: 'text' })
  ticketId!: string;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  /** The event id (or transfer request id) that counted, so nothing counts twice. */
  @Column({ type: 'text' })
  sourceId!: string;
}

/** Counts a fact once: a replay of its source is a no-op. */
export async function recordActivity(
  manager: EntityManager,
  a: Omit<DepartmentActivityOrmEntity, 'seq'>,
): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(DepartmentActivityOrmEntity)
    .values(a)
    .orIgnore()
    .execute();
}
