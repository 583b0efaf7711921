import type { Role } from '../api/types';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  enterpriseId: string | null;
  departmentId: string | null;
  gridIds: string[];
  /** A new account or an admin's reset: the user must choose a password before anything else. */
  mustChangePassword?: boolean;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: SessionUser;
}

const KEY = 'cs.session';
const listeners = new Set<() => void>();

function read(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

let current: Session | null = read();

/**
 * How the last session ended: whose it was, and whether its user logged out. A page the session
 * ran out on is worth returning to after logging in again; one a user logged out of is not, and
 * never for somebody else (their login would land on a page that is not theirs).
 */
export interface SessionEnd {
  userId: string;
  byLogout: boolean;
}
let ended: SessionEnd | null = null;

/**
 * The session lives in localStorage so a reload keeps the user logged in; a tiny external store
 * (useSyncExternalStore) so the API client, which is not a component, can update it too.
 */
export const sessionStore = {
  get: (): Session | null => current,
  ended: (): SessionEnd | null => ended,
  set(s: Session | null, how: { byLogout?: boolean } = {}): void {
    if (!s && current) ended = { userId: current.user.id, byLogout: !!how.byLogout };
    current = s;
    if (s) localStorage.setItem(KEY, JSON.stringify(s));
    else localStorage.removeItem(KEY);
    for (const l of listeners) l();
  },
  subscribe(l: () => void): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};

// Another tab logging out or in must not leave this one acting with stale tokens.
window.addEventListener('storage', (e) => {
  if (e.key !== KEY) return;
  current = read();
  for (const l of listeners) l();
});
