let registering: Promise<ServiceWorkerRegistration | null> | null = null;

/** The built assets this page has loaded so far (its own chunk included), as absolute URLs. */
function loadedAssets(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((u) => {
      const url = new URL(u);
      return url.origin === location.origin && url.pathname.startsWith('/assets/');
    });
}

/**
 * Keeps the app openable without a connection (public/sw.js), for the instructors' pages: a phone in
 * the field reloads, and its draft visit is still there. Registered from those pages only, so
 * nobody else's browser runs a worker. Each of those pages, when it opens, hands the worker the
 * assets loaded so far (those that came before the worker took over, and the page's own chunk),
 * and the worker keeps the ones it lacks. Not in development, where Vite serves unbuilt modules.
 */
export function keepAppForOffline(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  registering ??= navigator.serviceWorker
    .register('/sw.js', { scope: '/' })
    .then(() => navigator.serviceWorker.ready)
    .catch(() => {
      // Without a worker the app still works online; the draft itself is kept either way.
      registering = null;
      return null;
    });
  void registering.then((reg) => reg?.active?.postMessage({ type: 'cache', urls: loadedAssets() }));
}
