import 'reflect-metadata';
import { runMain } from '@ticketing/platform';
import { STANDALONE_MODULES } from './standalone.modules';
import { serveWebApp } from './web-app';

void runMain({
  service: 'standalone',
  modules: STANDALONE_MODULES,
  title: '吹哨报到 API',
  configure: (app, _config, logger) => serveWebApp(app, (msg) => logger.warn(msg)),
});
