import { DomainError } from '@ticketing/contracts';
import { EntityManager } from 'typeorm';
import { RoutingRuleOrmEntity } from '../infrastructure/routing-rule.orm-entity';

/** The rule, locked for this transaction, if the caller saw its current version. */
export async function lockRuleAtVersion(
  manager: EntityManager,
  id: string,
  expectedVersion: number,
): Promise<RoutingRuleOrmEntity> {
  const row = await manager.findOne(RoutingRuleOrmEntity, {
    where: { id },
    lock: { mode: 'pessimistic_write' },
  });
  if (!row) throw new DomainError('notFound', `routing rule ${id} does not exist`);
  if (row.version !== expectedVersion) {
    throw new DomainError(
      'versionConflict',
      `routing rule ${id} is at version ${row.version}, not ${expectedVersion}; reload it`,
      {
        state: `version ${row.version}`,
        currentVersion: row.version,
      },
    );
  }
  return row;
}
