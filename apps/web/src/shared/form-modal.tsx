import { Alert, Modal } from 'antd';
import { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * The dialog every form of the app opens in: its problem (what the API refused, when it fits no
 * control) on top, save/submit and cancel, the form mounted while closed so that filling it before
 * the opening animation ends keeps what was typed.
 */
export function FormModal({
  open,
  title,
  width,
  okText,
  busy,
  problem,
  onOk,
  onCancel,
  children,
}: {
  open: boolean;
  title: ReactNode;
  width?: number;
  okText?: string;
  busy: boolean;
  problem?: string;
  onOk: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={open}
      title={title}
      width={width}
      onCancel={onCancel}
      onOk={onOk}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      forceRender
    >
      {problem && (
        <Alert
          type="error"
          showIcon
          title={problem}
          style={{ marginBottom: 12, whiteSpace: 'pre-line' }}
          role="alert"
        />
      )}
      {children}
    </Modal>
  );
}
