import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 常用语: ticket.reply_templates. */
@Entity({ name: 'reply_templates' })
export class ReplyTemplateOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') scope!: string;
  @Column('text', { nullable: true }) departmentId!: string | null;
  @Column('varchar', { length: 100 }) title!: string;
  @Column('varchar', { length: 2000 }) body!: string;
  @Column('text') createdById!: string;
  @Column('text') updatedById!: string;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
  @Column('integer') version!: number;
}

/** What a template said after each change, and who changed it (append-only). */
@Entity({ name: 'reply_template_history' })
export class ReplyTemplateHistoryOrmEntity {
  @PrimaryColumn({ type: 'bigint', generated: 'increment' }) id!: string;
  @Column('uuid') templateId!: string;
  @Column('integer') version!: number;
  @Column('text') action!: string;
  @Column('text') actorId!: string;
  @Column('text') actorRole!: string;
  @Column('varchar', { length: 100 }) title!: string;
  @Column('varchar', { length: 2000 }) body!: string;
  @Column('timestamptz') occurredAt!: Date;
}
