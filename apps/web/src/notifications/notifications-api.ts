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
