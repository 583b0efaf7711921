import { createContext, ReactNode, useCallback, useContext, useMemo, useSyncExternalStore } from 'react';
import { api } from '../api/client';
import { Session, SessionUser, sessionStore } from './session-store';

interface SessionApi {
  user: SessionUser | null;
  login: (username: string, password: string) => Promise<SessionUser>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const session = useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
  const login = useCallback(async (username: string, password: string) => {
    const s = await api<Session>('/api/v1/identity/auth/login', {
      method: 'POST',
      body: { username, password },
    });
    sessionStore.set({ accessToken: s.accessToken, refreshToken: s.refreshToken, user: s.user });
    return s.user;
  }, []);
  const logout = useCallback(async () => {
    const s = sessionStore.get();
    sessionStore.set(null, { byLogout: true });
    // Revoking the refresh token is best effort: the user is logged out here either way.
    if (s)
      await api('/api/v1/identity/auth/logout', {
        method: 'POST',
        body: { refreshToken: s.refreshToken },
      }).catch(() => undefined);
  }, []);
  const value = useMemo(() => ({ user: session?.user ?? null, login, logout }), [session, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** Non-null user for pages behind RequireRole. */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a session');
  return user;
}
