import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EnterpriseContact } from '../domain/enterprise.aggregate';

@Entity({ name: 'enterprise' })
export class EnterpriseOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('char', { length: 18 }) creditCode!: string;
  @Column('text', { nullable: true }) industry!: string | null;
  @Column('text', { nullable: true }) address!: string | null;
  @Column('uuid', { nullable: true }) gridId!: string | null;
  @Column('jsonb') contacts!: EnterpriseContact[];
  @Column('boolean') active!: boolean;
  @Column('integer') version!: number;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
}
