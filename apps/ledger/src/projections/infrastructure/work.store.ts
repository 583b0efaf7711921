import { EntityManager } from 'typeorm';
import { WORK_KEYS, WorkRecord } from '../domain/work-record';

const JSON_COLUMNS = new Set(['items', 'content']);

/**
 * Writes the work rows (task lists, visits, meetings, decisions, bulletins …): one upsert per row
 * changed, setting only the columns the change names. Rare next to ticket events (a zone records a
 * few hundred visits a month), so one statement each is cheap.
 */
export class WorkStore {
  async save(manager: EntityManager, records: readonly WorkRecord[]): Promise<void> {
    for (const r of records) {
      const keys = WORK_KEYS[r.table];
      const cols = [...keys, ...Object.keys(r.set).filter((c) => !keys.includes(c))];
      const values = cols.map((c) => {
        const v = c in r.key ? r.key[c] : r.set[c];
        return JSON_COLUMNS.has(c) ? JSON.stringify(v) : v;
      });
      const updates = cols.filter((c) => !keys.includes(c)).map((c) => `${c} = EXCLUDED.${c}`);
      const guard = r.onlyIfNewer ? ` WHERE ledger.${r.table}.revision <= EXCLUDED.revision` : '';
      await manager.query(
        `INSERT INTO ledger.${r.table} (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})
         ON CONFLICT (${keys.join(', ')}) ${updates.length ? `DO UPDATE SET ${updates.join(', ')}${guard}` : 'DO NOTHING'}`,
        values,
      );
    }
  }
}
