import { PlusOutlined } from '@ant-design/icons';
import { Upload } from 'antd';
import type { UploadFile, UploadProps } from 'antd';
import { useEffect, useRef } from 'react';
import { api, ApiError } from '../api/client';
import type { Attachment } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { problemMessage } from './problems';

export const MAX_ATTACHMENTS = 10;
/** Pictures, PDF, and the office files enterprises send (checked again by content on the server). */
const ACCEPT =
  'image/png,image/jpeg,image/gif,image/webp,application/pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.txt,.csv';

/** The uploaded attachment ids of a file list; files still uploading or failed have none. */
export const uploadedIds = (files: UploadFile[]): string[] =>
  files
    .filter((f) => f.status === 'done' && (f.response as Attachment | undefined)?.id)
    .map((f) => (f.response as Attachment).id);

export const isUploading = (files: UploadFile[]): boolean => files.some((f) => f.status === 'uploading');

/**
 * Each chosen file is uploaded at once (the API answers its id), and previewed from the local
 * file through a blob: URL, so the preview never needs the bearer token.
 */
export function AttachmentUpload({
  id,
  value = [],
  onChange,
}: {
  id?: string;
  value?: UploadFile[];
  onChange?: (files: UploadFile[]) => void;
}) {
  const { t } = useI18n();
  const urls = useRef<string[]>([]);
  useEffect(() => () => urls.current.forEach((u) => URL.revokeObjectURL(u)), []);

  const customRequest: UploadProps['customRequest'] = async ({ file, onSuccess, onError }) => {
    const form = new FormData();
    form.append('file', file as Blob);
    try {
      const a = await api<Attachment>('/api/v1/tickets/attachments', { method: 'POST', form });
      onSuccess?.(a);
    } catch (e) {
      const reason = e instanceof ApiError ? problemMessage(e, t) : String(e);
      onError?.(Object.assign(new Error(reason), { status: e instanceof ApiError ? e.status : 0 }));
    }
  };

  return (
    <Upload
      id={id}
      accept={ACCEPT}
      listType="picture-card"
      multiple
      fileList={value}
      customRequest={customRequest}
      previewFile={async (file) => {
        const u = URL.createObjectURL(file);
        urls.current.push(u);
        return u;
      }}
      onPreview={(f) => {
        const src = f.thumbUrl ?? (f.originFileObj ? URL.createObjectURL(f.originFileObj) : undefined);
        if (src) window.open(src, '_blank', 'noopener');
      }}
      onChange={({ fileList }) =>
        onChange?.(
          fileList.slice(0, MAX_ATTACHMENTS).map((f) =>
            f.status === 'error'
              ? {
                  ...f,
                  response: t('whistle.uploadFailed', {
                    reason: (f.error as Error | undefined)?.message ?? '',
                  }),
                }
              : f,
          ),
        )
      }
    >
      {value.length >= MAX_ATTACHMENTS ? null : (
        <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
          <PlusOutlined aria-hidden />
          <div style={{ marginTop: 8 }}>{t('whistle.upload')}</div>
        </button>
      )}
    </Upload>
  );
}
