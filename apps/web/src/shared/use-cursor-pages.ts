import { DependencyList, useEffect, useState } from 'react';

export interface CursorPages<T> {
  rows: T[];
  /** Whether another page follows. */
  hasMore: boolean;
  loading: boolean;
  error: unknown;
  /** Appends the next page. */
  more: () => Promise<void>;
}

/**
 * A cursor-paged list: the first page on mount and whenever `deps` change (an answer for an
 * outdated request is dropped), the next page appended on `more()`.
 */
export function useCursorPages<T>(
  fetchPage: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>,
  deps: DependencyList,
): CursorPages<T> {
  const [rows, setRows] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(undefined);
    fetchPage(null).then(
      (p) => {
        if (!live) return;
        setRows(p.items);
        setCursor(p.nextCursor);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, deps);

  const more = async () => {
    setLoading(true);
    try {
      const p = await fetchPage(cursor);
      setRows((r) => [...r, ...p.items]);
      setCursor(p.nextCursor);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };

  return { rows, hasMore: cursor !== null, loading, error, more };
}
