import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';
import { dropHeldWrites, sendHeldWrites } from './write-together';

/**
 * The transaction a piece of work runs in. Handlers say where a unit of work begins and ends
 * (`uow.transaction(() => …)`); repositories find the open transaction themselves, so commands
 * and domain code never carry an EntityManager. An event consumer's work joins the inbox
 * transaction the same way: the effect, its outbox events and the inbox row commit together.
 *
 * This is the port handlers depend on; unit specs give them an inline fake (@ticketing/testing).
 */
export abstract class UnitOfWork {
  /** Runs `work` in the transaction already open here for this database, or in a new one. */
  abstract transaction<T>(work: () => Promise<T>): Promise<T>;
}

/** Open transactions of this async context, by database (the standalone process hosts several). */
const open = new AsyncLocalStorage<ReadonlyMap<DataSource, EntityManager>>();

/** The TypeORM unit of work of one service's DataSource; repositories read `manager` from it. */
export class TransactionContext extends UnitOfWork {
  constructor(readonly dataSource: DataSource) {
    super();
  }

  /**
   * Makes `manager` (a transaction already begun on `dataSource`, e.g. the inbox's) the ambient
   * transaction while `work` runs, and sends what `work` held back (writeWithNext) when it is done.
   */
  static join<T>(dataSource: DataSource, manager: EntityManager, work: () => Promise<T>): Promise<T> {
    const map = new Map(open.getStore() ?? []);
    map.set(dataSource, manager);
    return open.run(map, async () => {
      try {
        const result = await work();
        // What the work held back for a later statement (writeWithNext) and no statement took.
        await sendHeldWrites(manager);
        return result;
      } finally {
        dropHeldWrites(manager);
      }
    });
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.current()) return work();
    return this.dataSource.transaction((manager) => TransactionContext.join(this.dataSource, manager, work));
  }

  /** True inside a transaction of this database. */
  get active(): boolean {
    return !!this.current();
  }

  /**
   * The open transaction's manager; outside one, the pool's (reads only: a write outside a unit of
   * work would commit alone, so repositories that write call `writer` instead).
   */
  get manager(): EntityManager {
    return this.current() ?? this.dataSource.manager;
  }

  /** The open transaction's manager; throws when there is none (a write must belong to a unit of work). */
  get writer(): EntityManager {
    const m = this.current();
    if (!m) throw new Error('a write outside a unit of work: wrap the use case in UnitOfWork.transaction');
    return m;
  }

  private current(): EntityManager | undefined {
    return open.getStore()?.get(this.dataSource);
  }
}
