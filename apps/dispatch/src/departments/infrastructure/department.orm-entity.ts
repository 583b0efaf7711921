import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The desk's copy of identity's departments (directory events), to check the rules it is given. */
@Entity({ name: 'departments' })
export class DepartmentOrmEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  nameEn!: string | null;

  @Column({ type: 'boolean' })
  active!: boolean;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
