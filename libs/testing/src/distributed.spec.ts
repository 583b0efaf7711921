import { execFileSync } from 'node:child_process';
import { SERVICE_NODE_FLAGS, serviceProcessEnv } from './distributed';

/** The old generation's bound, MB, that a Node process started with this environment runs with. */
function oldSpaceLimitMb(env: NodeJS.ProcessEnv): number {
  const out = execFileSync(
    process.execPath,
    ['-e', "const v8 = require('v8'); console.log(v8.getHeapStatistics().heap_size_limit)"],
    { env, encoding: 'utf8' },
  );
  // heap_size_limit is the old generation plus the young one (three semi-spaces).
  const young = 3 * 16;
  return Math.round(Number(out) / 1048576) - young;
}

const plain = (): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  return env;
};

describe('serviceProcessEnv', () => {
  it('starts a service with its old generation bounded as SERVICE_NODE_FLAGS says', () => {
    expect(SERVICE_NODE_FLAGS).toContain('--max-old-space-size=192');
    const env = serviceProcessEnv('ticket', plain());
    expect(env.NODE_OPTIONS).toBe('--max-old-space-size=192');
    expect(oldSpaceLimitMb(env)).toBe(192);
  });

  it('lets flags given in NODE_OPTIONS come after the bound and win', () => {
    const env = serviceProcessEnv('ledger', { ...plain(), NODE_OPTIONS: '--max-old-space-size=300' });
    expect(env.NODE_OPTIONS).toBe('--max-old-space-size=192 --max-old-space-size=300');
    expect(oldSpaceLimitMb(env)).toBe(300);
  });

  it('leaves the standalone process, which holds every service, unbounded', () => {
    const env = serviceProcessEnv('standalone', plain());
    expect(env.NODE_OPTIONS).toBeUndefined();
    expect(oldSpaceLimitMb(env)).toBeGreaterThan(1000);
  });

  it('keeps the rest of the environment as given', () => {
    const env = serviceProcessEnv('sla', { PORT: '3001', NODE_OPTIONS: '--require ./hook.js' });
    expect(env).toEqual({ PORT: '3001', NODE_OPTIONS: '--max-old-space-size=192 --require ./hook.js' });
  });
});
