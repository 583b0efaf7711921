import { Grid } from './grid.aggregate';

/**
 * Where grids are kept. `save` stores the row, its audit notes and its events together; the
 * instructor links are the instructors' own (UserRepository.save writes them), so whoever changes
 * a grid's instructors saves those users in the same unit of work.
 */
export abstract class GridRepository {
  /** Locks the row for the rest of the unit of work (its instructor list included). */
  abstract findByIdForUpdate(id: string): Promise<Grid | null>;
  /** The grids among `ids` that exist, locked like findByIdForUpdate. */
  abstract findManyForUpdate(ids: string[]): Promise<Grid[]>;
  abstract exists(id: string): Promise<boolean>;
  abstract codeTaken(code: string): Promise<boolean>;
  abstract save(grid: Grid): Promise<void>;
}
