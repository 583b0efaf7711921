export interface Category {
  code: string;
  zh: string;
  en: string;
}

/** The problem categories an enterprise chooses from (seeded; the committee edits them). */
export abstract class CategoryCatalog {
  abstract findActive(code: string): Promise<Category | null>;
  abstract listActive(): Promise<Category[]>;
}
