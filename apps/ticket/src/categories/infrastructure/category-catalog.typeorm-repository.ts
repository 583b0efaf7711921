import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { Category, CategoryCatalog } from '../domain/category-catalog';
import { CategoryOrmEntity } from './category.orm-entity';

@Injectable()
export class TypeormCategoryCatalog extends CategoryCatalog {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async findActive(code: string): Promise<Category | null> {
    const row = await this.tx.manager.findOneBy(CategoryOrmEntity, { code, active: true });
    return row && { code: row.code, zh: row.zh, en: row.en };
  }

  async listActive(): Promise<Category[]> {
    const rows = await this.tx.manager.find(CategoryOrmEntity, {
      where: { active: true },
      order: { position: 'ASC' },
    });
    return rows.map(({ code, zh, en }) => ({ code, zh, en }));
  }
}
