import { execFileSync } from 'node:child_process';
import { SERVICE_NODE_FLAGS, serviceProcessEnv } from './distributed';

const plain = (): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  return env;
};

/** V8's heap limit, MB, of a Node process started with this environment. */
const heapLimitMb = (env: NodeJS.ProcessEnv): number =>
  Math.round(
    Number(
      execFileSync(
        process.execPath,
        ['-e', "console.log(require('v8').getHeapStatistics().heap_size_limit)"],
        { env, encoding: 'utf8' },
      ),
    ) / 1048576,
  );

/** The old generation's bound, MB: the heap limit less the young generation, as this Node sizes it. */
let young: number | undefined;
function oldSpaceLimitMb(env: NodeJS.ProcessEnv): number {
  young ??= heapLimitMb({ ...plain(), NODE_OPTIONS: '--max-old-space-size=1000' }) - 1000;
  return heapLimitMb(env) - young;
}

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
    // V8's own default, sized from the machine's memory.
    expect(oldSpaceLimitMb(env)).not.toBe(192);
  });

  it('keeps the rest of the environment as given', () => {
    const env = serviceProcessEnv('sla', { PORT: '3001', NODE_OPTIONS: '--require ./hook.js' });
    expect(env).toEqual({ PORT: '3001', NODE_OPTIONS: '--max-old-space-size=192 --require ./hook.js' });
  });
});
