import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'password_reset_link' })
export class ResetLinkOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') userId!: string;
  @Column('char', { length: 64 }) tokenHash!: string;
  @Column('text') issuedBy!: string;
  @Column('timestamptz') issuedAt!: Date;
  @Column('timestamptz') expiresAt!: Date;
  @Column('timestamptz', { nullable: true }) usedAt!: Date | null;
}
