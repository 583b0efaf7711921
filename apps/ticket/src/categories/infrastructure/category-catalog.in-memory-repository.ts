import { DEFAULT_CATEGORIES } from '@ticketing/contracts';
import { Category, CategoryCatalog } from '../domain/category-catalog';

/** The seeded categories in memory, for handler specs. */
export class InMemoryCategoryCatalog extends CategoryCatalog {
  readonly categories: Category[] = DEFAULT_CATEGORIES.map(({ code, zh, en }) => ({ code, zh, en }));

  async findActive(code: string): Promise<Category | null> {
    return this.categories.find((c) => c.code === code) ?? null;
  }

  async listActive(): Promise<Category[]> {
    return [...this.categories];
  }
}
