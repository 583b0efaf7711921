import { EntityManager } from 'typeorm';
import { GridOrmEntity } from '../../grids/infrastructure/grid.orm-entity';
import { fieldProblem } from '../../shared/problems';

export async function checkGridExists(m: EntityManager, gridId: string | null | undefined): Promise<void> {
  if (gridId && !(await m.existsBy(GridOrmEntity, { id: gridId }))) {
    throw fieldProblem([{ field: 'gridId', messages: [`gridId ${gridId} is not a known grid`] }]);
  }
}
