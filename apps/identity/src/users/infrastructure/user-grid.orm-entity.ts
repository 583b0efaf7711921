import { Entity, PrimaryColumn } from 'typeorm';

/** An instructor's grids (and so a grid's instructors). */
@Entity({ name: 'user_grid' })
export class UserGridOrmEntity {
  @PrimaryColumn('uuid') userId!: string;
  @PrimaryColumn('uuid') gridId!: string;
}
