import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Only the SHA-256 of the token is stored; a family is one login and all its rotations. */
@Entity({ name: 'refresh_token' })
export class RefreshTokenOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') familyId!: string;
  @Column('uuid') userId!: string;
  @Column('char', { length: 64 }) tokenHash!: string;
  @Column('timestamptz') expiresAt!: Date;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz', { nullable: true }) rotatedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) revokedAt!: Date | null;
}
