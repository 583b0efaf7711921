import { ReactNode, useEffect, useRef } from 'react';

/**
 * Holds tables that scroll sideways on a narrow screen. A scrolling region must be reachable by
 * keyboard (WCAG 2.1.1; axe's scrollable-region-focusable) even when its rows hold no link: each
 * table body that overflows is made a named, focusable region (the arrow keys then scroll it), and
 * is left alone again when it fits.
 */
export function KeyboardScroll({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const mark = () =>
      root.querySelectorAll<HTMLElement>('.ant-table-content').forEach((el) => {
        if (el.scrollWidth > el.clientWidth + 1) {
          if (el.tabIndex !== 0) el.tabIndex = 0;
          el.setAttribute('role', 'region');
          el.setAttribute('aria-label', label);
        } else if (el.hasAttribute('tabindex')) {
          el.removeAttribute('tabindex');
          el.removeAttribute('role');
          el.removeAttribute('aria-label');
        }
      });
    mark();
    const resized = new ResizeObserver(mark);
    resized.observe(root);
    const changed = new MutationObserver(mark);
    changed.observe(root, { childList: true, subtree: true });
    return () => {
      resized.disconnect();
      changed.disconnect();
    };
  }, [label]);
  return <div ref={ref}>{children}</div>;
}
