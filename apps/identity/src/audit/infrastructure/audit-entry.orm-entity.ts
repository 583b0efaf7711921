import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE); `seq` is the order of record. */
@Entity({ name: 'audit_entry' })
export class AuditEntryOrmEntity {
  @PrimaryColumn('bigint', { generated: 'increment' }) seq!: string;
  @Column('uuid') id!: string;
  @Column('timestamptz') occurredAt!: Date;
  @Column('text') actorId!: string;
  @Column('text') actorRole!: string;
  @Column('text') action!: string;
  @Column('text') entityType!: string;
  @Column('text') entityId!: string;
  @Column('jsonb') details!: Record<string, unknown>;
  @Column('text', { nullable: true }) correlationId!: string | null;
}
