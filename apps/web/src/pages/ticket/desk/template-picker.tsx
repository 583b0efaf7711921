import { DownOutlined, SnippetsOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Input, Space, Spin } from 'antd';
import type { TextAreaProps } from 'antd/es/input';
import { useState } from 'react';
import { useUser } from '../../../auth/session';
import { useI18n } from '../../../i18n/i18n';
import { useCapability } from '../../../shared/capabilities';
import { problemMessage } from '../../../shared/problems';
import { deskApi, ReplyTemplate } from './desk-api';

/**
 * 常用语: the zone's and the department's reply templates, filled in for this ticket (enterprise,
 * number, deadline) by the ticket service and handed to the reply box.
 */
export function TemplatePicker({ ticketId, onPick }: { ticketId: string; onPick: (text: string) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useUser();
  const served = useCapability('GET', '/api/v1/tickets/templates');
  const [items, setItems] = useState<ReplyTemplate[]>();
  const [busy, setBusy] = useState(false);
  if (!served || (user.role !== 'department' && user.role !== 'committee')) return null;

  const load = async (open: boolean) => {
    if (!open || items) return;
    try {
      setItems((await deskApi.templates()).items);
    } catch (e) {
      setItems([]);
      message.error(problemMessage(e, t));
    }
  };
  const pick = async (id: string) => {
    setBusy(true);
    try {
      onPick((await deskApi.renderTemplate(id, ticketId)).text);
    } catch (e) {
      message.error(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dropdown
      trigger={['click']}
      onOpenChange={load}
      menu={{
        items:
          items === undefined
            ? [{ key: 'loading', label: <Spin size="small" />, disabled: true }]
            : items.length === 0
              ? [{ key: 'none', label: t('template.none'), disabled: true }]
              : items.map((x) => ({
                  key: x.id,
                  label: (
                    <span data-template={x.title}>
                      {x.title}
                      <span style={{ color: 'rgba(0,0,0,0.55)', marginInlineStart: 8, fontSize: 12 }}>
                        {x.scope === 'zone' ? t('template.zone') : t('template.mine')}
                      </span>
                    </span>
                  ),
                })),
        onClick: ({ key }) => void pick(key),
      }}
    >
      <Button
        size="small"
        icon={<SnippetsOutlined aria-hidden />}
        loading={busy}
        data-testid="template-picker"
      >
        <Space size={4}>
          {t('template.use')}
          <DownOutlined aria-hidden style={{ fontSize: 10 }} />
        </Space>
      </Button>
    </Dropdown>
  );
}

/**
 * A reply box with the template picker above it: the chosen template, filled in, is added to what
 * is typed (or replaces an empty box). Takes what Form.Item hands a control.
 */
export function ReplyBox({
  ticketId,
  value,
  onChange,
  ...rest
}: { ticketId: string; value?: string; onChange?: (v: string) => void } & Omit<
  TextAreaProps,
  'value' | 'onChange'
>) {
  return (
    <Space orientation="vertical" size={6} style={{ width: '100%' }}>
      <TemplatePicker
        ticketId={ticketId}
        onPick={(text) => onChange?.(value && value.trim() ? `${value.trimEnd()}\n${text}` : text)}
      />
      <Input.TextArea {...rest} value={value} onChange={(e) => onChange?.(e.target.value)} />
    </Space>
  );
}
