import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { Enterprise, Page } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { useDirectory } from '../../shared/directory';

/** Departments from the directory (one or several), searchable by name. */
export function DepartmentSelect({
  id,
  value,
  onChange,
  multiple = false,
  exclude = [],
  placeholder,
}: {
  id?: string;
  value?: string | string[];
  onChange?: (v: string | string[]) => void;
  multiple?: boolean;
  exclude?: string[];
  placeholder?: string;
}) {
  const { t, locale } = useI18n();
  const { departments } = useDirectory();
  return (
    <Select
      id={id}
      mode={multiple ? 'multiple' : undefined}
      value={value}
      onChange={onChange}
      allowClear
      placeholder={placeholder ?? t('picker.departmentPlaceholder')}
      showSearch={{ optionFilterProp: 'label' }}
      options={departments
        .filter((d) => !exclude.includes(d.id))
        .map((d) => ({ value: d.id, label: locale === 'en' ? d.en : d.zh }))}
      style={{ width: '100%' }}
    />
  );
}

/**
 * Enterprises by name or credit code (identity's `q`), several at once; the names of those already
 * chosen are kept when a new search replaces the options.
 */
export function EnterpriseSelect({
  id,
  value,
  onChange,
  initial = [],
}: {
  id?: string;
  value?: string[];
  onChange?: (v: string[]) => void;
  /** Enterprises known by name already (e.g. those invited with the agenda). */
  initial?: { id: string; name: string | null }[];
}) {
  const { t } = useI18n();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  const names = useRef(new Map<string, string>());
  const call = useRef(0);
  initial.forEach((e) => e.name && names.current.set(e.id, e.name));

  const search = (q: string) => {
    const mine = ++call.current;
    setLoading(true);
    api<Page<Enterprise>>('/api/v1/identity/enterprises', { query: { q: q.trim() || undefined, limit: 50 } })
      .then((p) => {
        if (mine !== call.current) return;
        p.items.forEach((e) => names.current.set(e.id, e.name));
        setOptions(p.items.filter((e) => e.active).map((e) => ({ value: e.id, label: e.name })));
      })
      .catch(() => mine === call.current && setOptions([]))
      .finally(() => mine === call.current && setLoading(false));
  };
  useEffect(() => search(''), []);

  const chosen = (value ?? [])
    .filter((v) => !options.some((o) => o.value === v))
    .map((v) => ({ value: v, label: names.current.get(v) ?? v.slice(0, 8) }));

  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      allowClear
      loading={loading}
      placeholder={t('picker.enterprisePlaceholder')}
      showSearch={{ filterOption: false, onSearch: search }}
      options={[...chosen, ...options]}
      style={{ width: '100%' }}
    />
  );
}
