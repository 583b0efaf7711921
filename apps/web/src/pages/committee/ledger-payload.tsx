import { Collapse, Descriptions } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh';
import { formatDateTime } from '../../shared/deadline';
import { useDirectory } from '../../shared/directory';

type Json = unknown;

const DEPARTMENT_KEYS = new Set([
  'leadDepartmentId',
  'previousLeadDepartmentId',
  'firstHandlerDepartmentId',
  'departmentId',
  'fromDepartmentId',
]);
/** Ids that the row already shows (the ticket) or that mean nothing to a reader beside a name. */
const HIDDEN = new Set(['ticketId', 'timerId', 'policyId', 'ruleId', 'id', 'enterpriseId']);

const isIsoDate = (v: Json): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v);
const record = (v: Json): Record<string, Json> | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, Json>) : null;

/**
 * A ledger entry's recorded content as labelled fields in the reader's language: department ids as
 * names, codes as words, instants as Beijing time. The JSON itself stays one click away, for those
 * who check the hash by hand.
 */
export function LedgerPayload({ payload }: { payload: Json }) {
  const { t, locale } = useI18n();
  const { categoryName, departmentName, gridName } = useDirectory();
  const known = (key: string): key is MessageKey => t(key as MessageKey) !== key;
  const word = (prefix: string, v: string) =>
    known(`${prefix}.${v}`) ? t(`${prefix}.${v}` as MessageKey) : v;

  const value = (key: string, v: Json): ReactNode => {
    if (v === null || v === undefined || v === '') return '—';
    if (DEPARTMENT_KEYS.has(key) && typeof v === 'string') return departmentName(v);
    if (key === 'coHandlerDepartmentIds' && Array.isArray(v))
      return v.map((d) => departmentName(String(d))).join('、') || '—';
    if (key === 'category' && typeof v === 'string') return categoryName(v);
    if (key === 'gridId' && typeof v === 'string') return gridName(v);
    if (key === 'gridIds' && Array.isArray(v)) return v.map((g) => gridName(String(g))).join('、') || '—';
    if (key === 'urgency' && typeof v === 'string') return word('urgency', v);
    if (key === 'status' && typeof v === 'string') return word('status', v);
    if (key === 'satisfaction' && typeof v === 'string') return word('satisfaction', v);
    if (key === 'kind' && typeof v === 'string') return word('dueKind', v);
    if (key === 'level' && typeof v === 'string')
      return known(`level.${v}`) ? word('level', v) : word('flag', v);
    if (key === 'via' && typeof v === 'string') return word('payload.via', v);
    if (key === 'role' && typeof v === 'string') return word('role', v);
    if (key === 'approved' && typeof v === 'boolean') return v ? t('action.approve') : t('action.reject');
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (isIsoDate(v)) return formatDateTime(v, locale);
    if (key === 'submittedBy' && record(v)) return word('role', String(record(v)!.role));
    if (key === 'contact' && record(v)) return [record(v)!.name, record(v)!.phone].filter(Boolean).join(' ');
    if (Array.isArray(v)) {
      if (v.every((x) => record(x)?.fileName))
        return v.map((x) => String(record(x)!.fileName)).join('、') || '—';
      if (v.every((x) => record(x)?.name))
        return v.map((x) => [record(x)!.name, record(x)!.phone].filter(Boolean).join(' ')).join('；');
      return v.map(String).join('、') || '—';
    }
    if (record(v)) return JSON.stringify(v);
    return String(v);
  };

  const fields = Object.entries(record(payload) ?? {}).filter(
    ([k]) => !HIDDEN.has(k) || (k === 'enterpriseId' && !record(payload)?.enterpriseName),
  );
  return (
    <div data-testid="payload-fields">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={fields.map(([k, v]) => ({
          key: k,
          label: known(`payload.${k}`) ? t(`payload.${k}` as MessageKey) : k,
          children: (
            <span data-testid="payload-field" data-key={k} style={{ whiteSpace: 'pre-wrap' }}>
              {value(k, v)}
            </span>
          ),
        }))}
      />
      <Collapse
        size="small"
        ghost
        items={[
          {
            key: 'raw',
            label: t('common.raw'),
            children: (
              <pre style={{ margin: 0, maxWidth: 720, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                {JSON.stringify(payload, null, 2)}
              </pre>
            ),
          },
        ]}
      />
    </div>
  );
}
