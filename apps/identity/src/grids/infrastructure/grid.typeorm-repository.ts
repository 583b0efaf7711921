import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { In } from 'typeorm';
import { DirectoryChangesWriter } from '../../directory/infrastructure/directory-changes.writer';
import { UserGridOrmEntity } from '../../users/infrastructure/user-grid.orm-entity';
import { Grid } from '../domain/grid.aggregate';
import { GridRepository } from '../domain/grid.repository';
import { GridOrmEntity } from './grid.orm-entity';

@Injectable()
export class GridTypeormRepository extends GridRepository {
  constructor(
    private readonly tx: TransactionContext,
    private readonly changes: DirectoryChangesWriter,
  ) {
    super();
  }

  async findByIdForUpdate(id: string): Promise<Grid | null> {
    return (await this.findManyForUpdate([id]))[0] ?? null;
  }

  async findManyForUpdate(ids: string[]): Promise<Grid[]> {
    if (!ids.length) return [];
    const m = this.tx.writer;
    const rows = await m.find(GridOrmEntity, {
      where: { id: In(ids) },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    const links = rows.length
      ? await m.find(UserGridOrmEntity, { where: { gridId: In(rows.map((g) => g.id)) } })
      : [];
    return rows.map((g) =>
      Grid.fromState({
        ...g,
        instructorUserIds: links.filter((l) => l.gridId === g.id).map((l) => l.userId),
      }),
    );
  }

  exists(id: string): Promise<boolean> {
    return this.tx.manager.existsBy(GridOrmEntity, { id });
  }

  codeTaken(code: string): Promise<boolean> {
    return this.tx.manager.existsBy(GridOrmEntity, { code });
  }

  async save(grid: Grid): Promise<void> {
    const m = this.tx.writer;
    const row: GridOrmEntity = {
      id: grid.id,
      code: grid.code,
      name: grid.name,
      version: grid.version,
      createdAt: grid.createdAt,
      updatedAt: grid.updatedAt,
    };
    await m.upsert(GridOrmEntity, row, ['id']);
    await this.changes.write(m, 'grid', grid.id, grid.pullChanges());
  }
}
