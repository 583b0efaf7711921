import { createContext, ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { DEFAULT_DEPARTMENTS } from '../../../../libs/contracts/src/departments';
import { DEFAULT_CATEGORIES } from '../../../../libs/contracts/src/ticketing';
import { api } from '../api/client';
import type { Category, Department, Grid, Page } from '../api/types';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';

interface Directory {
  categories: Category[];
  departments: { id: string; zh: string; en: string }[];
  grids: Grid[];
  categoryName: (code: string) => string;
  departmentName: (id: string | null | undefined) => string;
  gridName: (id: string | null | undefined) => string;
}

const DirectoryContext = createContext<Directory | null>(null);

/**
 * Names for the codes and ids tickets carry. Categories come from the ticket service; departments
 * and grids from identity where the role may list them, else the seeded defaults every zone has.
 */
export function DirectoryProvider({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const { locale } = useI18n();
  const [categories, setCategories] = useState<Category[]>([...DEFAULT_CATEGORIES]);
  const [departments, setDepartments] = useState<{ id: string; zh: string; en: string }[]>(
    DEFAULT_DEPARTMENTS.map((d) => ({ id: d.id, zh: d.zh, en: d.en })),
  );
  const [grids, setGrids] = useState<Grid[]>([]);

  useEffect(() => {
    // Until a new user has chosen a password the API answers nothing else.
    if (!user || user.mustChangePassword) return;
    api<Category[]>('/api/v1/tickets/categories')
      .then((c) => Array.isArray(c) && c.length && setCategories(c))
      .catch(() => undefined);
    if (user.role === 'committee' || user.role === 'admin') {
      api<Page<Department>>('/api/v1/identity/departments', { query: { limit: 100 } })
        .then((p) =>
          setDepartments(p.items.map((d) => ({ id: d.id, zh: d.nameZh, en: d.nameEn ?? d.nameZh }))),
        )
        .catch(() => undefined);
      api<Page<Grid>>('/api/v1/identity/grids', { query: { limit: 100 } })
        .then((p) => setGrids(p.items))
        .catch(() => undefined);
    }
  }, [user]);

  const value = useMemo<Directory>(() => {
    const cat = new Map(categories.map((c) => [c.code, c]));
    const dep = new Map(departments.map((d) => [d.id, d]));
    const grid = new Map(grids.map((g) => [g.id, g]));
    return {
      categories,
      departments,
      grids,
      categoryName: (code) => {
        const c = cat.get(code);
        return c ? (locale === 'en' ? c.en : c.zh) : code;
      },
      departmentName: (id) => {
        if (!id) return '—';
        const d = dep.get(id);
        return d ? (locale === 'en' ? d.en : d.zh) : id.slice(0, 8);
      },
      gridName: (id) => (id ? (grid.get(id)?.name ?? id.slice(0, 8)) : '—'),
    };
  }, [categories, departments, grids, locale]);
  return <DirectoryContext.Provider value={value}>{children}</DirectoryContext.Provider>;
}

export function useDirectory(): Directory {
  const ctx = useContext(DirectoryContext);
  if (!ctx) throw new Error('useDirectory outside DirectoryProvider');
  return ctx;
}
