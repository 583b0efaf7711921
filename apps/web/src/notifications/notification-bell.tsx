import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Empty, Popover, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n/i18n';
import { problemMessage } from '../shared/problems';
import { useCapability } from '../shared/capabilities';
import { AppNotification, notificationPath, UNREAD_COUNT } from './notifications-api';
import { NotificationFeed, useNotificationFeed } from './use-notifications';

function NotificationItem({ n, onOpen }: { n: AppNotification; onOpen: (n: AppNotification) => void }) {
  const unread = !n.readAt;
  return (
    <button
      type="button"
      data-testid="notification"
      data-read={unread ? 'false' : 'true'}
      data-ticket={n.ticketId ?? ''}
      data-event={n.eventType}
      onClick={() => onOpen(n)}
      style={{
        display: 'block',
        width: '100%',
        textAlign: 'left',
        border: 'none',
        borderBottom: '1px solid #f0f0f0',
        background: unread ? '#fff7f6' : 'transparent',
        padding: '10px 16px',
        cursor: 'pointer',
        font: 'inherit',
      }}
    >
      <div style={{ display: 'flex', gap: 8, alignItems: 'baseline' }}>
        {unread && <Badge status="error" />}
        <Typography.Text strong={unread} style={{ flex: 1 }}>
          {n.title}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {dayjs(n.createdAt).format('MM-DD HH:mm')}
        </Typography.Text>
      </div>
      <Typography.Paragraph
        type="secondary"
        ellipsis={{ rows: 2 }}
        style={{ margin: '4px 0 0', fontSize: 13, whiteSpace: 'pre-line' }}
      >
        {n.body}
      </Typography.Paragraph>
    </button>
  );
}

function NotificationPanel({
  feed,
  onOpen,
}: {
  feed: NotificationFeed;
  onOpen: (n: AppNotification) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  if (feed.failed && feed.items.length === 0) {
    return (
      <div style={{ padding: 24, textAlign: 'center' }}>
        <Typography.Paragraph type="secondary">{t('common.error')}</Typography.Paragraph>
        <Button onClick={() => void feed.reload()}>{t('common.retry')}</Button>
      </div>
    );
  }
  if (feed.items.length === 0) {
    return feed.loading ? (
      <div style={{ padding: 32, textAlign: 'center' }}>
        <Spin />
      </div>
    ) : (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notify.empty')} style={{ padding: 16 }} />
    );
  }
  return (
    <div data-testid="notification-list">
      <div style={{ maxHeight: 420, overflowY: 'auto' }}>
        {feed.items.map((n) => (
          <NotificationItem key={n.id} n={n} onOpen={onOpen} />
        ))}
      </div>
      {feed.nextCursor && (
        <div style={{ padding: 8, textAlign: 'center' }}>
          <Button
            type="link"
            loading={feed.loading}
            onClick={() => void feed.loadMore().catch((e) => message.error(problemMessage(e, t)))}
          >
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </div>
  );
}

/**
 * The header's bell: unread badge, the latest notifications in a dropdown, live over SSE. Hidden on a
 * server without the notify service (its OpenAPI document says so), so nothing 404s in the console.
 */
export function NotificationBell() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const available = useCapability('GET', UNREAD_COUNT);
  const feed = useNotificationFeed(available === true);
  const [open, setOpen] = useState(false);
  const [marking, setMarking] = useState(false);
  if (!available) return null;

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (next) void feed.reload();
  };
  const openOne = (n: AppNotification) => {
    void feed.markRead(n);
    const path = notificationPath(n);
    if (path) {
      setOpen(false);
      navigate(path);
    }
  };
  const markAll = async () => {
    setMarking(true);
    try {
      await feed.markAllRead();
    } catch (e) {
      message.error(problemMessage(e, t));
    } finally {
      setMarking(false);
    }
  };

  const title = (
    <div style={{ display: 'flex', alignItems: 'center', padding: '4px 16px 0' }}>
      <span style={{ flex: 1 }}>
        {t('nav.notifications')}
        {feed.unread > 0 && (
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginLeft: 8, fontSize: 12 }}>
            {t('notify.unreadCount', { n: feed.unread })}
          </Typography.Text>
        )}
      </span>
      <Button
        type="link"
        size="small"
        data-testid="notifications-read-all"
        disabled={feed.unread === 0}
        loading={marking}
        onClick={() => void markAll()}
      >
        {t('notify.markAllRead')}
      </Button>
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={onOpenChange}
      title={title}
      arrow={false}
      content={
        <div style={{ width: 'min(380px, calc(100vw - 32px))', margin: '0 -12px -12px' }}>
          <NotificationPanel feed={feed} onOpen={openOne} />
        </div>
      }
    >
      {/* The count sits beside the button, not in it: its digits are drawn for an animation, and the
          button's name says the count in words. */}
      <Badge count={feed.unread} size="small" overflowCount={99} offset={[-6, 6]}>
        <Button
          type="text"
          data-testid="notification-bell"
          data-unread={feed.unread}
          aria-label={t('notify.bellLabel', { n: feed.unread })}
          title={t('nav.notifications')}
          style={{ color: 'inherit' }}
          icon={<BellOutlined aria-hidden style={{ color: '#fff', fontSize: 18 }} />}
        />
      </Badge>
    </Popover>
  );
}
