import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useI18n } from '../../i18n/i18n';
import { LIMITS } from './outreach-api';
import type { DraftPhoto } from './visit-drafts';

const TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/**
 * Photos kept with the draft (as Blobs in the browser), shown from blob: URLs, uploaded only when the
 * visit is sent. A file that is not a picture or is too large is refused here, with the reason
 * under the control (`onRefused`), and never kept.
 */
export function PhotoPicker({
  id,
  value = [],
  onChange,
  onRefused,
}: {
  id?: string;
  value?: DraftPhoto[];
  onChange?: (photos: DraftPhoto[]) => void;
  onRefused?: (reasons: string[]) => void;
}) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const urls = useMemo(() => new Map(value.map((p) => [p.localId, URL.createObjectURL(p.blob)])), [value]);
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);

  const add = (files: FileList | null) => {
    if (!files?.length) return;
    const reasons: string[] = [];
    const added: DraftPhoto[] = [];
    for (const f of Array.from(files)) {
      if (!TYPES.includes(f.type)) reasons.push(t('visit.photoNotImage', { name: f.name }));
      else if (f.size > LIMITS.photoBytes) reasons.push(t('visit.photoTooLarge', { name: f.name }));
      else if (value.length + added.length >= LIMITS.photos) reasons.push(t('visit.photoTooMany'));
      else
        added.push({
          localId: crypto.randomUUID(),
          name: f.name,
          type: f.type,
          size: f.size,
          blob: f,
          uploadedId: null,
        });
    }
    onRefused?.([...new Set(reasons)]);
    if (added.length) onChange?.([...value, ...added]);
    if (input.current) input.current.value = '';
  };

  return (
    <div data-testid="visit-photos">
      <Space wrap align="start">
        {value.map((p) => (
          <figure key={p.localId} style={{ margin: 0, width: 96 }} data-testid="visit-photo">
            <img
              src={urls.get(p.localId)}
              alt={p.name}
              width={96}
              height={96}
              style={{ objectFit: 'cover', borderRadius: 4, border: '1px solid #d9d9d9' }}
            />
            <figcaption style={{ display: 'flex', alignItems: 'center', fontSize: 12 }}>
              <span
                style={{ flex: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
                title={p.name}
              >
                {p.name}
              </span>
              <Button
                type="text"
                size="small"
                icon={<DeleteOutlined aria-hidden />}
                aria-label={t('visit.photoRemove', { name: p.name })}
                onClick={() => onChange?.(value.filter((x) => x.localId !== p.localId))}
              />
            </figcaption>
          </figure>
        ))}
      </Space>
      <div style={{ marginTop: value.length ? 8 : 0 }}>
        <input
          ref={input}
          id={id}
          type="file"
          tabIndex={-1}
          accept={TYPES.join(',')}
          multiple
          style={{ position: 'absolute', width: 1, height: 1, opacity: 0, overflow: 'hidden' }}
          onChange={(e) => add(e.target.files)}
        />
        <Button icon={<CameraOutlined aria-hidden />} onClick={() => input.current?.click()}>
          {t('visit.photoAdd')}
        </Button>
        <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
          {t('visit.photoCount', { n: value.length, max: LIMITS.photos })}
        </Typography.Text>
      </div>
    </div>
  );
}
