import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { problemMessage } from '../../shared/problems';
import { saveFile } from '../meeting/meeting-api';

/** A file the server draws (with the bearer token), saved under the name it gives. */
export function DownloadButton({
  fetchFile,
  fallbackName,
  children,
  primary,
  testId,
}: {
  fetchFile: () => Promise<Response>;
  fallbackName: string;
  children: string;
  primary?: boolean;
  testId?: string;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      type={primary ? 'primary' : 'default'}
      icon={<DownloadOutlined aria-hidden />}
      loading={busy}
      data-testid={testId}
      onClick={async () => {
        setBusy(true);
        try {
          await saveFile(await fetchFile(), fallbackName);
        } catch (e) {
          message.error(problemMessage(e, t));
        } finally {
          setBusy(false);
        }
      }}
    >
      {children}
    </Button>
  );
}
