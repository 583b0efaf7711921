import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'department' })
export class DepartmentOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') code!: string;
  @Column('text') nameZh!: string;
  @Column('text', { nullable: true }) nameEn!: string | null;
  @Column('boolean') active!: boolean;
  @Column('integer') version!: number;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
}
