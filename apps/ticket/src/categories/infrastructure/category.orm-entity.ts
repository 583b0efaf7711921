import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The categories a ticket may be filed under: seeded from DEFAULT_CATEGORIES, editable per zone. */
@Entity({ name: 'categories' })
export class CategoryOrmEntity {
  @PrimaryColumn('text') code!: string;
  @Column('text') zh!: string;
  @Column('text') en!: string;
  @Column('boolean') active!: boolean;
  @Column('integer') position!: number;
}
