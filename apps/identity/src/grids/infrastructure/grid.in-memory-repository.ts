import { DirectoryEvents } from '@ticketing/contracts';
import { RecordedChanges } from '../../directory/infrastructure/recorded-changes';
import { Grid, GridState } from '../domain/grid.aggregate';
import { GridRepository } from '../domain/grid.repository';

/** Grids in a map, for handler specs: `changes` keeps what each save stored besides the row. */
export class InMemoryGridRepository extends GridRepository {
  readonly rows = new Map<string, GridState>();
  readonly changes = new RecordedChanges<typeof DirectoryEvents.gridUpserted>('grid');

  constructor(...grids: GridState[]) {
    super();
    for (const g of grids) this.rows.set(g.id, structuredClone(g));
  }

  async findByIdForUpdate(id: string): Promise<Grid | null> {
    const row = this.rows.get(id);
    return row ? Grid.fromState(structuredClone(row)) : null;
  }

  async findManyForUpdate(ids: string[]): Promise<Grid[]> {
    return [...this.rows.values()]
      .filter((g) => ids.includes(g.id))
      .map((g) => Grid.fromState(structuredClone(g)));
  }

  async exists(id: string): Promise<boolean> {
    return this.rows.has(id);
  }

  async codeTaken(code: string): Promise<boolean> {
    return [...this.rows.values()].some((g) => g.code === code);
  }

  async save(grid: Grid): Promise<void> {
    this.rows.set(grid.id, {
      id: grid.id,
      code: grid.code,
      name: grid.name,
      instructorUserIds: grid.instructorUserIds,
      version: grid.version,
      createdAt: grid.createdAt,
      updatedAt: grid.updatedAt,
    });
    this.changes.add(grid.id, grid.pullChanges());
  }
}
