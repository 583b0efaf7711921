import { FilePdfOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Image, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { apiResponse } from '../../api/client';
import type { Attachment } from '../../api/types';
import { useI18n } from '../../i18n/i18n';

/** Downloads need the bearer token, so each file is fetched once and shown from a blob: URL. */
function useBlobUrl(id: string): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let made: string | undefined;
    let live = true;
    apiResponse(`/api/v1/tickets/attachments/${id}`)
      .then((r) => r.blob())
      .then((b) => {
        if (!live) return;
        made = URL.createObjectURL(b);
        setUrl(made);
      })
      .catch(() => undefined);
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [id]);
  return url;
}

function AttachmentItem({ a }: { a: Attachment }) {
  const url = useBlobUrl(a.id);
  const kb = Math.max(1, Math.round(a.size / 1024));
  if (a.contentType.startsWith('image/')) {
    return (
      <figure style={{ margin: 0, width: 112 }} data-testid="attachment">
        <Image width={112} height={112} style={{ objectFit: 'cover' }} src={url} alt={a.fileName} />
        <figcaption
          style={{ fontSize: 12, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
          title={a.fileName}
        >
          {a.fileName}
        </figcaption>
      </figure>
    );
  }
  return (
    <a href={url} download={a.fileName} data-testid="attachment" aria-disabled={!url}>
      {a.contentType === 'application/pdf' ? (
        <FilePdfOutlined aria-hidden />
      ) : (
        <PaperClipOutlined aria-hidden />
      )}{' '}
      {a.fileName} ({kb} KB)
    </a>
  );
}

export function AttachmentList({ items }: { items: Attachment[] }) {
  const { t } = useI18n();
  if (!items.length) return <Typography.Text type="secondary">{t('ticket.noAttachments')}</Typography.Text>;
  return (
    <Image.PreviewGroup>
      <Space wrap align="start">
        {items.map((a) => (
          <AttachmentItem key={a.id} a={a} />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}
