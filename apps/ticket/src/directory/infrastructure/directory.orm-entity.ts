import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Identity's enterprises as this service last heard of them (directory.enterprise-upserted). */
@Entity({ name: 'directory_enterprises' })
export class DirectoryEnterpriseOrmEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text') name!: string;
  @Column('text', { nullable: true }) gridId!: string | null;
  @Column('boolean') active!: boolean;
  @Column('timestamptz') sourceOccurredAt!: Date;
}

/** Department names for display (directory.department-upserted; seeded with the defaults). */
@Entity({ name: 'directory_departments' })
export class DirectoryDepartmentOrmEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text') code!: string;
  @Column('text') name!: string;
  @Column('text', { nullable: true }) nameEn!: string | null;
  @Column('boolean') active!: boolean;
  @Column('timestamptz') sourceOccurredAt!: Date;
}

/** Identity's users as this service last heard of them (directory.user-upserted): department staff name handlers. */
@Entity({ name: 'directory_users' })
export class DirectoryUserOrmEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text') displayName!: string;
  @Column('text') role!: string;
  @Column('text', { nullable: true }) departmentId!: string | null;
  @Column('boolean') active!: boolean;
  @Column('timestamptz') sourceOccurredAt!: Date;
}
