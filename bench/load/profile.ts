import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

export interface Hotspot {
  frame: string;
  selfPercent: number;
}

/** Where a .cpuprofile spent its samples: by function (self time) and by package. */
export function summariseProfile(
  file: string,
  top = 12,
): { totalMs: number; frames: Hotspot[]; packages: Hotspot[] } {
  const p = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: ProfileNode[];
    startTime: number;
    endTime: number;
  };
  const total = p.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0) || 1;
  const byFrame = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const n of p.nodes) {
    const hits = n.hitCount ?? 0;
    if (!hits) continue;
    const { functionName, url, lineNumber } = n.callFrame;
    const file = url.replace(/^file:\/\//, '');
    const short = file.includes('node_modules/')
      ? file.slice(file.lastIndexOf('node_modules/') + 13)
      : file.replace(/^.*\/dist\//, 'dist/');
    const frame = `${functionName || '(anonymous)'} ${short ? `${short}:${lineNumber + 1}` : ''}`.trim();
    byFrame.set(frame, (byFrame.get(frame) ?? 0) + hits);
    byPackage.set(packageOf(file, functionName), (byPackage.get(packageOf(file, functionName)) ?? 0) + hits);
  }
  const rank = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([frame, hits]) => ({ frame, selfPercent: Math.round((hits / total) * 1000) / 10 }));
  return {
    totalMs: Math.round((p.endTime - p.startTime) / 1000),
    frames: rank(byFrame),
    packages: rank(byPackage),
  };
}

function packageOf(file: string, fn: string): string {
  if (!file) return fn.startsWith('(') ? fn : '(native)';
  const nm = file.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = file.slice(nm + 13).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (file.startsWith('node:')) return 'node core';
  const m = /\/dist\/(apps\/[^/]+|libs\/[^/]+)/.exec(file);
  return m ? m[1] : file;
}
