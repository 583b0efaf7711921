import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RegistrationStatus } from '../domain/registration.aggregate';

@Entity({ name: 'registration' })
export class RegistrationOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') enterpriseName!: string;
  @Column('char', { length: 18 }) creditCode!: string;
  @Column('text') contactName!: string;
  @Column('text') phone!: string;
  @Column('text') username!: string;
  @Column('text', { nullable: true }) passwordHash!: string | null;
  @Column('text') status!: RegistrationStatus;
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('text', { nullable: true }) decidedBy!: string | null;
  @Column('timestamptz', { nullable: true }) decidedAt!: Date | null;
  @Column('uuid', { nullable: true }) enterpriseId!: string | null;
  @Column('uuid', { nullable: true }) userId!: string | null;
  @Column('timestamptz') submittedAt!: Date;
  @Column('integer') version!: number;
}
