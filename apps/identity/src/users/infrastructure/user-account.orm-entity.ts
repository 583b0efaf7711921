import { Role } from '@ticketing/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'user_account' })
export class UserAccountOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') username!: string;
  @Column('text') displayName!: string;
  @Column('text') role!: Role;
  @Column('uuid', { nullable: true }) enterpriseId!: string | null;
  @Column('uuid', { nullable: true }) departmentId!: string | null;
  @Column('text', { nullable: true }) mobile!: string | null;
  @Column('text', { nullable: true }) email!: string | null;
  @Column('boolean') active!: boolean;
  /** scrypt, self-describing (see PasswordHasher); never selected into a response or an event. */
  @Column('text', { select: false }) passwordHash!: string;
  @Column('boolean') mustChangePassword!: boolean;
  @Column('timestamptz') passwordChangedAt!: Date;
  @Column('integer') version!: number;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
}
