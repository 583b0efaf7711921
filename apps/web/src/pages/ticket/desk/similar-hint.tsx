import { Alert, Space, Tag } from 'antd';
import type { HookAPI } from 'antd/es/modal/useModal';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../../api/client';
import type { TicketStatus } from '../../../api/types';
import type { Translate } from '../../../i18n/i18n';
import { useI18n } from '../../../i18n/i18n';
import { useCapability } from '../../../shared/capabilities';
import { StatusTag } from '../../../shared/tags';
import { deskApi, SimilarTicket } from './desk-api';

/**
 * While the whistle form is typed: the enterprise's own open tickets that read like it (重复诉求提示),
 * asked a moment after the typing stops.
 */
export function SimilarHint({
  title,
  description,
  enterpriseId,
}: {
  title?: string;
  description?: string;
  /** An instructor's (or the committee's) enterprise; an enterprise's own is implied. */
  enterpriseId?: string;
}) {
  const { t } = useI18n();
  const served = useCapability('GET', '/api/v1/tickets/similar');
  const [items, setItems] = useState<SimilarTicket[]>([]);
  const text = `${title ?? ''}\n${description ?? ''}`.trim();
  useEffect(() => {
    if (!served || text.length < 4) {
      setItems([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      deskApi
        .similar((title ?? '').trim().slice(0, 100), (description ?? '').trim().slice(0, 4000), enterpriseId)
        .then((r) => live && setItems(r.items))
        .catch(() => live && setItems([]));
    }, 600);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [served, text, enterpriseId]);
  if (!items.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="similar-hint"
      style={{ marginBottom: 16 }}
      title={t('similar.title')}
      description={<SimilarList items={items} />}
    />
  );
}

function SimilarList({ items }: { items: SimilarTicket[] }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={4}>
      <span>{t('similar.hint')}</span>
      {items.map((s) => (
        <Space key={s.id} size={8} wrap>
          <Link to={`/tickets/${s.id}`} target="_blank">
            {s.number}
          </Link>
          <span>{s.title}</span>
          <StatusTag status={s.status as TicketStatus} />
          {s.likelyDuplicate && <Tag color="orange">{t('similar.likely')}</Tag>}
        </Space>
      ))}
    </Space>
  );
}

/**
 * A submission the ticket service took for a duplicate (409 possibleDuplicate): the likely
 * duplicates listed, and the choice to file it anyway. Resolves true to send it again confirmed.
 */
export function confirmNotDuplicate(e: unknown, t: Translate, modal: HookAPI): Promise<boolean> | null {
  if (!(e instanceof ApiError) || e.code !== 'possibleDuplicate') return null;
  const candidates = (e.problem.candidates as SimilarTicket[] | undefined) ?? [];
  return new Promise((resolve) => {
    modal.confirm({
      title: t('similar.confirmTitle'),
      content: <SimilarList items={candidates} />,
      okText: t('similar.fileAnyway'),
      cancelText: t('similar.goBack'),
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    });
  });
}
