import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { streamUrl } from '../api/client';
import { sessionStore } from '../auth/session-store';
import { AppNotification, NOTIFY_STREAM, notificationsApi } from './notifications-api';

const RECONNECT_MS = 3000;
const currentToken = () => sessionStore.get()?.accessToken ?? null;

// A notification means some ticket the user can see has moved: lists on screen reload on it.
const activity = new EventTarget();
let activityCount = 0;
const onActivity = (listener: () => void) => {
  activity.addEventListener('ticket', listener);
  return () => activity.removeEventListener('ticket', listener);
};

/** A number that goes up whenever a notification arrives over the stream; pass it as a list's refreshKey. */
export function useTicketActivity(): number {
  return useSyncExternalStore(onActivity, () => activityCount);
}

export interface NotificationFeed {
  unread: number;
  items: AppNotification[];
  nextCursor: string | null;
  loading: boolean;
  failed: boolean;
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
  markRead: (n: AppNotification) => Promise<void>;
  markAllRead: () => Promise<void>;
}

/**
 * The signed-in user's notifications: the unread count and newcomers arrive over Server-Sent Events,
 * the list is read page by page when someone looks at it. The stream is reopened whenever the access
 * token changes (a refresh, another login) and closed when the session ends, so it never outlives the
 * user it was opened for.
 */
export function useNotificationFeed(enabled: boolean): NotificationFeed {
  const token = useSyncExternalStore(sessionStore.subscribe, currentToken);
  const [unread, setUnread] = useState(0);
  const [items, setItems] = useState<AppNotification[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  // A reply for a list requested before a newer request (or before a logout) is dropped.
  const generation = useRef(0);

  const refreshCount = useCallback(async () => {
    try {
      setUnread(await notificationsApi.unreadCount());
    } catch {
      /* the stream's next `unread` event corrects the badge */
    }
  }, []);

  useEffect(() => {
    if (!enabled || !token) return;
    let closed = false;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = async () => {
      // A one-use ticket per connection; a refresh on the way changes `token` and this effect
      // starts over with the new one, so this attempt simply stops.
      const url = await streamUrl(NOTIFY_STREAM);
      if (closed || !url) return;
      source = new EventSource(url);
      source.addEventListener('unread', (e) => {
        const data = JSON.parse((e as MessageEvent<string>).data) as { unread: number };
        setUnread(data.unread);
      });
      source.addEventListener('notification', (e) => {
        const n = JSON.parse((e as MessageEvent<string>).data) as AppNotification;
        const arrived: AppNotification = { ...n, readAt: n.readAt ?? null };
        setItems((list) => (list.some((x) => x.id === n.id) ? list : [arrived, ...list]));
        activityCount++;
        activity.dispatchEvent(new Event('ticket'));
      });
      // The browser's own retry would reuse the old URL, whose ticket was used.
      source.onerror = () => {
        source?.close();
        if (!closed) retry = setTimeout(() => void connect(), RECONNECT_MS);
      };
    };
    void refreshCount();
    void connect();
    return () => {
      closed = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [enabled, token, refreshCount]);

  // Whatever was shown belongs to the session that ended.
  useEffect(() => {
    if (token) return;
    generation.current++;
    setItems([]);
    setUnread(0);
    setNextCursor(null);
  }, [token]);

  const fetchPage = useCallback(async (cursor: string | null) => {
    const mine = ++generation.current;
    setLoading(true);
    setFailed(false);
    try {
      const page = await notificationsApi.page(cursor);
      if (mine !== generation.current) return;
      setItems((list) => {
        if (!cursor) return page.items;
        const known = new Set(list.map((n) => n.id));
        return [...list, ...page.items.filter((n) => !known.has(n.id))];
      });
      setNextCursor(page.nextCursor);
    } catch {
      if (mine === generation.current) setFailed(true);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);

  const reload = useCallback(async () => {
    await Promise.all([fetchPage(null), refreshCount()]);
  }, [fetchPage, refreshCount]);
  const loadMore = useCallback(() => fetchPage(nextCursor), [fetchPage, nextCursor]);

  const markRead = useCallback(
    async (n: AppNotification) => {
      if (n.readAt) return;
      const now = new Date().toISOString();
      setItems((list) => list.map((x) => (x.id === n.id ? { ...x, readAt: now } : x)));
      setUnread((c) => Math.max(0, c - 1));
      try {
        await notificationsApi.markRead(n.id);
      } catch {
        setItems((list) => list.map((x) => (x.id === n.id ? { ...x, readAt: null } : x)));
      }
      // The service's count is the truth (another tab may have read some meanwhile).
      await refreshCount();
    },
    [refreshCount],
  );

  const markAllRead = useCallback(async () => {
    const now = new Date().toISOString();
    await notificationsApi.markAllRead();
    setItems((list) => list.map((x) => (x.readAt ? x : { ...x, readAt: now })));
    await refreshCount();
  }, [refreshCount]);

  return { unread, items, nextCursor, loading, failed, reload, loadMore, markRead, markAllRead };
}
