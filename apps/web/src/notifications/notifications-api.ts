import { api } from '../api/client';
import type { Page } from '../api/types';

/** One in-app notification as the notify service answers it (title and body are written by the service). */
export interface AppNotification {
  id: string;
  eventType: string;
  ticketId: string | null;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** notify's in-app notification of a published bulletin (工作通报): it is about no ticket. */
export const BULLETIN_PUBLISHED = 'ledger.bulletin-published';

/**
 * Where a notification opens in the app: its ticket, or the bulletin it tells of (its link is the
 * bulletin's page on the public address, `…/bulletins?id=<id>`); null when it opens nothing.
 */
export function notificationPath(n: Pick<AppNotification, 'eventType' | 'ticketId' | 'link'>): string | null {
  if (n.ticketId) return `/tickets/${n.ticketId}`;
  if (n.eventType === BULLETIN_PUBLISHED) {
    let id: string | null = null;
    try {
      id = n.link ? new URL(n.link, window.location.origin).searchParams.get('id') : null;
    } catch {
      id = null;
    }
    return id ? `/bulletins?id=${encodeURIComponent(id)}` : '/bulletins';
  }
  return null;
}

const BASE = '/api/v1/notify/notifications';
export const NOTIFY_STREAM = '/api/v1/notify/stream';
export const UNREAD_COUNT = `${BASE}/unread-count`;

export const notificationsApi = {
  page: (cursor?: string | null, limit = 10) =>
    api<Page<AppNotification>>(BASE, { query: { cursor, limit } }),
  unreadCount: async () => (await api<{ unread: number }>(UNREAD_COUNT)).unread,
  markRead: (id: string) => api<void>(`${BASE}/${id}/read`, { method: 'POST' }),
  markAllRead: () => api<{ marked: number }>(`${BASE}/read-all`, { method: 'POST' }),
};
