import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An uploaded file's metadata; the bytes live on disk under DATA_DIR, named by their checksum. */
@Entity({ name: 'attachments' })
export class AttachmentOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('char', { length: 64 }) sha256!: string;
  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) size!: number;
  @Column('text') contentType!: string;
  @Column('text') fileName!: string;
  @Column('text') uploadedById!: string;
  @Column('text') uploadedByRole!: string;
  /** Null until a submission or a resolution references it; then it belongs to that ticket. */
  @Column('uuid', { nullable: true }) ticketId!: string | null;
  /** Kept with an internal note: only the staff who read the ticket's notes may download it. */
  @Column('boolean') internal!: boolean;
  @Column('timestamptz') createdAt!: Date;
}
