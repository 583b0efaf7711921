import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Enterprise, Page } from '../../api/types';
import { allPages } from './outreach-api';

const key = (userId: string) => `cs.outreach.enterprises.${userId}`;

export interface GridEnterprise {
  id: string;
  name: string;
  contact: { name: string; phone: string | null } | null;
}

function kept(userId: string): GridEnterprise[] | undefined {
  try {
    const raw = localStorage.getItem(key(userId));
    return raw ? (JSON.parse(raw) as GridEnterprise[]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The active enterprises of the instructor's grids (identity scopes the list by the token's grids),
 * with each one's first contact. The last list is kept in the browser, so the visit form still
 * offers them (and names the chosen one) when the phone has no connection.
 */
export function useGridEnterprises(
  userId: string,
  enabled = true,
): {
  enterprises: GridEnterprise[];
  loading: boolean;
  failed: boolean;
} {
  const [enterprises, setEnterprises] = useState<GridEnterprise[] | undefined>(() =>
    enabled ? kept(userId) : undefined,
  );
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!enabled) {
      setLoading(false);
      return;
    }
    let live = true;
    allPages((cursor) =>
      api<Page<Enterprise>>('/api/v1/identity/enterprises', { query: { limit: 100, cursor } }),
    )
      .then((all) => {
        if (!live) return;
        const list = all
          .filter((e) => e.active)
          .map((e) => ({
            id: e.id,
            name: e.name,
            contact: e.contacts[0] ? { name: e.contacts[0].name, phone: e.contacts[0].phone } : null,
          }));
        setEnterprises(list);
        try {
          localStorage.setItem(key(userId), JSON.stringify(list));
        } catch {
          /* storage full: the list is still on screen */
        }
      })
      .catch(() => live && setFailed(true))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [userId, enabled]);
  return { enterprises: enterprises ?? [], loading, failed };
}
