import { useEffect, useState } from 'react';

type Paths = Set<string>;
let loaded: Promise<Paths> | null = null;

/**
 * Which endpoints this server offers, read once from its OpenAPI document. Services land one by one
 * (ledger, notify); asking the document instead of probing keeps 404s out of the browser console.
 */
function load(): Promise<Paths> {
  loaded ??= fetch('/api/docs-json')
    .then((r) =>
      r.ok ? (r.json() as Promise<{ paths?: Record<string, Record<string, unknown>> }>) : { paths: {} },
    )
    .then((doc) => {
      const out = new Set<string>();
      for (const [path, ops] of Object.entries(doc.paths ?? {}))
        for (const m of Object.keys(ops)) out.add(`${m.toUpperCase()} ${path}`);
      return out;
    })
    .catch(() => new Set<string>());
  return loaded;
}

/** undefined while loading; then whether `METHOD /path/{param}` exists. */
export function useCapability(method: string, path: string): boolean | undefined {
  const [has, setHas] = useState<boolean>();
  useEffect(() => {
    let live = true;
    void load().then((p) => live && setHas(p.has(`${method.toUpperCase()} ${path}`)));
    return () => {
      live = false;
    };
  }, [method, path]);
  return has;
}

export function useCapabilities(): Paths | undefined {
  const [paths, setPaths] = useState<Paths>();
  useEffect(() => {
    let live = true;
    void load().then((p) => live && setPaths(p));
    return () => {
      live = false;
    };
  }, []);
  return paths;
}
