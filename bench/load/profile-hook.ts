/**
 * Preloaded into a service (NODE_OPTIONS=--require) by the load bench: V8's sampling CPU profiler
 * (the one behind `node --cpu-prof`) over a window the bench chooses. --cpu-prof itself writes
 * only on a clean exit, and Nest's shutdown hooks end the process by re-raising the signal, so no
 * profile would ever be written. The bench opens and closes the window with marker files.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const dir = process.env.LOAD_PROFILE_DIR;
const name = process.env.LOAD_PROFILE_NAME ?? 'node';
if (dir) {
  const session = new Session();
  session.connect();
  let state: 'idle' | 'running' | 'done' = 'idle';
  const timer = setInterval(() => {
    if (state === 'idle' && existsSync(join(dir, 'start'))) {
      state = 'running';
      session.post('Profiler.enable', () => session.post('Profiler.start'));
    } else if (state === 'running' && existsSync(join(dir, 'stop'))) {
      state = 'done';
      clearInterval(timer);
      session.post('Profiler.stop', (err, res) => {
        if (!err) writeFileSync(join(dir, `${name}-${process.pid}.cpuprofile`), JSON.stringify(res.profile));
      });
    }
  }, 250);
  timer.unref();
}
