import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api/client';
import type { Department, Enterprise, Grid, Page } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { useAsync } from '../../shared/use-async';

/**
 * The directory as the admin pages need it: loaded by each page when it opens, not once at login,
 * so a department or grid created a minute ago is offered and named at once.
 */
export function useAdminDirectory() {
  const { locale } = useI18n();
  const departments = useAsync(
    () => api<Page<Department>>('/api/v1/identity/departments', { query: { limit: 100 } }),
    [],
  );
  const grids = useAsync(() => api<Page<Grid>>('/api/v1/identity/grids', { query: { limit: 100 } }), []);
  return useMemo(() => {
    const deps = departments.data?.items ?? [];
    const gs = grids.data?.items ?? [];
    const depName = (d: Department) => (locale === 'en' ? (d.nameEn ?? d.nameZh) : d.nameZh);
    return {
      departmentOptions: deps.filter((d) => d.active).map((d) => ({ value: d.id, label: depName(d) })),
      gridOptions: gs.map((g) => ({ value: g.id, label: g.name })),
      departmentName: (id: string | null | undefined) => {
        const d = id ? deps.find((x) => x.id === id) : undefined;
        return d ? depName(d) : id ? id.slice(0, 8) : '—';
      },
      gridName: (id: string | null | undefined) =>
        id ? (gs.find((g) => g.id === id)?.name ?? id.slice(0, 8)) : '—',
      reload: () => {
        departments.reload();
        grids.reload();
      },
    };
  }, [departments, grids, locale]);
}

/** Enterprise names for a list of users: the first hundred, and any other one looked up by search. */
export function useEnterpriseNames() {
  const list = useAsync(
    () => api<Page<Enterprise>>('/api/v1/identity/enterprises', { query: { limit: 100 } }),
    [],
  );
  return useMemo(() => {
    const items = list.data?.items ?? [];
    return {
      items,
      name: (id: string | null | undefined) =>
        id ? (items.find((e) => e.id === id)?.name ?? id.slice(0, 8)) : '—',
      reload: list.reload,
    };
  }, [list]);
}

/** Picks an enterprise by typing part of its name or credit code (a zone may hold hundreds). */
export function EnterpriseSelect({
  value,
  onChange,
  known,
  id,
}: {
  value?: string;
  onChange?: (v: string | undefined) => void;
  known: Enterprise[];
  id?: string;
}) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Enterprise[]>([]);
  useEffect(() => {
    if (!q) {
      setFound([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api<Page<Enterprise>>('/api/v1/identity/enterprises', { query: { q, limit: 20 } })
        .then((p) => live && setFound(p.items))
        .catch(() => undefined);
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);
  const options = useMemo(() => {
    const seen = new Map<string, Enterprise>();
    for (const e of [...found, ...known]) if (!seen.has(e.id)) seen.set(e.id, e);
    return [...seen.values()].map((e) => ({ value: e.id, label: e.name, title: e.name }));
  }, [found, known]);
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      allowClear
      options={options}
      showSearch={{ optionFilterProp: 'label', onSearch: setQ }}
    />
  );
}
