import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'login_failure' })
export class LoginFailureOrmEntity {
  @PrimaryColumn('text') username!: string;
  @Column('integer') failures!: number;
  @Column('timestamptz') windowStartedAt!: Date;
  @Column('timestamptz', { nullable: true }) lockedUntil!: Date | null;
}
