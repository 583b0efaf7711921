import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ServiceDefinition } from '@ticketing/platform';
import { loadIdentitySettings } from '../../identity/src/identity.env';
import { DemoQuarterReport, seedDemoQuarter } from './demo/demo-quarter.seeder';
import { SeedingGate } from './demo/seeding-gate';
import { StandaloneEnv } from './standalone.env';
import { STANDALONE_MODULES } from './standalone.modules';
import { serveWebApp } from './web-app';

/**
 * `npm start`: every service in one process, the web app on the same port, and on a first start
 * with SEED_DEMO a quarter of demo tickets replayed before the process says it is ready.
 * `onSeeded` hears how the seeding went (tests).
 */
export function standalone(
  environment?: NodeJS.ProcessEnv,
  onSeeded?: (report: DemoQuarterReport | null) => void,
): ServiceDefinition<StandaloneEnv> {
  const gate = new SeedingGate();
  return {
    service: 'standalone',
    modules: STANDALONE_MODULES,
    env: StandaloneEnv,
    environment,
    title: '吹哨报到 API',
    configure: (app: NestExpressApplication, _config, logger) => {
      app.use(gate.middleware());
      serveWebApp(app, (msg) => logger.warn(msg));
    },
    beforeReady: async (running, config) => {
      const logger = running.runtime.logger;
      if (!loadIdentitySettings(environment).seedDemo || !config.SEED_DEMO_QUARTER) return onSeeded?.(null);
      let report: DemoQuarterReport | null;
      try {
        // Seeded whether or not anyone listens (`onSeeded?.(await …)` would skip the seeding
        // itself when nobody does: an optional call does not evaluate its arguments).
        report = await seedDemoQuarter(running, gate, { logger });
      } catch (e) {
        // A demo without its quarter still works: say what went wrong and open.
        logger.error({ error: (e as Error).stack ?? String(e) }, 'seeding the demo quarter failed');
        report = null;
      }
      onSeeded?.(report);
    },
  };
}
