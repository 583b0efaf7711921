import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'grid' })
export class GridOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') code!: string;
  @Column('text') name!: string;
  @Column('integer') version!: number;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
}
