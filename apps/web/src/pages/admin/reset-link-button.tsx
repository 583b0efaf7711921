import { App, Button, Input, Modal, Space, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useRef, useState } from 'react';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../shared/format';
import { problemMessage } from '../../shared/problems';

/**
 * 生成重置链接: a one-time link (24 hours) for a user who forgot the password. No e-mail is sent
 * (notify has no e-mail channel to reuse): the admin copies the link and hands it over.
 */
export function ResetLinkButton({ userId }: { userId: string }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<{ url: string; expiresAt: string } | null>(null);
  const input = useRef<InputRef>(null);

  const issue = async () => {
    setBusy(true);
    try {
      const r = await api<{ link: string; expiresAt: string }>(
        `/api/v1/identity/users/${userId}/reset-link`,
        {
          method: 'POST',
        },
      );
      setIssued({ url: `${window.location.origin}${r.link}`, expiresAt: r.expiresAt });
    } catch (e) {
      message.error(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!issued) return;
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(issued.url);
      message.success(t('resetLink.copied'));
    } catch {
      // Not over HTTPS, or refused: the link is selected for the admin to copy by hand.
      input.current?.select();
      message.warning(t('resetLink.copyFailed'));
    }
  };

  return (
    <>
      <Button size="small" onClick={issue} loading={busy} disabled={busy}>
        {t('resetLink.action')}
      </Button>
      <Modal
        open={issued !== null}
        title={t('resetLink.title')}
        onCancel={() => setIssued(null)}
        footer={<Button onClick={() => setIssued(null)}>{t('common.close')}</Button>}
      >
        <Typography.Paragraph>
          {t('resetLink.detail', { at: formatDateTime(issued?.expiresAt, locale) })}
        </Typography.Paragraph>
        <Space.Compact style={{ width: '100%' }}>
          <Input
            ref={input}
            readOnly
            value={issued?.url}
            aria-label={t('resetLink.title')}
            data-testid="reset-link-url"
          />
          <Button type="primary" onClick={copy}>
            {t('resetLink.copy')}
          </Button>
        </Space.Compact>
      </Modal>
    </>
  );
}
