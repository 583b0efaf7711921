import { Injectable } from '@nestjs/common';
import { SettingsCache, TransactionContext } from '@ticketing/database';
import { Category, CategoryCatalog } from '../domain/category-catalog';
import { CategoryOrmEntity } from './category.orm-entity';

@Injectable()
export class TypeormCategoryCatalog extends CategoryCatalog {
  constructor(
    private readonly tx: TransactionContext,
    private readonly cache: SettingsCache,
  ) {
    super();
  }

  /**
   * Read on every submission: from the settings cache while ticket.categories does not change
   * (its settings trigger: TicketSettingsFeed1766000000000); an unknown or retired code is cached
   * too, as null. The cache holds a frozen plain row; every caller gets its own copy.
   */
  async findActive(code: string): Promise<Category | null> {
    const m = this.tx.manager;
    const row = await this.cache.read(m, ['categories'], `active:${code}`, async () => {
      const r = await m.findOneBy(CategoryOrmEntity, { code, active: true });
      return r && Object.freeze({ code: r.code, zh: r.zh, en: r.en });
    });
    return row && { code: row.code, zh: row.zh, en: row.en };
  }

  /** The listing page: read from the database each time. */
  async listActive(): Promise<Category[]> {
    const rows = await this.tx.manager.find(CategoryOrmEntity, {
      where: { active: true },
      order: { position: 'ASC' },
    });
    return rows.map(({ code, zh, en }) => ({ code, zh, en }));
  }
}
