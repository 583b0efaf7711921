import { Select, Spin } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { Page, TicketStatus, TicketSummary } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { useCapability } from '../../shared/capabilities';

export interface PickedTicket {
  id: string;
  number: string;
  title: string;
  enterpriseName: string;
  status: string;
}

const OPEN: TicketStatus[] = [
  'submitted',
  'triage',
  'assigned',
  'in_progress',
  'transfer_requested',
  'resolved',
  'reopened',
];
const SEARCH = '/api/v1/tickets/search';

/** A search result as the search endpoint answers it (fields the picker needs; the rest is ignored). */
interface SearchHit {
  id?: string;
  ticketId?: string;
  number: string;
  title: string;
  enterpriseName?: string;
  status?: string;
}

async function searchTickets(q: string, statuses: TicketStatus[]): Promise<PickedTicket[]> {
  const res = await api<{ items: SearchHit[] }>(SEARCH, { query: { q, status: statuses, limit: 20 } });
  return res.items.map((h) => ({
    id: (h.id ?? h.ticketId)!,
    number: h.number,
    title: h.title,
    enterpriseName: h.enterpriseName ?? '',
    status: h.status ?? '',
  }));
}

/** Open tickets, newest first, a few pages of them: what a picker offers while no search exists. */
async function recentTickets(statuses: TicketStatus[]): Promise<PickedTicket[]> {
  const out: PickedTicket[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<TicketSummary> = await api<Page<TicketSummary>>('/api/v1/tickets', {
      query: { status: statuses, sort: 'newest', limit: 100, cursor },
    });
    out.push(
      ...page.items.map((x) => ({
        id: x.id,
        number: x.number,
        title: x.title,
        enterpriseName: x.enterpriseName,
        status: x.status,
      })),
    );
    cursor = page.nextCursor;
  } while (cursor && out.length < 300);
  return out;
}

const label = (x: PickedTicket) =>
  `${x.number} · ${x.title}${x.enterpriseName ? ` · ${x.enterpriseName}` : ''}`;

/**
 * Chooses tickets by number, title or enterprise: through the search endpoint when the server has
 * one, else among the most recent open tickets the caller may see.
 */
export function TicketPicker({
  id,
  value,
  onChange,
  multiple = false,
  exclude = [],
  statuses = OPEN,
  placeholder,
  onPicked,
}: {
  id?: string;
  value?: string | string[];
  onChange?: (v: string | string[]) => void;
  multiple?: boolean;
  exclude?: string[];
  statuses?: TicketStatus[];
  placeholder?: string;
  /** The tickets chosen, whole (the caller may show their titles). */
  onPicked?: (tickets: PickedTicket[]) => void;
}) {
  const { t } = useI18n();
  const hasSearch = useCapability('GET', SEARCH);
  const [options, setOptions] = useState<PickedTicket[]>([]);
  const [loading, setLoading] = useState(false);
  const known = useRef(new Map<string, PickedTicket>());
  const call = useRef(0);

  useEffect(() => {
    if (hasSearch !== false) return;
    setLoading(true);
    recentTickets(statuses)
      .then((xs) => {
        xs.forEach((x) => known.current.set(x.id, x));
        setOptions(xs);
      })
      .catch(() => setOptions([]))
      .finally(() => setLoading(false));
  }, [hasSearch, statuses.join()]);

  const onSearch = (q: string) => {
    if (!hasSearch || !q.trim()) return;
    const mine = ++call.current;
    setLoading(true);
    searchTickets(q.trim(), statuses)
      .then((xs) => {
        if (mine !== call.current) return;
        xs.forEach((x) => known.current.set(x.id, x));
        setOptions(xs);
      })
      .catch(() => mine === call.current && setOptions([]))
      .finally(() => mine === call.current && setLoading(false));
  };

  const shown = useMemo(
    () => options.filter((x) => !exclude.includes(x.id)).map((x) => ({ value: x.id, label: label(x) })),
    [options, exclude],
  );

  return (
    <Select
      id={id}
      mode={multiple ? 'multiple' : undefined}
      value={value}
      allowClear
      onChange={(v: string | string[]) => {
        onChange?.(v);
        const ids = Array.isArray(v) ? v : v ? [v] : [];
        onPicked?.(ids.map((x) => known.current.get(x)).filter((x): x is PickedTicket => !!x));
      }}
      placeholder={placeholder ?? t('picker.ticketPlaceholder')}
      options={shown}
      loading={loading}
      showSearch={hasSearch ? { filterOption: false, onSearch } : { optionFilterProp: 'label' }}
      notFoundContent={loading ? <Spin size="small" /> : t('picker.noTickets')}
      style={{ width: '100%' }}
    />
  );
}
