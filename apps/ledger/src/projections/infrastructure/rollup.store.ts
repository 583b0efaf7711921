import { EntityManager } from 'typeorm';
import { COUNTER_NAMES, COUNTERS, counterColumn } from '../../figures/domain/counters';
import { RollupKey } from '../domain/rollup-key';

const COLUMNS = COUNTER_NAMES.map(counterColumn);

function part(source: 'fact' | 'stint', keyFilter: string): string {
  const alias = source === 'fact' ? 'f' : 'a';
  const table = source === 'fact' ? 'ledger.ticket_facts f' : 'ledger.ticket_assignments a';
  const cols = COUNTER_NAMES.map((n) => {
    const c = COUNTERS[n];
    const value = 'value' in c ? c.value : '1';
    return c.source === source
      ? `CASE WHEN ${c.where} THEN ${value} ELSE 0 END AS ${counterColumn(n)}`
      : `0 AS ${counterColumn(n)}`;
  });
  return `SELECT ${alias}.department_id, ${alias}.category, ${alias}.grid_id, ${alias}.month, ${cols.join(', ')}
          FROM ${table} ${keyFilter.replaceAll('$alias', alias)}`;
}

/** The rollup of the rows a filter selects, grouped by (department, category, grid, month). */
function rollupSql(keyFilter: string): string {
  return `INSERT INTO ledger.stats_monthly (department_id, category, grid_id, month, ${COLUMNS.join(', ')})
    SELECT department_id, category, grid_id, month, ${COLUMNS.map((c) => `sum(${c})`).join(', ')}
    FROM (${part('fact', keyFilter)} UNION ALL ${part('stint', keyFilter)}) x
    GROUP BY department_id, category, grid_id, month`;
}

const KEYED = `WHERE ($alias.department_id, $alias.category, $alias.grid_id, $alias.month) IN
  (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]))`;

/**
 * The monthly rollup is a pure function of the facts: a key's row is recomputed from the facts
 * and stints that carry that key (live, after each entry), or every row at once (rebuild). The
 * same SQL does both, so the two cannot disagree.
 */
export class RollupStore {
  async recompute(manager: EntityManager, keys: RollupKey[]): Promise<void> {
    const unique = new Map(
      keys.map((k) => [`${k.departmentId}\u0000${k.category}\u0000${k.gridId}\u0000${k.month}`, k]),
    );
    if (!unique.size) return;
    const ks = [...unique.values()];
    const params = [
      ks.map((k) => k.departmentId),
      ks.map((k) => k.category),
      ks.map((k) => k.gridId),
      ks.map((k) => k.month),
    ];
    await manager.query(
      `DELETE FROM ledger.stats_monthly WHERE (department_id, category, grid_id, month) IN
        (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]))`,
      params,
    );
    await manager.query(rollupSql(KEYED), params);
  }

  async recomputeAll(manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM ledger.stats_monthly`);
    await manager.query(rollupSql(''));
  }
}
